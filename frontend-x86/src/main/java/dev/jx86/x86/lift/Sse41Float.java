package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.FloatEnvironment;
import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;

/**
 * SSE4.1 floating point (SDM Vol. 1 12.10.2, 12.10.6): ROUNDPS/PD/SS/SD round to integral values in the immediate's
 * rounding mode or MXCSR's, with the precision exception suppressed by immediate bit 3; DPPS and DPPD are dot
 * products composed of the IR's float lane ops, in the hardware's order of operations, so that rounding, NaNs and
 * exception flags follow MXCSR as for the separate instructions.
 */
final class Sse41Float implements Semantics {
    @Override
    public void register(HandlerTable t) {
        on(t, c -> roundPacked(c, LaneShape.F32X4), ROUNDPS);
        on(t, c -> roundPacked(c, LaneShape.F64X2), ROUNDPD);
        on(t, c -> roundScalar(c, Type.I32), ROUNDSS);
        on(t, c -> roundScalar(c, Type.I64), ROUNDSD);
        on(t, Sse41Float::dpps, DPPS);
        on(t, Sse41Float::dppd, DPPD);
    }

    /** The environment the rounding uses: MXCSR, with its rounding control replaced by imm[1:0] unless imm[2]. */
    private static Value roundingEnvironment(LiftContext c, int imm) {
        Value mxcsr = SseOperands.environment(c);
        if ((imm & 4) != 0) {
            return mxcsr;
        }
        var ir = c.ir();
        Value others = ir.and(mxcsr, c.constant(Type.I32, ~FloatEnvironment.ROUNDING_MASK & 0xffff_ffffL));
        return ir.or(others, c.constant(Type.I32, (long) (imm & 3) << FloatEnvironment.ROUNDING_SHIFT));
    }

    /** The exception flags to record: imm[3] suppresses precision. */
    private static Value roundFlags(LiftContext c, int imm, Value flags) {
        return (imm & 8) == 0 ? flags : c.ir().and(flags, c.constant(Type.I32, ~FloatEnvironment.INEXACT & 0x3f));
    }

    private static void roundPacked(LiftContext c, LaneShape shape) {
        int imm = SseOperands.imm8(c, 2);
        Value src = SseOperands.vector(c, 1);
        Value env = roundingEnvironment(c, imm);
        SseExceptions.record(c, roundFlags(c, imm, c.ir().vfexcept(FloatOperation.ROUND, shape, src, src, env)));
        SseOperands.writeVector(c, 0, c.ir().vfloat(Op.VFROUND, shape, env, src));
    }

    private static void roundScalar(LiftContext c, Type lane) {
        int imm = SseOperands.imm8(c, 2);
        Value src = SseOperands.scalar(c, 1, lane);
        Value env = roundingEnvironment(c, imm);
        SseExceptions.record(c, roundFlags(c, imm, c.ir().fexcept(FloatOperation.ROUND, src, src, env)));
        SseOperands.writeLow(c, 0, c.ir().fround(src, env));
    }

    /**
     * DPPS: the products of the lanes selected by imm[7:4] (others +0.0, not multiplied), summed as (p0 + p1) + (p2 +
     * p3), the sum in the lanes selected by imm[3:0] and +0.0 in the others.
     */
    private static void dpps(LiftContext c) {
        int imm = SseOperands.imm8(c, 2);
        SseIntegerArithmetic.binary(c, (a, b) -> {
            var ir = c.ir();
            LaneShape s = LaneShape.F32X4;
            Value env = SseOperands.environment(c);
            Value selected = laneMask(c, 4, imm >> 4);
            Value x = ir.and(a, selected);
            Value y = ir.and(b, selected);
            Value flags = ir.vfexcept(FloatOperation.MUL, s, x, y, env);
            Value p = ir.vfloat(Op.VFMUL, s, env, x, y);
            Value evens = ir.vshuffle(p, p, SseOperands.laneTable(4, 0, 2, -1, -1));
            Value odds = ir.vshuffle(p, p, SseOperands.laneTable(4, 1, 3, -1, -1));
            flags = ir.or(flags, ir.vfexcept(FloatOperation.ADD, s, evens, odds, env));
            Value pairs = ir.vfloat(Op.VFADD, s, env, evens, odds);
            Value first = ir.vshuffle(pairs, pairs, SseOperands.laneTable(4, 0, -1, -1, -1));
            Value second = ir.vshuffle(pairs, pairs, SseOperands.laneTable(4, 1, -1, -1, -1));
            flags = ir.or(flags, ir.vfexcept(FloatOperation.ADD, s, first, second, env));
            SseExceptions.record(c, flags);
            return broadcast(c, ir.vfloat(Op.VFADD, s, env, first, second), 4, imm);
        });
    }

    /** DPPD: as DPPS for two doubles: imm[5:4] select the products, imm[1:0] the result lanes. */
    private static void dppd(LiftContext c) {
        int imm = SseOperands.imm8(c, 2);
        SseIntegerArithmetic.binary(c, (a, b) -> {
            var ir = c.ir();
            LaneShape s = LaneShape.F64X2;
            Value env = SseOperands.environment(c);
            Value selected = laneMask(c, 8, imm >> 4);
            Value x = ir.and(a, selected);
            Value y = ir.and(b, selected);
            Value flags = ir.vfexcept(FloatOperation.MUL, s, x, y, env);
            Value p = ir.vfloat(Op.VFMUL, s, env, x, y);
            Value first = ir.vshuffle(p, p, SseOperands.laneTable(8, 0, -1));
            Value second = ir.vshuffle(p, p, SseOperands.laneTable(8, 1, -1));
            flags = ir.or(flags, ir.vfexcept(FloatOperation.ADD, s, first, second, env));
            SseExceptions.record(c, flags);
            return broadcast(c, ir.vfloat(Op.VFADD, s, env, first, second), 8, imm);
        });
    }

    /** All ones in the lanes (of {@code width} bytes) whose bit in {@code bits} is set. */
    private static Value laneMask(LiftContext c, int width, int bits) {
        long[] halves = new long[2];
        for (int i = 0; i < 16 / width; i++) {
            if ((bits >> i & 1) != 0) {
                int bit = i * width * 8;
                long ones = width == 8 ? -1L : 0xffff_ffffL;
                halves[bit / 64] |= ones << (bit % 64);
            }
        }
        return SseOperands.constant(c, halves[0], halves[1]);
    }

    /** Lane 0 of v in the lanes whose bit in {@code bits} is set, +0.0 in the others. */
    private static Value broadcast(LiftContext c, Value v, int width, int bits) {
        int[] lanes = new int[16 / width];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = (bits >> i & 1) != 0 ? 0 : -1;
        }
        return c.ir().vshuffle(v, v, SseOperands.laneTable(width, lanes));
    }
}
