package dev.jx86.runtime.tier1;

import dev.jx86.ir.Block;

/**
 * Turns IR into host code that does what the tier-0 {@link dev.jx86.runtime.exec.Interpreter} does with it: a single
 * block, or a {@link Region} of blocks that jump to each other. The runtime owns when and what to compile; a backend
 * (the JVM backend's {@code JvmBlockCompiler}) owns how. Implementations must be safe to call from any thread.
 */
public interface BlockCompiler {
    /**
     * Compiles {@code region}, entered at its first block, or returns {@code null} when this compiler cannot (for
     * example because the code would exceed a host limit); the runtime then keeps interpreting.
     */
    CompiledBlock compile(Region region);

    /** Compiles one block: {@link #compile(Region)} of a region of that block alone. */
    default CompiledBlock compile(Block block) {
        return compile(Region.of(block));
    }
}
