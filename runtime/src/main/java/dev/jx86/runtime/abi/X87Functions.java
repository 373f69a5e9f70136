package dev.jx86.runtime.abi;

import dev.jx86.runtime.fpu.Conversions;
import dev.jx86.runtime.fpu.ExponentOperations;
import dev.jx86.runtime.fpu.Extended;
import dev.jx86.runtime.fpu.ExtendedArithmetic;
import dev.jx86.runtime.fpu.FpuContext;
import dev.jx86.runtime.fpu.PartialRemainder;
import dev.jx86.runtime.fpu.Transcendentals;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The bodies of the {@link X87Function} helpers (SDM Vol. 2, one entry per instruction): sign operations,
 * classification, constants, the transcendentals, remainders, scaling and stack-pointer moves.
 */
final class X87Functions {
    private X87Functions() {}

    static void run(Cpu cpu, X87Function f) {
        X87Stack x = X87Stack.begin(cpu);
        FpuContext c = x.context;
        switch (f) {
            case FCHS -> unary(x, v -> v.negate(), false);
            case FABS -> unary(x, Extended::abs, false);
            case FTST -> X87Operations.test(x);
            case FXAM -> examine(x);
            case FLD1, FLDL2T, FLDL2E, FLDPI, FLDLG2, FLDLN2, FLDZ -> X87Operations.push(x, constant(c, f));
            case F2XM1 -> unary(x, v -> Transcendentals.exp2m1(c, v), true);
            case FYL2X -> binaryPop(x, (y, v) -> Transcendentals.ylog2x(c, y, v));
            case FYL2XP1 -> binaryPop(x, (y, v) -> Transcendentals.ylog2xp1(c, y, v));
            case FPATAN -> binaryPop(x, (y, v) -> Transcendentals.arctangent(c, y, v));
            case FPTAN -> tangent(x);
            case FXTRACT -> extract(x);
            case FPREM, FPREM1 -> remainder(x, f == X87Function.FPREM1);
            case FDECSTP, FINCSTP -> {
                x.top(x.top() + (f == X87Function.FINCSTP ? 1 : -1));
                x.conditionCodes(X87Stack.C1, 0);
            }
            case FSQRT -> unary(x, v -> ExtendedArithmetic.sqrt(c, v, c.precision()), true);
            case FRNDINT -> unary(x, v -> Conversions.roundToIntegral(c, v), true);
            case FSCALE -> scale(x);
            case FSIN, FCOS, FSINCOS -> sineCosine(x, f);
        }
        x.finish();
    }

    /** ST(0) = op(ST(0)); C1 from the rounding if {@code rounds}, else 0. */
    private static void unary(X87Stack x, UnaryOperator<Extended> op, boolean rounds) {
        if (x.empty(0)) {
            if (x.underflow()) {
                x.st(0, Extended.INDEFINITE);
            }
            return;
        }
        Extended r = op.apply(x.st(0));
        if (x.resultSuppressed()) {
            return;
        }
        x.st(0, r);
        if (rounds) {
            x.c1FromRounding();
        } else {
            x.conditionCodes(X87Stack.C1, 0);
        }
    }

    /** ST(1) = op(ST(1), ST(0)), then a pop (FYL2X, FYL2XP1, FPATAN). */
    private static void binaryPop(X87Stack x, BinaryOperator<Extended> op) {
        if (x.empty(0) || x.empty(1)) {
            if (x.underflow()) {
                x.st(1, Extended.INDEFINITE);
                x.pop();
            }
            return;
        }
        Extended r = op.apply(x.st(1), x.st(0));
        if (x.resultSuppressed()) {
            return;
        }
        x.st(1, r);
        x.c1FromRounding();
        x.pop();
    }

    /** FSCALE: ST(0) = ST(0) * 2^trunc(ST(1)), no pop. */
    private static void scale(X87Stack x) {
        if (x.empty(0) || x.empty(1)) {
            if (x.underflow()) {
                x.st(0, Extended.INDEFINITE);
            }
            return;
        }
        Extended r = ExponentOperations.scale(x.context, x.st(0), x.st(1));
        if (!x.resultSuppressed()) {
            x.st(0, r);
            x.c1FromRounding();
        }
    }

    private static void remainder(X87Stack x, boolean nearest) {
        if (x.empty(0) || x.empty(1)) {
            x.conditionCodes(X87Stack.C2, 0); // C0 and C3 stay (measured on the host)
            if (x.underflow()) {
                x.st(0, Extended.INDEFINITE);
            }
            return;
        }
        PartialRemainder.Step step = PartialRemainder.remainder(x.context, x.st(0), x.st(1), nearest);
        if (x.resultSuppressed()) {
            x.conditionCodes(X87Stack.C2, 0);
            return;
        }
        x.st(0, step.value());
        if (step.quotient() < 0) {
            // A NaN or invalid operand: no quotient; C0 and C3 stay as they were (measured on the host).
            x.conditionCodes(X87Stack.C1 | X87Stack.C2, 0);
            return;
        }
        int q = step.quotient();
        int codes = (q & 4) != 0 ? X87Stack.C0 : 0;
        codes |= (q & 2) != 0 ? X87Stack.C3 : 0;
        codes |= (q & 1) != 0 ? X87Stack.C1 : 0;
        codes |= step.incomplete() ? X87Stack.C2 : 0;
        x.conditionCodes(X87Stack.CONDITION_CODES, codes);
    }

