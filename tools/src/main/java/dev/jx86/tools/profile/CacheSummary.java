package dev.jx86.tools.profile;

import dev.jx86.runtime.profile.CacheStats;
import dev.jx86.runtime.profile.Profile;
import dev.jx86.runtime.profile.RegionStats;
import dev.jx86.runtime.profile.TranslationStats;

/**
 * The translation cache over a run, as QEMU's {@code info jit} shows its translation buffer: what was translated
 * and compiled, how much code that made (expansion ratios), cross-page translations, how dispatches found their
 * code (chained, jump cache, cache lookups: the hit rates), evictions and invalidations.
 *
 * @param guestBytes guest code bytes over all translations made
 * @param irOpsPerGuestByte IR ops per byte of guest code translated (0 when nothing was)
 * @param compiledGuestBytes guest code bytes of the blocks of all compiled units
 * @param bytecodeBytes bytecode bytes of all compiled units' methods
 * @param bytecodePerGuestByte bytecode bytes per guest code byte compiled
 * @param chainRate dispatches found through a chain, of all dispatches
 * @param hitRate dispatches that found their translation without translating (chain, jump cache or cache), of all
 */
public record CacheSummary(
        CacheStats stats,
        long guestBytes,
        long guestInstructions,
        long irOps,
        long crossPage,
        double irOpsPerGuestByte,
        long compiledUnits,
        long compiledBlocks,
        long compiledGuestBytes,
        long bytecodeBytes,
        double bytecodePerGuestByte,
        long translateNanos,
        long compileNanos,
        double chainRate,
        double jumpCacheRate,
        double hitRate) {
    static CacheSummary of(Profile p) {
        long bytes = 0;
        long instructions = 0;
        long ops = 0;
        long cross = 0;
        long translateNanos = 0;
        for (TranslationStats t : p.translations()) {
            bytes += t.guestBytes();
            instructions += t.instructions();
            ops += t.irOps();
            cross += t.crossPage() ? 1 : 0;
            translateNanos += t.translateNanos();
        }
        long compiledBlocks = 0;
        long compiledBytes = 0;
        long bytecode = 0;
        long compileNanos = 0;
        for (RegionStats r : p.regions()) {
            compiledBlocks += r.blocks().size();
            compiledBytes += r.guestBytes();
            bytecode += Math.max(0, r.bytecodeBytes());
            compileNanos += r.compileNanos();
        }
        CacheStats s = p.cache();
        return new CacheSummary(
                s,
                bytes,
                instructions,
                ops,
                cross,
                ratio(ops, bytes),
                p.regions().size(),
                compiledBlocks,
                compiledBytes,
                bytecode,
                ratio(bytecode, compiledBytes),
                translateNanos,
                compileNanos,
                ratio(s.chained(), s.dispatches()),
                ratio(s.jumpCacheHits(), s.dispatches()),
                ratio(s.dispatches() - s.translations(), s.dispatches()));
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
