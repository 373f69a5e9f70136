package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.IntCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.x86.decode.Immediate;
import dev.jx86.x86.decode.Mnemonic;
import java.util.function.BinaryOperator;

/**
 * SSE2 128-bit integer arithmetic, compares, logic and shifts (SDM Vol. 1 11.4.3 and 10.4.4 for the logical
 * float-typed forms): each is one lane op of the IR, or a short composition of them (PMADDWD, PMULUDQ, PSADBW).
 */
final class SseIntegerArithmetic implements Semantics {
    private static final LaneShape B = LaneShape.I8X16;
    private static final LaneShape W = LaneShape.I16X8;
    private static final LaneShape D = LaneShape.I32X4;
    private static final LaneShape Q = LaneShape.I64X2;

    @Override
    public void register(HandlerTable t) {
        lanes(t, Op.VADD, B, PADDB);
        lanes(t, Op.VADD, W, PADDW);
        lanes(t, Op.VADD, D, PADDD);
        lanes(t, Op.VADD, Q, PADDQ);
        lanes(t, Op.VSUB, B, PSUBB);
        lanes(t, Op.VSUB, W, PSUBW);
        lanes(t, Op.VSUB, D, PSUBD);
        lanes(t, Op.VSUB, Q, PSUBQ);
        lanes(t, Op.VADDS, B, PADDSB);
        lanes(t, Op.VADDS, W, PADDSW);
        lanes(t, Op.VADDUS, B, PADDUSB);
        lanes(t, Op.VADDUS, W, PADDUSW);
        lanes(t, Op.VSUBS, B, PSUBSB);
        lanes(t, Op.VSUBS, W, PSUBSW);
        lanes(t, Op.VSUBUS, B, PSUBUSB);
        lanes(t, Op.VSUBUS, W, PSUBUSW);
        lanes(t, Op.VMUL, W, PMULLW);
        lanes(t, Op.VMULHS, W, PMULHW);
        lanes(t, Op.VMULHU, W, PMULHUW);
        lanes(t, Op.VAVGU, B, PAVGB);
        lanes(t, Op.VAVGU, W, PAVGW);
        lanes(t, Op.VMINU, B, PMINUB);
        lanes(t, Op.VMAXU, B, PMAXUB);
        lanes(t, Op.VMINS, W, PMINSW);
        lanes(t, Op.VMAXS, W, PMAXSW);
        compare(t, IntCondition.EQ, B, PCMPEQB);
        compare(t, IntCondition.EQ, W, PCMPEQW);
        compare(t, IntCondition.EQ, D, PCMPEQD);
        compare(t, IntCondition.SGT, B, PCMPGTB);
        compare(t, IntCondition.SGT, W, PCMPGTW);
        compare(t, IntCondition.SGT, D, PCMPGTD);
        on(t, c -> bitwise(c, Op.AND), PAND, ANDPS, ANDPD);
        on(t, c -> bitwise(c, Op.ANDN), PANDN, ANDNPS, ANDNPD);
        on(t, c -> bitwise(c, Op.OR), POR, ORPS, ORPD);
        on(t, c -> bitwise(c, Op.XOR), PXOR, XORPS, XORPD);
        on(t, SseIntegerArithmetic::pmuludq, PMULUDQ);
        on(t, SseIntegerArithmetic::pmaddwd, PMADDWD);
        on(t, SseIntegerArithmetic::psadbw, PSADBW);
        shift(t, Op.VSHL, W, PSLLW);
        shift(t, Op.VSHL, D, PSLLD);
        shift(t, Op.VSHL, Q, PSLLQ);
        shift(t, Op.VLSHR, W, PSRLW);
        shift(t, Op.VLSHR, D, PSRLD);
        shift(t, Op.VLSHR, Q, PSRLQ);
        shift(t, Op.VASHR, W, PSRAW);
        shift(t, Op.VASHR, D, PSRAD);
        on(t, c -> byteShift(c, true), PSLLDQ);
        on(t, c -> byteShift(c, false), PSRLDQ);
    }

    private static void lanes(HandlerTable t, Op op, LaneShape shape, Mnemonic m) {
        on(t, c -> binary(c, (a, b) -> c.ir().vector(op, shape, a, b)), m);
    }

    private static void compare(HandlerTable t, IntCondition cc, LaneShape shape, Mnemonic m) {
        on(t, c -> binary(c, (a, b) -> c.ir().vicmp(cc, shape, a, b)), m);
    }

