package dev.jx86.runtime.exec;

/** How often and why execution left translated code; the profile reports these. */
public final class ExitStatistics {
    long blocks;
    /** Dispatches that ran the block in the interpreter (tier 0, or once after a memory exit). */
    long interpreted;

    long syscalls;
    long faults;
    long halts;
    long stopRequests;
    /** Compiled code's exits at a memory access its fast path does not do (ExitReason.MEMORY). */
    long memoryExits;

    long translations;
    long translateNanos;
    long jumpCacheHits;
    long cacheLookups;
    long compilations;
    long compileNanos;
    long notCompiled;
    long regions;
    long regionBlocks;
    long regionsDropped;
    long promotions;
    /** Promotions put off for another round of samples because a grown region held the entry block. */
    long promotionsDeferred;

    long chained;

    ExitStatistics() {}

    /** Blocks run. */
    public long blocks() {
        return blocks;
    }

    public long memoryExits() {
        return memoryExits;
    }

    public long syscalls() {
        return syscalls;
    }

    public long faults() {
        return faults;
    }

    public long halts() {
        return halts;
    }

    public long stopRequests() {
        return stopRequests;
    }

    public long translations() {
        return translations;
    }

    public long translateNanos() {
        return translateNanos;
    }

    /** Blocks found in the per-CPU jump cache without a translation-cache lookup. */
    public long jumpCacheHits() {
        return jumpCacheHits;
    }

    /** Lookups in the translation cache (jump-cache misses). */
    public long cacheLookups() {
        return cacheLookups;
    }

    /** Blocks tier 1 compiled. */
    public long compilations() {
        return compilations;
    }

    /** Time tier 1 spent compiling, in nanoseconds. */
    public long compileNanos() {
        return compileNanos;
    }

    /** Blocks tier 1 declined (too large for the JIT), left to the interpreter. */
    public long notCompiled() {
        return notCompiled;
    }

    /** Regions tier 1 installed (single compiled blocks count as regions of one block). */
    public long regions() {
        return regions;
    }

    /** Blocks over all installed regions. */
    public long regionBlocks() {
        return regionBlocks;
    }

    /** Compiled regions dropped before installation because their code was written meanwhile. */
    public long regionsDropped() {
        return regionsDropped;
    }

    /** Promotions put off for another round of samples because a grown region held the entry block. */
    public long promotionsDeferred() {
        return promotionsDeferred;
    }

    /** Regions compiled again for the optimizing compiler because the guest spent its time in them. */
    public long promotions() {
        return promotions;
    }

    /** Dispatches that found the next translation through the previous one's chain, without a lookup. */
    public long chained() {
        return chained;
    }
}