    /** FXTRACT: ST(0) becomes the exponent and the significand is pushed. */
    private static void extract(X87Stack x) {
        if (x.empty(0)) {
            if (x.underflow()) {
                x.st(0, Extended.INDEFINITE);
                x.push(Extended.INDEFINITE); // over whatever is there: only the underflow is reported
            }
            return;
        }
        if (!x.canPush()) {
            if (x.overflow()) {
                x.st(0, Extended.INDEFINITE);
                x.push(Extended.INDEFINITE);
            }
            return;
        }
        ExponentOperations.Parts parts = ExponentOperations.extract(x.context, x.st(0));
        if (x.resultSuppressed()) {
            return;
        }
        x.st(0, parts.exponent());
        x.push(parts.significand());
        x.conditionCodes(X87Stack.C1, 0);
    }

    /** FPTAN: ST(0) = tan(ST(0)), then 1.0 pushed; out of range (|x| >= 2^63): C2 = 1 and nothing else. */
    private static void tangent(X87Stack x) {
        if (x.empty(0)) {
            x.conditionCodes(X87Stack.C2, 0);
            if (x.underflow()) {
                x.st(0, Extended.INDEFINITE);
                x.push(Extended.INDEFINITE); // over whatever is there: only the underflow is reported
            }
            return;
        }
        if (!x.canPush()) {
            x.conditionCodes(X87Stack.C2, 0);
            if (x.overflow()) {
                x.st(0, Extended.INDEFINITE);
                x.push(Extended.INDEFINITE);
            }
            return;
        }
        if (!Transcendentals.inTrigonometricRange(x.st(0))) {
            x.conditionCodes(X87Stack.C2 | X87Stack.C1, X87Stack.C2);
            return;
        }
        Extended t = Transcendentals.tangent(x.context, x.st(0));
        x.conditionCodes(X87Stack.C2, 0);
        if (x.resultSuppressed()) {
            return;
        }
        x.st(0, t);
        x.c1FromRounding();
        x.conditionCodes(X87Stack.C2, 0);
        x.push(t.isNaN() ? t : Extended.ONE);
    }

    /** FSIN, FCOS, FSINCOS (which leaves the cosine in ST(0) and the sine in ST(1)). */
    private static void sineCosine(X87Stack x, X87Function f) {
        boolean both = f == X87Function.FSINCOS;
        if (x.empty(0)) {
            x.conditionCodes(X87Stack.C2, 0);
            if (x.underflow()) {
                x.st(0, Extended.INDEFINITE);
                if (both) {
                    x.push(Extended.INDEFINITE); // over whatever is there: only the underflow is reported
                }
            }
            return;
        }
        if (both && !x.canPush()) {
            x.conditionCodes(X87Stack.C2, 0);
            if (x.overflow()) {
                x.st(0, Extended.INDEFINITE);
                x.push(Extended.INDEFINITE);
            }
            return;
        }
        if (!Transcendentals.inTrigonometricRange(x.st(0))) {
            x.conditionCodes(X87Stack.C2 | X87Stack.C1, X87Stack.C2);
            return;
        }
        Transcendentals.SineCosine r =
                Transcendentals.sineCosine(x.context, x.st(0), f != X87Function.FCOS, f != X87Function.FSIN);
        x.conditionCodes(X87Stack.C2, 0);
        if (x.resultSuppressed()) {
            return;
        }
        if (f == X87Function.FCOS) {
            x.st(0, r.cosine());
        } else {
            x.st(0, r.sine());
        }
        x.c1FromRounding();
        if (both) {
            x.push(r.cosine());
        }
    }

    /** FXAM: the class of ST(0) in C3 C2 C0 and its sign in C1 (empty registers too). */
    private static void examine(X87Stack x) {
        Extended v = x.st(0);
        int codes;
        if (x.empty(0)) {
            codes = X87Stack.C3 | X87Stack.C0;
        } else {
            codes = switch (v.kind()) {
                case UNSUPPORTED -> 0;
                case QUIET_NAN, SIGNALING_NAN -> X87Stack.C0;
                case NORMAL -> X87Stack.C2;
                case INFINITY -> X87Stack.C2 | X87Stack.C0;
                case ZERO -> X87Stack.C3;
                case DENORMAL -> X87Stack.C3 | X87Stack.C2;
            };
        }
        codes |= v.negative() ? X87Stack.C1 : 0;
        x.conditionCodes(X87Stack.CONDITION_CODES, codes);
    }

    /** The constants' first 128 bits (hi, lo) and exponents, rounded in the rounding mode (SDM: FLD1/FLDPI...). */
    private static Extended constant(FpuContext c, X87Function f) {
        FpuContext rounding = new FpuContext(c.control());
        return switch (f) {
            case FLD1 -> Extended.ONE;
            case FLDZ -> Extended.POSITIVE_ZERO;
            case FLDL2T -> round(rounding, 1, 0xd49a784bcd1b8afeL, 0x492bf6ff4dafdb4cL);
            case FLDL2E -> round(rounding, 0, 0xb8aa3b295c17f0bbL, 0xbe87fed0691d3e88L);
            case FLDPI -> round(rounding, 1, 0xc90fdaa22168c234L, 0xc4c6628b80dc1cd1L);
            case FLDLG2 -> round(rounding, -2, 0x9a209a84fbcff798L, 0x8f8959ac0b7c9178L);
            case FLDLN2 -> round(rounding, -1, 0xb17217f7d1cf79abL, 0xc9e3b39803f2f6afL);
            default -> throw new IllegalArgumentException(f + " is no constant");
        };
    }

    private static Extended round(FpuContext c, int exponent, long hi, long lo) {
        return Conversions.roundConstant(c, exponent, hi, lo);
    }
}
