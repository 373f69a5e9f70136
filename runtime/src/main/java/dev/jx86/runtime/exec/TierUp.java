package dev.jx86.runtime.exec;

import dev.jx86.ir.Block;
import dev.jx86.runtime.jfr.CompilationEvent;
import dev.jx86.runtime.jfr.Recorder;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.runtime.tier1.Optimization;
import dev.jx86.runtime.tier1.Region;
import dev.jx86.runtime.tier1.RegionCounters;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Compiles hot regions and installs them. Compilation runs on a background thread (or at once, when the
 * {@link Tiering} says so); the result is installed on the guest's thread, at the dispatcher's next turn, and only
 * if every block of the region is still valid — a region whose code was written meanwhile is dropped, and its entry
 * will get hot again. A region too large for the host compiler is retried with its first half of blocks.
 */
final class TierUp {
    /** The most blocks a region promoted to the optimizing compiler grows to (system property {@code jx86.grownBlocks}). */
    static final int GROWN_BLOCKS = Math.max(1, Integer.getInteger("jx86.grownBlocks", 32));

    private record Done(
            Translation entry,
            List<Translation> members,
            Optimization optimization,
            CompiledBlock code,
            RegionCounters counters,
            long nanos) {}

    private final Tiering tiering;
    private final TranslationCache cache;
    private final ExitStatistics statistics;
    private final RegionSelector selector;
    private final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
    private final Runnable wake;
    private ExecutorService executor;
    /** Names regions after guest symbols; counts their block entries when a profile is recorded. */
    private volatile CodeNames names = CodeNames.NONE;

    private volatile ProfileRecorder profile;

    /** {@code wake} asks a running region to return to the dispatcher, which installs what was compiled. */
    TierUp(Tiering tiering, TranslationCache cache, ExitStatistics statistics, Runnable wake) {
        this.tiering = tiering;
        this.cache = cache;
        this.statistics = statistics;
        this.wake = wake;
        this.selector = new RegionSelector(cache, tiering.maxRegionBlocks());
    }

    /** {@code entry} got hot: compile the region it starts. */
    void request(Translation entry) {
        entry.regionRequested = true;
        List<Translation> members = selector.select(entry);
        if (members.size() == 1 && entry.compiled != null) {
            return; // already compiled alone, and nothing to join it
        }
        // The other members run inside the region from now on; if they are still entered on their own later, they
        // count again before they get a region of their own (so that one hot loop does not become five regions).
        for (Translation member : members.subList(1, members.size())) {
            if (!member.regionRequested) {
                member.restartCount();
                member.taken = 0;
            }
        }
        Optimization optimization = tiering.samples() ? Optimization.BASELINE : Optimization.OPTIMIZING;
        if (!tiering.background()) {
            compile(entry, members, optimization);
            installPending();
            return;
        }
        try {
            executor().execute(() -> compile(entry, members, optimization));
        } catch (RejectedExecutionException e) {
            entry.regionRequested = false;
        }
    }

    /**
     * {@code entry}'s region, compiled for the baseline compiler, is where the guest spends its time ({@link
     * HotSampler}): compile it for the optimizing compiler, grown by the exits its code took ({@link
     * RegionSelector#grow}). A region whose entry block another grown region holds waits for another round of samples
     * first: the guest may now spend its time in that one.
     */
    void promote(Translation entry) {
        if (entry.compiled == null || entry.optimization != Optimization.BASELINE || !entry.valid()) {
            return;
        }
        Translation cover = entry.grownInto;
        if (cover != null && cover != entry && cover.valid() && !entry.promotionDeferred) {
            // Its block is inside a grown region already, which the guest may now stay in: sampled again first.
            entry.promotionDeferred = true;
            entry.samples = 0;
            entry.promotionQueued = false;
            statistics.promotionsDeferred++;
            return;
        }
        // regions of one block (-d nochain: every block through the dispatcher) stay so
        int limit = tiering.maxRegionBlocks() == 1 ? 1 : Math.max(GROWN_BLOCKS, tiering.maxRegionBlocks());
        List<Translation> members = selector.grow(entry, limit);
        for (Translation member : members) {
            member.grownInto = entry;
        }
        statistics.promotions++;
        try {
            executor().execute(() -> compile(entry, members, Optimization.OPTIMIZING));
        } catch (RejectedExecutionException e) {
            // shutting down: the baseline code stays
        }
    }

