package dev.jx86.ir.eval;

import static dev.jx86.ir.FloatEnvironment.DENORMAL;
import static dev.jx86.ir.FloatEnvironment.DIVIDE_BY_ZERO;
import static dev.jx86.ir.FloatEnvironment.INEXACT;
import static dev.jx86.ir.FloatEnvironment.INVALID;
import static dev.jx86.ir.FloatEnvironment.OVERFLOW;
import static dev.jx86.ir.FloatEnvironment.UNDERFLOW;

import dev.jx86.ir.FloatEnvironment;
import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import java.math.BigDecimal;

/**
 * The exception flags a float operation raises, as x86 SSE sets them with every exception masked (Intel SDM Vol. 1
 * 4.9 and 11.5): a signaling NaN or an invalid operation is reported alone; so is division by zero (with a denormal
 * operand); otherwise a denormal operand (not under denormals-are-zero) and then what rounding the result did —
 * inexact, overflow (with inexact), underflow when the result is tiny and inexact or flushed to zero. Whether a result
 * is exact is decided with the classic error-free transformations (TwoSum, fma), and with BigDecimal where those could
 * underflow.
 */
public final class FloatExceptions {
    private FloatExceptions() {}

    /**
     * The value of {@code fexcept.k a, b, env}: the flags {@code k} raises ({@link #of}) but those that are set and
     * masked in {@code env} ({@link FloatEnvironment#settled}), which the operation cannot change.
     */
    public static int fexcept(FloatOperation k, Type t, long a, long b, long env) {
        return FloatEnvironment.notSettled(env, of(k, t, a, b, env));
    }

    /** The value of {@code vfexcept}: {@link #lanes} but the settled flags of {@code env}. */
    public static int vfexcept(FloatOperation k, LaneShape shape, long[] a, long[] b, long env) {
        return FloatEnvironment.notSettled(env, lanes(k, shape, a, b, env));
    }

    /** The flags of {@code k} on a and b of type {@code t} (the source type for conversions) under {@code env}. */
    public static int of(FloatOperation k, Type t, long a, long b, long env) {
        return switch (k) {
            case ADD, SUB, MUL, DIV -> arithmetic(k, t, a, b, env);
            case SQRT -> sqrt(t, a, env);
            case MIN_MAX, COMPARE_SIGNALING -> compare(t, a, b, env, true);
            case COMPARE_QUIET -> compare(t, a, b, env, false);
            case EXTEND -> {
                long x = FloatSemantics.denormalInput(t, a, env);
                yield isSignaling(t, x) ? INVALID : FloatSemantics.isDenormal(t, x) ? DENORMAL : 0;
            }
            case NARROW -> narrow(a, env);
            case FROM_INT_TO_SINGLE, FROM_INT_TO_DOUBLE -> fromInteger(k, t, a);
            case TO_INT32, TO_INT64 -> toInteger(k, t, a, b, env);
            case ROUND -> round(t, a, env);
        };
    }

    /** The flags of every lane, or-ed. */
    public static int lanes(FloatOperation k, LaneShape shape, long[] a, long[] b, long env) {
        Type lane = Type.ofBits(shape.laneBits());
        int flags = 0;
        for (int i = 0; i < shape.lanes(); i++) {
            flags |= of(
                    k,
                    lane,
                    VectorSemantics.lane(a, shape.laneBits(), i),
                    VectorSemantics.lane(b, shape.laneBits(), i),
                    env);
        }
        return flags;
    }

