package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.IntCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.x86.decode.Mnemonic;

/**
 * SSE4.1 packed integer instructions (SDM Vol. 1 12.10: dword multiplies, min/max, format conversions, SAD, horizontal
 * search, packed test, qword equality, dword packing) and SSE4.2's PCMPGTQ: lane ops of the IR, or compositions of
 * them (PMOVSX, PMULDQ, PTEST, PHMINPOSUW, MPSADBW).
 */
final class Sse41Integer implements Semantics {
    private static final LaneShape B = LaneShape.I8X16;
    private static final LaneShape W = LaneShape.I16X8;
    private static final LaneShape D = LaneShape.I32X4;
    private static final LaneShape Q = LaneShape.I64X2;

    @Override
    public void register(HandlerTable t) {
        lanes(t, Op.VMUL, D, PMULLD);
        lanes(t, Op.VMINS, B, PMINSB);
        lanes(t, Op.VMINS, D, PMINSD);
        lanes(t, Op.VMINU, W, PMINUW);
        lanes(t, Op.VMINU, D, PMINUD);
        lanes(t, Op.VMAXS, B, PMAXSB);
        lanes(t, Op.VMAXS, D, PMAXSD);
        lanes(t, Op.VMAXU, W, PMAXUW);
        lanes(t, Op.VMAXU, D, PMAXUD);
        lanes(t, Op.VNARROWU, D, PACKUSDW);
        on(t, c -> SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vicmp(IntCondition.EQ, Q, a, b)), PCMPEQQ);
        on(t, c -> SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vicmp(IntCondition.SGT, Q, a, b)), PCMPGTQ);
        on(t, Sse41Integer::pmuldq, PMULDQ);
        extend(t, 1, 2, PMOVSXBW, PMOVZXBW);
        extend(t, 1, 4, PMOVSXBD, PMOVZXBD);
        extend(t, 1, 8, PMOVSXBQ, PMOVZXBQ);
        extend(t, 2, 4, PMOVSXWD, PMOVZXWD);
        extend(t, 2, 8, PMOVSXWQ, PMOVZXWQ);
        extend(t, 4, 8, PMOVSXDQ, PMOVZXDQ);
        on(t, Sse41Integer::ptest, PTEST);
        on(t, Sse41Integer::phminposuw, PHMINPOSUW);
        on(t, Sse41Integer::mpsadbw, MPSADBW);
        on(t, c -> SseOperands.writeVector(c, 0, SseOperands.vector(c, 1)), MOVNTDQA);
    }

    private static void lanes(HandlerTable t, Op op, LaneShape shape, Mnemonic m) {
        on(t, c -> SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vector(op, shape, a, b)), m);
    }

    /** PMULDQ: the even signed doublewords multiplied into full quadwords. */
    private static void pmuldq(LiftContext c) {
        SseIntegerArithmetic.binary(c, (a, b) -> {
            var ir = c.ir();
            Value k = c.i64(32);
            Value x = ir.vector(Op.VASHR, Q, ir.vector(Op.VSHL, Q, a, k), k);
            Value y = ir.vector(Op.VASHR, Q, ir.vector(Op.VSHL, Q, b, k), k);
            return ir.vector(Op.VMUL, Q, x, y);
        });
    }

    /**
     * PMOVSX/PMOVZX from lanes of {@code from} bytes to lanes of {@code to} bytes, reading the low source lanes (of an
     * XMM register, or a narrower memory operand, never checked for alignment). Zero extension is a shuffle; sign
     * extension shuffles each source lane to the top of its wide lane and shifts it back arithmetically.
     */
    private static void extend(HandlerTable t, int from, int to, Mnemonic signed, Mnemonic unsigned) {
        LaneShape wide = LaneShape.values()[Integer.numberOfTrailingZeros(to)];
        int[] zeroExtend = new int[16];
        int[] toTop = new int[16];
        for (int i = 0; i < 16; i++) {
            int lane = i / to;
            int at = i % to;
            zeroExtend[i] = at < from ? lane * from + at : 0xff;
            toTop[i] = at >= to - from ? lane * from + at - (to - from) : 0xff;
        }
        on(
                t,
                c -> {
                    Value src = SseOperands.vector(c, 1, false);
                    Value top = c.ir().vshuffle(src, src, SseOperands.table(toTop));
                    Value v = c.ir().vector(Op.VASHR, wide, top, c.i64(8L * (to - from)));
                    SseOperands.writeVector(c, 0, v);
                },
                signed);
        on(
                t,
                c -> {
                    Value src = SseOperands.vector(c, 1, false);
                    SseOperands.writeVector(c, 0, c.ir().vshuffle(src, src, SseOperands.table(zeroExtend)));
                },
                unsigned);
    }

    /** PTEST: ZF when destination AND source is zero, CF when (NOT destination) AND source is zero; others clear. */
    private static void ptest(LiftContext c) {
        var ir = c.ir();
        Value src = SseOperands.vector(c, 1);
        Value dst = c.read(SseOperands.xmm(c, 0));
        Value zf = ir.select(isZero(c, ir.and(dst, src)), c.i64(0x40), c.i64(0));
        Value cf = ir.select(isZero(c, ir.binary(Op.ANDN, dst, src)), c.i64(0x01), c.i64(0));
        c.flags(ir.flagsExplicit(ir.or(zf, cf)));
    }

    private static Value isZero(LiftContext c, Value v) {
        var ir = c.ir();
        Value either = ir.or(ir.extract(Type.I64, v, 0), ir.extract(Type.I64, v, 64));
        return ir.icmp(IntCondition.EQ, either, c.i64(0));
    }

    /**
     * PHMINPOSUW: the smallest unsigned word in word 0 and its index (the lowest on ties) in word 1, the rest zero.
     * Each word becomes the doubleword key {@code word << 16 | index}, and unsigned minima reduce the eight keys.
     */
    private static void phminposuw(LiftContext c) {
        var ir = c.ir();
        Value src = SseOperands.vector(c, 1);
        Value low = keys(c, src, 0);
        Value high = keys(c, src, 4);
        Value m = ir.vector(Op.VMINU, D, low, high);
        m = ir.vector(Op.VMINU, D, m, ir.vshuffle(m, m, SseOperands.laneTable(4, 2, 3, 2, 3)));
        m = ir.vector(Op.VMINU, D, m, ir.vshuffle(m, m, SseOperands.laneTable(4, 1, 1, 1, 1)));
        byte[] result =
                SseOperands.table(2, 3, 0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
        SseOperands.writeVector(c, 0, ir.vshuffle(m, m, result));
    }

    /** Words first..first+3 of v as doublewords {@code word << 16 | index}. */
    private static Value keys(LiftContext c, Value v, int first) {
        int[] bytes = new int[16];
        long[] indices = new long[2];
        for (int k = 0; k < 4; k++) {
            int word = first + k;
            bytes[4 * k] = 0xff;
            bytes[4 * k + 1] = 0xff;
            bytes[4 * k + 2] = 2 * word;
            bytes[4 * k + 3] = 2 * word + 1;
            indices[k / 2] |= (long) word << (32 * (k & 1));
        }
        Value words = c.ir().vshuffle(v, v, SseOperands.table(bytes));
        return c.ir().or(words, SseOperands.constant(c, indices[0], indices[1]));
    }

    /**
     * MPSADBW: eight sums of absolute differences of four bytes: result word i compares destination bytes
     * off+i..off+i+3 (off = 4 * imm[2]) with source bytes blk..blk+3 (blk = 4 * imm[1:0]).
     */
    private static void mpsadbw(LiftContext c) {
        int imm = SseOperands.imm8(c, 2);
        int off = 4 * ((imm >> 2) & 1);
        int blk = 4 * (imm & 3);
        SseIntegerArithmetic.binary(c, (a, b) -> {
            var ir = c.ir();
            Value sum = null;
            for (int k = 0; k < 4; k++) {
                int[] fromDst = new int[16];
                int[] fromSrc = new int[16];
                for (int i = 0; i < 8; i++) {
                    fromDst[2 * i] = off + i + k;
                    fromDst[2 * i + 1] = 0xff;
                    fromSrc[2 * i] = blk + k;
                    fromSrc[2 * i + 1] = 0xff;
                }
                Value x = ir.vshuffle(a, a, SseOperands.table(fromDst));
                Value y = ir.vshuffle(b, b, SseOperands.table(fromSrc));
                Value d = ir.or(ir.vector(Op.VSUBUS, W, x, y), ir.vector(Op.VSUBUS, W, y, x));
                sum = sum == null ? d : ir.vector(Op.VADD, W, sum, d);
            }
            return sum;
        });
    }
}
