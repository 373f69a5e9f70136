package dev.jx86.runtime.exec;

/**
 * Guest symbols for compiled code's names: {@code describe(pc)} is {@code function+0x1c}, or empty where the program
 * has no symbol. Called on the tier-1 thread, so an implementation may load symbols lazily there.
 */
@FunctionalInterface
public interface CodeNames {
    /** No names. */
    CodeNames NONE = pc -> "";

    String describe(long pc);
}
