package dev.jx86.ir.eval;

import dev.jx86.ir.FloatEnvironment;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import java.math.BigDecimal;

/**
 * Rounding toward -inf, +inf or zero, derived from the round-to-nearest result: the correctly rounded value in a
 * directed mode is either the nearest value or its neighbour on the exact result's side, so it is enough to know
 * whether the nearest value lies above or below the exact one. That comparison is made exactly with BigDecimal
 * (slow, but directed modes are rare and this is the reference semantics); overflow and exact zeros follow IEEE 754.
 */
final class DirectedRounding {
    private DirectedRounding() {}

    /** FADD/FSUB/FMUL/FDIV of non-NaN {@code a}, {@code b} whose round-to-nearest result is {@code nearest}. */
    static long binary(Op op, Type t, long a, long b, long nearest, int mode) {
        double x = FloatSemantics.toDouble(t, a);
        double y = FloatSemantics.toDouble(t, b);
        if (Double.isInfinite(x) || Double.isInfinite(y) || (op == Op.FDIV && y == 0)) {
            return nearest; // exact: an infinity, or division by zero
        }
        double r = FloatSemantics.toDouble(t, nearest);
        if (Double.isInfinite(r)) {
            return overflow(t, r > 0, mode);
        }
        BigDecimal bx = new BigDecimal(x);
        BigDecimal by = new BigDecimal(y);
        BigDecimal br = new BigDecimal(r);
        int above = switch (op) {
            case FADD -> br.compareTo(bx.add(by));
            case FSUB -> br.compareTo(bx.subtract(by));
            case FMUL -> br.compareTo(bx.multiply(by));
            case FDIV -> br.multiply(by).compareTo(bx) * (y > 0 ? 1 : -1);
            default -> throw new IllegalArgumentException("not a rounded binary op: " + op);
        };
        if (above == 0) {
            boolean sum = op == Op.FADD || op == Op.FSUB;
            if (sum && r == 0 && mode == FloatEnvironment.DOWN) {
                // An exact zero sum is -0 when rounding down, unless both addends are +0.
                double y2 = op == Op.FSUB ? -y : y;
                boolean bothPositiveZero = isPositiveZero(x) && isPositiveZero(y2);
                return bothPositiveZero ? nearest : FloatSemantics.fromDouble(t, -0.0);
            }
            return nearest;
        }
        return adjust(t, nearest, above, mode);
    }

    /** FSQRT of a non-NaN {@code a}. */
    static long sqrt(Type t, long a, long nearest, int mode) {
        double x = FloatSemantics.toDouble(t, a);
        double r = FloatSemantics.toDouble(t, nearest);
        if (x == 0 || Double.isInfinite(x)) {
            return nearest;
        }
        BigDecimal br = new BigDecimal(r);
        return adjust(t, nearest, br.multiply(br).compareTo(new BigDecimal(x)), mode);
    }

    /** FPTRUNC of a non-NaN binary64 {@code a} to binary32. */
    static long narrow(long a, long nearest, int mode) {
        double x = Double.longBitsToDouble(a);
        float r = Float.intBitsToFloat((int) nearest);
        if (Double.isInfinite(x)) {
            return nearest;
        }
        if (Float.isInfinite(r)) {
            return overflow(Type.I32, r > 0, mode);
        }
        return adjust(Type.I32, nearest, new BigDecimal(r).compareTo(new BigDecimal(x)), mode);
    }

    /** SITOFP of {@code value}. */
    static long fromInteger(Type t, long value, long nearest, int mode) {
        BigDecimal r = new BigDecimal(FloatSemantics.toDouble(t, nearest));
        return adjust(t, nearest, r.compareTo(BigDecimal.valueOf(value)), mode);
    }

    /**
     * The directed result from the nearest one, which lies {@code above} (> 0) or below (< 0) the exact value: the
     * nearest value, or its neighbour toward the exact value.
     */
    private static long adjust(Type t, long nearest, int above, int mode) {
        double r = FloatSemantics.toDouble(t, nearest);
        boolean down = switch (mode) {
            case FloatEnvironment.DOWN -> above > 0;
            case FloatEnvironment.UP -> false;
            default -> above > 0 && r > 0; // toward zero from a positive value above the exact one
        };
        boolean up = switch (mode) {
            case FloatEnvironment.UP -> above < 0;
            case FloatEnvironment.DOWN -> false;
            default -> above < 0 && r < 0; // toward zero from a negative value below the exact one
        };
        if (t == Type.I32) {
            float f = (float) r;
            return down
                    ? FloatSemantics.single(Math.nextDown(f))
                    : up ? FloatSemantics.single(Math.nextUp(f)) : nearest;
        }
        return down
                ? FloatSemantics.doubleBits(Math.nextDown(r))
                : up ? FloatSemantics.doubleBits(Math.nextUp(r)) : nearest;
    }

    /** An overflowing result: infinity when rounding away from zero in its direction, else the largest finite value. */
    private static long overflow(Type t, boolean positive, int mode) {
        boolean infinite = mode == FloatEnvironment.NEAREST
                || (positive && mode == FloatEnvironment.UP)
                || (!positive && mode == FloatEnvironment.DOWN);
        double magnitude = t == Type.I32
                ? (infinite ? Float.POSITIVE_INFINITY : Float.MAX_VALUE)
                : (infinite ? Double.POSITIVE_INFINITY : Double.MAX_VALUE);
        return FloatSemantics.fromDouble(t, positive ? magnitude : -magnitude);
    }

    private static boolean isPositiveZero(double v) {
        return v == 0 && Double.doubleToRawLongBits(v) == 0;
    }
}
