package dev.jx86.runtime.exec;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.elf.Symbolizer;
import dev.jx86.runtime.mem.TlbMemory;
import dev.jx86.runtime.profile.CacheStats;
import dev.jx86.runtime.profile.CallStacks;
import dev.jx86.runtime.profile.ExitCount;
import dev.jx86.runtime.profile.ExitKind;
import dev.jx86.runtime.profile.Phase;
import dev.jx86.runtime.profile.Profile;
import dev.jx86.runtime.profile.RegionStats;
import dev.jx86.runtime.profile.TranslationStats;
import dev.jx86.runtime.tier1.RegionCounters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Records what an {@link ExecutionLoop} does for a profile ({@code jx86 profile}): every translation (read out when
 * it leaves the cache, so evicted code can be unloaded), every compiled unit with its block counters, and the exits
 * to the runtime with their times. The loop calls it only from cold paths (translation, installation, eviction,
 * exits); the guest's code counts its own block entries ({@link RegionCounters}).
 */
public final class ProfileRecorder {
    /** A compiled unit as installed: its blocks' code, and the counters its code increments. */
    private record Installed(long[] pcs, int[] guestBytes, int[] irOps, RegionCounters counters) {}

    private final Set<Translation> live = new LinkedHashSet<>();
    private final List<TranslationStats> retired = new ArrayList<>();
    private final List<Installed> installed = new ArrayList<>();
    private final long[] exitCounts = new long[ExitKind.values().length];
    private final long[] exitNanos = new long[ExitKind.values().length];
    private final long startNanos = System.nanoTime();
    private ExitKind lastExit;
    private long exitedAt;
    /** What the CPU's thread is doing, for the stack sampler. */
    private volatile Phase phase = Phase.GUEST;

    ProfileRecorder() {}

    void translating() {
        phase = Phase.TRANSLATION;
    }

    void translated(Translation t) {
        live.add(t);
        phase = Phase.GUEST;
    }

    /** Tier-1 code for {@code members} (entry first) was installed; {@code counters} count its block entries. */
    void installed(List<Translation> members, RegionCounters counters) {
        int n = members.size();
        long[] pcs = new long[n];
        int[] bytes = new int[n];
        int[] ops = new int[n];
        for (int k = 0; k < n; k++) {
            Translation t = members.get(k);
            pcs[k] = t.pc();
            bytes[k] = (int) (t.end() - t.pc());
            ops[k] = t.block().size();
        }
        installed.add(new Installed(pcs, bytes, ops, counters));
    }

    void retired(Translation t, boolean invalidated) {
        if (live.remove(t)) {
            retired.add(stats(t, invalidated ? TranslationStats.Fate.INVALIDATED : TranslationStats.Fate.EVICTED));
        }
    }

    void codeWritten() {
        exitCounts[ExitKind.CODE_WRITE.ordinal()]++;
    }

    /** The guest left translated code for {@code kind}. */
    void exited(ExitKind kind) {
        exitCounts[kind.ordinal()]++;
        lastExit = kind;
        exitedAt = System.nanoTime();
        phase = Phase.RUNTIME;
    }

    /** The guest runs again: the time since the last exit was the runtime's. */
    void resumed() {
        phase = Phase.GUEST;
        if (lastExit != null) {
            exitNanos[lastExit.ordinal()] += System.nanoTime() - exitedAt;
            lastExit = null;
        }
    }

    /** What the CPU's thread is doing now (read by the sampler thread). */
    public Phase phase() {
        return phase;
    }

    private static TranslationStats stats(Translation t, TranslationStats.Fate fate) {
        long end = t.end();
        return new TranslationStats(
                t.pc(),
                t.mode().bits(),
                (int) (end - t.pc()),
                t.instructions(),
                t.block().size(),
                t.translateNanos(),
                (t.pc() >>> 12) != ((end - 1) >>> 12),
                t.interpretedDispatches(),
                t.isCompiled(),
                fate);
    }

    /**
     * What was recorded, with the statistics of {@code loop}, the TLB misses of {@code cpu}, the sampled
     * {@code stacks} and the program's {@code symbols}.
     */
    public Profile profile(ExecutionLoop loop, Cpu cpu, CallStacks stacks, Symbolizer symbols) {
        long wall = System.nanoTime() - startNanos;
        List<TranslationStats> translations = new ArrayList<>(retired);
        for (Translation t : live) {
            translations.add(stats(t, TranslationStats.Fate.LIVE));
        }
        List<RegionStats> regions = new ArrayList<>();
        for (Installed i : installed) {
            List<RegionStats.Member> members = new ArrayList<>();
            long[] entries = i.counters().entries();
            for (int k = 0; k < i.pcs().length; k++) {
                members.add(new RegionStats.Member(i.pcs()[k], i.guestBytes()[k], i.irOps()[k], entries[k]));
            }
            RegionCounters c = i.counters();
            regions.add(new RegionStats(i.pcs()[0], c.className(), members, c.bytecodeBytes(), c.compileNanos()));
        }
        ExitStatistics st = loop.statistics();
        TranslationCache cache = loop.cache();
        var cacheStats = new CacheStats(
                st.blocks,
                st.chained,
                st.jumpCacheHits,
                st.cacheLookups,
                st.translations,
                cache.size(),
                cache.evictions(),
                cache.invalidations(),
                st.compilations,
                st.notCompiled,
                st.regionsDropped);
        return new Profile(translations, regions, cacheStats, exits(st, cpu), stacks, wall, symbols);
    }

    private List<ExitCount> exits(ExitStatistics st, Cpu cpu) {
        List<ExitCount> exits = new ArrayList<>();
        for (ExitKind kind : ExitKind.values()) {
            ExitCount count = switch (kind) {
                case TRANSLATION -> new ExitCount(kind, st.translations, st.translateNanos);
                case TLB_MISS -> new ExitCount(kind, cpu.memory() instanceof TlbMemory tlb ? tlb.misses() : 0, -1);
                case CODE_WRITE -> new ExitCount(kind, exitCounts[kind.ordinal()], -1);
                case SYSCALL, PAGE_FAULT, EXCEPTION, HALT, STOP_REQUEST ->
                    new ExitCount(kind, exitCounts[kind.ordinal()], exitNanos[kind.ordinal()]);
            };
            exits.add(count);
        }
        return exits;
    }
}
