package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.FloatCondition;
import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.ir.VectorConversion;
import dev.jx86.x86.decode.Mnemonic;

/**
 * SSE and SSE2 conversions (SDM Vol. 1 10.4.5, 11.4.2.5): integer to float, float to float, and float to integer —
 * the CVTT forms truncate, the others round by MXCSR.RC. An out-of-range or NaN input gives the integer indefinite
 * (the lane's minimum value). CVTPI2PS and CVTPI2PD with a memory source are SSE instructions; their MMX-register
 * forms and CVTPS2PI and kin, which always write an MMX register, are {@link MmxSse}.
 */
final class SseConversion implements Semantics {
    @Override
    public void register(HandlerTable t) {
        on(t, c -> intToScalar(c, Type.I32), CVTSI2SS);
        on(t, c -> intToScalar(c, Type.I64), CVTSI2SD);
        on(t, c -> scalarToInt(c, Type.I32, true), CVTSS2SI);
        on(t, c -> scalarToInt(c, Type.I64, true), CVTSD2SI);
        on(t, c -> scalarToInt(c, Type.I32, false), CVTTSS2SI);
        on(t, c -> scalarToInt(c, Type.I64, false), CVTTSD2SI);
        on(t, c -> floatToScalar(c, Op.FPEXT, Type.I32, Type.I64), CVTSS2SD);
        on(t, c -> floatToScalar(c, Op.FPTRUNC, Type.I64, Type.I32), CVTSD2SS);
        convert(t, VectorConversion.F32X4_TO_F64X2, false, FloatOperation.EXTEND, LaneShape.F32X4, CVTPS2PD);
        convert(t, VectorConversion.F64X2_TO_F32X4, true, FloatOperation.NARROW, LaneShape.F64X2, CVTPD2PS);
        convert(t, VectorConversion.I32X4_TO_F32X4, true, FloatOperation.FROM_INT_TO_SINGLE, LaneShape.F32X4, CVTDQ2PS);
        convert(t, VectorConversion.I32X4_TO_F64X2, false, null, null, CVTDQ2PD);
        convert(t, VectorConversion.F32X4_TO_I32X4, true, FloatOperation.TO_INT32, LaneShape.F32X4, CVTTPS2DQ);
        convert(t, VectorConversion.F64X2_TO_I32X4, true, FloatOperation.TO_INT32, LaneShape.F64X2, CVTTPD2DQ);
        on(t, c -> roundingToInt(c, LaneShape.F32X4, VectorConversion.F32X4_TO_I32X4), CVTPS2DQ);
        on(t, c -> roundingToInt(c, LaneShape.F64X2, VectorConversion.F64X2_TO_I32X4), CVTPD2DQ);
        on(t, SseConversion::cvtpi2ps, CVTPI2PS);
        on(t, SseConversion::cvtpi2pd, CVTPI2PD);
    }

    /** CVTSI2SS/CVTSI2SD: a 32- or 64-bit signed integer (by operand size) into the low lane. */
    private static void intToScalar(LiftContext c, Type lane) {
        Value x = c.read(1);
        Value env = SseOperands.environment(c);
        FloatOperation kind = lane == Type.I32 ? FloatOperation.FROM_INT_TO_SINGLE : FloatOperation.FROM_INT_TO_DOUBLE;
        SseExceptions.record(c, c.ir().fexcept(kind, x, x, env));
        SseOperands.writeLow(c, 0, c.ir().fconvert(Op.SITOFP, lane, x, env));
    }

    /** CVTSS2SD/CVTSD2SS: the source's low lane converted into the destination's low lane. */
    private static void floatToScalar(LiftContext c, Op op, Type from, Type to) {
        Value x = SseOperands.scalar(c, 1, from);
        Value env = SseOperands.environment(c);
        FloatOperation kind = op == Op.FPEXT ? FloatOperation.EXTEND : FloatOperation.NARROW;
        SseExceptions.record(c, c.ir().fexcept(kind, x, x, env));
        SseOperands.writeLow(c, 0, c.ir().fconvert(op, to, x, env));
    }

    /** CVTSS2SI/CVTSD2SI (rounding) and the CVTT forms (truncating) into a 32- or 64-bit register. */
    private static void scalarToInt(LiftContext c, Type lane, boolean round) {
        Value x = SseOperands.scalar(c, 1, lane);
        Value integral = round ? roundScalar(c, lane, x) : x;
        Type result = LiftContext.type(c.operandBytes(0));
        FloatOperation kind = result == Type.I32 ? FloatOperation.TO_INT32 : FloatOperation.TO_INT64;
        SseExceptions.record(c, c.ir().fexcept(kind, x, integral, SseOperands.environment(c)));
        c.write(0, c.ir().convert(Op.FPTOSI, result, integral));
    }

