package dev.jx86.ir.eval;

import dev.jx86.ir.FloatEnvironment;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * x86's tininess test (IEEE 754 "after rounding"): a non-zero result is tiny when, rounded to the format's precision
 * with an unbounded exponent range, it is below the smallest normal number. It differs from "the delivered result is
 * denormal" only for exact values just below the smallest normal number that the bounded rounding carries up to it —
 * the one case where the exact value has to be looked at.
 */
final class Tininess {
    private Tininess() {}

    /** Whether {@code bits} is ±the smallest normal number: the only delivered result whose tininess is in doubt. */
    static boolean atSmallestNormal(Type t, long bits) {
        return t == Type.I32
                ? (bits & 0x7fff_ffffL) == 0x0080_0000L
                : (bits & Long.MAX_VALUE) == 0x0010_0000_0000_0000L;
    }

    /** Whether {@code exact} is tiny when rounded in {@code mode} to the precision of {@code t}, exponent unbounded. */
    static boolean isTiny(Type t, BigDecimal exact, int mode) {
        BigDecimal minNormal = new BigDecimal(t == Type.I32 ? Float.MIN_NORMAL : Double.MIN_NORMAL);
        BigDecimal magnitude = exact.abs();
        if (magnitude.compareTo(minNormal) >= 0) {
            return false;
        }
        int precision = t == Type.I32 ? 24 : 53;
        // Just below the smallest normal number the unbounded grid's step is 2^(emin - p).
        BigDecimal step = new BigDecimal(Math.scalb(1.0, (t == Type.I32 ? -126 : -1022) - precision));
        boolean positive = exact.signum() > 0;
        return switch (mode) {
            case FloatEnvironment.NEAREST ->
                magnitude.compareTo(minNormal.subtract(step.divide(BigDecimal.valueOf(2)))) < 0;
            case FloatEnvironment.UP -> !positive || magnitude.compareTo(minNormal.subtract(step)) <= 0;
            case FloatEnvironment.DOWN -> positive || magnitude.compareTo(minNormal.subtract(step)) <= 0;
            default -> true;
        };
    }

    /** The exact value of x op y (a quotient to 1200 digits, far more than the comparison with the grid needs). */
    static BigDecimal exact(Op op, double x, double y) {
        BigDecimal bx = new BigDecimal(x);
        BigDecimal by = new BigDecimal(y);
        return switch (op) {
            case FADD -> bx.add(by);
            case FSUB -> bx.subtract(by);
            case FMUL -> bx.multiply(by);
            case FDIV -> bx.divide(by, new MathContext(1200));
            default -> throw new IllegalArgumentException("not a rounded binary op: " + op);
        };
    }
}
