package dev.jx86.ir.eval;

import static dev.jx86.ir.FloatEnvironment.CONTROLS;
import static dev.jx86.ir.FloatEnvironment.INEXACT;

import dev.jx86.ir.FloatEnvironment;
import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.Type;

/**
 * The exception flags ({@code fexcept}'s value) of the arithmetic float ops under IEEE's default environment, on the
 * host's arithmetic: where the operands are normal (or zero) and the result is normal and finite, the only flag an
 * operation can raise is inexact, which an error-free transformation decides (TwoSum for sums, {@code Math.fma} for
 * products, quotients and roots above 2^-960, binary64 arithmetic for binary32 operands); everything else goes to
 * {@link FloatExceptions}. {@link FloatFastPath} calls these where its shorter test, for the state after the first
 * inexact result, does not decide; they are kept out of the compiled regions' inlining budget (docs/jvm-tier.md).
 */
public final class FloatFastFlags {
    private FloatFastFlags() {}

    /** Below this magnitude a product's or quotient's rounding error may underflow, so fma cannot measure it. */
    private static final double SMALL = 0x1p-960;

    public static int addFlags64(long a, long b, long env) {
        int settled = FloatEnvironment.settled(env);
        if ((env & CONTROLS) == 0 && ordinary64(a) && ordinary64(b)) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            double s = x + y;
            if (s == 0 || normal64(s)) {
                return inexactSettled(settled) || FloatExceptions.twoSumError(x, y, s) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.fexcept(FloatOperation.ADD, Type.I64, a, b, env);
    }

    public static int subFlags64(long a, long b, long env) {
        int settled = FloatEnvironment.settled(env);
        if ((env & CONTROLS) == 0 && ordinary64(a) && ordinary64(b)) {
            double x = Double.longBitsToDouble(a);
            double y = -Double.longBitsToDouble(b);
            double s = x + y;
            if (s == 0 || normal64(s)) {
                return inexactSettled(settled) || FloatExceptions.twoSumError(x, y, s) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.fexcept(FloatOperation.SUB, Type.I64, a, b, env);
    }

    public static int mulFlags64(long a, long b, long env) {
        int settled = FloatEnvironment.settled(env);
        if ((env & CONTROLS) == 0 && ordinary64(a) && ordinary64(b)) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            if (x == 0 || y == 0) {
                return 0;
            }
            double s = x * y;
            if (Math.abs(s) >= SMALL && Math.abs(s) < Double.MAX_VALUE) {
                return inexactSettled(settled) || Math.fma(x, y, -s) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.fexcept(FloatOperation.MUL, Type.I64, a, b, env);
    }

    public static int divFlags64(long a, long b, long env) {
        int settled = FloatEnvironment.settled(env);
        if ((env & CONTROLS) == 0 && ordinary64(a) && ordinary64(b)) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            if (x == 0 && y != 0) {
                return 0;
            }
            double s = x / y;
            if (Math.abs(x) >= SMALL && Math.abs(s) >= SMALL && Math.abs(s) < Double.MAX_VALUE) {
                return inexactSettled(settled) || Math.fma(-s, y, x) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.fexcept(FloatOperation.DIV, Type.I64, a, b, env);
    }

    /** The flags of the square root of {@code a} ({@code b} is ignored, as {@code fexcept.sqrt}'s second operand). */
    public static int sqrtFlags64(long a, long b, long env) {
        int settled = FloatEnvironment.settled(env);
        if ((env & CONTROLS) == 0 && ordinary64(a)) {
            double x = Double.longBitsToDouble(a);
            if (x == 0) {
                return 0;
            }
            if (x >= SMALL) {
                double r = Math.sqrt(x);
                return inexactSettled(settled) || Math.fma(-r, r, x) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.fexcept(FloatOperation.SQRT, Type.I64, a, b, env);
    }

    public static int addFlags32(long a, long b, long env) {
        int settled = FloatEnvironment.settled(env);
        if ((env & CONTROLS) == 0 && ordinary32(a) && ordinary32(b)) {
            float x = Float.intBitsToFloat((int) a);
            float y = Float.intBitsToFloat((int) b);
            float s = x + y;
            if (s == 0 || normal32(s)) {
                return inexactSettled(settled) || FloatExceptions.twoSumError(x, y, s) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.fexcept(FloatOperation.ADD, Type.I32, a, b, env);
    }

    public static int subFlags32(long a, long b, long env) {
        int settled = FloatEnvironment.settled(env);
        if ((env & CONTROLS) == 0 && ordinary32(a) && ordinary32(b)) {
            float x = Float.intBitsToFloat((int) a);
            float y = -Float.intBitsToFloat((int) b);
            float s = x + y;
            if (s == 0 || normal32(s)) {
                return inexactSettled(settled) || FloatExceptions.twoSumError(x, y, s) == 0 ? 0 : INEXACT;
            }
        }
        return FloatExceptions.fexcept(FloatOperation.SUB, Type.I32, a, b, env);
    }

    public static int mulFlags32(long a, long b, long env) {
        int settled = FloatEnvironment.settled(env);
        if ((env & CONTROLS) == 0 && ordinary32(a) && ordinary32(b)) {
            float x = Float.intBitsToFloat((int) a);
            float y = Float.intBitsToFloat((int) b);
            float s = x * y;
            if (s == 0 ? x == 0 || y == 0 : normal32(s)) {
                // the binary64 product of two binary32 is exact
                return inexactSettled(settled) || (double) x * y == s ? 0 : INEXACT;
            }
        }
        return FloatExceptions.fexcept(FloatOperation.MUL, Type.I32, a, b, env);
    }

    public static int divFlags32(long a, long b, long env) {
        int settled = FloatEnvironment.settled(env);
        if ((env & CONTROLS) == 0 && ordinary32(a) && ordinary32(b)) {
            float x = Float.intBitsToFloat((int) a);
            float y = Float.intBitsToFloat((int) b);
            float s = x / y;
            if (y != 0 && (s == 0 ? x == 0 : normal32(s))) {
                return inexactSettled(settled) || (double) s * y == x ? 0 : INEXACT;
            }
        }
        return FloatExceptions.fexcept(FloatOperation.DIV, Type.I32, a, b, env);
    }

    public static int sqrtFlags32(long a, long b, long env) {
        int settled = FloatEnvironment.settled(env);
        if ((env & CONTROLS) == 0 && ordinary32(a)) {
            float x = Float.intBitsToFloat((int) a);
            if (x >= 0) {
                float r = (float) Math.sqrt(x);
                return inexactSettled(settled) || (double) r * r == x ? 0 : INEXACT;
            }
        }
        return FloatExceptions.fexcept(FloatOperation.SQRT, Type.I32, a, b, env);
    }

    /** Whether inexact is among the settled flags, so that whether an operation was exact changes nothing. */
    private static boolean inexactSettled(int settled) {
        return (settled & INEXACT) != 0;
    }

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
    static boolean normal64(double s) {
        double m = Math.abs(s);
        return m > Double.MIN_NORMAL && m < Double.MAX_VALUE;
    }

    static boolean normal32(float s) {
        float m = Math.abs(s);
        return m > Float.MIN_NORMAL && m < Float.MAX_VALUE;
    }
}
