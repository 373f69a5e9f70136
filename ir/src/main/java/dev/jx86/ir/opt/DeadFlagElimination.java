package dev.jx86.ir.opt;

import dev.jx86.ir.Block;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops computing flags nobody can read: removes FLAGS sets overwritten before anything observes them, drops the
 * prior-flags operand of shifts by a constant non-zero count (they then ignore it), and removes flag computations
 * whose results are unused.
 */
public final class DeadFlagElimination implements Pass {
    public DeadFlagElimination() {}

    @Override
    public String name() {
        return "dead-flag-elimination";
    }

    @Override
    public Block run(Block b) {
        Block withoutSets = rewriteSetsAndPriors(b);
        return Sweep.removeUnused(withoutSets, i -> isFlagComputation(withoutSets, i));
    }

    private static boolean isFlagComputation(Block b, int i) {
        return switch (b.op(i).signature()) {
            case FLAGS, FLAGS_TEST, FLAGS_FROM_BITS, FLAGS_TO_BITS -> true;
            default -> b.op(i) == Op.GET && b.type(i) == Type.FLAGS;
        };
    }

    private static Block rewriteSetsAndPriors(Block b) {
        Rewrite r = new Rewrite(b);
        for (int i = 0; i < b.size(); i++) {
            if (b.op(i) == Op.SET && b.type(b.arg(i, 0)) == Type.FLAGS && StateObservers.deadSet(b, i)) {
                continue;
            }
            if (b.op(i) == Op.FLAGS && priorUnused(b, i)) {
                List<Value> args = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    args.add(r.mapped(b.arg(i, k)));
                }
                args.add(r.out.constant(Type.I64, 0));
                r.replace(i, r.out.append(Op.FLAGS, Type.FLAGS, b.aux0(i), 0, args));
                continue;
            }
            r.copy(i);
        }
        return r.finish();
    }

    /** A shift by a constant whose masked count is not zero computes every flag itself. */
    private static boolean priorUnused(Block b, int i) {
        FlagsKind kind = FlagsKind.values()[(int) b.aux0(i)];
        if (kind != FlagsKind.SHL && kind != FlagsKind.SHR && kind != FlagsKind.SAR) {
            return false;
        }
        int count = b.arg(i, 2);
        int prior = b.arg(i, 3);
        int width = b.type(b.arg(i, 0)).bits();
        boolean priorIsZero = b.op(prior) == Op.CONST && b.aux0(prior) == 0;
        return !priorIsZero && b.op(count) == Op.CONST && (b.aux0(count) & (width == 64 ? 63 : 31)) != 0;
    }
}
