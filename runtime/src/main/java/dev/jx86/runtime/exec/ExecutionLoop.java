package dev.jx86.runtime.exec;

import dev.jx86.ir.ExitReason;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.Translator;
import dev.jx86.runtime.jfr.Recorder;
import dev.jx86.runtime.jfr.TranslationEvent;
import dev.jx86.runtime.tier1.BlockCompiler;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.runtime.tier1.Optimization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The dispatcher: pc -> the previous translation's chain, else the per-CPU jump cache, else the translation cache
 * (translating on a miss) -> tier-1 code or the tier-0 interpreter -> next pc, until a block exits for a system call
 * or HLT, raises a guest exception, or a stop is requested. Faults leave the CPU precise: RIP at the faulting
 * instruction, the state as the instructions before it left it.
 *
 * <p>What tier 1 does is the {@link Tiering}'s: nothing; compile every block on translation; or count executions
 * and, when a block gets hot, compile it with its hot successors as a region ({@link TierUp}), on a background
 * thread, installed here between two blocks.
 */
public final class ExecutionLoop implements Engine {
    private static final int JUMP_CACHE_SIZE = 4096;

    private final Translator translator;
    private final Tiering tiering;
    private final CodeWatch codeWatch;
    private final TranslationCache cache;
    private final TierUp tierUp;
    private final Translation[] jumpCache = new Translation[JUMP_CACHE_SIZE];
    private final Interpreter interpreter = new Interpreter();
    private final Interpreter.Outcome outcome = new Interpreter.Outcome();
    private final ExitStatistics statistics = new ExitStatistics();
    private final RegionVerifier verifier = new RegionVerifier();
    private final HotSampler sampler;
    private final boolean logDispatch = LogItem.EXEC.enabled() || LogItem.CPU.enabled();
    /** {@code -d nochain}: the dispatcher records no links between translations. */
    private final boolean chaining = !LogItem.NOCHAIN.enabled();

    private final ExitObserver exits = new ExitObserver();
    private CodeNames names = CodeNames.NONE;
    /** Null unless a profile is recorded ({@link #recordProfile}). */
    private ProfileRecorder profile;

    private volatile boolean stopRequested;
    /**
     * Set after anything the dispatcher must look at between two translations: a stop request, a compiled region to
     * install, a region to promote. One read per dispatch instead of a look into each queue (whose heads other
     * threads write: the hottest loads of the dispatch loop on bytevm). Producers set it after they enqueue, the
     * dispatcher clears it before it looks, so nothing enqueued is left unseen.
     */
    private volatile boolean attention;

    private boolean warmedUp;
    /**
     * Whether the code the dispatcher entered last is a region compiled for the optimizing compiler ({@link #wake}).
     * Written by the guest's thread, read racily by the compiler's and the sampler's: a stale value delays an
     * installation to the region's next exit, or costs one extra exit.
     */
    private boolean runningOptimized;

    public ExecutionLoop(Translator translator) {
        this(translator, CodeWatch.NONE, TranslationCache.DEFAULT_MAX_OPS);
    }

    public ExecutionLoop(Translator translator, CodeWatch codeWatch, long maxCachedOps) {
        this(translator, codeWatch, maxCachedOps, Tiering.interpreterOnly());
    }

    /** {@code compiler}: compiles every block on translation (tier 1 only); null runs everything in tier 0. */
    public ExecutionLoop(Translator translator, CodeWatch codeWatch, long maxCachedOps, BlockCompiler compiler) {
        this(
                translator,
                codeWatch,
                maxCachedOps,
                compiler == null ? Tiering.interpreterOnly() : Tiering.compileEveryBlock(compiler));
    }

    public ExecutionLoop(Translator translator, CodeWatch codeWatch, long maxCachedOps, Tiering tiering) {
        this.translator = translator;
        this.tiering = tiering;
        this.codeWatch = codeWatch;
        this.cache = new TranslationCache(maxCachedOps);
        this.tierUp = new TierUp(tiering, cache, statistics, this::wake);
        this.sampler = tiering.samples() ? new HotSampler(tiering.hotSamples(), this::wake) : null;
    }

