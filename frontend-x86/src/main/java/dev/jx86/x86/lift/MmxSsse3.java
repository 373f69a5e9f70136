package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Value;
import dev.jx86.x86.decode.Mnemonic;

/**
 * The MMX-register forms of SSSE3 (SDM Vol. 1 12.4): the lane-wise ones are the XMM handlers on 64-bit operands;
 * PSHUFB indexes 8 bytes, the horizontal operations see destination and source as one v128, and PALIGNR shifts
 * the 16-byte destination:source pair.
 */
final class MmxSsse3 implements Semantics {
    @Override
    public void register(HandlerTable t) {
        MmxOperands.shared(t, PSIGNB, PSIGNW, PSIGND, PABSB, PABSW, PABSD, PMADDUBSW, PMULHRSW);
        MmxOperands.on(t, MmxSsse3::pshufb, PSHUFB);
        horizontal(t, Op.VADD, LaneShape.I16X8, PHADDW);
        horizontal(t, Op.VADD, LaneShape.I32X4, PHADDD);
        horizontal(t, Op.VADDS, LaneShape.I16X8, PHADDSW);
        horizontal(t, Op.VSUB, LaneShape.I16X8, PHSUBW);
        horizontal(t, Op.VSUB, LaneShape.I32X4, PHSUBD);
        horizontal(t, Op.VSUBS, LaneShape.I16X8, PHSUBSW);
        MmxOperands.on(t, MmxSsse3::palignr, PALIGNR);
    }

    /** PSHUFB mm: each byte from the destination byte its index's bits 2:0 name, or zero if its bit 7 is set. */
    private static void pshufb(LiftContext c) {
        Value indexBits = SseOperands.constant(c, 0x8787_8787_8787_8787L, 0);
        SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vpermute(a, c.ir().and(b, indexBits)));
    }

    /** PHADD/PHSUB mm: the destination's pairs then the source's, combined. */
    private static void horizontal(HandlerTable t, Op op, LaneShape shape, Mnemonic m) {
        MmxOperands.on(
                t,
                c -> SseIntegerArithmetic.binary(
                        c, (a, b) -> Ssse3.horizontal(c, op, shape, MmxOperands.concat(c, a, b), SseOperands.zero(c))),
                m);
    }

    /** PALIGNR mm: the destination:source pair (destination high) shifted right by imm8 bytes; past 15 gives 0. */
    private static void palignr(LiftContext c) {
        int n = SseOperands.imm8(c, 2);
        int[] bytes = new int[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = i + n < 16 ? i + n : 0xff;
        }
        byte[] table = SseOperands.table(bytes);
        SseIntegerArithmetic.binary(c, (a, b) -> {
            Value pair = MmxOperands.concat(c, b, a);
            return c.ir().vshuffle(pair, pair, table);
        });
    }
}