    private static int arithmetic(FloatOperation k, Type t, long a, long b, long env) {
        a = FloatSemantics.denormalInput(t, a, env);
        b = FloatSemantics.denormalInput(t, b, env);
        if (isSignaling(t, a) || isSignaling(t, b)) {
            return INVALID;
        }
        if (FloatSemantics.isNaN(t, a) || FloatSemantics.isNaN(t, b)) {
            return 0;
        }
        double x = FloatSemantics.toDouble(t, a);
        double y = FloatSemantics.toDouble(t, b);
        boolean invalid = switch (k) {
            case ADD -> Double.isInfinite(x) && Double.isInfinite(y) && x != y;
            case SUB -> Double.isInfinite(x) && Double.isInfinite(y) && x == y;
            case MUL -> (x == 0 && Double.isInfinite(y)) || (y == 0 && Double.isInfinite(x));
            default -> (x == 0 && y == 0) || (Double.isInfinite(x) && Double.isInfinite(y));
        };
        if (invalid) {
            return INVALID;
        }
        int denormal = FloatSemantics.isDenormal(t, a) || FloatSemantics.isDenormal(t, b) ? DENORMAL : 0;
        if (k == FloatOperation.DIV && y == 0 && !Double.isInfinite(x)) {
            return DIVIDE_BY_ZERO; // reported alone, even with a denormal dividend
        }
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return denormal; // the result is an exact infinity (or zero)
        }
        Op op = switch (k) {
            case ADD -> Op.FADD;
            case SUB -> Op.FSUB;
            case MUL -> Op.FMUL;
            default -> Op.FDIV;
        };
        long nearest = FloatSemantics.binary(op, t, a, b, 0);
        return denormal
                | rounding(
                        t,
                        FloatSemantics.binary(op, t, a, b, env & ~FloatEnvironment.FLUSH_TO_ZERO),
                        exactness(op, t, x, y, nearest),
                        env,
                        () -> Tininess.exact(op, x, y));
    }

    /** Rounding to an integral value: invalid for a signaling NaN, else inexact when the value changes. */
    private static int round(Type t, long a, long env) {
        long x = FloatSemantics.denormalInput(t, a, env);
        if (isSignaling(t, x)) {
            return INVALID;
        }
        if (FloatSemantics.isNaN(t, x)) {
            return 0;
        }
        return FloatSemantics.round(t, x, env) == x ? 0 : INEXACT;
    }

    private static int sqrt(Type t, long a, long env) {
        a = FloatSemantics.denormalInput(t, a, env);
        if (isSignaling(t, a)) {
            return INVALID;
        }
        double x = FloatSemantics.toDouble(t, a);
        if (Double.isNaN(x)) {
            return 0;
        }
        if (x < 0) {
            return INVALID;
        }
        int denormal = FloatSemantics.isDenormal(t, a) ? DENORMAL : 0;
        if (x == 0 || Double.isInfinite(x)) {
            return denormal; // sqrt(±0) = ±0, sqrt(+inf) = +inf: exact
        }
        double r = FloatSemantics.toDouble(t, FloatSemantics.sqrt(t, a, 0));
        boolean exact =
                t == Type.I32 ? r * r == x : Math.fma(-r, r, x) == 0 && (x >= Math.scalb(1.0, -960) || exactSqrt(r, x));
        return denormal | (exact ? 0 : INEXACT);
    }

    private static boolean exactSqrt(double r, double x) {
        BigDecimal br = new BigDecimal(r);
        return br.multiply(br).compareTo(new BigDecimal(x)) == 0;
    }

    private static int compare(Type t, long a, long b, long env, boolean signaling) {
        a = FloatSemantics.denormalInput(t, a, env);
        b = FloatSemantics.denormalInput(t, b, env);
        boolean nan = FloatSemantics.isNaN(t, a) || FloatSemantics.isNaN(t, b);
        if (signaling ? nan : isSignaling(t, a) || isSignaling(t, b)) {
            return INVALID;
        }
        if (nan) {
            return 0;
        }
        return FloatSemantics.isDenormal(t, a) || FloatSemantics.isDenormal(t, b) ? DENORMAL : 0;
    }

    private static int narrow(long a, long env) {
        a = FloatSemantics.denormalInput(Type.I64, a, env);
        if (isSignaling(Type.I64, a)) {
            return INVALID;
        }
        double x = Double.longBitsToDouble(a);
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return 0;
        }
        int denormal = FloatSemantics.isDenormal(Type.I64, a) ? DENORMAL : 0;
        long nearest = FloatSemantics.fromDouble(Type.I32, x);
        long r = FloatSemantics.convert(Op.FPTRUNC, Type.I64, Type.I32, a, env & ~FloatEnvironment.FLUSH_TO_ZERO);
        boolean exact = Float.isFinite(Float.intBitsToFloat((int) nearest))
                && (double) Float.intBitsToFloat((int) nearest) == x;
        return denormal | rounding(Type.I32, r, exact, env, () -> new BigDecimal(x));
    }

    private static int fromInteger(FloatOperation k, Type t, long a) {
        long value = IntegerSemantics.sext(t.bits(), a);
        Type to = k == FloatOperation.FROM_INT_TO_SINGLE ? Type.I32 : Type.I64;
        double r = FloatSemantics.toDouble(to, FloatSemantics.convert(Op.SITOFP, t, to, a, 0));
        return new BigDecimal(r).compareTo(BigDecimal.valueOf(value)) == 0 ? 0 : INEXACT;
    }

    /** a is the source, b the source rounded to an integral value (a itself for truncation). */
    private static int toInteger(FloatOperation k, Type t, long a, long b, long env) {
        int w = k == FloatOperation.TO_INT32 ? 32 : 64;
        double x = FloatSemantics.toDouble(t, FloatSemantics.denormalInput(t, a, env));
        double rounded = FloatSemantics.toDouble(t, FloatSemantics.denormalInput(t, b, env));
        double integral = rounded < 0 ? Math.ceil(rounded) : Math.floor(rounded);
        double limit = Math.scalb(1.0, w - 1);
        if (Double.isNaN(rounded) || integral >= limit || integral < -limit) {
            return INVALID;
        }
        return integral == x ? 0 : INEXACT;
    }

    /** Inexact, overflow and underflow of a finite-operand result {@code r} (before flush-to-zero). */
    private static int rounding(
            Type t, long r, boolean exact, long env, java.util.function.Supplier<BigDecimal> exactValue) {
        double value = FloatSemantics.toDouble(t, r);
        double max = t == Type.I32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        double minNormal = t == Type.I32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;
        if (Double.isInfinite(value) || (Math.abs(value) == max && !exact)) {
            // Overflow: the result rounded with an unbounded exponent exceeds the largest finite value.
            return overflows(t, exactValue.get(), env) ? OVERFLOW | INEXACT : INEXACT;
        }
        boolean tiny = Math.abs(value) < minNormal
                || (!exact
                        && Tininess.atSmallestNormal(t, r)
                        && Tininess.isTiny(t, exactValue.get(), FloatEnvironment.rounding(env)));
        if (tiny && (env & FloatEnvironment.FLUSH_TO_ZERO) != 0 && value != 0) {
            return UNDERFLOW | INEXACT;
        }
        if (exact) {
            // A trapped underflow (its mask bit clear) is signalled for every tiny non-zero result, exact or not.
            boolean trapped = (env & FloatEnvironment.UNDERFLOW_MASK) == 0;
            return trapped && tiny && value != 0 ? UNDERFLOW : 0;
        }
        return tiny ? UNDERFLOW | INEXACT : INEXACT;
    }

    private static boolean overflows(Type t, BigDecimal exact, long env) {
        int emax = t == Type.I32 ? 127 : 1023;
        int precision = t == Type.I32 ? 24 : 53;
        BigDecimal max = new BigDecimal(t == Type.I32 ? Float.MAX_VALUE : Double.MAX_VALUE);
        BigDecimal ulp = new BigDecimal(Math.scalb(1.0, emax - precision + 1));
        BigDecimal magnitude = exact.abs();
        boolean positive = exact.signum() > 0;
        int mode = FloatEnvironment.rounding(env);
        if (mode == FloatEnvironment.NEAREST) {
            return magnitude.compareTo(max.add(ulp.divide(BigDecimal.valueOf(2)))) >= 0; // a tie rounds to 2^(emax+1)
        }
        boolean awayFromZero =
                (mode == FloatEnvironment.UP && positive) || (mode == FloatEnvironment.DOWN && !positive);
        return awayFromZero ? magnitude.compareTo(max) > 0 : magnitude.compareTo(max.add(ulp)) >= 0;
    }

    /** Whether the round-to-nearest result {@code nearest} of x op y is exact. */
    private static boolean exactness(Op op, Type t, double x, double y, long nearest) {
        double s = FloatSemantics.toDouble(t, nearest);
        if (Double.isInfinite(s)) {
            return false;
        }
        if (t == Type.I32) {
            float fs = (float) s;
            return switch (op) {
                case FADD, FSUB -> {
                    float fy = op == Op.FADD ? (float) y : -(float) y;
                    yield twoSumError((float) x, fy, fs) == 0;
                }
                case FMUL -> x * y == s; // exact in binary64: 24 + 24 bits
                default -> Math.fma(s, y, -x) == 0; // s*y is exact; the difference rounds to 0 only if exact
            };
        }
        double small = Math.scalb(1.0, -960);
        return switch (op) {
            case FADD, FSUB -> {
                double yy = op == Op.FADD ? y : -y;
                yield twoSumError(x, yy, s) == 0;
            }
            case FMUL ->
                Math.abs(s) >= small
                        ? Math.fma(x, y, -s) == 0
                        : Tininess.exact(op, x, y).compareTo(new BigDecimal(s)) == 0;
            default ->
                Math.abs(x) >= small && Math.abs(s) >= small
                        ? Math.fma(-s, y, x) == 0
                        : new BigDecimal(s).multiply(new BigDecimal(y)).compareTo(new BigDecimal(x)) == 0;
        };
    }

    /** The rounding error of {@code s = a + b} (Knuth's TwoSum): exactly {@code a + b - s}. */
    static double twoSumError(double a, double b, double s) {
        double bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }

    static float twoSumError(float a, float b, float s) {
        float bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }

    private static boolean isSignaling(Type t, long bits) {
        long quiet = t == Type.I32 ? 0x0040_0000L : 0x0008_0000_0000_0000L;
        return FloatSemantics.isNaN(t, bits) && (bits & quiet) == 0;
    }
}
