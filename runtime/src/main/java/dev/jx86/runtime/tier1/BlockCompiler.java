package dev.jx86.runtime.tier1;

import dev.jx86.ir.Block;
import dev.jx86.runtime.abi.Cpu;

/**
 * Turns IR into host code that does what the tier-0 {@link dev.jx86.runtime.exec.Interpreter} does with it: a single
 * block, or a {@link Region} of blocks that jump to each other. The runtime owns when and what to compile; a backend
 * (the JVM backend's {@code JvmBlockCompiler}) owns how. Implementations must be safe to call from any thread.
 */
public interface BlockCompiler {
    /**
     * Compiles {@code region}, entered at its first block, for the host compiler {@code optimization} names, or
     * returns {@code null} when this compiler cannot (for example because the code would exceed a host limit); the
     * runtime then keeps interpreting.
     */
    CompiledBlock compile(Region region, Optimization optimization);

    /** {@link #compile(Region, Optimization)} for the host's optimizing compiler. */
    default CompiledBlock compile(Region region) {
        return compile(region, Optimization.OPTIMIZING);
    }

    /** Compiles one block: {@link #compile(Region)} of a region of that block alone. */
    default CompiledBlock compile(Block block) {
        return compile(Region.of(block));
    }

    /**
     * Runs the compiler's shared memory accessors on {@code cpu}'s memory, at an address of the stack, through both
     * their TLB-hit and TLB-miss paths, before any guest code: see the implementation. Leaves guest state and memory
     * as they were (stores write back what was read).
     */
    default void warmUp(Cpu cpu) {}
}
