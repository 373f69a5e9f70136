package dev.jx86.x86.lift;

import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.decode.Register;

/**
 * What every MMX-register form shares (SDM Vol. 1 9.5-9.6): MMn is the 64-bit significand of x87 physical register
 * Rn ({@link LiftContext#write} sets Rn's sign and exponent to all ones on a write); like a waiting x87 instruction,
 * an MMX instruction first raises #MF if an unmasked x87 exception is pending; every MMX instruction, reading or
 * writing, then sets TOP to 0 and all tags to valid. An MMX register reads as a v128 whose high half is zero and a
 * write keeps the low 64 bits ({@link SseOperands#vector}, {@link SseOperands#writeVector}), so that the SSE
 * handlers compute the MMX forms whose lanes do not cross the middle of the register.
 *
 * <p>Right after another MMX instruction of the same block (EMMS excepted) the #MF check and the transition are
 * left out: that instruction's check passed, MMX instructions change neither the control word nor the exception
 * flags, and TOP and the tags are already 0. A loop of MMX instructions then checks once per block, not once per
 * instruction (each check is a conditional exit that also keeps the state writes before it alive).
 */
final class MmxOperands {
    private MmxOperands() {}

    /** TOP, the status word's bits 13:11. */
    private static final long TOP = 0x3800;

    /** Registers {@code handler} for the MMX forms of {@code mnemonics}, with the MMX state transition. */
    static void on(HandlerTable t, Handler handler, Mnemonic... mnemonics) {
        t.onMmx(
                c -> {
                    boolean entered = c.afterMmxInstruction();
                    if (!entered) {
                        X87Operands.waitBeforeMemory(c);
                    }
                    handler.lift(c);
                    if (!entered) {
                        enter(c, 0);
                    }
                    c.markMmxInstruction();
                },
                mnemonics);
    }

    /**
     * Registers {@code handler} for the MMX forms of {@code mnemonics} whose state transition stands even if the
     * instruction then faults (MASKMOVQ: measured on the host, whose TOP and tags change before a page fault of the
     * store; a faulting PADDB mm, m64 or MOVQ m64, mm changes neither).
     */
    static void onTransitionFirst(HandlerTable t, Handler handler, Mnemonic... mnemonics) {
        t.onMmx(
                c -> {
                    if (!c.afterMmxInstruction()) {
                        X87Operands.waitBeforeMemory(c);
                        enter(c, 0);
                        c.commitAndContinue();
                    }
                    handler.lift(c);
                    c.markMmxInstruction();
                },
                mnemonics);
    }

    /**
     * Registers, for the MMX forms of {@code mnemonics}, the SSE handlers already registered for them: their lanes
     * stay within the low 64 bits (or the high half is zero and dropped), so the SSE semantics are the MMX ones.
     */
    static void shared(HandlerTable t, Mnemonic... mnemonics) {
        for (Mnemonic m : mnemonics) {
            Handler sse = t.get(m);
            if (sse == null) {
                throw new IllegalStateException("the MMX form of " + m + " shares a handler that is not registered");
            }
            on(t, sse, m);
        }
    }

    /** TOP set to 0 and the full tag word to {@code tags} (0: all valid; 0xffff: all empty, EMMS). */
    static void enter(LiftContext c, long tags) {
        Value status = c.get(Type.I64, StateLayout.FPU_STATUS);
        c.set(StateLayout.FPU_STATUS, c.ir().and(status, c.i64(~TOP)));
        c.set(StateLayout.FPU_TAG, c.i64(tags));
    }

    /** The MMX register operand {@code i}. */
    static Register mm(LiftContext c, int i) {
        return (Register) c.insn().operand(i);
    }

    /** {@code low} in bits 63:0 and {@code high} in bits 127:64 (both v128 values whose high halves are zero). */
    static Value concat(LiftContext c, Value low, Value high) {
        return c.ir().insert(low, c.ir().extract(Type.I64, high, 0), 64);
    }
}
