package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.ir.IntCondition;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.SseHelpers;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;

/**
 * SSE state management and memory ordering (SDM Vol. 1 10.4.7, 11.4.4.3; Vol. 2 FXSAVE/FXRSTOR): MXCSR load and
 * store, the FXSAVE image (its SSE part; x87 is not modelled yet), and the fences. LFENCE and SFENCE order nothing
 * that jx86 could reorder (loads are not reordered with loads nor stores with stores under TSO, and non-temporal
 * stores are ordinary stores here), so they lift to nothing; MFENCE is a full host fence.
 */
final class SseState implements Semantics {
    @Override
    public void register(HandlerTable t) {
        SseOperands.on(t, SseState::ldmxcsr, LDMXCSR);
        SseOperands.on(t, SseState::stmxcsr, STMXCSR);
        SseOperands.on(t, c -> c.call(SseHelpers.FXSAVE, c.address(c.memory(0))), FXSAVE, FXSAVE64);
        SseOperands.on(t, c -> c.call(SseHelpers.FXRSTOR, c.address(c.memory(0))), FXRSTOR, FXRSTOR64);
        SseOperands.on(t, c -> {}, LFENCE, SFENCE);
        SseOperands.on(t, c -> c.call(SseHelpers.MEMORY_FENCE), MFENCE);
    }

    /** LDMXCSR m32: #GP(0) if a reserved bit (outside MXCSR_MASK) is set. */
    private static void ldmxcsr(LiftContext c) {
        Value value = c.read(0, 4);
        Value reserved = c.ir().and(value, c.constant(Type.I32, ~SseHelpers.MXCSR_MASK & 0xffff_ffffL));
        c.raiseIf(c.ir().icmp(IntCondition.NE, reserved, c.constant(Type.I32, 0)), Vectors.GP, 0);
        c.set(StateLayout.MXCSR, value);
    }

    private static void stmxcsr(LiftContext c) {
        c.write(0, c.get(Type.I32, StateLayout.MXCSR));
    }
}
