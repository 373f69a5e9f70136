package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;

/**
 * SSE3 (SDM Vol. 1 12.3), the XMM instructions: ADDSUBPS/PD, the horizontal adds and subtracts, the duplicating moves
 * and LDDQU. Their float results and exception flags come from the IR's lane ops under MXCSR, like SSE2's. MONITOR
 * and MWAIT have no handler: the CPU model does not advertise them, so they raise #UD as the hardware does then.
 */
final class Sse3 implements Semantics {
    @Override
    public void register(HandlerTable t) {
        on(t, c -> addSubtract(c, LaneShape.F32X4), ADDSUBPS);
        on(t, c -> addSubtract(c, LaneShape.F64X2), ADDSUBPD);
        on(t, c -> horizontal(c, Op.VFADD, FloatOperation.ADD, LaneShape.F32X4), HADDPS);
        on(t, c -> horizontal(c, Op.VFADD, FloatOperation.ADD, LaneShape.F64X2), HADDPD);
        on(t, c -> horizontal(c, Op.VFSUB, FloatOperation.SUB, LaneShape.F32X4), HSUBPS);
        on(t, c -> horizontal(c, Op.VFSUB, FloatOperation.SUB, LaneShape.F64X2), HSUBPD);
        on(t, c -> duplicate(c, 0, 0, 2, 2), MOVSLDUP);
        on(t, c -> duplicate(c, 1, 1, 3, 3), MOVSHDUP);
        on(t, Sse3::movddup, MOVDDUP);
        on(t, c -> SseOperands.writeVector(c, 0, SseOperands.vector(c, 1, false)), LDDQU);
    }

    /** ADDSUBPS/PD: even lanes subtract, odd lanes add; each lane's exceptions are those of its own operation. */
    private static void addSubtract(LiftContext c, LaneShape shape) {
        var ir = c.ir();
        boolean singles = shape == LaneShape.F32X4;
        long evenSingles = 0x0000_0000_ffff_ffffL;
        Value evens = singles ? SseOperands.constant(c, evenSingles, evenSingles) : SseOperands.constant(c, -1L, 0);
        Value odds = singles ? SseOperands.constant(c, ~evenSingles, ~evenSingles) : SseOperands.constant(c, 0, -1L);
        SseIntegerArithmetic.binary(c, (a, b) -> {
            Value env = SseOperands.environment(c);
            Value subtracted = ir.vfexcept(FloatOperation.SUB, shape, ir.and(a, evens), ir.and(b, evens), env);
            Value added = ir.vfexcept(FloatOperation.ADD, shape, ir.and(a, odds), ir.and(b, odds), env);
            SseExceptions.record(c, ir.or(subtracted, added));
            Value difference = ir.vfloat(Op.VFSUB, shape, env, a, b);
            Value sum = ir.vfloat(Op.VFADD, shape, env, a, b);
            return ir.or(ir.and(difference, evens), ir.and(sum, odds));
        });
    }

    /**
     * HADDPS/HSUBPS and the PD forms: each result lane combines an adjacent pair, the destination's pairs first, then
     * the source's (a0 op a1, a2 op a3, b0 op b1, b2 op b3).
     */
    private static void horizontal(LiftContext c, Op op, FloatOperation kind, LaneShape shape) {
        var ir = c.ir();
        boolean singles = shape == LaneShape.F32X4;
        byte[] firsts = singles ? SseOperands.laneTable(4, 0, 2, 4, 6) : SseOperands.laneTable(8, 0, 2);
        byte[] seconds = singles ? SseOperands.laneTable(4, 1, 3, 5, 7) : SseOperands.laneTable(8, 1, 3);
        SseIntegerArithmetic.binary(c, (a, b) -> {
            Value x = ir.vshuffle(a, b, firsts);
            Value y = ir.vshuffle(a, b, seconds);
            Value env = SseOperands.environment(c);
            SseExceptions.record(c, ir.vfexcept(kind, shape, x, y, env));
            return ir.vfloat(op, shape, env, x, y);
        });
    }

    /** MOVSLDUP/MOVSHDUP: the even or odd singles of the source, each twice. */
    private static void duplicate(LiftContext c, int... lanes) {
        Value src = SseOperands.vector(c, 1);
        SseOperands.writeVector(c, 0, c.ir().vshuffle(src, src, SseOperands.laneTable(4, lanes)));
    }

    /** MOVDDUP: the low double of the source (xmm or m64, never checked for alignment) in both lanes. */
    private static void movddup(LiftContext c) {
        Value low = SseOperands.scalar(c, 1, Type.I64);
        Value v = SseOperands.widen(c, low);
        SseOperands.writeVector(c, 0, c.ir().insert(v, low, 64));
    }
}
