package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.IntCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Value;
import dev.jx86.x86.decode.Mnemonic;

/**
 * SSSE3 (SDM Vol. 1 12.4), the XMM forms: PSHUFB is the IR's {@code vpermute}; the horizontal adds, sign and
 * absolute-value operations, PMADDUBSW, PMULHRSW and PALIGNR are short compositions of lane ops. The MMX-register
 * forms are {@link MmxSsse3}.
 */
final class Ssse3 implements Semantics {
    private static final LaneShape B = LaneShape.I8X16;
    private static final LaneShape W = LaneShape.I16X8;
    private static final LaneShape D = LaneShape.I32X4;

    @Override
    public void register(HandlerTable t) {
        on(t, c -> SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vpermute(a, b)), PSHUFB);
        horizontal(t, Op.VADD, W, PHADDW);
        horizontal(t, Op.VADD, D, PHADDD);
        horizontal(t, Op.VADDS, W, PHADDSW);
        horizontal(t, Op.VSUB, W, PHSUBW);
        horizontal(t, Op.VSUB, D, PHSUBD);
        horizontal(t, Op.VSUBS, W, PHSUBSW);
        sign(t, B, PSIGNB);
        sign(t, W, PSIGNW);
        sign(t, D, PSIGND);
        absolute(t, B, PABSB);
        absolute(t, W, PABSW);
        absolute(t, D, PABSD);
        on(t, Ssse3::pmaddubsw, PMADDUBSW);
        on(t, Ssse3::pmulhrsw, PMULHRSW);
        on(t, Ssse3::palignr, PALIGNR);
    }

    /** PHADD/PHSUB: adjacent lanes combined, the destination's pairs in the low half, the source's in the high. */
    private static void horizontal(HandlerTable t, Op op, LaneShape shape, Mnemonic m) {
        on(t, c -> SseIntegerArithmetic.binary(c, (a, b) -> horizontal(c, op, shape, a, b)), m);
    }

    /** The lanes of {@code a} then {@code b} combined in adjacent pairs by {@code op}. */
    static Value horizontal(LiftContext c, Op op, LaneShape shape, Value a, Value b) {
        int width = shape.laneBits() / 8;
        int n = shape.lanes();
        int[] firsts = new int[n];
        int[] seconds = new int[n];
        for (int k = 0; k < n; k++) {
            firsts[k] = 2 * k;
            seconds[k] = 2 * k + 1;
        }
        byte[] even = SseOperands.laneTable(width, firsts);
        byte[] odd = SseOperands.laneTable(width, seconds);
        return c.ir().vector(op, shape, c.ir().vshuffle(a, b, even), c.ir().vshuffle(a, b, odd));
    }

    /** PSIGN: each destination lane negated where the source lane is negative, zeroed where it is zero. */
    private static void sign(HandlerTable t, LaneShape shape, Mnemonic m) {
        on(
                t,
                c -> SseIntegerArithmetic.binary(c, (a, b) -> {
                    var ir = c.ir();
                    Value zero = SseOperands.zero(c);
                    Value negative = ir.vicmp(IntCondition.SGT, shape, zero, b);
                    Value negated = ir.vector(Op.VSUB, shape, ir.xor(a, negative), negative);
                    return ir.binary(Op.ANDN, ir.vicmp(IntCondition.EQ, shape, b, zero), negated);
                }),
                m);
    }

    /** PABS: unsigned min(x, -x) is |x| for every lane, and the most negative value stays itself as on x86. */
    private static void absolute(HandlerTable t, LaneShape shape, Mnemonic m) {
        on(
                t,
                c -> {
                    var ir = c.ir();
                    Value x = SseOperands.vector(c, 1);
                    Value negated = ir.vector(Op.VSUB, shape, SseOperands.zero(c), x);
                    SseOperands.writeVector(c, 0, ir.vector(Op.VMINU, shape, x, negated));
                },
                m);
    }

    /**
     * PMADDUBSW: unsigned destination bytes times signed source bytes (products fit in 16 bits), adjacent products
     * added with signed saturation.
     */
    private static void pmaddubsw(LiftContext c) {
        SseIntegerArithmetic.binary(c, (a, b) -> {
            var ir = c.ir();
            Value eight = c.i64(8);
            Value lowBytes = SseOperands.constant(c, 0x00ff_00ff_00ff_00ffL, 0x00ff_00ff_00ff_00ffL);
            Value aEven = ir.and(a, lowBytes);
            Value aOdd = ir.vector(Op.VLSHR, W, a, eight);
            Value bEven = ir.vector(Op.VASHR, W, ir.vector(Op.VSHL, W, b, eight), eight);
            Value bOdd = ir.vector(Op.VASHR, W, b, eight);
            return ir.vector(Op.VADDS, W, ir.vector(Op.VMUL, W, aEven, bEven), ir.vector(Op.VMUL, W, aOdd, bOdd));
        });
    }

    /** PMULHRSW: bits 30:15 of each signed 32-bit word product, rounded by bit 14 ({@code (p + 0x4000) >> 15}). */
    private static void pmulhrsw(LiftContext c) {
        SseIntegerArithmetic.binary(c, (a, b) -> {
            var ir = c.ir();
            Value high = ir.vector(Op.VMULHS, W, a, b);
            Value low = ir.vector(Op.VMUL, W, a, b);
            Value shifted = ir.or(ir.vector(Op.VSHL, W, high, c.i64(1)), ir.vector(Op.VLSHR, W, low, c.i64(15)));
            Value ones = SseOperands.constant(c, 0x0001_0001_0001_0001L, 0x0001_0001_0001_0001L);
            Value round = ir.and(ir.vector(Op.VLSHR, W, low, c.i64(14)), ones);
            return ir.vector(Op.VADD, W, shifted, round);
        });
    }

    /** PALIGNR: the destination:source pair (destination high) shifted right by imm8 bytes; counts past 31 give 0. */
    private static void palignr(LiftContext c) {
        int n = SseOperands.imm8(c, 2);
        int[] bytes = new int[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = i + n < 32 ? i + n : 0xff;
        }
        byte[] table = SseOperands.table(bytes);
        SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vshuffle(b, a, table));
    }
}
