package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.FLDCW;
import static dev.jx86.x86.decode.Mnemonic.FNCLEX;
import static dev.jx86.x86.decode.Mnemonic.FNINIT;
import static dev.jx86.x86.decode.Mnemonic.FNOP;
import static dev.jx86.x86.decode.Mnemonic.FNSTCW;
import static dev.jx86.x86.decode.Mnemonic.FNSTSW;
import static dev.jx86.x86.decode.Mnemonic.FWAIT;

import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.StateLayout;

/**
 * The x87 control instructions that need no stack: the control, status and tag words as state (SDM Vol. 1 8.1).
 * glibc reads the control word for the rounding mode even in programs without long double (strtod), so these come
 * before the x87 arithmetic. No x87 operation raises exceptions yet, so FWAIT has nothing to wait for.
 */
final class X87Control implements Semantics {
    /** FNINIT's control word: all exceptions masked, 64-bit precision, round to nearest (Linux starts so too). */
    static final int DEFAULT_CONTROL = 0x37f;

    /** The status word's exception flags, stack-fault and error-summary bits, and busy bit: FNCLEX clears them. */
    static final int STATUS_EXCEPTIONS = 0x80ff;

    @Override
    public void register(HandlerTable t) {
        t.on(c -> c.write(0, c.resize(c.get(Type.I64, StateLayout.FPU_CONTROL), Type.I16)), FNSTCW);
        t.on(c -> c.set(StateLayout.FPU_CONTROL, c.resize(c.read(0), Type.I64)), FLDCW);
        t.on(c -> c.write(0, c.resize(c.get(Type.I64, StateLayout.FPU_STATUS), Type.I16)), FNSTSW);
        t.on(X87Control::fninit, FNINIT);
        t.on(X87Control::fnclex, FNCLEX);
        t.on(c -> {}, FWAIT, FNOP);
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
}
