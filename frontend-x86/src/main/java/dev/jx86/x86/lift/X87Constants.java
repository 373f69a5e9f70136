package dev.jx86.x86.lift;

import dev.jx86.runtime.abi.X87Function;
import dev.jx86.runtime.abi.X87Helpers;
import dev.jx86.x86.decode.Mnemonic;

/**
 * x87 load-constant instructions (SDM Vol. 1 8.3.8): FLD1, FLDZ, FLDPI, FLDL2T, FLDL2E, FLDLG2, FLDLN2, rounded in the
 * current rounding mode by their helpers. Also registers the other operand-less D9 E0-FF instructions, whose
 * helpers share the {@link X87Function} naming, for the categories that own them.
 */
final class X87Constants implements Semantics {
    @Override
    public void register(HandlerTable t) {
        functions(
                t,
                X87Function.FLD1,
                X87Function.FLDZ,
                X87Function.FLDPI,
                X87Function.FLDL2T,
                X87Function.FLDL2E,
                X87Function.FLDLG2,
                X87Function.FLDLN2);
    }

    /** Registers each function's mnemonic (same name) as one call of its helper. */
    static void functions(HandlerTable t, X87Function... functions) {
        for (X87Function f : functions) {
            t.on(c -> c.call(X87Helpers.function(f)), Mnemonic.valueOf(f.name()));
        }
    }
}