    /**
     * Code was compiled, or a baseline region got hot: a baseline region that runs now leaves at its next back edge,
     * so that the dispatcher installs or promotes soon. A region compiled for the optimizing compiler is left alone:
     * no newer code replaces it, and its back edges' exit test, never taken while C2 profiled it, is compiled as an
     * uncommon trap; leaving there would deoptimize the region and have C2 compile it again (docs/jvm-tier.md, "Exit
     * requests"). Stop requests and code writes still reach every region.
     */
    private void wake() {
        attention = true;
        if (!runningOptimized) {
            outcome.exitRequested = true;
        }
    }

    @Override
    public Stop run(Cpu cpu) {
        exits.resumed();
        Stop stop = dispatch(cpu);
        exits.exited(stop, cpu);
        return stop;
    }

    private Stop dispatch(Cpu cpu) {
        Interpreter.Outcome out = outcome;
        boolean compiles = tiering.compiles();
        long threshold = tiering.hotThreshold();
        Translation previous = null;
        // Compiled code left at a memory access it does not do itself (ExitReason.MEMORY): interpret that block once.
        boolean interpretNext = false;
        if (sampler != null) {
            sampler.guest(Thread.currentThread());
        }
        while (true) {
            // Cleared before the stop check: a request that lands after it still reaches a region's back edge. Only
            // when set: a volatile store costs a full fence (lock addl) on every dispatch, the read does not.
            if (out.exitRequested) {
                out.exitRequested = false;
            }
            if (attention) {
                attention = false;
                if (stopRequested) {
                    stopRequested = false;
                    statistics.stopRequests++;
                    return new Stop.Requested(cpu.rip());
                }
                if (compiles && tierUp.hasPending()) {
                    tierUp.installPending();
                }
                if (sampler != null && sampler.hasHot()) {
                    for (Translation hot; (hot = sampler.pollHot()) != null; ) {
                        tierUp.promote(hot);
                    }
                }
            }
            long pc = cpu.rip();
            Translation t = previous != null ? previous.successor(pc) : null;
            if (t != null) {
                statistics.chained++;
            } else {
                try {
                    t = lookup(pc, cpu);
                } catch (GuestFault fault) {
                    statistics.faults++;
                    return new Stop.Fault(fault, pc);
                }
                if (previous != null && chaining) {
                    previous.chain(t);
                }
            }
            if (logDispatch) {
                logDispatch(t, cpu);
            }
            long next;
            CompiledBlock compiled = t.compiled;
            if (compiled != null && !warmedUp) {
                // Before the first compiled code runs, not at start: a program that compiles nothing (a short run)
                // is spared its cost (docs/performance.md, "Start-up").
                warmedUp = true;
                tiering.compiler().warmUp(cpu);
            }
            if (sampler != null) {
                sampler.entering(t);
            }
            boolean interpreted = compiled == null || interpretNext;
            interpretNext = false;
            runningOptimized = !interpreted && t.optimization == Optimization.OPTIMIZING;
            try {
                statistics.blocks++;
                if (interpreted) {
                    statistics.interpreted++;
                    next = interpreter.run(t.block(), cpu, out);
                } else if (t.unverified) {
                    next = verifier.run(t, cpu, out);
                } else {
                    next = compiled.run(cpu, out);
                }
            } catch (GuestFault fault) {
                long at = interpreted ? interpreter.pc() : out.faultPc;
                cpu.rip(at);
                statistics.faults++;
                return new Stop.Fault(fault, at);
            }
            cpu.rip(next);
            if (++t.executions >= threshold && compiles && !t.regionRequested) {
                tierUp.request(t);
            }
            if (out.kind == Interpreter.Outcome.CONTINUE) {
                if (!t.region) {
                    if (next == t.takenPc) {
                        t.taken++;
                    } else if (t.endsIndirect) {
                        t.recordIndirect(next);
                    }
                } else {
                    t.recordExit(next);
                }
                previous = t;
                continue;
            }
            previous = null;
            if (out.exit == ExitReason.MEMORY && out.kind == Interpreter.Outcome.EXIT) {
                statistics.memoryExits++;
                interpretNext = true;
                continue;
            }
            if (out.kind == Interpreter.Outcome.RAISE) {
                statistics.faults++;
                return new Stop.Fault(new GuestFault(out.vector, out.errorCode, 0), next);
            }
            if (out.exit == ExitReason.SYSCALL) {
                statistics.syscalls++;
                return new Stop.Syscall(next);
            }
            if (out.exit == ExitReason.HALT) {
                statistics.halts++;
                return new Stop.Halt(next);
            }
            // INTERRUPT_CHECK, MODE_CHANGE: look the next block up again (the stop check above runs first)
        }
    }

