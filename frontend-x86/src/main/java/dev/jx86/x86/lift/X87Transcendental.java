package dev.jx86.x86.lift;

import dev.jx86.runtime.abi.X87Function;

/**
 * x87 transcendental instructions (SDM Vol. 1 8.3.9-8.3.11): FSIN, FCOS, FSINCOS, FPTAN, FPATAN, F2XM1, FYL2X,
 * FYL2XP1, each one helper call computing in 200-bit arithmetic (runtime {@code fpu.Transcendentals}).
 */
final class X87Transcendental implements Semantics {
    @Override
    public void register(HandlerTable t) {
        X87Constants.functions(
                t,
                X87Function.FSIN,
                X87Function.FCOS,
                X87Function.FSINCOS,
                X87Function.FPTAN,
                X87Function.FPATAN,
                X87Function.F2XM1,
                X87Function.FYL2X,
                X87Function.FYL2XP1);
    }
}