    private ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "jx86-tier1");
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }

    private void compile(Translation entry, List<Translation> members, Optimization optimization) {
        long start = System.nanoTime();
        List<Translation> tried = members;
        CompiledBlock code = null;
        Region region;
        while (true) {
            region = region(tried);
            code = compileObserved(region, optimization);
            if (code != null || tried.size() == 1) {
                break;
            }
            // a grown region (entry.members first) loses what it grew by a quarter at a time, then halves
            int kept = entry.members.size();
            tried = tried.subList(
                    0, tried.size() > kept ? Math.max(kept, tried.size() * 3 / 4) : (tried.size() + 1) / 2);
        }
        done.add(new Done(entry, tried, optimization, code, region.counters(), System.nanoTime() - start));
        if (tiering.background()) {
            wake.run();
        }
    }

    /** The region of {@code members}, named after its entry's symbol, with counters when a profile is recorded. */
    Region region(List<Translation> members) {
        List<Block> blocks = members.stream().map(Translation::block).toList();
        return new Region(
                blocks,
                names.describe(members.getFirst().pc()),
                profile != null ? new RegionCounters(blocks.size()) : null);
    }

    /** {@code compile(region, optimization)}, as a JFR event. */
    CompiledBlock compileObserved(Region region, Optimization optimization) {
        if (!Recorder.started()) {
            return tiering.compiler().compile(region, optimization);
        }
        var event = new CompilationEvent();
        event.begin();
        CompiledBlock code = tiering.compiler().compile(region, optimization);
        if (event.shouldCommit()) {
            event.pc = region.pc();
            event.symbol = region.name();
            event.blocks = region.blocks().size();
            event.irOps = region.size();
            event.compiled = code != null;
            event.commit();
        }
        return code;
    }

    /** From now on regions are named by {@code names} and, when {@code profile} is not null, counted. */
    void observe(CodeNames names, ProfileRecorder profile) {
        this.names = names;
        this.profile = profile;
    }

    /** Installs what the background thread finished: called by the dispatcher on the guest's thread. */
    void installPending() {
        Done d;
        while ((d = done.poll()) != null) {
            statistics.compileNanos += d.nanos();
            if (d.code() == null) {
                statistics.notCompiled++;
                continue;
            }
            if (!d.members().stream().allMatch(Translation::valid)) {
                statistics.regionsDropped++;
                d.entry().restartCount(); // may get hot again
                d.entry().regionRequested = false;
                continue;
            }
            statistics.compilations++;
            statistics.regions++;
            statistics.regionBlocks += d.members().size();
            Translation entry = d.entry();
            if (LogItem.STATS.enabledAt(entry.pc())) {
                logInstalled(d);
            }
            entry.install(d.code());
            entry.optimization = d.optimization();
            entry.members = d.members();
            entry.exits = null; // the new code's exits are counted afresh
            entry.region = d.members().size() > 1;
            entry.regionBlocks = d.members().stream().map(Translation::block).toList();
            entry.unverified = tiering.verify();
            for (Translation member : d.members().subList(1, d.members().size())) {
                cache.attach(entry, member.pc(), member.end());
            }
            ProfileRecorder p = profile;
            if (p != null && d.counters() != null) {
                p.installed(d.members(), d.counters());
            }
        }
    }

    /** {@code -d stats}: a region as it is installed, with its blocks. */
    private static void logInstalled(Done d) {
        LogItem.STATS.log(
                "region 0x{} for the {} compiler: {} blocks, {} IR ops, {} memory accesses: {}",
                Long.toHexString(d.entry().pc()),
                d.optimization().name().toLowerCase(Locale.ROOT),
                d.members().size(),
                d.members().stream().mapToInt(m -> m.block().size()).sum(),
                d.members().stream()
                        .mapToInt(m -> RegionSelector.accesses(m.block()))
                        .sum(),
                String.join(
                        " ",
                        d.members().stream().map(m -> Long.toHexString(m.pc())).toList()));
    }

    /** Whether a background result is waiting to be installed (a cheap check for the dispatcher). */
    boolean hasPending() {
        return !done.isEmpty();
    }

    void shutdown() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