    /** {@code -d exec} and {@code -d cpu}: the translation entered, the state it starts from. */
    private static void logDispatch(Translation t, Cpu cpu) {
        if (LogItem.EXEC.enabledAt(t.pc())) {
            LogItem.EXEC.log(
                    "Trace: [{}] {} IR ops{}",
                    Long.toHexString(t.pc()),
                    t.block().size(),
                    t.region ? " (region)" : t.compiled != null ? " (compiled)" : "");
        }
        if (LogItem.CPU.enabledAt(t.pc())) {
            LogItem.CPU.log("{}", CpuStateText.of(cpu));
        }
    }

    private Translation lookup(long pc, Cpu cpu) {
        CpuMode mode = cpu.mode();
        int slot = (int) (pc ^ pc >>> 12) & (JUMP_CACHE_SIZE - 1);
        Translation t = jumpCache[slot];
        if (t != null && t.pc() == pc && t.mode() == mode && t.valid()) {
            statistics.jumpCacheHits++;
            return t;
        }
        statistics.cacheLookups++;
        t = cache.get(pc, mode, () -> translate(pc, cpu));
        jumpCache[slot] = t;
        return t;
    }

    private Translation translate(long pc, Cpu cpu) {
        if (profile != null) {
            profile.translating();
        }
        TranslationEvent event = Recorder.started() ? new TranslationEvent() : null;
        if (event != null) {
            event.begin();
        }
        long start = System.nanoTime();
        var block = translator.translate(cpu.memory(), pc, cpu.mode());
        long nanos = System.nanoTime() - start;
        Translation t = new Translation(block, cpu.mode(), nanos);
        statistics.translations++;
        statistics.translateNanos += nanos;
        if (event != null && event.shouldCommit()) {
            event.pc = pc;
            event.guestBytes = (int) (t.end() - pc);
            event.instructions = t.instructions();
            event.irOps = block.size();
            event.commit();
        }
        if (profile != null) {
            profile.translated(t);
        }
        for (long page = pc & ~0xfffL; page < t.end(); page += 4096) {
            codeWatch.watch(page);
        }
        if (tiering.compileEveryBlock()) {
            start = System.nanoTime();
            var region = tierUp.region(List.of(t));
            t.install(tierUp.compileObserved(region, Optimization.OPTIMIZING));
            statistics.compileNanos += System.nanoTime() - start;
            if (t.compiled != null) {
                t.optimization = Optimization.OPTIMIZING;
                t.members = List.of(t);
                statistics.compilations++;
                if (profile != null) {
                    profile.installed(List.of(t), region.counters());
                }
                if (tiering.verify()) {
                    t.regionBlocks = java.util.List.of(t.block());
                    t.unverified = true;
                }
            } else {
                statistics.notCompiled++;
            }
        }
        return t;
    }

    @Override
    public void requestStop() {
        stopRequested = true;
        attention = true;
        outcome.exitRequested = true;
    }

    @Override
    public void invalidate(long start, long end) {
        if (cache.invalidate(start, end) > 0) {
            outcome.exitRequested = true; // a region running now may hold the old code: leave it at a back edge
            if (profile != null) {
                profile.codeWritten();
            }
        }
    }

    /** Stops the background compiler, if one was started. */
    @Override
    public void close() {
        tierUp.shutdown();
        if (sampler != null) {
            sampler.close();
        }
    }

