package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.FloatCondition;
import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.RuntimeHelper;
import dev.jx86.runtime.abi.SseHelpers;
import dev.jx86.x86.decode.Mnemonic;
import java.util.function.BinaryOperator;

/**
 * SSE and SSE2 floating-point arithmetic and compares, packed and scalar (SDM Vol. 1 10.4.2, 10.4.3, 11.4.2): the
 * IR's float ops under MXCSR (rounding, FTZ, DAZ), with their exception flags recorded in MXCSR
 * ({@link SseExceptions}). Scalar forms change only the low lane of the destination; packed forms fault on a
 * misaligned memory operand, scalar forms never.
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
        arithmetic(t, Op.FADD, Op.VFADD, FloatOperation.ADD, ADDPS, ADDPD, ADDSS, ADDSD);
        arithmetic(t, Op.FSUB, Op.VFSUB, FloatOperation.SUB, SUBPS, SUBPD, SUBSS, SUBSD);
        arithmetic(t, Op.FMUL, Op.VFMUL, FloatOperation.MUL, MULPS, MULPD, MULSS, MULSD);
        arithmetic(t, Op.FDIV, Op.VFDIV, FloatOperation.DIV, DIVPS, DIVPD, DIVSS, DIVSD);
        arithmetic(t, Op.FMIN, Op.VFMIN, FloatOperation.MIN_MAX, MINPS, MINPD, MINSS, MINSD);
        arithmetic(t, Op.FMAX, Op.VFMAX, FloatOperation.MIN_MAX, MAXPS, MAXPD, MAXSS, MAXSD);
        on(t, c -> packedSqrt(c, LaneShape.F32X4), SQRTPS);
        on(t, c -> packedSqrt(c, LaneShape.F64X2), SQRTPD);
        on(t, c -> scalarSqrt(c, Type.I32), SQRTSS);
        on(t, c -> scalarSqrt(c, Type.I64), SQRTSD);
        on(t, c -> approximation(c, SseHelpers.RCP_F32, true), RCPPS);
        on(t, c -> approximation(c, SseHelpers.RCP_F32, false), RCPSS);
        on(t, c -> approximation(c, SseHelpers.RSQRT_F32, true), RSQRTPS);
        on(t, c -> approximation(c, SseHelpers.RSQRT_F32, false), RSQRTSS);
        on(t, c -> comparePacked(c, LaneShape.F32X4), CMPPS);
        on(t, c -> comparePacked(c, LaneShape.F64X2), CMPPD);
        on(t, c -> compareScalar(c, Type.I32), CMPSS);
        on(t, c -> compareScalar(c, Type.I64), CMPSD);
        on(t, c -> compareFlags(c, Type.I32, FloatOperation.COMPARE_SIGNALING), COMISS);
        on(t, c -> compareFlags(c, Type.I32, FloatOperation.COMPARE_QUIET), UCOMISS);
        on(t, c -> compareFlags(c, Type.I64, FloatOperation.COMPARE_SIGNALING), COMISD);
        on(t, c -> compareFlags(c, Type.I64, FloatOperation.COMPARE_QUIET), UCOMISD);
    }

    private static void arithmetic(
            HandlerTable t,
            Op scalar,
            Op packed,
            FloatOperation kind,
            Mnemonic ps,
            Mnemonic pd,
            Mnemonic ss,
            Mnemonic sd) {
        on(t, c -> packed(c, packed, kind, LaneShape.F32X4), ps);
        on(t, c -> packed(c, packed, kind, LaneShape.F64X2), pd);
        on(t, c -> scalar(c, Type.I32, kind, (a, b) -> c.ir().fbinary(scalar, a, b, SseOperands.environment(c))), ss);
        on(t, c -> scalar(c, Type.I64, kind, (a, b) -> c.ir().fbinary(scalar, a, b, SseOperands.environment(c))), sd);
    }

    private static void packed(LiftContext c, Op op, FloatOperation kind, LaneShape shape) {
        SseIntegerArithmetic.binary(c, (a, b) -> {
            Value env = SseOperands.environment(c);
            SseExceptions.record(c, c.ir().vfexcept(kind, shape, a, b, env));
            return c.ir().vfloat(op, shape, env, a, b);
        });
    }

    /**
     * A scalar op: the low lane of the destination becomes {@code f(low lane, source)}; the rest is kept; the
     * exception flags of {@code kind} on the two lanes go to MXCSR.
     */
    static void scalar(LiftContext c, Type lane, FloatOperation kind, BinaryOperator<Value> f) {
        Value src = SseOperands.scalar(c, 1, lane);
        Value dst = c.ir().extract(lane, c.read(SseOperands.xmm(c, 0)), 0);
        SseExceptions.record(c, c.ir().fexcept(kind, dst, src, SseOperands.environment(c)));
        SseOperands.writeLow(c, 0, f.apply(dst, src));
    }

    private static void packedSqrt(LiftContext c, LaneShape shape) {
        Value src = SseOperands.vector(c, 1);
        Value env = SseOperands.environment(c);
        SseExceptions.record(c, c.ir().vfexcept(FloatOperation.SQRT, shape, src, src, env));
        SseOperands.writeVector(c, 0, c.ir().vfloat(Op.VFSQRT, shape, env, src));
    }

    private static void scalarSqrt(LiftContext c, Type lane) {
        Value src = SseOperands.scalar(c, 1, lane);
        Value env = SseOperands.environment(c);
        SseExceptions.record(c, c.ir().fexcept(FloatOperation.SQRT, src, src, env));
        SseOperands.writeLow(c, 0, c.ir().fsqrt(src, env));
    }

    /**
     * RCPPS/RSQRTPS and their scalar forms: approximations whose low bits differ between processors (the SDM bounds
     * the relative error by 1.5 * 2^-12); a runtime helper per lane gives the correctly rounded value, with the
     * hardware's special cases (see {@link SseHelpers#RCP_F32}). They raise no exceptions and ignore MXCSR.
     */
    private static void approximation(LiftContext c, RuntimeHelper helper, boolean packed) {
        if (!packed) {
            Value src = SseOperands.scalar(c, 1, Type.I32);
            SseOperands.writeLow(c, 0, c.call(helper, src));
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
    private static int predicate(LiftContext c) {
        return SseOperands.imm8(c, 2) & 7;
    }

    /** LT, LE, NLT, NLE signal invalid on any NaN; EQ, UNORD, NEQ, ORD only on a signaling NaN. */
    private static FloatOperation compareKind(int predicate) {
        return (predicate & 3) == 1 || (predicate & 3) == 2
                ? FloatOperation.COMPARE_SIGNALING
                : FloatOperation.COMPARE_QUIET;
    }

    private static void comparePacked(LiftContext c, LaneShape shape) {
        int p = predicate(c);
        SseIntegerArithmetic.binary(c, (a, b) -> {
            Value env = SseOperands.environment(c);
            SseExceptions.record(c, c.ir().vfexcept(compareKind(p), shape, a, b, env));
            return c.ir().vfcmp(PREDICATES[p], shape, a, b, env);
        });
    }

    private static void compareScalar(LiftContext c, Type lane) {
        int p = predicate(c);
        scalar(c, lane, compareKind(p), (a, b) -> {
            Value holds = c.ir().fcmp(PREDICATES[p], a, b, SseOperands.environment(c));
            return c.ir().select(holds, c.constant(lane, -1), c.constant(lane, 0));
        });
    }

    /**
     * COMISS/UCOMISS and the SD forms: ZF, PF, CF from the compare (unordered sets all three, less sets CF, equal
     * sets ZF), OF, SF and AF cleared. COMIS signals invalid on any NaN, UCOMIS only on a signaling one.
     */
    private static void compareFlags(LiftContext c, Type lane, FloatOperation kind) {
        Value b = SseOperands.scalar(c, 1, lane);
        Value a = c.ir().extract(lane, c.read(SseOperands.xmm(c, 0)), 0);
        var ir = c.ir();
        Value env = SseOperands.environment(c);
        SseExceptions.record(c, ir.fexcept(kind, a, b, env));
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
