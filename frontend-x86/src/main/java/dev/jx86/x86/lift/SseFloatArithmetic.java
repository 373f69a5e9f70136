package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.FloatCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.SseHelpers;
import dev.jx86.x86.decode.Mnemonic;

/**
 * SSE and SSE2 floating-point arithmetic and compares, packed and scalar (SDM Vol. 1 10.4.2, 10.4.3, 11.4.2): the
 * IR's float ops, which follow the x86 NaN rules. Scalar forms change only the low lane of the destination; packed
 * forms fault on a misaligned memory operand, scalar forms never. Rounding, DAZ/FTZ and exception flags: see
 * docs/lifter-sse.md.
 */
final class SseFloatArithmetic implements Semantics {
    private static final FloatCondition[] PREDICATES = {
        FloatCondition.OEQ, // EQ
        FloatCondition.OLT, // LT
        FloatCondition.OLE, // LE
        FloatCondition.UNO, // UNORD
        FloatCondition.UNE, // NEQ
        FloatCondition.UGE, // NLT
        FloatCondition.UGT, // NLE
        FloatCondition.ORD, // ORD
    };

    @Override
    public void register(HandlerTable t) {
        arithmetic(t, Op.FADD, Op.VFADD, ADDPS, ADDPD, ADDSS, ADDSD);
        arithmetic(t, Op.FSUB, Op.VFSUB, SUBPS, SUBPD, SUBSS, SUBSD);
        arithmetic(t, Op.FMUL, Op.VFMUL, MULPS, MULPD, MULSS, MULSD);
        arithmetic(t, Op.FDIV, Op.VFDIV, DIVPS, DIVPD, DIVSS, DIVSD);
        arithmetic(t, Op.FMIN, Op.VFMIN, MINPS, MINPD, MINSS, MINSD);
        arithmetic(t, Op.FMAX, Op.VFMAX, MAXPS, MAXPD, MAXSS, MAXSD);
        on(t, c -> packedUnary(c, LaneShape.F32X4), SQRTPS);
        on(t, c -> packedUnary(c, LaneShape.F64X2), SQRTPD);
        on(t, c -> scalar(c, Type.I32, (d, s) -> c.ir().fsqrt(s, SseOperands.environment(c))), SQRTSS);
        on(t, c -> scalar(c, Type.I64, (d, s) -> c.ir().fsqrt(s, SseOperands.environment(c))), SQRTSD);
        on(t, c -> approximation(c, SseHelpers.RCP_F32, true), RCPPS);
        on(t, c -> approximation(c, SseHelpers.RCP_F32, false), RCPSS);
        on(t, c -> approximation(c, SseHelpers.RSQRT_F32, true), RSQRTPS);
        on(t, c -> approximation(c, SseHelpers.RSQRT_F32, false), RSQRTSS);
        on(t, c -> comparePacked(c, LaneShape.F32X4), CMPPS);
        on(t, c -> comparePacked(c, LaneShape.F64X2), CMPPD);
        on(t, c -> compareScalar(c, Type.I32), CMPSS);
        on(t, c -> compareScalar(c, Type.I64), CMPSD);
        on(t, c -> compareFlags(c, Type.I32), COMISS, UCOMISS);
        on(t, c -> compareFlags(c, Type.I64), COMISD, UCOMISD);
    }

    private static void arithmetic(
            HandlerTable t, Op scalar, Op packed, Mnemonic ps, Mnemonic pd, Mnemonic ss, Mnemonic sd) {
        on(t, c -> packed(c, packed, LaneShape.F32X4), ps);
        on(t, c -> packed(c, packed, LaneShape.F64X2), pd);
        on(t, c -> scalar(c, Type.I32, (a, b) -> c.ir().fbinary(scalar, a, b, SseOperands.environment(c))), ss);
        on(t, c -> scalar(c, Type.I64, (a, b) -> c.ir().fbinary(scalar, a, b, SseOperands.environment(c))), sd);
    }

    private static void packed(LiftContext c, Op op, LaneShape shape) {
        SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vfloat(op, shape, SseOperands.environment(c), a, b));
    }

    /** A scalar op: the low lane of the destination becomes {@code f(low lane, source)}; the rest is kept. */
    static void scalar(LiftContext c, Type lane, java.util.function.BinaryOperator<Value> f) {
        Value src = SseOperands.scalar(c, 1, lane);
        Value dst = c.ir().extract(lane, c.read(SseOperands.xmm(c, 0)), 0);
        SseOperands.writeLow(c, 0, f.apply(dst, src));
    }

    private static void packedUnary(LiftContext c, LaneShape shape) {
        Value src = SseOperands.vector(c, 1);
        SseOperands.writeVector(c, 0, c.ir().vfloat(Op.VFSQRT, shape, SseOperands.environment(c), src));
    }

    /**
     * RCPPS/RSQRTPS and their scalar forms: approximations whose low bits differ between processors (the SDM bounds
     * the relative error by 1.5 * 2^-12); a runtime helper per lane gives the correctly rounded value, with the
     * hardware's special cases (see {@link SseHelpers#RCP_F32}).
     */
    private static void approximation(LiftContext c, dev.jx86.runtime.abi.RuntimeHelper helper, boolean packed) {
        if (!packed) {
            scalar(c, Type.I32, (d, s) -> c.call(helper, s));
            return;
        }
        Value src = SseOperands.vector(c, 1);
        Value result = src;
        for (int lane = 0; lane < 4; lane++) {
            Value x = c.call(helper, c.ir().extract(Type.I32, src, 32 * lane));
            result = c.ir().insert(result, x, 32 * lane);
        }
        SseOperands.writeVector(c, 0, result);
    }

    /** The compare predicate of CMPPS/CMPSS...: bits 2:0 of the immediate (legacy SSE ignores the others). */
    private static FloatCondition predicate(LiftContext c) {
        return PREDICATES[SseOperands.imm8(c, 2) & 7];
    }

    private static void comparePacked(LiftContext c, LaneShape shape) {
        FloatCondition cc = predicate(c);
        SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vfcmp(cc, shape, a, b, SseOperands.environment(c)));
    }

    private static void compareScalar(LiftContext c, Type lane) {
        FloatCondition cc = predicate(c);
        scalar(c, lane, (a, b) -> {
            Value holds = c.ir().fcmp(cc, a, b, SseOperands.environment(c));
            return c.ir().select(holds, c.constant(lane, -1), c.constant(lane, 0));
        });
    }

    /**
     * COMISS/UCOMISS and the SD forms: ZF, PF, CF from the compare (unordered sets all three, less sets CF, equal
     * sets ZF), OF, SF and AF cleared. The two differ only in which NaNs signal invalid, an exception flag.
     */
    private static void compareFlags(LiftContext c, Type lane) {
        Value b = SseOperands.scalar(c, 1, lane);
        Value a = c.ir().extract(lane, c.read(SseOperands.xmm(c, 0)), 0);
        var ir = c.ir();
        Value env = SseOperands.environment(c);
        Value bits = ir.select(
                ir.fcmp(FloatCondition.UNO, a, b, env),
                c.i64(0x45),
                ir.select(
                        ir.fcmp(FloatCondition.OLT, a, b, env),
                        c.i64(0x01),
                        ir.select(ir.fcmp(FloatCondition.OEQ, a, b, env), c.i64(0x40), c.i64(0))));
        c.flags(ir.flagsExplicit(bits));
    }
}
