package dev.jx86.ir.eval;

import dev.jx86.ir.FloatCondition;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;

/**
 * Floating point on bit patterns: I32 is IEEE binary32, I64 binary64, arithmetic rounded to nearest even with
 * denormals (no flush to zero). NaN results follow the x86 SSE rules, so that every host computes the same bits: a
 * NaN operand is returned quieted (the first operand's when both are NaN), and an invalid operation on non-NaN
 * operands (inf - inf, 0 * inf, 0 / 0, sqrt of a negative number) gives the negative "default NaN" 0xffc00000 /
 * 0xfff8000000000000. min/max and float to int conversion follow x86 exactly too.
 */
public final class FloatSemantics {
    private FloatSemantics() {}

    public static long binary(Op op, Type t, long a, long b) {
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

    public static long sqrt(Type t, long a) {
        if (isNaN(t, a)) {
            return quiet(t, a);
        }
        // The square root of a binary32 computed in binary64 and rounded again is correctly rounded (53 >= 2*24+2).
        return t == Type.I32 ? single((float) Math.sqrt(toDouble(t, a))) : doubleBits(Math.sqrt(toDouble(t, a)));
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

    public static boolean compare(FloatCondition cc, Type t, long a, long b) {
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

    /** FPEXT, FPTRUNC, SITOFP or FPTOSI from {@code from} to {@code to}. */
    public static long convert(Op op, Type from, Type to, long a) {
        return switch (op) {
            case FPEXT, FPTRUNC -> isNaN(from, a) ? convertNaN(from, to, a) : fromDouble(to, toDouble(from, a));
            case SITOFP ->
                to == Type.I32
                        ? single((float) IntegerSemantics.sext(from.bits(), a))
                        : doubleBits((double) IntegerSemantics.sext(from.bits(), a));
            case FPTOSI -> toInteger(to.bits(), toDouble(from, a));
            default -> throw new IllegalArgumentException("not a float conversion: " + op);
        };
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
