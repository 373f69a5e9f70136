package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.x86.decode.Register;

/**
 * SSE4.1 insertion into and extraction from XMM registers (SDM Vol. 1 12.10.7): PINSRB/D/Q, PEXTRB/D/Q, INSERTPS and
 * EXTRACTPS (PINSRW/PEXTRW are SSE2's, in {@link SseShuffle}). The lane comes from the immediate's low bits; a
 * register destination of a byte or dword is zero-extended.
 */
final class Sse41InsertExtract implements Semantics {
    @Override
    public void register(HandlerTable t) {
        on(t, c -> extract(c, Type.I8), PEXTRB);
        on(t, c -> extract(c, Type.I32), PEXTRD, EXTRACTPS);
        on(t, c -> extract(c, Type.I64), PEXTRQ);
        on(t, c -> insert(c, Type.I8), PINSRB);
        on(t, c -> insert(c, Type.I32), PINSRD);
        on(t, c -> insert(c, Type.I64), PINSRQ);
        on(t, Sse41InsertExtract::insertps, INSERTPS);
    }

    private static void extract(LiftContext c, Type lane) {
        int lanes = 128 / lane.bits();
        int index = SseOperands.imm8(c, 2) & (lanes - 1);
        Value v = c.ir().extract(lane, c.read(SseOperands.xmm(c, 1)), index * lane.bits());
        c.write(0, c.isMemory(0) ? v : c.resize(v, LiftContext.type(c.operandBytes(0))));
    }

    private static void insert(LiftContext c, Type lane) {
        int lanes = 128 / lane.bits();
        int index = SseOperands.imm8(c, 2) & (lanes - 1);
        Value v = c.read(1, lane.bits() / 8);
        Register dst = SseOperands.xmm(c, 0);
        c.write(dst, c.ir().insert(c.read(dst), v, index * lane.bits()));
    }

    /**
     * INSERTPS: single imm[7:6] of a register source (or the m32 operand) into lane imm[5:4] of the destination, then
     * the lanes whose bit in imm[3:0] is set are zeroed.
     */
    private static void insertps(LiftContext c) {
        int imm = SseOperands.imm8(c, 2);
        var ir = c.ir();
        Value single =
                c.isMemory(1) ? c.read(1, 4) : ir.extract(Type.I32, c.read(SseOperands.xmm(c, 1)), 32 * (imm >> 6));
        Register dst = SseOperands.xmm(c, 0);
        Value v = ir.insert(c.read(dst), single, 32 * ((imm >> 4) & 3));
        int[] lanes = new int[4];
        for (int i = 0; i < 4; i++) {
            lanes[i] = (imm >> i & 1) != 0 ? -1 : i;
        }
        c.write(dst, ir.vshuffle(v, v, SseOperands.laneTable(4, lanes)));
    }
}
