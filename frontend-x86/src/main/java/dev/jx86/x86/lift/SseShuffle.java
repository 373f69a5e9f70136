package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.decode.Register;

/**
 * SSE and SSE2 shuffles, unpacks, packs and word insert/extract (SDM Vol. 1 10.4.6, 11.4.3.5-6): every constant
 * permutation is one byte-table {@code vshuffle}, built here from the instruction's immediate.
 */
final class SseShuffle implements Semantics {
    @Override
    public void register(HandlerTable t) {
        unpack(t, 1, false, PUNPCKLBW);
        unpack(t, 2, false, PUNPCKLWD);
        unpack(t, 4, false, PUNPCKLDQ, UNPCKLPS);
        unpack(t, 8, false, PUNPCKLQDQ, UNPCKLPD);
        unpack(t, 1, true, PUNPCKHBW);
        unpack(t, 2, true, PUNPCKHWD);
        unpack(t, 4, true, PUNPCKHDQ, UNPCKHPS);
        unpack(t, 8, true, PUNPCKHQDQ, UNPCKHPD);
        pack(t, Op.VNARROWS, LaneShape.I16X8, PACKSSWB);
        pack(t, Op.VNARROWS, LaneShape.I32X4, PACKSSDW);
        pack(t, Op.VNARROWU, LaneShape.I16X8, PACKUSWB);
        on(t, SseShuffle::pshufd, PSHUFD);
        on(t, c -> pshufw(c, 0), PSHUFLW);
        on(t, c -> pshufw(c, 4), PSHUFHW);
        on(t, SseShuffle::shufps, SHUFPS);
        on(t, SseShuffle::shufpd, SHUFPD);
        on(t, SseShuffle::pinsrw, PINSRW);
        on(t, SseShuffle::pextrw, PEXTRW);
    }

    /** PUNPCKL and PUNPCKH: lanes of the low or high halves of destination and source, interleaved. */
    private static void unpack(HandlerTable t, int width, boolean high, Mnemonic... mnemonics) {
        int n = 16 / width;
        int[] lanes = new int[n];
        for (int k = 0; k < n / 2; k++) {
            int from = high ? n / 2 + k : k;
            lanes[2 * k] = from;
            lanes[2 * k + 1] = n + from;
        }
        byte[] table = SseOperands.laneTable(width, lanes);
        on(t, c -> SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vshuffle(a, b, table)), mnemonics);
    }

    /** PACKSS/PACKUS: destination lanes then source lanes, narrowed with saturation. */
    private static void pack(HandlerTable t, Op op, LaneShape shape, Mnemonic m) {
        on(t, c -> SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vector(op, shape, a, b)), m);
    }

    /** PSHUFD: doubleword i of the result is source doubleword imm[2i+1:2i]. */
    private static void pshufd(LiftContext c) {
        int imm = SseOperands.imm8(c, 2);
        Value src = SseOperands.vector(c, 1);
        byte[] table = SseOperands.laneTable(4, imm & 3, (imm >> 2) & 3, (imm >> 4) & 3, (imm >> 6) & 3);
        SseOperands.writeVector(c, 0, c.ir().vshuffle(src, src, table));
    }

    /** PSHUFLW (first = 0) / PSHUFHW (first = 4): four words of one half shuffled, the other half copied. */
    private static void pshufw(LiftContext c, int first) {
        int imm = SseOperands.imm8(c, 2);
        int[] words = {0, 1, 2, 3, 4, 5, 6, 7};
        for (int k = 0; k < 4; k++) {
            words[first + k] = first + ((imm >> (2 * k)) & 3);
        }
        Value src = SseOperands.vector(c, 1);
        SseOperands.writeVector(c, 0, c.ir().vshuffle(src, src, SseOperands.laneTable(2, words)));
    }

    /** SHUFPS: the low two results from the destination, the high two from the source, each chosen by 2 bits. */
    private static void shufps(LiftContext c) {
        int imm = SseOperands.imm8(c, 2);
        byte[] table = SseOperands.laneTable(4, imm & 3, (imm >> 2) & 3, 4 + ((imm >> 4) & 3), 4 + ((imm >> 6) & 3));
        SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vshuffle(a, b, table));
    }

    /** SHUFPD: the low result from the destination, the high from the source, each chosen by one bit. */
    private static void shufpd(LiftContext c) {
        int imm = SseOperands.imm8(c, 2);
        byte[] table = SseOperands.laneTable(8, imm & 1, 2 + ((imm >> 1) & 1));
        SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vshuffle(a, b, table));
    }

    /** PINSRW xmm, r32/m16, imm: word imm[2:0] replaced by the low word of the source. */
    private static void pinsrw(LiftContext c) {
        int word = SseOperands.imm8(c, 2) & 7;
        Value w = c.read(1, 2);
        Register dst = SseOperands.xmm(c, 0);
        c.write(dst, c.ir().insert(c.read(dst), w, 16 * word));
    }

    /** PEXTRW r32/r64, xmm, imm (and the SSE4.1 m16 form): word imm[2:0], zero-extended. */
    private static void pextrw(LiftContext c) {
        int word = SseOperands.imm8(c, 2) & 7;
        Value w = c.ir().extract(Type.I16, c.read(SseOperands.xmm(c, 1)), 16 * word);
        c.write(0, c.isMemory(0) ? w : c.resize(w, LiftContext.type(c.operandBytes(0))));
    }
}
