package dev.jx86.ir.eval;

import static dev.jx86.ir.FloatEnvironment.CONTROLS;
import static dev.jx86.ir.FloatEnvironment.INEXACT;

import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;

/**
 * The arithmetic float ops (add, subtract, multiply, divide, square root) and their exception flags on the host's
 * own arithmetic, for the compiled tier: where the environment is IEEE's default ({@code (env & 0xe040) == 0}: round
 * to nearest, no flush-to-zero, no denormals-are-zero) Java's {@code double} and {@code float} operations are exactly
 * the x86 ones, except for which NaN they return; and where the operands are normal (or zero) and the result is
 * normal and finite, the only flag an operation can raise is inexact, which an error-free transformation decides.
 * Everything else — a NaN result, a directed rounding mode, denormal operands, results near underflow or overflow —
 * goes to {@link FloatSemantics} and {@link FloatExceptions}, the reference, so the results are theirs bit for bit
 * (FloatFastPathTest compares them). Methods named {@code ...32x2} work on two binary32 lanes packed in a long, the
 * half of an f32x4 vector. The flags of integer-to-float conversions need no environment at all.
 */
public final class FloatFastPath {
    private FloatFastPath() {}

    /** Below this magnitude a product's or quotient's rounding error may underflow, so fma cannot measure it. */
    private static final double SMALL = 0x1p-960;

    private static final long LOW = 0xffff_ffffL;

    // ---- binary64

    public static long add64(long a, long b, long env) {
        if ((env & CONTROLS) == 0) {
            double r = Double.longBitsToDouble(a) + Double.longBitsToDouble(b);
            if (r == r) {
                return Double.doubleToRawLongBits(r);
            }
        }
        return FloatSemantics.binary(Op.FADD, Type.I64, a, b, env);
    }

    public static long sub64(long a, long b, long env) {
        if ((env & CONTROLS) == 0) {
            double r = Double.longBitsToDouble(a) - Double.longBitsToDouble(b);
            if (r == r) {
                return Double.doubleToRawLongBits(r);
            }
        }
        return FloatSemantics.binary(Op.FSUB, Type.I64, a, b, env);
    }

    public static long mul64(long a, long b, long env) {
        if ((env & CONTROLS) == 0) {
            double r = Double.longBitsToDouble(a) * Double.longBitsToDouble(b);
            if (r == r) {
                return Double.doubleToRawLongBits(r);
            }
        }
        return FloatSemantics.binary(Op.FMUL, Type.I64, a, b, env);
    }

    public static long div64(long a, long b, long env) {
        if ((env & CONTROLS) == 0) {
            double r = Double.longBitsToDouble(a) / Double.longBitsToDouble(b);
            if (r == r) {
                return Double.doubleToRawLongBits(r);
            }
        }
        return FloatSemantics.binary(Op.FDIV, Type.I64, a, b, env);
    }

    public static long sqrt64(long a, long env) {
        if ((env & CONTROLS) == 0) {
            double r = Math.sqrt(Double.longBitsToDouble(a));
            if (r == r) {
                return Double.doubleToRawLongBits(r);
            }
        }
        return FloatSemantics.sqrt(Type.I64, a, env);
    }

