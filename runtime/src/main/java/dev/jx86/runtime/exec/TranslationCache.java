package dev.jx86.runtime.exec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.jfr.EvictionEvent;
import dev.jx86.runtime.jfr.InvalidationEvent;
import dev.jx86.runtime.jfr.Recorder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Translations by guest pc and mode, bounded by their size in IR ops (Caffeine evicts cold ones one by one), with
 * an index by guest page so that a write to translated code drops exactly the translations of that page.
 * Single-threaded for now: the execution loop owns it.
 */
public final class TranslationCache {
    /** The default bound: IR ops of all cached translations together. */
    public static final long DEFAULT_MAX_OPS = 4_000_000;

    private record Key(long pc, CpuMode mode) {}

    private final Cache<Key, Translation> cache;
    private final Map<Long, List<Translation>> byPage = new HashMap<>();
    private long evictions;
    private long invalidations;
    /** Told of every translation that leaves the cache, and whether it was invalidated (else evicted). */
    private Retirement retirement = (t, invalidated) -> {};

    /** What a profile does with a translation that leaves the cache. */
    @FunctionalInterface
    interface Retirement {
        void retired(Translation t, boolean invalidated);
    }

    public TranslationCache(long maxOps) {
        cache = Caffeine.newBuilder()
                .maximumWeight(maxOps)
                .weigher((Key k, Translation t) -> t.block().size() + 1)
                .executor(Runnable::run)
                .removalListener((Key k, Translation t, RemovalCause cause) -> {
                    if (t != null && cause.wasEvicted()) {
                        evictions++;
                        forget(t);
                        retirement.retired(t, false);
                        if (Recorder.started()) {
                            recordEviction(t);
                        }
                    }
                })
                .build();
    }

    private static void recordEviction(Translation t) {
        var event = new EvictionEvent();
        if (event.shouldCommit()) {
            event.pc = t.pc();
            event.irOps = t.block().size();
            event.commit();
        }
    }

    /** The translation of {@code pc} in {@code mode}, translating it with {@code translate} if there is none. */
    public Translation get(long pc, CpuMode mode, Supplier<Translation> translate) {
        Key key = new Key(pc, mode);
        Translation t = cache.getIfPresent(key);
        if (t == null) {
            t = translate.get();
            cache.put(key, t);
            for (long page = pc >>> 12; page <= (t.end() - 1) >>> 12; page++) {
                byPage.computeIfAbsent(page, p -> new ArrayList<>()).add(t);
            }
        }
        return t;
    }

    /** The translation of {@code pc} in {@code mode} if there is one, without translating. */
    public Translation peek(long pc, CpuMode mode) {
        return cache.getIfPresent(new Key(pc, mode));
    }

    /**
     * Makes {@code t} depend on guest code in [start, end) too (a block of its region): a write there drops it as if
     * it were its own code.
     */
    void attach(Translation t, long start, long end) {
        for (long page = start >>> 12; page <= (end - 1) >>> 12; page++) {
            List<Translation> list = byPage.computeIfAbsent(page, p -> new ArrayList<>());
            if (!list.contains(t)) {
                list.add(t);
                long[] pages = java.util.Arrays.copyOf(t.attachedPages, t.attachedPages.length + 1);
                pages[pages.length - 1] = page;
                t.attachedPages = pages;
            }
        }
    }

    /** Drops every translation with code on the pages of [start, end); returns how many. */
    public int invalidate(long start, long end) {
        int dropped = 0;
        for (long page = start >>> 12; page <= (end - 1) >>> 12; page++) {
            List<Translation> list = byPage.remove(page);
            if (list == null) {
                continue;
            }
            for (Translation t : list) {
                if (t.valid()) {
                    t.invalidate();
                    cache.invalidate(new Key(t.pc(), t.mode()));
                    retirement.retired(t, true);
                    dropped++;
                }
            }
        }
        invalidations += dropped;
        if (dropped > 0 && Recorder.started()) {
            var event = new InvalidationEvent();
            if (event.shouldCommit()) {
                event.start = start;
                event.end = end;
                event.translations = dropped;
                event.commit();
            }
        }
        return dropped;
    }

    private void forget(Translation t) {
        t.invalidate();
        for (long page = t.pc() >>> 12; page <= (t.end() - 1) >>> 12; page++) {
            unindex(page, t);
        }
        for (long page : t.attachedPages) {
            unindex(page, t);
        }
    }

    private void unindex(long page, Translation t) {
        List<Translation> list = byPage.get(page);
        if (list != null) {
            list.remove(t);
            if (list.isEmpty()) {
                byPage.remove(page);
            }
        }
    }

    /** Whether any valid translation covers page {@code page} (a page number). */
    public boolean hasCode(long page) {
        return byPage.containsKey(page);
    }

    void retirement(Retirement r) {
        retirement = r;
    }

    /** Runs pending cache maintenance (evictions) now. */
    public void cleanUp() {
        cache.cleanUp();
    }

    public long size() {
        return cache.estimatedSize();
    }

    public long evictions() {
        return evictions;
    }

    public long invalidations() {
        return invalidations;
    }

    /** All translations now cached (for reports). */
    public List<Translation> translations() {
        return List.copyOf(cache.asMap().values());
    }
}
