package dev.jx86.runtime.profile;

/**
 * One translation of a profiled run (live at its end, or evicted or invalidated before).
 *
 * @param pc the guest address of its first instruction
 * @param mode the CPU mode it was translated in ({@code 64}, {@code 32}, ...)
 * @param guestBytes bytes of guest code it covers
 * @param instructions guest instructions
 * @param irOps IR ops after the passes
 * @param translateNanos time to decode, lift and optimize it
 * @param crossPage whether its guest code spans two pages
 * @param interpretedExecutions times the interpreter ran it (tier 0); compiled executions are counted by the regions
 * @param compiled whether tier 1 compiled code entered at this block (alone or as a region's entry)
 * @param fate what became of it
 */
public record TranslationStats(
        long pc,
        int mode,
        int guestBytes,
        int instructions,
        int irOps,
        long translateNanos,
        boolean crossPage,
        long interpretedExecutions,
        boolean compiled,
        Fate fate) {
    /** Whether a translation was still cached at the end, or why it left the cache. */
    public enum Fate {
        LIVE,
        EVICTED,
        INVALIDATED
    }

    /** The address after its last guest byte. */
    public long end() {
        return pc + guestBytes;
    }
}
