package dev.jx86.runtime.fpu;

/**
 * The x87 comparisons (FCOM, FUCOM, FCOMI, FUCOMI, FICOM, FTST): an order, with IE for unsupported operands and for
 * NaNs (signaling NaNs only for the unordered forms) and DE for denormal operands. ±0 compare equal.
 */
public final class Comparison {
    private Comparison() {}

    public enum Order {
        LESS,
        EQUAL,
        GREATER,
        UNORDERED
    }

    /** The order of {@code a} against {@code b}; {@code quietNaNsInvalid} for FCOM (not FUCOM). */
    public static Order compare(FpuContext c, Extended a, Extended b, boolean quietNaNsInvalid) {
        if (a.isUnsupported() || b.isUnsupported()) {
            c.raise(FpuContext.IE);
            return Order.UNORDERED;
        }
        if (a.isNaN() || b.isNaN()) {
            if (quietNaNsInvalid || a.isSignaling() || b.isSignaling()) {
                c.raise(FpuContext.IE);
            }
            return Order.UNORDERED;
        }
        ExtendedArithmetic.denormalOperands(c, a, b);
        if (a.isZero() && b.isZero()) {
            return Order.EQUAL;
        }
        if (a.negative() != b.negative()) {
            return a.negative() ? Order.LESS : Order.GREATER;
        }
        int magnitude = compareMagnitude(a, b);
        if (a.negative()) {
            magnitude = -magnitude;
        }
        return magnitude < 0 ? Order.LESS : magnitude > 0 ? Order.GREATER : Order.EQUAL;
    }

    /** Compares |a| and |b| (numbers, not NaNs). */
    private static int compareMagnitude(Extended a, Extended b) {
        if (a.isZero() || b.isZero()) {
            return a.isZero() ? (b.isZero() ? 0 : -1) : 1;
        }
        if (a.isInfinity() || b.isInfinity()) {
            return a.isInfinity() ? (b.isInfinity() ? 0 : 1) : -1;
        }
        int order = Integer.compare(a.unbiasedExponent(), b.unbiasedExponent());
        return order != 0 ? order : Long.compareUnsigned(a.normalizedSignificand(), b.normalizedSignificand());
    }
}