    public static int addFlags64(long a, long b, long env) {
        if ((env & CONTROLS) == 0 && ordinary64(a) && ordinary64(b)) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            double s = x + y;
            if (s == 0 || normal64(s)) {
                return twoSumError(x, y, s) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.of(FloatOperation.ADD, Type.I64, a, b, env);
    }

    public static int subFlags64(long a, long b, long env) {
        if ((env & CONTROLS) == 0 && ordinary64(a) && ordinary64(b)) {
            double x = Double.longBitsToDouble(a);
            double y = -Double.longBitsToDouble(b);
            double s = x + y;
            if (s == 0 || normal64(s)) {
                return twoSumError(x, y, s) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.of(FloatOperation.SUB, Type.I64, a, b, env);
    }

    public static int mulFlags64(long a, long b, long env) {
        if ((env & CONTROLS) == 0 && ordinary64(a) && ordinary64(b)) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            if (x == 0 || y == 0) {
                return 0;
            }
            double s = x * y;
            if (Math.abs(s) >= SMALL && Math.abs(s) < Double.MAX_VALUE) {
                return Math.fma(x, y, -s) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.of(FloatOperation.MUL, Type.I64, a, b, env);
    }

    public static int divFlags64(long a, long b, long env) {
        if ((env & CONTROLS) == 0 && ordinary64(a) && ordinary64(b)) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            if (x == 0 && y != 0) {
                return 0;
            }
            double s = x / y;
            if (Math.abs(x) >= SMALL && Math.abs(s) >= SMALL && Math.abs(s) < Double.MAX_VALUE) {
                return Math.fma(-s, y, x) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.of(FloatOperation.DIV, Type.I64, a, b, env);
    }

    /** The flags of the square root of {@code a} ({@code b} is ignored, as {@code fexcept.sqrt}'s second operand). */
    public static int sqrtFlags64(long a, long b, long env) {
        if ((env & CONTROLS) == 0 && ordinary64(a)) {
            double x = Double.longBitsToDouble(a);
            if (x == 0) {
                return 0;
            }
            if (x >= SMALL) {
                double r = Math.sqrt(x);
                return Math.fma(-r, r, x) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.of(FloatOperation.SQRT, Type.I64, a, b, env);
    }

    // ---- binary32 (the low 32 bits of a long, the result zero-extended as FloatSemantics gives it)

    public static long add32(long a, long b, long env) {
        if ((env & CONTROLS) == 0) {
            float r = Float.intBitsToFloat((int) a) + Float.intBitsToFloat((int) b);
            if (r == r) {
                return Float.floatToRawIntBits(r) & LOW;
            }
        }
        return FloatSemantics.binary(Op.FADD, Type.I32, a, b, env);
    }

    public static long sub32(long a, long b, long env) {
        if ((env & CONTROLS) == 0) {
            float r = Float.intBitsToFloat((int) a) - Float.intBitsToFloat((int) b);
            if (r == r) {
                return Float.floatToRawIntBits(r) & LOW;
            }
        }
        return FloatSemantics.binary(Op.FSUB, Type.I32, a, b, env);
    }

    public static long mul32(long a, long b, long env) {
        if ((env & CONTROLS) == 0) {
            float r = Float.intBitsToFloat((int) a) * Float.intBitsToFloat((int) b);
            if (r == r) {
                return Float.floatToRawIntBits(r) & LOW;
            }
        }
        return FloatSemantics.binary(Op.FMUL, Type.I32, a, b, env);
    }

    public static long div32(long a, long b, long env) {
        if ((env & CONTROLS) == 0) {
            float r = Float.intBitsToFloat((int) a) / Float.intBitsToFloat((int) b);
            if (r == r) {
                return Float.floatToRawIntBits(r) & LOW;
            }
        }
        return FloatSemantics.binary(Op.FDIV, Type.I32, a, b, env);
    }

    public static long sqrt32(long a, long env) {
        if ((env & CONTROLS) == 0) {
            // the binary64 root rounded again is the correctly rounded binary32 root (53 >= 2 * 24 + 2)
            float r = (float) Math.sqrt(Float.intBitsToFloat((int) a));
            if (r == r) {
                return Float.floatToRawIntBits(r) & LOW;
            }
        }
        return FloatSemantics.sqrt(Type.I32, a, env);
    }

    public static int addFlags32(long a, long b, long env) {
        if ((env & CONTROLS) == 0 && ordinary32(a) && ordinary32(b)) {
            float x = Float.intBitsToFloat((int) a);
            float y = Float.intBitsToFloat((int) b);
            float s = x + y;
            if (s == 0 || normal32(s)) {
                return twoSumError(x, y, s) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.of(FloatOperation.ADD, Type.I32, a, b, env);
    }

    public static int subFlags32(long a, long b, long env) {
        if ((env & CONTROLS) == 0 && ordinary32(a) && ordinary32(b)) {
            float x = Float.intBitsToFloat((int) a);
            float y = -Float.intBitsToFloat((int) b);
            float s = x + y;
            if (s == 0 || normal32(s)) {
                return twoSumError(x, y, s) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.of(FloatOperation.SUB, Type.I32, a, b, env);
    }

    public static int mulFlags32(long a, long b, long env) {
        if ((env & CONTROLS) == 0 && ordinary32(a) && ordinary32(b)) {
            float x = Float.intBitsToFloat((int) a);
            float y = Float.intBitsToFloat((int) b);
            float s = x * y;
            if (s == 0 ? x == 0 || y == 0 : normal32(s)) {
                return (double) x * y == s ? 0 : INEXACT; // the binary64 product of two binary32 is exact
            }
        }
        return FloatExceptions.of(FloatOperation.MUL, Type.I32, a, b, env);
    }

    public static int divFlags32(long a, long b, long env) {
        if ((env & CONTROLS) == 0 && ordinary32(a) && ordinary32(b)) {
            float x = Float.intBitsToFloat((int) a);
            float y = Float.intBitsToFloat((int) b);
            float s = x / y;
            if (y != 0 && (s == 0 ? x == 0 : normal32(s))) {
                return (double) s * y == x ? 0 : INEXACT;
            }
        }
        return FloatExceptions.of(FloatOperation.DIV, Type.I32, a, b, env);
    }

    public static int sqrtFlags32(long a, long b, long env) {
        if ((env & CONTROLS) == 0 && ordinary32(a)) {
            float x = Float.intBitsToFloat((int) a);
            if (x >= 0) {
                float r = (float) Math.sqrt(x);
                return (double) r * r == x ? 0 : INEXACT;
            }
        }
        return FloatExceptions.of(FloatOperation.SQRT, Type.I32, a, b, env);
    }

    // ---- two binary32 lanes in a long

    public static long add32x2(long a, long b, long env) {
        return add32(a & LOW, b & LOW, env) | add32(a >>> 32, b >>> 32, env) << 32;
    }

    public static long sub32x2(long a, long b, long env) {
        return sub32(a & LOW, b & LOW, env) | sub32(a >>> 32, b >>> 32, env) << 32;
    }

    public static long mul32x2(long a, long b, long env) {
        return mul32(a & LOW, b & LOW, env) | mul32(a >>> 32, b >>> 32, env) << 32;
    }

    public static long div32x2(long a, long b, long env) {
        return div32(a & LOW, b & LOW, env) | div32(a >>> 32, b >>> 32, env) << 32;
    }

    public static long sqrt32x2(long a, long env) {
        return sqrt32(a & LOW, env) | sqrt32(a >>> 32, env) << 32;
    }

    public static int addFlags32x2(long a, long b, long env) {
        return addFlags32(a & LOW, b & LOW, env) | addFlags32(a >>> 32, b >>> 32, env);
    }

    public static int subFlags32x2(long a, long b, long env) {
        return subFlags32(a & LOW, b & LOW, env) | subFlags32(a >>> 32, b >>> 32, env);
    }

    public static int mulFlags32x2(long a, long b, long env) {
        return mulFlags32(a & LOW, b & LOW, env) | mulFlags32(a >>> 32, b >>> 32, env);
    }

    public static int divFlags32x2(long a, long b, long env) {
        return divFlags32(a & LOW, b & LOW, env) | divFlags32(a >>> 32, b >>> 32, env);
    }

    public static int sqrtFlags32x2(long a, long b, long env) {
        return sqrtFlags32(a & LOW, 0, env) | sqrtFlags32(a >>> 32, 0, env);
    }

    // ---- integer to float conversions' flags: inexact unless the integer survives the round trip (any rounding
    // mode: whether a conversion is exact does not depend on it)

    /** An i32 always fits a binary64. */
    public static int fromInt32ToDoubleFlags(long a, long b, long env) {
        return 0;
    }

    public static int fromInt64ToDoubleFlags(long a, long b, long env) {
        double d = a;
        return d != 0x1p63 && (long) d == a ? 0 : INEXACT;
    }

    public static int fromInt32ToSingleFlags(long a, long b, long env) {
        int v = (int) a;
        float f = v;
        return f != 0x1p31f && (int) f == v ? 0 : INEXACT;
    }

    public static int fromInt64ToSingleFlags(long a, long b, long env) {
        float f = a;
        return f != 0x1p63f && (long) f == a ? 0 : INEXACT;
    }

    // ---- classification

    /** A finite binary64 that is normal or zero: no denormal-operand flag, no NaN, no infinity. */
    private static boolean ordinary64(long bits) {
        long exponent = (bits >>> 52) & 0x7ff;
        return exponent != 0 && exponent != 0x7ff || (bits << 1) == 0;
    }

    private static boolean ordinary32(long bits) {
        long exponent = (bits >>> 23) & 0xff;
        return exponent != 0 && exponent != 0xff || (bits << 33) == 0;
    }

    /**
     * A result above the smallest normal number (so that it is not tiny, also not the case of a tiny exact value
     * rounded up to it) and below the largest finite one (so that nothing overflowed).
     */
    private static boolean normal64(double s) {
        double m = Math.abs(s);
        return m > Double.MIN_NORMAL && m < Double.MAX_VALUE;
    }

    private static boolean normal32(float s) {
        float m = Math.abs(s);
        return m > Float.MIN_NORMAL && m < Float.MAX_VALUE;
    }

    private static double twoSumError(double a, double b, double s) {
        double bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }

    private static float twoSumError(float a, float b, float s) {
        float bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }
}
