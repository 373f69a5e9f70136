package dev.jx86.ir.opt;

import dev.jx86.ir.Block;
import dev.jx86.ir.FlagCondition;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import java.util.List;

/**
 * Fuses a flags producer with a condition that consumes it: {@code cond.b (flags.sub r, a, b)} becomes {@code icmp.ult
 * a, b}, so that cmp+jcc is one compare and the flags value is often left unused for the dead-flag and dead-code
 * passes. Only rewrites that are exact under {@link dev.jx86.ir.eval.FlagsSemantics} are made: conditions on a
 * {@code sub} need its result to be the {@code sub} of the same operands.
 */
public final class FlagConditionFusion implements Pass {
    public FlagConditionFusion() {}

    @Override
    public String name() {
        return "flag-condition-fusion";
    }

    @Override
    public Block run(Block b) {
        Rewrite r = new Rewrite(b);
        for (int i = 0; i < b.size(); i++) {
            Value fused = b.op(i) == Op.COND && b.op(b.arg(i, 0)) == Op.FLAGS ? fuse(b, i, r) : null;
            if (fused == null) {
                r.copy(i);
            } else {
                r.replace(i, fused);
            }
        }
        return r.finish();
    }

    private static Value fuse(Block b, int i, Rewrite r) {
        int flags = b.arg(i, 0);
        FlagCondition cc = FlagCondition.values()[(int) b.aux0(i)];
        int res = b.arg(flags, 0);
        return switch (FlagsKind.values()[(int) b.aux0(flags)]) {
            case SUB -> isSubOfOperands(b, flags) ? subtraction(cc, r, b.arg(flags, 1), b.arg(flags, 2)) : null;
            case LOGIC -> logic(cc, r, res);
            case ADD -> addition(cc, r, res, b.arg(flags, 1));
            case ADC, SBB, INC, DEC, NEG, SHL, SHR, SAR, ROL, ROR, RCL, RCR, MUL, IMUL -> null;
        };
    }

    /** Whether the result operand of {@code flags.sub r, a, b} is {@code sub a, b}. */
    private static boolean isSubOfOperands(Block b, int flags) {
        int res = b.arg(flags, 0);
        return b.op(res) == Op.SUB && b.arg(res, 0) == b.arg(flags, 1) && b.arg(res, 1) == b.arg(flags, 2);
    }

    private static Value subtraction(FlagCondition cc, Rewrite r, int a, int b) {
        IntCondition ic = switch (cc) {
            case E -> IntCondition.EQ;
            case NE -> IntCondition.NE;
            case B -> IntCondition.ULT;
            case AE -> IntCondition.UGE;
            case BE -> IntCondition.ULE;
            case A -> IntCondition.UGT;
            case L -> IntCondition.SLT;
            case GE -> IntCondition.SGE;
            case LE -> IntCondition.SLE;
            case G -> IntCondition.SGT;
            case O, NO, S, NS, P, NP -> null;
        };
        return ic == null ? null : r.out.icmp(ic, r.mapped(a), r.mapped(b));
    }

    /** Logic ops clear CF and OF, so every condition but parity is a compare of the result with zero. */
    private static Value logic(FlagCondition cc, Rewrite r, int res) {
        return switch (cc) {
            case E, BE -> compareWithZero(IntCondition.EQ, r, res);
            case NE, A -> compareWithZero(IntCondition.NE, r, res);
            case S, L -> compareWithZero(IntCondition.SLT, r, res);
            case NS, GE -> compareWithZero(IntCondition.SGE, r, res);
            case LE -> compareWithZero(IntCondition.SLE, r, res);
            case G -> compareWithZero(IntCondition.SGT, r, res);
            case B, O -> r.out.constant(Type.I1, 0);
            case AE, NO -> r.out.constant(Type.I1, 1);
            case P, NP -> null;
        };
    }

    /** After an add, ZF and SF come from the result and CF is {@code r < a} unsigned. */
    private static Value addition(FlagCondition cc, Rewrite r, int res, int a) {
        return switch (cc) {
            case E -> compareWithZero(IntCondition.EQ, r, res);
            case NE -> compareWithZero(IntCondition.NE, r, res);
            case S -> compareWithZero(IntCondition.SLT, r, res);
            case NS -> compareWithZero(IntCondition.SGE, r, res);
            case B -> r.out.icmp(IntCondition.ULT, r.mapped(res), r.mapped(a));
            case AE -> r.out.icmp(IntCondition.UGE, r.mapped(res), r.mapped(a));
            case O, NO, BE, A, P, NP, L, GE, LE, G -> null;
        };
    }

    private static Value compareWithZero(IntCondition ic, Rewrite r, int res) {
        Value v = r.mapped(res);
        return r.out.append(Op.ICMP, Type.I1, ic.ordinal(), 0, List.of(v, r.out.constant(v.type(), 0)));
    }
}
