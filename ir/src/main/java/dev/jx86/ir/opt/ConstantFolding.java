package dev.jx86.ir.opt;

import dev.jx86.ir.Block;
import dev.jx86.ir.Op;
import dev.jx86.ir.Terminal;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.ir.eval.PureSemantics;

/**
 * Replaces every computation whose operands are all constants by its result, computed with the reference semantics
 * so that folding and execution cannot disagree; a select on a constant condition becomes the chosen operand. A
 * constant FLAGS value becomes {@code flags.explicit} of its bits. A
 * branch on a constant becomes a jump, an indirect jump to a constant a direct one. Leaves dead constants to DCE.
 */
public final class ConstantFolding implements Pass {
    public ConstantFolding() {}

    @Override
    public String name() {
        return "constant-folding";
    }

    @Override
    public Block run(Block b) {
        Rewrite r = new Rewrite(b);
        long[] low = new long[b.size()];
        long[] high = new long[b.size()];
        boolean[] known = new boolean[b.size()];
        for (int i = 0; i < b.size(); i++) {
            if (b.op(i) == Op.SELECT && known[b.arg(i, 0)]) {
                int chosen = b.arg(i, low[b.arg(i, 0)] != 0 ? 1 : 2);
                r.replace(i, r.mapped(chosen));
                known[i] = known[chosen];
                low[i] = low[chosen];
                high[i] = high[chosen];
                continue;
            }
            if (!PureSemantics.computable(b, i) || !operandsKnown(b, i, known)) {
                r.copy(i);
                continue;
            }
            PureSemantics.compute(b, i, low, high);
            known[i] = true;
            if (b.op(i) == Op.FLAGS_EXPLICIT) {
                r.copy(i);
            } else {
                r.replace(i, constant(r, b.type(i), low[i], high[i]));
            }
        }
        return r.finish(terminal(b.terminal(), low, known));
    }

    private static boolean operandsKnown(Block b, int i, boolean[] known) {
        for (int k = 0; k < b.argCount(i); k++) {
            if (!known[b.arg(i, k)]) {
                return false;
            }
        }
        return true;
    }

    private static Value constant(Rewrite r, Type type, long low, long high) {
        return switch (type) {
            case V128 -> r.out.constantV128(low, high);
            case FLAGS -> r.out.flagsExplicit(r.out.constant(Type.I64, low));
            case I1, I8, I16, I32, I64 -> r.out.constant(type, low);
            case VOID -> throw new IllegalStateException("a computation without a result");
        };
    }

    private static Terminal terminal(Terminal t, long[] low, boolean[] known) {
        return switch (t) {
            case Terminal.Branch br
            when known[br.condition().index()] ->
                new Terminal.Jump(low[br.condition().index()] != 0 ? br.taken() : br.notTaken());
            case Terminal.JumpIndirect ji
            when known[ji.target().index()] -> new Terminal.Jump(low[ji.target().index()]);
            case Terminal.Branch br -> br;
            case Terminal.JumpIndirect ji -> ji;
            case Terminal.Jump j -> j;
            case Terminal.Exit e -> e;
            case Terminal.Raise raise -> raise;
        };
    }
}