    /** The statistics as a few lines of text, for {@code -d stats}. */
    public String summary() {
        ExitStatistics st = statistics;
        return String.format(
                        "dispatches %d (chained %d, jump cache %d, cache lookups %d; interpreted %d)%n"
                                + "translations %d in %.1f ms; cached %d, evicted %d, invalidated %d%n"
                                + "tier 1: %d compiled in %.1f ms, %d declined; regions %d of %d blocks, %d dropped,"
                                + " %d promoted to the optimizing compiler (%d put off)%n"
                                + "exits: %d syscalls, %d faults, %d halts, %d stop requests, %d memory accesses interpreted%n"
                                + "verified %d compiled blocks and regions, %d differed",
                        st.blocks,
                        st.chained,
                        st.jumpCacheHits,
                        st.cacheLookups,
                        st.interpreted,
                        st.translations,
                        st.translateNanos / 1e6,
                        cache.size(),
                        cache.evictions(),
                        cache.invalidations(),
                        st.compilations,
                        st.compileNanos / 1e6,
                        st.notCompiled,
                        st.regions,
                        st.regionBlocks,
                        st.regionsDropped,
                        st.promotions,
                        st.promotionsDeferred,
                        st.syscalls,
                        st.faults,
                        st.halts,
                        st.stopRequests,
                        st.memoryExits,
                        verifier.checked(),
                        verifier.mismatches())
                + hottest(8)
                + hottestExits(8);
    }

    /** The {@code n} translations dispatched most often, with what runs them: where the dispatcher's time goes. */
    private String hottest(int n) {
        List<Translation> all = new ArrayList<>(cache.translations());
        all.sort(Comparator.comparingLong(Translation::executions).reversed());
        var text = new StringBuilder(String.format("%nmost dispatched:"));
        for (Translation t : all.subList(0, Math.min(n, all.size()))) {
            String runs =
                    t.region ? "region of " + t.regionBlocks.size() : t.compiled != null ? "compiled" : "interpreted";
            text.append(String.format(" 0x%x (%s) %d;", t.pc(), runs, t.executions()));
        }
        return text.toString();
    }

    /** The {@code n} most frequent returns of a region to the dispatcher, by region entry and target. */
    private String hottestExits(int n) {
        record Exit(Translation region, long target, long count) {}
        List<Exit> all = new ArrayList<>();
        for (Translation t : cache.translations()) {
            for (int i = 0; t.exits != null && i < t.exits.size(); i++) {
                all.add(new Exit(t, t.exits.target(i), t.exits.count(i)));
            }
        }
        all.sort(Comparator.comparingLong(Exit::count).reversed());
        var text = new StringBuilder(String.format("%nmost frequent region exits:"));
        for (Exit e : all.subList(0, Math.min(n, all.size()))) {
            text.append(String.format(" 0x%x -> 0x%x %d;", e.region().pc(), e.target(), e.count()));
        }
        return text.toString();
    }

    /** Names compiled classes after guest symbols from now on ({@link CodeNames}). */
    public void names(CodeNames codeNames) {
        this.names = codeNames;
        tierUp.observe(codeNames, profile);
    }

    /**
     * Starts recording a profile of this loop (before {@link #run}): every translation and compiled unit is kept
     * track of, and tier 1 compiles code that counts its block entries. A normal run pays nothing for this.
     */
    public ProfileRecorder recordProfile() {
        if (profile == null) {
            profile = new ProfileRecorder();
            cache.retirement(profile::retired);
            exits.profile(profile);
            tierUp.observe(names, profile);
        }
        return profile;
    }

    public TranslationCache cache() {
        return cache;
    }

    public ExitStatistics statistics() {
        return statistics;
    }

    /** Compiled blocks and regions checked by {@code --verify}, and how many differed from the interpreter. */
    public long verified() {
        return verifier.checked();
    }

    public long verifyMismatches() {
        return verifier.mismatches();
    }

    public Tiering tiering() {
        return tiering;
    }
}
