package dev.jx86.runtime.exec;

import dev.jx86.ir.ExitReason;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.Translator;
import dev.jx86.runtime.tier1.BlockCompiler;
import dev.jx86.runtime.tier1.CompiledBlock;

/**
 * The dispatcher: pc -> per-CPU jump cache -> translation cache (translating on a miss) -> tier-0 interpreter ->
 * next pc, until a block exits for a system call or HLT, raises a guest exception, or a stop is requested.
 * Faults leave the CPU precise: RIP at the faulting instruction, the state as the instructions before it left it.
 *
 * <p>With a {@link BlockCompiler} ("tier 1 only"), every block is compiled when it is translated and runs as compiled
 * code; a block the compiler declines stays interpreted. Without one, everything runs in tier 0.
 */
public final class ExecutionLoop implements Engine {
    private static final int JUMP_CACHE_SIZE = 4096;

    private final Translator translator;
    private final BlockCompiler compiler;
    private final CodeWatch codeWatch;
    private final TranslationCache cache;
    private final Translation[] jumpCache = new Translation[JUMP_CACHE_SIZE];
    private final Interpreter interpreter = new Interpreter();
    private final Interpreter.Outcome outcome = new Interpreter.Outcome();
    private final ExitStatistics statistics = new ExitStatistics();
    private final boolean logExec = LogItem.EXEC.enabled();
    private volatile boolean stopRequested;

    public ExecutionLoop(Translator translator) {
        this(translator, CodeWatch.NONE, TranslationCache.DEFAULT_MAX_OPS);
    }

    public ExecutionLoop(Translator translator, CodeWatch codeWatch, long maxCachedOps) {
        this(translator, codeWatch, maxCachedOps, null);
    }

    /** {@code compiler}: compiles every block on translation (tier 1 only); null runs everything in tier 0. */
    public ExecutionLoop(Translator translator, CodeWatch codeWatch, long maxCachedOps, BlockCompiler compiler) {
        this.translator = translator;
        this.compiler = compiler;
        this.codeWatch = codeWatch;
        this.cache = new TranslationCache(maxCachedOps);
    }

    @Override
    public Stop run(Cpu cpu) {
        Interpreter.Outcome out = outcome;
        while (true) {
            if (stopRequested) {
                stopRequested = false;
                statistics.stopRequests++;
                return new Stop.Requested(cpu.rip());
            }
            long pc = cpu.rip();
            Translation t;
            try {
                t = lookup(pc, cpu);
            } catch (GuestFault fault) {
                statistics.faults++;
                return new Stop.Fault(fault, pc);
            }
            if (logExec) {
                LogItem.EXEC.log(
                        "Trace: [{}] {} IR ops", Long.toHexString(pc), t.block().size());
            }
            long next;
            CompiledBlock compiled = t.compiled;
            try {
                t.executions++;
                statistics.blocks++;
                next = compiled != null ? compiled.run(cpu, out) : interpreter.run(t.block(), cpu, out);
            } catch (GuestFault fault) {
                long at = compiled != null ? out.faultPc : interpreter.pc();
                cpu.rip(at);
                statistics.faults++;
                return new Stop.Fault(fault, at);
            }
            cpu.rip(next);
            if (out.kind == Interpreter.Outcome.CONTINUE) {
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
        long start = System.nanoTime();
        var block = translator.translate(cpu.memory(), pc, cpu.mode());
        long nanos = System.nanoTime() - start;
        Translation t = new Translation(block, cpu.mode(), nanos);
        statistics.translations++;
        statistics.translateNanos += nanos;
        for (long page = pc & ~0xfffL; page < t.end(); page += 4096) {
            codeWatch.watch(page);
        }
        if (compiler != null) {
            start = System.nanoTime();
            t.compiled = compiler.compile(t.block());
            statistics.compileNanos += System.nanoTime() - start;
            if (t.compiled != null) {
                statistics.compilations++;
            } else {
                statistics.notCompiled++;
            }
        }
        return t;
    }

    @Override
    public void requestStop() {
        stopRequested = true;
    }

    @Override
    public void invalidate(long start, long end) {
        cache.invalidate(start, end);
    }

    public TranslationCache cache() {
        return cache;
    }

    public ExitStatistics statistics() {
        return statistics;
    }
}
