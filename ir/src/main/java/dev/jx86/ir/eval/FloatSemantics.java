package dev.jx86.ir.eval;

import dev.jx86.ir.FloatCondition;
import dev.jx86.ir.FloatEnvironment;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import java.math.BigDecimal;

/**
 * Floating point on bit patterns: I32 is IEEE binary32, I64 binary64, under a float environment word
 * ({@link FloatEnvironment}: rounding mode, flush-to-zero, denormals-are-zero). NaN results follow the x86 SSE rules,
 * so that every host computes the same bits: a NaN operand is returned quieted (the first operand's when both are
 * NaN), and an invalid operation on non-NaN operands (inf - inf, 0 * inf, 0 / 0, sqrt of a negative number) gives the
 * negative "default NaN" 0xffc00000 / 0xfff8000000000000. min/max and float to int conversion follow x86 exactly
 * too. Round to nearest is Java's arithmetic; the directed modes are {@link DirectedRounding}'s.
 */
public final class FloatSemantics {
    private FloatSemantics() {}

    public static long binary(Op op, Type t, long a, long b, long env) {
        a = denormalInput(t, a, env);
        b = denormalInput(t, b, env);
        if (op == Op.FMIN || op == Op.FMAX) {
            // x86 minss/maxss: the second operand unless the first is strictly less (greater); NaNs and equal zeros
            // give the second.
            boolean first = op == Op.FMIN ? compare(FloatCondition.OLT, t, a, b) : compare(FloatCondition.OGT, t, a, b);
            return first ? a : b;
        }
        if (isNaN(t, a)) {
            return quiet(t, a);
        }
        if (isNaN(t, b)) {
            return quiet(t, b);
        }
        long nearest = nearest(op, t, a, b);
        int mode = FloatEnvironment.rounding(env);
        long r = mode == FloatEnvironment.NEAREST || isNaN(t, nearest)
                ? nearest
                : DirectedRounding.binary(op, t, a, b, nearest, mode);
        if ((env & FloatEnvironment.FLUSH_TO_ZERO) != 0 && Tininess.atSmallestNormal(t, r)) {
            double x = toDouble(t, a);
            double y = toDouble(t, b);
            return Tininess.isTiny(t, Tininess.exact(op, x, y), mode) ? signOnly(t, r) : r;
        }
        return denormalResult(t, r, env);
    }

    private static long nearest(Op op, Type t, long a, long b) {
        if (t == Type.I32) {
            float x = Float.intBitsToFloat((int) a);
            float y = Float.intBitsToFloat((int) b);
            return single(
                    switch (op) {
                        case FADD -> x + y;
                        case FSUB -> x - y;
                        case FMUL -> x * y;
                        case FDIV -> x / y;
                        default -> throw new IllegalArgumentException("not a binary float op: " + op);
                    });
        }
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        return doubleBits(
                switch (op) {
                    case FADD -> x + y;
                    case FSUB -> x - y;
                    case FMUL -> x * y;
                    case FDIV -> x / y;
                    default -> throw new IllegalArgumentException("not a binary float op: " + op);
                });
    }

    public static long sqrt(Type t, long a, long env) {
        a = denormalInput(t, a, env);
        if (isNaN(t, a)) {
            return quiet(t, a);
        }
        // The square root of a binary32 computed in binary64 and rounded again is correctly rounded (53 >= 2*24+2).
        long nearest =
                t == Type.I32 ? single((float) Math.sqrt(toDouble(t, a))) : doubleBits(Math.sqrt(toDouble(t, a)));
        int mode = FloatEnvironment.rounding(env);
        long r = mode == FloatEnvironment.NEAREST || isNaN(t, nearest)
                ? nearest
                : DirectedRounding.sqrt(t, a, nearest, mode);
        return denormalResult(t, r, env);
    }

