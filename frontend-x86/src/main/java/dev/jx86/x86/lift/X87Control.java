package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.RuntimeHelper;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.X87Function;
import dev.jx86.runtime.abi.X87Helpers;

/**
 * x87 control (SDM Vol. 1 8.3.12): the control, status and tag words, the environment and state images, FWAIT,
 * the stack-pointer moves and FFREE. (An FWAIT the decoder joined to the next instruction is lifted as its own
 * instruction by {@code LiftContext.begin}.) The no-wait instructions that only move words (FNSTCW, FNSTSW, FNINIT, FNCLEX)
 * are IR; FLDCW, FWAIT and the images are helpers because they wait for pending exceptions (#MF) or touch every
 * register.
 */
final class X87Control implements Semantics {
    /** FNINIT's control word: all exceptions masked, 64-bit precision, round to nearest (Linux starts so too). */
    static final int DEFAULT_CONTROL = 0x37f;

    /** The status word's exception flags, stack-fault and error-summary bits, and busy bit: FNCLEX clears them. */
    static final int STATUS_EXCEPTIONS = 0x80ff;

    @Override
    public void register(HandlerTable t) {
        t.on(c -> c.write(0, c.resize(c.get(Type.I64, StateLayout.FPU_CONTROL), Type.I16)), FNSTCW);
        t.on(c -> c.call(X87Helpers.LOAD_CONTROL, c.read(0)), FLDCW);
        t.on(c -> c.write(0, c.resize(c.get(Type.I64, StateLayout.FPU_STATUS), Type.I16)), FNSTSW);
        t.on(X87Control::fninit, FNINIT);
        t.on(X87Control::fnclex, FNCLEX);
        t.on(c -> c.call(X87Helpers.WAIT), FWAIT, FNOP);
        // The 8087/287 controls execute as no-ops on later processors.
        t.on(c -> {}, FNENI, FNDISI, FNSETPM);
        t.on(c -> image(c, X87Helpers.STORE_ENVIRONMENT), FNSTENV);
        t.on(c -> image(c, X87Helpers.LOAD_ENVIRONMENT), FLDENV);
        t.on(c -> image(c, X87Helpers.SAVE), FNSAVE);
        t.on(c -> image(c, X87Helpers.RESTORE), FRSTOR);
        t.on(c -> free(c, false), FFREE);
        t.on(c -> free(c, true), FFREEP);
        X87Constants.functions(t, X87Function.FINCSTP, X87Function.FDECSTP);
    }

    private static void fninit(LiftContext c) {
        c.set(StateLayout.FPU_CONTROL, c.i64(DEFAULT_CONTROL));
        c.set(StateLayout.FPU_STATUS, c.i64(0));
        c.set(StateLayout.FPU_TAG, c.i64(0xffff));
    }

    private static void fnclex(LiftContext c) {
        Value status = c.get(Type.I64, StateLayout.FPU_STATUS);
        c.set(StateLayout.FPU_STATUS, c.ir().and(status, c.i64(~STATUS_EXCEPTIONS & 0xffff)));
    }

    /** The environment and state images: 32-bit layouts unless the operand size is 16 bits. */
    private static void image(LiftContext c, RuntimeHelper helper) {
        boolean wide = c.insn().operandSize() != 2;
        c.call(helper, c.address(c.memory(0)), X87Operands.flag(c, wide));
    }

    private static void free(LiftContext c, boolean pop) {
        c.call(X87Helpers.FREE, X87Operands.index(c, X87Operands.stackIndex(c, 0)), X87Operands.flag(c, pop));
    }
}
