package dev.jx86.runtime.tier1;

import dev.jx86.ir.Block;

/**
 * Turns an IR block into host code that does what the tier-0 {@link dev.jx86.runtime.exec.Interpreter} does with it.
 * The runtime owns when to compile and what to do with the result; a backend (the JVM backend's
 * {@code JvmBlockCompiler}) owns how. Implementations must be safe to call from any thread.
 */
public interface BlockCompiler {
    /**
     * Compiles {@code block}, or returns {@code null} when this compiler cannot (for example because the code would
     * exceed a host limit); the runtime then keeps interpreting the block.
     */
    CompiledBlock compile(Block block);
}
