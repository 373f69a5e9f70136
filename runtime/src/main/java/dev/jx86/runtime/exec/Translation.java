package dev.jx86.runtime.exec;

import dev.jx86.ir.Block;
import dev.jx86.ir.Op;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.tier1.CompiledBlock;

/**
 * One translated block and what the runtime knows about it: where its guest code lies (for invalidation), and how
 * often it ran. Invalidated translations stay reachable from a jump cache until it notices {@link #valid()}.
 */
public final class Translation {
    private final Block block;
    private final CpuMode mode;
    private final long end;
    private final long translateNanos;
    private volatile boolean valid = true;
    long executions;
    /** The block compiled by tier 1, or null while (or because) it is interpreted. */
    CompiledBlock compiled;

    Translation(Block block, CpuMode mode, long translateNanos) {
        this.block = block;
        this.mode = mode;
        this.end = codeEnd(block);
        this.translateNanos = translateNanos;
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
        return block.pc();
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
