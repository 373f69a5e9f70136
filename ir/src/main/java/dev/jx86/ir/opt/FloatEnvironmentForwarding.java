package dev.jx86.ir.opt;

import dev.jx86.ir.Block;
import dev.jx86.ir.FloatEnvironment;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the float ops of a block the environment word the block started with, where the words in between differ
 * from it only in exception flags. An x86 lifter ors each instruction's flags into MXCSR ({@code or e, fexcept ...})
 * and the next instruction reads that word: after get/set forwarding every float op depends on every earlier one
 * through that chain, and the compiled tier tests the environment again at each op. Rules, with {@code e = or(r, y)}
 * where y is <i>flags-only</i> (an {@code fexcept}/{@code vfexcept}, an {@code and} with a constant within bits 0-5,
 * or an {@code or} of such), applied down to the chain's root r:
 *
 * <ul>
 *   <li>A float value op (every op that takes the environment but {@code fexcept}) reads only the controls (bits 6
 *       and 13-15) of its environment, so it takes r.
 *   <li>{@code lshr e, c} for a constant 6 &lt;= c &lt; 32 is {@code lshr r, c} (y shifts out), one per root and count
 *       (the x86 lifter's masks, {@code mxcsr >> 7}).
 *   <li>{@code fexcept k a, b, r} is {@code fexcept k a, b, e} or-ed with some of {@code y & r >>> 7}: an operation
 *       raises the same flags under both (they differ in no control and no mask), and fexcept leaves out the settled
 *       flags, which in e are those of r and y's masked ones (docs/ir.md). So fexcept takes r where every use absorbs
 *       that difference: {@code or e, f} (y is within e already) and {@code andn (lshr e', 7), f} with e' of root r
 *       (which clears masked bits). A use of any other kind keeps the op as it was.
 * </ul>
 *
 * Exact whatever the block: each rule replaces a value by one that is equal, or equal in every bit its users read.
 */
public final class FloatEnvironmentForwarding implements Pass {
    public FloatEnvironmentForwarding() {}

    @Override
    public String name() {
        return "float-environment-forwarding";
    }

    @Override
    public Block run(Block b) {
        int n = b.size();
        boolean[] flagsOnly = new boolean[n];
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            flagsOnly[i] = flagsOnly(b, i, flagsOnly);
            root[i] = rootOf(b, i, flagsOnly, root);
        }
        boolean[] absorbed = absorbedExceptions(b, root);
        Rewrite r = new Rewrite(b);
        Map<Long, Value> shifts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Op op = b.op(i);
            int last = b.argCount(i) - 1;
            if (op.takesFloatEnvironment() && !isException(op)) {
                copyWithEnvironment(r, i, last, root[b.arg(i, last)]);
            } else if (isException(op) && absorbed[i]) {
                copyWithEnvironment(r, i, last, root[b.arg(i, last)]);
            } else if (shiftsOutFlags(b, i)) {
                int from = root[b.arg(i, 0)];
                long count = b.aux0(b.arg(i, 1));
                Value shifted = shifts.get(from * 64L + count);
                if (shifted == null) {
                    shifted = r.copy(i, List.of(r.mapped(from), r.mapped(b.arg(i, 1))));
                    shifts.put(from * 64L + count, shifted);
                } else {
                    r.replace(i, shifted);
                }
            } else {
                r.copy(i);
            }
        }
        return r.finish();
    }

    private static boolean isException(Op op) {
        return op == Op.FEXCEPT || op == Op.VFEXCEPT;
    }

    /** Whether value {@code i} is within the exception flags, bits 0-5, whatever the operands. */
    private static boolean flagsOnly(Block b, int i, boolean[] flagsOnly) {
        return switch (b.op(i)) {
            case FEXCEPT, VFEXCEPT -> true;
            case AND -> b.type(i) != Type.V128 && (isFlagsConstant(b, b.arg(i, 0)) || isFlagsConstant(b, b.arg(i, 1)));
            case OR -> flagsOnly[b.arg(i, 0)] && flagsOnly[b.arg(i, 1)];
            default -> false;
        };
    }

    private static boolean isFlagsConstant(Block b, int v) {
        return b.op(v) == Op.CONST && b.type(v) != Type.V128 && (b.aux0(v) & ~(long) FloatEnvironment.FLAGS) == 0;
    }

    /** The value that {@code i} is, but for flags or-ed into it: an i32 {@code or} with a flags-only side. */
    private static int rootOf(Block b, int i, boolean[] flagsOnly, int[] root) {
        if (b.op(i) != Op.OR || b.type(i) != Type.I32) {
            return i;
        }
        int x = b.arg(i, 0);
        int y = b.arg(i, 1);
        if (flagsOnly[y]) {
            return root[x];
        }
        return flagsOnly[x] ? root[y] : i;
    }

    /** {@code lshr e, c} of an i32 e by a constant 6 <= c < 32. */
    private static boolean shiftsOutFlags(Block b, int i) {
        if (b.op(i) != Op.LSHR || b.type(i) != Type.I32 || b.op(b.arg(i, 1)) != Op.CONST) {
            return false;
        }
        long count = b.aux0(b.arg(i, 1));
        return count >= 6 && count < 32;
    }

    /** The {@code fexcept}/{@code vfexcept} values every use of which absorbs a change of their settled flags. */
    private static boolean[] absorbedExceptions(Block b, int[] root) {
        int n = b.size();
        boolean[] absorbed = new boolean[n];
        List<Integer> exceptions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (isException(b.op(i))) {
                absorbed[i] = true;
                exceptions.add(i);
            }
        }
        for (var use : b.terminal().uses()) {
            absorbed[use.index()] = false;
        }
        for (int u = 0; u < n; u++) {
            for (int k = 0; k < b.argCount(u); k++) {
                int f = b.arg(u, k);
                if (absorbed[f] && !absorbs(b, u, k, b.arg(f, b.argCount(f) - 1), root)) {
                    absorbed[f] = false;
                }
            }
        }
        return absorbed;
    }

    /** Whether operand {@code k} of {@code u}, an exception value of environment {@code e}, is used absorbingly. */
    private static boolean absorbs(Block b, int u, int k, int e, int[] root) {
        return switch (b.op(u)) {
            case OR -> b.type(u) == Type.I32 && b.arg(u, 1 - k) == e;
            case ANDN -> k == 1 && isMaskOf(b, b.arg(u, 0), root[e], root);
            default -> false;
        };
    }

    /** {@code m} is {@code lshr e', 7} with e' of root {@code r}: the mask bits of r in bits 0-5. */
    private static boolean isMaskOf(Block b, int m, int r, int[] root) {
        return b.op(m) == Op.LSHR
                && b.type(m) == Type.I32
                && b.op(b.arg(m, 1)) == Op.CONST
                && b.aux0(b.arg(m, 1)) == FloatEnvironment.MASK_SHIFT
                && root[b.arg(m, 0)] == r;
    }

    private static void copyWithEnvironment(Rewrite r, int i, int last, int environment) {
        List<Value> args = new ArrayList<>(last + 1);
        for (int k = 0; k < last; k++) {
            args.add(r.mapped(r.old.arg(i, k)));
        }
        args.add(r.mapped(environment));
        r.copy(i, args);
    }
}
