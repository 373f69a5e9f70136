package dev.jx86.runtime.profile;

/**
 * The translation cache and the dispatcher over a profiled run, in the spirit of QEMU's {@code info jit}.
 *
 * @param dispatches translations entered by the dispatcher
 * @param chained of those, found through the previous translation's chain (no lookup)
 * @param jumpCacheHits found in the per-CPU jump cache
 * @param cacheLookups looked up in the translation cache (jump-cache misses)
 * @param translations translations made (cache misses)
 * @param liveTranslations translations cached at the end
 * @param evictions translations evicted to keep the cache in its bound
 * @param invalidations translations dropped because their guest code was written or unmapped
 * @param compilations blocks and regions tier 1 compiled and installed
 * @param notCompiled blocks and regions tier 1 declined (too large for the JVM's JIT)
 * @param regionsDropped compiled regions dropped before installation (their code was written meanwhile)
 */
public record CacheStats(
        long dispatches,
        long chained,
        long jumpCacheHits,
        long cacheLookups,
        long translations,
        long liveTranslations,
        long evictions,
        long invalidations,
        long compilations,
        long notCompiled,
        long regionsDropped) {}