    /** {@code dst = f(dst, src)} over whole registers; a memory source must be 16-byte aligned. */
    static void binary(LiftContext c, BinaryOperator<Value> f) {
        Value src = SseOperands.vector(c, 1);
        Value dst = SseOperands.vector(c, 0);
        SseOperands.writeVector(c, 0, f.apply(dst, src));
    }

    private static void bitwise(LiftContext c, Op op) {
        binary(c, (a, b) -> c.ir().binary(op, a, b));
    }

    /** PMULUDQ: the even unsigned doublewords multiplied into full quadwords. */
    private static void pmuludq(LiftContext c) {
        binary(c, (a, b) -> {
            Value low32 = SseOperands.constant(c, 0xffff_ffffL, 0xffff_ffffL);
            return c.ir().vector(Op.VMUL, Q, c.ir().and(a, low32), c.ir().and(b, low32));
        });
    }

    /** PMADDWD: signed word products, adjacent pairs summed into doublewords (wrapping, as 0x8000^2 * 2 does). */
    private static void pmaddwd(LiftContext c) {
        binary(c, (a, b) -> {
            var ir = c.ir();
            Value low = ir.vector(Op.VMUL, W, a, b);
            Value high = ir.vector(Op.VMULHS, W, a, b);
            Value p0 = ir.vshuffle(low, high, SseOperands.laneTable(2, 0, 8, 1, 9, 2, 10, 3, 11));
            Value p1 = ir.vshuffle(low, high, SseOperands.laneTable(2, 4, 12, 5, 13, 6, 14, 7, 15));
            Value even = ir.vshuffle(p0, p1, SseOperands.laneTable(4, 0, 2, 4, 6));
            Value odd = ir.vshuffle(p0, p1, SseOperands.laneTable(4, 1, 3, 5, 7));
            return ir.vector(Op.VADD, D, even, odd);
        });
    }

    /** PSADBW: absolute byte differences, each group of eight summed into the low word of its quadword. */
    private static void psadbw(LiftContext c) {
        binary(c, (a, b) -> {
            var ir = c.ir();
            Value diff = ir.or(ir.vector(Op.VSUBUS, B, a, b), ir.vector(Op.VSUBUS, B, b, a));
            Value sum16 = pairSum(c, diff, W, 0x00ff_00ff_00ff_00ffL);
            Value sum32 = pairSum(c, sum16, D, 0x0000_ffff_0000_ffffL);
            return pairSum(c, sum32, Q, 0x0000_0000_ffff_ffffL);
        });
    }

    /** Each lane of {@code shape} becomes the sum of its two halves (both zero-extended). */
    private static Value pairSum(LiftContext c, Value v, LaneShape shape, long lowHalves) {
        var ir = c.ir();
        Value low = ir.and(v, SseOperands.constant(c, lowHalves, lowHalves));
        Value high = ir.vector(Op.VLSHR, shape, v, c.i64(shape.laneBits() / 2));
        return ir.vector(Op.VADD, shape, low, high);
    }

    /**
     * PSLL/PSRL/PSRA by an immediate or by the low quadword of an XMM register or aligned m128 (MMX: mm/m64): an unsigned count of
     * the lane width or more clears the lanes (fills them with the sign for PSRA).
     */
    private static void shift(HandlerTable t, Op op, LaneShape shape, Mnemonic m) {
        on(
                t,
                c -> {
                    Value count = c.insn().operand(1) instanceof Immediate
                            ? c.i64(SseOperands.imm8(c, 1))
                            : c.ir().extract(Type.I64, SseOperands.vector(c, 1), 0);
                    Value dst = SseOperands.vector(c, 0);
                    SseOperands.writeVector(c, 0, c.ir().vector(op, shape, dst, count));
                },
                m);
    }

    /** PSLLDQ/PSRLDQ: the whole register shifted by whole bytes; counts above 15 clear it. */
    private static void byteShift(LiftContext c, boolean left) {
        int n = SseOperands.imm8(c, 1);
        int[] bytes = new int[16];
        for (int i = 0; i < 16; i++) {
            int from = left ? i - n : i + n;
            bytes[i] = from >= 0 && from < 16 ? from : 0xff;
        }
        Value dst = c.read(SseOperands.xmm(c, 0));
        SseOperands.writeVector(c, 0, c.ir().vshuffle(dst, dst, SseOperands.table(bytes)));
    }
}