    /**
     * FROUND: {@code a} rounded to an integral value of its format in the environment's rounding mode (x86 ROUNDSS
     * with MXCSR's or the immediate's mode): a NaN comes back quieted, infinities and zeros unchanged, a zero result
     * keeps a's sign, and a denormal is zero under denormals-are-zero. The result is never denormal, so flush-to-zero
     * does not apply. Exact: floor, ceil and rint of a double are exact, and a binary32 widens exactly.
     */
    public static long round(Type t, long a, long env) {
        a = denormalInput(t, a, env);
        if (isNaN(t, a)) {
            return quiet(t, a);
        }
        double x = toDouble(t, a);
        double r = switch (FloatEnvironment.rounding(env)) {
            case FloatEnvironment.NEAREST -> Math.rint(x);
            case FloatEnvironment.DOWN -> Math.floor(x);
            case FloatEnvironment.UP -> Math.ceil(x);
            default -> x < 0 ? Math.ceil(x) : Math.floor(x);
        };
        long bits = fromDouble(t, r);
        return r == 0 ? signOnly(t, a) : bits;
    }

    public static boolean compare(FloatCondition cc, Type t, long a, long b, long env) {
        return compare(cc, t, denormalInput(t, a, env), denormalInput(t, b, env));
    }

    private static boolean compare(FloatCondition cc, Type t, long a, long b) {
        double x = toDouble(t, a);
        double y = toDouble(t, b);
        boolean unordered = Double.isNaN(x) || Double.isNaN(y);
        return switch (cc) {
            case OEQ -> x == y;
            case OGT -> x > y;
            case OGE -> x >= y;
            case OLT -> x < y;
            case OLE -> x <= y;
            case ONE -> !unordered && x != y;
            case ORD -> !unordered;
            case UEQ -> unordered || x == y;
            case UGT -> unordered || x > y;
            case UGE -> unordered || x >= y;
            case ULT -> unordered || x < y;
            case ULE -> unordered || x <= y;
            case UNE -> x != y;
            case UNO -> unordered;
        };
    }

    /** FPEXT, FPTRUNC or SITOFP from {@code from} to {@code to} under {@code env}. */
    public static long convert(Op op, Type from, Type to, long a, long env) {
        return switch (op) {
            case FPEXT -> {
                a = denormalInput(from, a, env);
                yield isNaN(from, a) ? convertNaN(from, to, a) : fromDouble(to, toDouble(from, a));
            }
            case FPTRUNC -> {
                a = denormalInput(from, a, env);
                if (isNaN(from, a)) {
                    yield convertNaN(from, to, a);
                }
                long nearest = fromDouble(to, toDouble(from, a));
                int mode = FloatEnvironment.rounding(env);
                long r = mode == FloatEnvironment.NEAREST ? nearest : DirectedRounding.narrow(a, nearest, mode);
                if ((env & FloatEnvironment.FLUSH_TO_ZERO) != 0 && Tininess.atSmallestNormal(to, r)) {
                    BigDecimal exact = new BigDecimal(toDouble(from, a));
                    yield Tininess.isTiny(to, exact, mode) ? signOnly(to, r) : r;
                }
                yield denormalResult(to, r, env);
            }
            case SITOFP -> {
                long value = IntegerSemantics.sext(from.bits(), a);
                long nearest = to == Type.I32 ? single((float) value) : doubleBits((double) value);
                int mode = FloatEnvironment.rounding(env);
                yield mode == FloatEnvironment.NEAREST
                        ? nearest
                        : DirectedRounding.fromInteger(to, value, nearest, mode);
            }
            default -> throw new IllegalArgumentException("not a float conversion with an environment: " + op);
        };
    }

    /** FPTOSI: truncating, so no environment changes it. */
    public static long toSigned(Type from, Type to, long a) {
        return toInteger(to.bits(), toDouble(from, a));
    }

