package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.ir.VectorConversion;
import dev.jx86.x86.decode.Register;

/**
 * The MMX-register forms of SSE and SSE2 instructions (SDM Vol. 1 10.4.4, 10.4.6, 11.4.2): the 64-bit SIMD integer
 * additions of SSE and SSE2, PSHUFW, word insert and extract, MASKMOVQ and MOVNTQ, the moves between MMX and XMM
 * registers, and the conversions between packed doublewords in an MMX register and packed floats.
 */
final class MmxSse implements Semantics {
    @Override
    public void register(HandlerTable t) {
        MmxOperands.shared(t, PAVGB, PAVGW, PMAXSW, PMAXUB, PMINSW, PMINUB, PMOVMSKB, PMULHUW, PSADBW);
        MmxOperands.shared(t, PADDQ, PSUBQ, PMULUDQ, CVTPI2PS, CVTPI2PD);
        MmxOperands.on(t, MmxSse::pshufw, PSHUFW);
        MmxOperands.on(t, MmxSse::pinsrw, PINSRW);
        MmxOperands.on(t, MmxSse::pextrw, PEXTRW);
        MmxOperands.onTransitionFirst(t, c -> SseDataTransfer.maskMove(c, Type.I64), MASKMOVQ);
        MmxOperands.on(t, c -> c.write(0, c.read(1)), MOVNTQ);
        MmxOperands.on(t, c -> SseOperands.writeVector(c, 0, SseOperands.vector(c, 1)), MOVQ2DQ);
        MmxOperands.on(t, c -> c.write(MmxOperands.mm(c, 0), SseOperands.scalar(c, 1, Type.I64)), MOVDQ2Q);
        MmxOperands.on(t, c -> fromSingles(c, true), CVTPS2PI);
        MmxOperands.on(t, c -> fromSingles(c, false), CVTTPS2PI);
        MmxOperands.on(t, c -> fromDoubles(c, true), CVTPD2PI);
        MmxOperands.on(t, c -> fromDoubles(c, false), CVTTPD2PI);
    }

    /** PSHUFW: word i of the result is source word imm[2i+1:2i]. */
    private static void pshufw(LiftContext c) {
        int imm = SseOperands.imm8(c, 2);
        Value src = SseOperands.vector(c, 1);
        byte[] table = SseOperands.laneTable(2, imm & 3, (imm >> 2) & 3, (imm >> 4) & 3, (imm >> 6) & 3);
        SseOperands.writeVector(c, 0, c.ir().vshuffle(src, src, table));
    }

    /** PINSRW mm, r32/m16, imm: word imm[1:0] replaced by the low word of the source. */
    private static void pinsrw(LiftContext c) {
        int word = SseOperands.imm8(c, 2) & 3;
        Register dst = MmxOperands.mm(c, 0);
        c.write(dst, c.ir().insert(c.read(dst), c.read(1, 2), 16 * word));
    }

    /** PEXTRW r32/r64, mm, imm: word imm[1:0], zero-extended. */
    private static void pextrw(LiftContext c) {
        int word = SseOperands.imm8(c, 2) & 3;
        Value w = c.ir().extract(Type.I16, c.read(MmxOperands.mm(c, 1)), 16 * word);
        c.write(0, c.resize(w, LiftContext.type(c.operandBytes(0))));
    }

    /** CVTPS2PI/CVTTPS2PI mm, xmm/m64: the two low singles (only they raise exceptions) into doublewords. */
    private static void fromSingles(LiftContext c, boolean round) {
        Value x = SseOperands.widen(c, SseOperands.scalar(c, 1, Type.I64));
        SseOperands.writeVector(
                c, 0, SseConversion.toInt32(c, LaneShape.F32X4, VectorConversion.F32X4_TO_I32X4, round, x));
    }

    /** CVTPD2PI/CVTTPD2PI mm, xmm/m128 (aligned): two doubles into doublewords. */
    private static void fromDoubles(LiftContext c, boolean round) {
        Value x = SseOperands.vector(c, 1);
        SseOperands.writeVector(
                c, 0, SseConversion.toInt32(c, LaneShape.F64X2, VectorConversion.F64X2_TO_I32X4, round, x));
    }
}
