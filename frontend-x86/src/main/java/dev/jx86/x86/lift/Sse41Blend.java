package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.IntCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Value;

/**
 * SSE4.1 packed blending (SDM Vol. 1 12.10.4): BLENDPS, BLENDPD and PBLENDW choose lanes by the immediate (one
 * shuffle); BLENDVPS, BLENDVPD and PBLENDVB by the sign bit of each lane of the implicit XMM0.
 */
final class Sse41Blend implements Semantics {
    @Override
    public void register(HandlerTable t) {
        on(t, c -> immediate(c, 4, 4), BLENDPS);
        on(t, c -> immediate(c, 8, 2), BLENDPD);
        on(t, c -> immediate(c, 2, 8), PBLENDW);
        on(t, c -> variable(c, LaneShape.I32X4), BLENDVPS);
        on(t, c -> variable(c, LaneShape.I64X2), BLENDVPD);
        on(t, c -> variable(c, LaneShape.I8X16), PBLENDVB);
    }

    /** Lane i (of {@code width} bytes) from the source where immediate bit i is set, else from the destination. */
    private static void immediate(LiftContext c, int width, int lanes) {
        int imm = SseOperands.imm8(c, 2);
        int[] chosen = new int[lanes];
        for (int i = 0; i < lanes; i++) {
            chosen[i] = (imm >> i & 1) != 0 ? lanes + i : i;
        }
        byte[] table = SseOperands.laneTable(width, chosen);
        SseIntegerArithmetic.binary(c, (a, b) -> c.ir().vshuffle(a, b, table));
    }

    /** Lane i from the source where lane i of XMM0 is negative (its top bit set), else from the destination. */
    private static void variable(LiftContext c, LaneShape shape) {
        Value selector = c.read(SseOperands.xmm(c, 2));
        SseIntegerArithmetic.binary(c, (a, b) -> {
            var ir = c.ir();
            Value mask = ir.vicmp(IntCondition.SGT, shape, SseOperands.zero(c), selector);
            return ir.or(ir.and(mask, b), ir.binary(Op.ANDN, mask, a));
        });
    }
}