    /** Truncates toward zero; NaN and out-of-range values give the minimum of the {@code w}-bit type. */
    public static long toInteger(int w, double value) {
        double limit = Math.scalb(1.0, w - 1);
        double truncated = value < 0 ? Math.ceil(value) : Math.floor(value);
        if (Double.isNaN(value) || truncated >= limit || truncated < -limit) {
            return (1L << (w - 1)) & mask(w);
        }
        return ((long) truncated) & mask(w);
    }

    /** Whether {@code bits} of float type {@code t} is a NaN. */
    public static boolean isNaN(Type t, long bits) {
        return t == Type.I32
                ? (bits & 0x7fff_ffffL) > 0x7f80_0000L
                : (bits & 0x7fff_ffff_ffff_ffffL) > 0x7ff0_0000_0000_0000L;
    }

    /** The NaN {@code bits} with its quiet bit set (an SNaN becomes the QNaN with the same sign and payload). */
    public static long quiet(Type t, long bits) {
        return t == Type.I32 ? bits | 0x0040_0000L : bits | 0x0008_0000_0000_0000L;
    }

    /** The default NaN an invalid operation produces (x86's negative "real indefinite"). */
    public static long defaultNaN(Type t) {
        return t == Type.I32 ? 0xffc0_0000L : 0xfff8_0000_0000_0000L;
    }

    /** Whether {@code bits} is a denormal (subnormal, non-zero). */
    static boolean isDenormal(Type t, long bits) {
        return t == Type.I32
                ? (bits & 0x7f80_0000L) == 0 && (bits & 0x007f_ffffL) != 0
                : (bits & 0x7ff0_0000_0000_0000L) == 0 && (bits & 0x000f_ffff_ffff_ffffL) != 0;
    }

    static long signOnly(Type t, long bits) {
        return t == Type.I32 ? bits & 0x8000_0000L : bits & 0x8000_0000_0000_0000L;
    }

    /** An operand as the environment reads it: a denormal is zero under denormals-are-zero. */
    static long denormalInput(Type t, long bits, long env) {
        return (env & FloatEnvironment.DENORMALS_ARE_ZERO) != 0 && isDenormal(t, bits) ? signOnly(t, bits) : bits;
    }

    /**
     * A rounded result as the environment delivers it: a denormal becomes zero under flush-to-zero. (A result that
     * rounded up to the smallest normal number may still be tiny, as x86 judges it: the callers check that case with
     * {@link Tininess}.)
     */
    private static long denormalResult(Type t, long bits, long env) {
        return (env & FloatEnvironment.FLUSH_TO_ZERO) != 0 && isDenormal(t, bits) ? signOnly(t, bits) : bits;
    }

    /** A NaN converted between widths: sign kept, quieted, payload truncated or extended at its top. */
    private static long convertNaN(Type from, Type to, long bits) {
        long sign = from == Type.I32 ? bits >>> 31 : bits >>> 63;
        if (to == Type.I32) {
            long payload = (bits >>> 29) & 0x003f_ffffL;
            return (sign << 31) | 0x7fc0_0000L | payload;
        }
        long payload = (bits & 0x003f_ffffL) << 29;
        return (sign << 63) | 0x7ff8_0000_0000_0000L | payload;
    }

    public static double toDouble(Type t, long bits) {
        return t == Type.I32 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
    }

    public static long fromDouble(Type t, double value) {
        return t == Type.I32 ? single((float) value) : doubleBits(value);
    }

    /** A result's bits; a NaN here comes from an invalid operation on non-NaN operands. */
    static long single(float value) {
        return Float.isNaN(value) ? defaultNaN(Type.I32) : Float.floatToIntBits(value) & 0xFFFF_FFFFL;
    }

    static long doubleBits(double value) {
        return Double.isNaN(value) ? defaultNaN(Type.I64) : Double.doubleToLongBits(value);
    }

    private static long mask(int w) {
        return w == 64 ? -1L : (1L << w) - 1;
    }
}
