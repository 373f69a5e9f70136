package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Value;
import dev.jx86.x86.decode.Mnemonic;

/**
 * The MMX instruction set (SDM Vol. 1 9.4): data transfer, arithmetic, compares, logic and shifts are the SSE2
 * handlers on 64-bit operands ({@link MmxOperands#shared}). Packs and the high unpacks, whose 128-bit forms take
 * each half from another operand, see the two MMX operands as one v128 (destination low, source high). EMMS empties
 * the x87 tags.
 */
final class Mmx implements Semantics {
    @Override
    public void register(HandlerTable t) {
        MmxOperands.shared(t, MOVD, MOVQ);
        MmxOperands.shared(t, PADDB, PADDW, PADDD, PADDSB, PADDSW, PADDUSB, PADDUSW);
        MmxOperands.shared(t, PSUBB, PSUBW, PSUBD, PSUBSB, PSUBSW, PSUBUSB, PSUBUSW);
        MmxOperands.shared(t, PMULLW, PMULHW, PMADDWD);
        MmxOperands.shared(t, PCMPEQB, PCMPEQW, PCMPEQD, PCMPGTB, PCMPGTW, PCMPGTD);
        MmxOperands.shared(t, PAND, PANDN, POR, PXOR);
        MmxOperands.shared(t, PSLLW, PSLLD, PSLLQ, PSRLW, PSRLD, PSRLQ, PSRAW, PSRAD);
        MmxOperands.shared(t, PUNPCKLBW, PUNPCKLWD, PUNPCKLDQ);
        pack(t, Op.VNARROWS, LaneShape.I16X8, PACKSSWB);
        pack(t, Op.VNARROWS, LaneShape.I32X4, PACKSSDW);
        pack(t, Op.VNARROWU, LaneShape.I16X8, PACKUSWB);
        unpackHigh(t, 1, PUNPCKHBW);
        unpackHigh(t, 2, PUNPCKHWD);
        unpackHigh(t, 4, PUNPCKHDQ);
        t.on(Mmx::emms, EMMS);
    }

    /** PACKSS/PACKUS mm: the destination's lanes narrowed into the low half, the source's into the high. */
    private static void pack(HandlerTable t, Op op, LaneShape shape, Mnemonic m) {
        MmxOperands.on(
                t,
                c -> SseIntegerArithmetic.binary(c, (a, b) -> {
                    Value both = MmxOperands.concat(c, a, b);
                    return c.ir().vector(op, shape, both, both);
                }),
                m);
    }

    /** PUNPCKH mm: the high halves' lanes of destination and source, interleaved. */
    private static void unpackHigh(HandlerTable t, int width, Mnemonic m) {
        int half = 4 / width;
        int[] lanes = new int[2 * half];
        for (int k = 0; k < half; k++) {
            lanes[2 * k] = half + k;
            lanes[2 * k + 1] = 16 / width + half + k;
        }
        byte[] table = SseOperands.laneTable(width, lanes);
        MmxOperands.on(t, c -> SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vshuffle(a, b, table)), m);
    }

    /** EMMS: waits for pending x87 exceptions like any MMX instruction, then marks every x87 register empty. */
    private static void emms(LiftContext c) {
        X87Operands.waitBeforeMemory(c);
        MmxOperands.enter(c, 0xffff);
    }
}
