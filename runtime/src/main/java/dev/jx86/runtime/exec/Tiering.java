package dev.jx86.runtime.exec;

import dev.jx86.runtime.tier1.BlockCompiler;

/**
 * How the execution loop uses tier 1: not at all, for every block, or for hot code only.
 *
 * @param compiler the tier-1 compiler, or null for tier 0 only
 * @param compileEveryBlock compile each block when it is translated (tier "1", for testing compiled code)
 * @param hotThreshold executions after which a block becomes the entry of a compiled region
 * @param background compile regions on a background thread while the guest keeps running (else at once)
 * @param maxRegionBlocks the most blocks one region may hold
 * @param verify check the first run of each compiled block or region against the interpreter ({@code --verify})
 * @param hotSamples 0: regions are compiled for the host's optimizing compiler at once; else they are compiled for its
 *     baseline compiler first, and again for the optimizing one when a sampler has found the guest running in them
 *     this many times, one sample every other millisecond ({@link HotSampler})
 */
public record Tiering(
        BlockCompiler compiler,
        boolean compileEveryBlock,
        int hotThreshold,
        boolean background,
        int maxRegionBlocks,
        boolean verify,
        int hotSamples) {
    /** Executions before a block is hot, by default. */
    public static final int DEFAULT_THRESHOLD = 1000;

    /** Blocks per region, by default (system property {@code jx86.regionBlocks}, for experiments). */
    public static final int DEFAULT_REGION_BLOCKS = Math.max(1, Integer.getInteger("jx86.regionBlocks", 8));

    /**
     * Samples in a region before it is compiled for the optimizing compiler, by default: 50, about 100 ms of the
     * guest's time, the order of what C2 takes to compile a region (system property {@code jx86.hotSamples}, for
     * experiments; docs/jvm-tier.md has the measurements).
     */
    public static final int DEFAULT_HOT_SAMPLES = Math.max(0, Integer.getInteger("jx86.hotSamples", 50));

    public Tiering {
        if (hotThreshold < 1) {
            throw new IllegalArgumentException("the hot threshold must be at least 1: " + hotThreshold);
        }
        if (maxRegionBlocks < 1) {
            throw new IllegalArgumentException("a region holds at least 1 block: " + maxRegionBlocks);
        }
        if (hotSamples < 0) {
            throw new IllegalArgumentException("hot samples must not be negative: " + hotSamples);
        }
        if (compiler == null && compileEveryBlock) {
            throw new IllegalArgumentException("compiling every block needs a compiler");
        }
    }

    /** Tier 0 only: everything interpreted. */
    public static Tiering interpreterOnly() {
        return new Tiering(null, false, DEFAULT_THRESHOLD, false, DEFAULT_REGION_BLOCKS, false, 0);
    }

    /** Tier "1": every block compiled when translated, hot ones again as regions, all on the guest's thread. */
    public static Tiering compileEveryBlock(BlockCompiler compiler) {
        return new Tiering(compiler, true, DEFAULT_THRESHOLD, false, DEFAULT_REGION_BLOCKS, false, 0);
    }

    /**
     * Tier "mixed": interpreted until hot, then compiled as regions on a background thread, for the baseline compiler
     * and, where the guest spends its time, for the optimizing one.
     */
    public static Tiering mixed(BlockCompiler compiler, int hotThreshold) {
        return new Tiering(compiler, false, hotThreshold, true, DEFAULT_REGION_BLOCKS, false, DEFAULT_HOT_SAMPLES);
    }

    /** The same, compiling on the guest's thread and for the optimizing compiler at once (deterministic: for tests). */
    public Tiering inForeground() {
        return new Tiering(compiler, compileEveryBlock, hotThreshold, false, maxRegionBlocks, verify, 0);
    }

    /** The same, with every compiled block or region checked against the interpreter on its first run. */
    public Tiering verified() {
        return new Tiering(compiler, compileEveryBlock, hotThreshold, background, maxRegionBlocks, true, hotSamples);
    }

    /** The same, with another hot threshold. */
    public Tiering withHotThreshold(int threshold) {
        return new Tiering(compiler, compileEveryBlock, threshold, background, maxRegionBlocks, verify, hotSamples);
    }

    /** The same, with regions compiled for the optimizing compiler after {@code samples} samples (0: at once). */
    public Tiering withHotSamples(int samples) {
        return new Tiering(compiler, compileEveryBlock, hotThreshold, background, maxRegionBlocks, verify, samples);
    }

    /** Whether regions are compiled for the baseline compiler first and promoted by sampling. */
    public boolean samples() {
        return hotSamples > 0 && background && compiler != null;
    }

    /** The same, with regions of at most {@code blocks} blocks. */
    public Tiering withMaxRegionBlocks(int blocks) {
        return new Tiering(compiler, compileEveryBlock, hotThreshold, background, blocks, verify, hotSamples);
    }

    public boolean compiles() {
        return compiler != null;
    }
}
