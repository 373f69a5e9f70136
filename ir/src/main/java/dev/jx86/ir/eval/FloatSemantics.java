package dev.jx86.ir.eval;

import dev.jx86.ir.FloatCondition;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;

/**
 * Floating point on bit patterns: I32 is IEEE binary32, I64 binary64, arithmetic as Java does it (round to nearest
 * even). A NaN result is Java's canonical NaN (0x7fc00000 / 0x7ff8000000000000) so that every host computes the same
 * bits; x86's NaN propagation and MXCSR rounding modes are not modelled (see docs/ir.md). min/max and float to int
 * conversion follow x86 exactly.
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
        return t == Type.I32 ? single((float) Math.sqrt(toDouble(t, a))) : doubleBits(Math.sqrt(toDouble(t, a)));
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
            case FPEXT, FPTRUNC -> fromDouble(to, toDouble(from, a));
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

    static long single(float value) {
        return Float.floatToIntBits(value) & 0xFFFF_FFFFL;
    }

    static long doubleBits(double value) {
        return Double.doubleToLongBits(value);
    }

    private static long mask(int w) {
        return w == 64 ? -1L : (1L << w) - 1;
    }
}
