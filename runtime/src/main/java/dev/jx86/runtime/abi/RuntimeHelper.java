package dev.jx86.runtime.abi;

import dev.jx86.ir.Helper;

/**
 * A helper as one definition: the descriptor that IR {@code call} ops carry and the body the tiers run. Lifters use
 * {@link #descriptor()}; the interpreter and the compiler find the body by the descriptor's id in {@link Helpers}.
 */
public record RuntimeHelper(Helper descriptor, HelperFunction body) {
    public int id() {
        return descriptor.id();
    }
}