    /**
     * Whole-register conversion; the m64 source forms (CVTPS2PD, CVTDQ2PD) read 8 bytes without alignment. The
     * exception flags of {@code kind} (none for the exact CVTDQ2PD) cover the lanes the conversion reads.
     */
    private static void convert(
            HandlerTable t,
            VectorConversion conversion,
            boolean aligned,
            FloatOperation kind,
            LaneShape lanes,
            Mnemonic m) {
        on(
                t,
                c -> {
                    Value x = SseOperands.vector(c, 1, aligned);
                    if (kind != null) {
                        Value read = conversion == VectorConversion.F32X4_TO_F64X2 ? lowHalf(c, x) : x;
                        SseExceptions.record(c, c.ir().vfexcept(kind, lanes, read, read, SseOperands.environment(c)));
                    }
                    SseOperands.writeVector(c, 0, vconvert(c, conversion, x));
                },
                m);
    }

    /** The low 64 bits of {@code x}, the rest zero (zeros raise no exception). */
    private static Value lowHalf(LiftContext c, Value x) {
        return c.ir().and(x, SseOperands.constant(c, -1, 0));
    }

    private static Value vconvert(LiftContext c, VectorConversion conversion, Value x) {
        return c.ir().vconvert(conversion, x, SseOperands.environment(c));
    }

    private static void roundingToInt(LiftContext c, LaneShape shape, VectorConversion truncate) {
        SseOperands.writeVector(c, 0, toInt32(c, shape, truncate, true, SseOperands.vector(c, 1)));
    }

    /**
     * The float lanes of {@code x} as 32-bit integers, rounded by MXCSR.RC or truncated, with their exception
     * flags recorded (every lane of {@code x} counts: zero lanes raise nothing).
     */
    static Value toInt32(LiftContext c, LaneShape shape, VectorConversion truncate, boolean round, Value x) {
        Value integral = round ? roundPacked(c, shape, x) : x;
        SseExceptions.record(
                c, c.ir().vfexcept(FloatOperation.TO_INT32, shape, x, integral, SseOperands.environment(c)));
        return vconvert(c, truncate, integral);
    }

    /** CVTPI2PS xmm, m64: two doublewords into the low two single lanes; the high two are kept. */
    private static void cvtpi2ps(LiftContext c) {
        Value x = SseOperands.vector(c, 1, false);
        Value env = SseOperands.environment(c);
        SseExceptions.record(c, c.ir().vfexcept(FloatOperation.FROM_INT_TO_SINGLE, LaneShape.F32X4, x, x, env));
        Value converted = vconvert(c, VectorConversion.I32X4_TO_F32X4, x);
        SseOperands.writeLow(c, 0, c.ir().extract(Type.I64, converted, 0));
    }

    /** CVTPI2PD xmm, m64: two doublewords into two doubles. */
    private static void cvtpi2pd(LiftContext c) {
        Value src = SseOperands.vector(c, 1, false);
        SseOperands.writeVector(c, 0, vconvert(c, VectorConversion.I32X4_TO_F64X2, src));
    }

    /** The magic number 2^(p-1) of a float format with p significand bits: adding it rounds to an integer. */
    private static long magic(Type lane) {
        return lane == Type.I32 ? 0x4b00_0000L : 0x4330_0000_0000_0000L;
    }

    private static long signBit(Type lane) {
        return lane == Type.I32 ? 0x8000_0000L : 0x8000_0000_0000_0000L;
    }

    /**
     * {@code x} rounded to an integral value in MXCSR's rounding mode: (x + c) - c with c = ±2^(p-1) of x's sign
     * rounds once, in that mode, to a multiple of 1 for |x| < 2^(p-1) (the sum's ulp is 1) and is exact after;
     * larger values are integers already. A NaN stays NaN, and under DAZ a denormal reads as zero as the hardware's
     * conversion reads it.
     */
    static Value roundScalar(LiftContext c, Type lane, Value x) {
        var ir = c.ir();
        Value env = SseOperands.environment(c);
        Value magic = c.constant(lane, magic(lane));
        Value signed = ir.or(ir.and(x, c.constant(lane, signBit(lane))), magic);
        Value rounded = ir.fbinary(Op.FSUB, ir.fbinary(Op.FADD, x, signed, env), signed, env);
        Value abs = ir.binary(Op.ANDN, c.constant(lane, signBit(lane)), x);
        return ir.select(ir.fcmp(FloatCondition.OLT, abs, magic, env), rounded, x);
    }

    /** {@link #roundScalar} per lane. */
    static Value roundPacked(LiftContext c, LaneShape shape, Value x) {
        var ir = c.ir();
        Value env = SseOperands.environment(c);
        Type lane = shape == LaneShape.F32X4 ? Type.I32 : Type.I64;
        Value magic = splat(c, lane, magic(lane));
        Value sign = splat(c, lane, signBit(lane));
        Value signed = ir.or(ir.and(x, sign), magic);
        Value rounded = ir.vfloat(Op.VFSUB, shape, env, ir.vfloat(Op.VFADD, shape, env, x, signed), signed);
        Value small = ir.vfcmp(FloatCondition.OLT, shape, ir.binary(Op.ANDN, sign, x), magic, env);
        return ir.or(ir.and(small, rounded), ir.binary(Op.ANDN, small, x));
    }

    private static Value splat(LiftContext c, Type lane, long bits) {
        long word = lane == Type.I32 ? bits | (bits << 32) : bits;
        return SseOperands.constant(c, word, word);
    }
}
