package dev.jx86.runtime.exec;

import dev.jx86.ir.Block;
import dev.jx86.ir.Op;
import dev.jx86.ir.Terminal;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.runtime.tier1.Optimization;
import java.util.List;

/**
 * One translated block and what the runtime knows about it: where its guest code lies (for invalidation), and how
 * often it ran. Invalidated translations stay reachable from a jump cache until it notices {@link #valid()}.
 */
public final class Translation {
    private final Block block;
    private final CpuMode mode;
    private final long end;
    private final long translateNanos;
    /** The taken target of a branch terminal, else an impossible pc: what {@link #taken} counts. */
    final long takenPc;
    /** Whether the block ends in an indirect jump, whose targets {@link #recordIndirect} counts. */
    final boolean endsIndirect;
    /**
     * The targets of the indirect jump that ends the block, counted while it runs in the interpreter or compiled
     * alone; null until the first.
     */
    TargetCounts indirectTargets;
    /**
     * Where the dispatcher went after this translation's region returned to it (counted only for regions of more
     * than one block; null until the first): the exits a re-selection of the region takes in.
     */
    TargetCounts exits;

    private volatile boolean valid = true;
    /** Dispatches of this translation since its count last restarted ({@link #restartCount}): what makes it hot. */
    long executions;
    /** Dispatches before the count last restarted: with {@link #executions}, all of them. */
    private long restarted;
    /** Dispatches that ran in the interpreter, fixed when tier-1 code is first installed; -1 before. */
    private long interpretedDispatches = -1;
    /** Dispatches that left through the branch's taken side (tier 0 and single compiled blocks). */
    long taken;
    /** The code tier 1 made for this block, or for the region it enters; null while interpreted. */
    CompiledBlock compiled;
    /** Which host compiler {@link #compiled} was made for. */
    Optimization optimization;
    /** The translations of the region {@link #compiled} runs, this one first. */
    List<Translation> members = List.of();
    /**
     * Samples of the guest running here ({@link HotSampler}; written by the sampler, and reset by a put-off promotion,
     * a race that at worst loses a sample or queues the region once more).
     */
    int samples;
    /** Whether the sampler queued this region for the optimizing compiler (reset as {@link #samples} is). */
    boolean promotionQueued;
    /** The entry of the last region promoted to the optimizing compiler that holds this block, or null. */
    Translation grownInto;
    /** Whether a promotion of this region was put off once because another grown region holds its entry block. */
    boolean promotionDeferred;
    /** Whether {@link #compiled} is a region of more than this block. */
    boolean region;
    /** The blocks {@link #compiled} was made from, and whether its first run is still to be checked (--verify). */
    List<Block> regionBlocks;

    boolean unverified;
    /** Whether a region starting here was asked for (so it is not asked for twice). */
    boolean regionRequested;
    /** Pages of other blocks of its region ({@link TranslationCache#attach}), as page numbers. */
    long[] attachedPages = new long[0];
    /** Chaining: the translations this one continued to last, checked before any lookup. */
    Translation link0;

    Translation link1;

    /** The block's pc, kept here so that a chained dispatch compares it without loading the block. */
    private final long pc;

    Translation(Block block, CpuMode mode, long translateNanos) {
        this.block = block;
        this.pc = block.pc();
        this.mode = mode;
        this.end = codeEnd(block);
        this.translateNanos = translateNanos;
        this.takenPc = block.terminal() instanceof Terminal.Branch br ? br.taken() : -1;
        this.endsIndirect = block.terminal() instanceof Terminal.JumpIndirect;
    }

    /** Counts a dispatch that left through the block's indirect jump to {@code target}. */
    void recordIndirect(long target) {
        if (indirectTargets == null) {
            indirectTargets = new TargetCounts();
        }
        indirectTargets.record(target);
    }

    /** Counts a return of this translation's region to the dispatcher, which continued at {@code target}. */
    void recordExit(long target) {
        if (exits == null) {
            exits = new TargetCounts();
        }
        exits.record(target);
    }

    /** The translation this one chained to for {@code pc}, if still valid. */
    Translation successor(long pc) {
        Translation t = link0;
        if (t != null && t.pc == pc && t.valid) {
            return t;
        }
        t = link1;
        if (t != null && t.pc == pc && t.valid) {
            return t;
        }
        return null;
    }

    /** Remembers {@code next} as a successor, replacing an invalid or the older one. */
    void chain(Translation next) {
        if (link0 == null || !link0.valid) {
            link0 = next;
        } else {
            link1 = next;
        }
    }

    /** Restarts the count that makes the block hot (it joined a region, or its region was dropped). */
    void restartCount() {
        restarted += executions;
        executions = 0;
    }

    /**
     * Installs tier-1 code for this block (null: the compiler declined, nothing changes); the dispatches before the
     * first ran in the interpreter.
     */
    void install(CompiledBlock code) {
        if (code == null) {
            return;
        }
        if (interpretedDispatches < 0) {
            interpretedDispatches = dispatches();
        }
        compiled = code;
    }

    /** Every dispatch of this translation. */
    public long dispatches() {
        return restarted + executions;
    }

    /** Dispatches the interpreter ran (tier 0): all of them until tier-1 code was installed. */
    public long interpretedDispatches() {
        return interpretedDispatches >= 0 ? interpretedDispatches : dispatches();
    }

    /** The guest instructions the block covers. */
    public int instructions() {
        int n = 0;
        for (int i = 0; i < block.size(); i++) {
            if (block.op(i) == Op.BOUNDARY) {
                n++;
            }
        }
        return n;
    }

    /** Whether this translation runs as tier-1 code. */
    public boolean isCompiled() {
        return compiled != null;
    }

    /** Whether its tier-1 code is a region of several blocks. */
    public boolean isRegion() {
        return region;
    }

    /** The tier-1 code of this block, or null if it runs in the interpreter. */
    public CompiledBlock compiled() {
        return compiled;
    }

    /** The address after the last guest instruction the block covers. */
    private static long codeEnd(Block b) {
        long end = b.pc() + 1;
        for (int i = 0; i < b.size(); i++) {
            if (b.op(i) == Op.BOUNDARY) {
                end = Math.max(end, b.aux0(i) + b.aux1(i));
            }
        }
        return end;
    }

    public Block block() {
        return block;
    }

    public long pc() {
        return pc;
    }

    public CpuMode mode() {
        return mode;
    }

    /** The guest code the block was translated from: [{@link #pc()}, {@code end()}). */
    public long end() {
        return end;
    }

    public long executions() {
        return executions;
    }

    /** Samples of the guest running in this translation (mixed tier only): about a millisecond each. */
    public int samples() {
        return samples;
    }

    /** Which host compiler its tier-1 code was made for, or null while it is interpreted. */
    public Optimization optimization() {
        return compiled != null ? optimization : null;
    }

    public long translateNanos() {
        return translateNanos;
    }

    public boolean valid() {
        return valid;
    }

    void invalidate() {
        valid = false;
    }
}
