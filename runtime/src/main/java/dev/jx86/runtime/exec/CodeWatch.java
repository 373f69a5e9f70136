package dev.jx86.runtime.exec;

/**
 * How the execution loop asks memory to report writes to guest code it translated: after translating code on a
 * page it calls {@link #watch}; the memory then tells the loop ({@link Engine#invalidate}) when the page is
 * written, so that self-modifying code and guest JITs run their new code.
 */
@FunctionalInterface
public interface CodeWatch {
    /** Report the next write to the page at {@code pageAddress} (4 KiB aligned). */
    void watch(long pageAddress);

    /** For memory that is never written behind the translator's back (tests of pure code). */
    CodeWatch NONE = page -> {};
}
