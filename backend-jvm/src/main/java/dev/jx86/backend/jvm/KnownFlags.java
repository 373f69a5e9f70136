package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.Effect;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.Op;
import dev.jx86.ir.eval.FlagsSemantics;
import dev.jx86.runtime.abi.Helpers;
import dev.jx86.runtime.abi.StateLayout;
import java.util.Arrays;
import java.util.List;

/**
 * What a region's lazily kept FLAGS locals hold where each of its blocks starts, when every way into the block agrees:
 * the code of one flags op ({@link FlagsSemantics#code}), or {@link #BITS}. Where the code is known, flags the block
 * observes are computed by that kind's own method instead of a dispatch on the code local at run time, so C2 inlines
 * one small method: a {@code dec} after the previous block's {@code cmp} takes its CF from the compare's operands.
 *
 * <p>A forward dataflow over the region's blocks: the entry comes from the state (unknown); a block's way out is the
 * code of its last store to FLAGS, {@link #BITS} when that store keeps bits, unknown after a helper that writes FLAGS,
 * else its way in; the edges are {@link RegionGraph}'s (an indirect jump may reach every block of the region).
 */
final class KnownFlags {
    /** The locals hold plain bits (the code local is -1, the bits in the first operand). */
    static final int BITS = -1;

    /** Not known where the block starts: the code local decides at run time. */
    static final int UNKNOWN = Integer.MIN_VALUE;

    /** No way into the block seen yet (the dataflow's top). */
    private static final int NONE = Integer.MIN_VALUE + 1;

    private KnownFlags() {}

    /** Per block of a region, what its FLAGS locals hold at its start; all unknown when FLAGS is not kept lazily. */
    static int[] atBlockStarts(List<Block> blocks, boolean lazyFlags) {
        int n = blocks.size();
        int[] in = new int[n];
        if (!lazyFlags) {
            Arrays.fill(in, UNKNOWN);
            return in;
        }
        Arrays.fill(in, NONE);
        in[0] = UNKNOWN;
        RegionGraph graph = new RegionGraph(blocks);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 0; k < n; k++) {
                if (in[k] == NONE) {
                    continue;
                }
                int out = atBlockEnd(blocks.get(k), in[k]);
                for (int s : graph.successors(k)) {
                    int merged = meet(in[s], out);
                    if (merged != in[s]) {
                        in[s] = merged;
                        changed = true;
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            if (in[k] == NONE) {
                in[k] = UNKNOWN;
            }
        }
        return in;
    }

    /** What the FLAGS locals hold after block {@code b}, which starts with {@code code}. */
    static int atBlockEnd(Block b, int code) {
        boolean[] observed = FlagsLowering.observed(b, true);
        for (int i = 0; i < b.size(); i++) {
            Op op = b.op(i);
            if (op == Op.SET && b.aux0(i) == StateLayout.FLAGS) {
                int v = b.arg(i, 0);
                code = b.op(v) == Op.FLAGS && !observed[v]
                        ? FlagsSemantics.code(
                                FlagsKind.values()[(int) b.aux0(v)],
                                b.type(b.arg(v, 0)).bits())
                        : BITS;
            } else if (op == Op.CALL
                    && b.effects(i).contains(Effect.WRITES_STATE)
                    && Helpers.byId((int) b.aux0(i)).touchesSlot(StateLayout.FLAGS)) {
                code = UNKNOWN;
            }
        }
        return code;
    }

    private static int meet(int a, int b) {
        if (a == NONE) {
            return b;
        }
        if (b == NONE) {
            return a;
        }
        return a == b ? a : UNKNOWN;
    }
}
