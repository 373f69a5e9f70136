package dev.jx86.ir.eval;

/**
 * The common case of an SSE add, subtract, multiply, divide or square root decided by one test, for the compiled
 * regions. The <em>check</em> ({@code addCheck64}, ...) is 0 when the environment is quiet (round to nearest, no FTZ,
 * no DAZ, precision's flag set and masked, as after the first inexact result), the operands are not denormal (zeros
 * may be added) and the result is strictly between the smallest normal number and the largest finite one, and -1
 * otherwise. Where it is 0 the value is the host's (IEEE's result, not a NaN: {@code add64}, ...) and the flags
 * ({@code fexcept}'s value) are 0, since such an operation raises nothing but inexact, which is settled; elsewhere
 * the value is {@link FloatFastPath}'s and the flags {@link FloatFastFlags}', which decide them exactly.
 *
 * <p>A region tests the check's sign with one branch of its own (its own profile, so that C2 keeps the rare side as
 * an uncommon trap and the flags as the constant 0, and MXCSR's {@code or} and the #XM test fold away), and the value
 * method takes that same check (the four-argument forms) or computes it again, the same expression of the same
 * operands, which C2 computes once: its test is then dominated by the region's and dropped, and the value needs no
 * NaN test of its own. {@code FloatQuietCaseTest} checks every method against the reference on edge operands under
 * many MXCSR words.
 */
public final class FloatQuietCase {
    private FloatQuietCase() {}

    // The quiet environment and the exponent masks are FloatFastPath's.
    private static final long LOW = FloatFastPath.LOW;
    private static final long QUIET_MASK = FloatFastPath.QUIET_MASK;
    private static final long QUIET = FloatFastPath.QUIET;
    private static final long EXPONENT64 = FloatFastPath.EXPONENT64;
    private static final int EXPONENT32 = FloatFastPath.EXPONENT32;

    // ---- binary64: the value (the host's where the check holds, else FloatFastPath's) and the check

    public static long add64(long a, long b, long env) {
        if (addCheck64(a, b, env) >= 0) {
            return addBits64(a, b);
        }
        return Fallback.add64(a, b, env);
    }

    public static long sub64(long a, long b, long env) {
        if (subCheck64(a, b, env) >= 0) {
            return subBits64(a, b);
        }
        return Fallback.sub64(a, b, env);
    }

    public static long mul64(long a, long b, long env) {
        if (mulCheck64(a, b, env) >= 0) {
            return mulBits64(a, b);
        }
        return Fallback.mul64(a, b, env);
    }

    public static long div64(long a, long b, long env) {
        if (divCheck64(a, b, env) >= 0) {
            return divBits64(a, b);
        }
        return Fallback.div64(a, b, env);
    }

    public static long sqrt64(long a, long env) {
        if (sqrtCheck64(a, env) >= 0) {
            return sqrtBits64(a);
        }
        return Fallback.sqrt64(a, env);
    }

    // the value where the instruction's flags op computed the check already (the lowering passes it on)

    public static long add64(long a, long b, long env, long check) {
        if (check >= 0) {
            return addBits64(a, b);
        }
        return Fallback.add64(a, b, env);
    }

    public static long sub64(long a, long b, long env, long check) {
        if (check >= 0) {
            return subBits64(a, b);
        }
        return Fallback.sub64(a, b, env);
    }

    public static long mul64(long a, long b, long env, long check) {
        if (check >= 0) {
            return mulBits64(a, b);
        }
        return Fallback.mul64(a, b, env);
    }

    public static long div64(long a, long b, long env, long check) {
        if (check >= 0) {
            return divBits64(a, b);
        }
        return Fallback.div64(a, b, env);
    }

    public static long sqrt64(long a, long env, long check) {
        if (check >= 0) {
            return sqrtBits64(a);
        }
        return Fallback.sqrt64(a, env);
    }

    /** A sum's operands may be zeros (the sum is then the other operand, exact), not denormals. */
    public static long addCheck64(long a, long b, long env) {
        return quiet(env)
                        && FloatFastFlags.normal64(Double.longBitsToDouble(a) + Double.longBitsToDouble(b))
                        && FloatFastPath.notDenormal64(a)
                        && FloatFastPath.notDenormal64(b)
                ? 0
                : -1;
    }

    public static long subCheck64(long a, long b, long env) {
        return quiet(env)
                        && FloatFastFlags.normal64(Double.longBitsToDouble(a) - Double.longBitsToDouble(b))
                        && FloatFastPath.notDenormal64(a)
                        && FloatFastPath.notDenormal64(b)
                ? 0
                : -1;
    }

    /** A normal product or quotient has non-zero operands, so an exponent field of 0 is a denormal. */
    public static long mulCheck64(long a, long b, long env) {
        return quiet(env)
                        && FloatFastFlags.normal64(Double.longBitsToDouble(a) * Double.longBitsToDouble(b))
                        && (a & EXPONENT64) != 0
                        && (b & EXPONENT64) != 0
                ? 0
                : -1;
    }

    public static long divCheck64(long a, long b, long env) {
        return quiet(env)
                        && FloatFastFlags.normal64(Double.longBitsToDouble(a) / Double.longBitsToDouble(b))
                        && (a & EXPONENT64) != 0
                        && (b & EXPONENT64) != 0
                ? 0
                : -1;
    }

    /** The root of a positive normal finite number is one, and raises at most inexact. */
    public static long sqrtCheck64(long a, long env) {
        return quiet(env) && a >= Double.doubleToRawLongBits(Double.MIN_NORMAL) && a < EXPONENT64 ? 0 : -1;
    }

    // ---- binary32 (the low 32 bits of a long, results zero-extended as FloatSemantics gives them)

    public static long add32(long a, long b, long env) {
        if (addCheck32(a, b, env) >= 0) {
            return addBits32((int) a, (int) b) & LOW;
        }
        return Fallback.add32(a, b, env);
    }

    public static long sub32(long a, long b, long env) {
        if (subCheck32(a, b, env) >= 0) {
            return subBits32((int) a, (int) b) & LOW;
        }
        return Fallback.sub32(a, b, env);
    }

    public static long mul32(long a, long b, long env) {
        if (mulCheck32(a, b, env) >= 0) {
            return mulBits32((int) a, (int) b) & LOW;
        }
        return Fallback.mul32(a, b, env);
    }

    public static long div32(long a, long b, long env) {
        if (divCheck32(a, b, env) >= 0) {
            return divBits32((int) a, (int) b) & LOW;
        }
        return Fallback.div32(a, b, env);
    }

    public static long sqrt32(long a, long env) {
        if (sqrtCheck32(a, env) >= 0) {
            return sqrtBits32((int) a) & LOW;
        }
        return Fallback.sqrt32(a, env);
    }

    public static long add32(long a, long b, long env, long check) {
        if (check >= 0) {
            return addBits32((int) a, (int) b) & LOW;
        }
        return Fallback.add32(a, b, env);
    }

    public static long sub32(long a, long b, long env, long check) {
        if (check >= 0) {
            return subBits32((int) a, (int) b) & LOW;
        }
        return Fallback.sub32(a, b, env);
    }

    public static long mul32(long a, long b, long env, long check) {
        if (check >= 0) {
            return mulBits32((int) a, (int) b) & LOW;
        }
        return Fallback.mul32(a, b, env);
    }

    public static long div32(long a, long b, long env, long check) {
        if (check >= 0) {
            return divBits32((int) a, (int) b) & LOW;
        }
        return Fallback.div32(a, b, env);
    }

    public static long sqrt32(long a, long env, long check) {
        if (check >= 0) {
            return sqrtBits32((int) a) & LOW;
        }
        return Fallback.sqrt32(a, env);
    }

    public static long addCheck32(long a, long b, long env) {
        return quiet(env) && addCheck((int) a, (int) b) ? 0 : -1;
    }

    public static long subCheck32(long a, long b, long env) {
        return quiet(env) && subCheck((int) a, (int) b) ? 0 : -1;
    }

    public static long mulCheck32(long a, long b, long env) {
        return quiet(env) && mulCheck((int) a, (int) b) ? 0 : -1;
    }

    public static long divCheck32(long a, long b, long env) {
        return quiet(env) && divCheck((int) a, (int) b) ? 0 : -1;
    }

    public static long sqrtCheck32(long a, long env) {
        return quiet(env) && sqrtCheck((int) a) ? 0 : -1;
    }

    // ---- two binary32 lanes in a long, the half of an f32x4 vector

    public static long add32x2(long a, long b, long env) {
        if (addCheck32x2(a, b, env) >= 0) {
            return (addBits32((int) a, (int) b) & LOW) | (addBits32(high(a), high(b)) & LOW) << 32;
        }
        return Fallback.add32x2(a, b, env);
    }

    public static long sub32x2(long a, long b, long env) {
        if (subCheck32x2(a, b, env) >= 0) {
            return (subBits32((int) a, (int) b) & LOW) | (subBits32(high(a), high(b)) & LOW) << 32;
        }
        return Fallback.sub32x2(a, b, env);
    }

    public static long mul32x2(long a, long b, long env) {
        if (mulCheck32x2(a, b, env) >= 0) {
            return (mulBits32((int) a, (int) b) & LOW) | (mulBits32(high(a), high(b)) & LOW) << 32;
        }
        return Fallback.mul32x2(a, b, env);
    }

    public static long div32x2(long a, long b, long env) {
        if (divCheck32x2(a, b, env) >= 0) {
            return (divBits32((int) a, (int) b) & LOW) | (divBits32(high(a), high(b)) & LOW) << 32;
        }
        return Fallback.div32x2(a, b, env);
    }

    public static long sqrt32x2(long a, long env) {
        if (sqrtCheck32x2(a, env) >= 0) {
            return (sqrtBits32((int) a) & LOW) | (sqrtBits32(high(a)) & LOW) << 32;
        }
        return Fallback.sqrt32x2(a, env);
    }

    public static long add32x2(long a, long b, long env, long check) {
        if (check >= 0) {
            return (addBits32((int) a, (int) b) & LOW) | (addBits32(high(a), high(b)) & LOW) << 32;
        }
        return Fallback.add32x2(a, b, env);
    }

    public static long sub32x2(long a, long b, long env, long check) {
        if (check >= 0) {
            return (subBits32((int) a, (int) b) & LOW) | (subBits32(high(a), high(b)) & LOW) << 32;
        }
        return Fallback.sub32x2(a, b, env);
    }

    public static long mul32x2(long a, long b, long env, long check) {
        if (check >= 0) {
            return (mulBits32((int) a, (int) b) & LOW) | (mulBits32(high(a), high(b)) & LOW) << 32;
        }
        return Fallback.mul32x2(a, b, env);
    }

    public static long div32x2(long a, long b, long env, long check) {
        if (check >= 0) {
            return (divBits32((int) a, (int) b) & LOW) | (divBits32(high(a), high(b)) & LOW) << 32;
        }
        return Fallback.div32x2(a, b, env);
    }

    public static long sqrt32x2(long a, long env, long check) {
        if (check >= 0) {
            return (sqrtBits32((int) a) & LOW) | (sqrtBits32(high(a)) & LOW) << 32;
        }
        return Fallback.sqrt32x2(a, env);
    }

    public static long addCheck32x2(long a, long b, long env) {
        return quiet(env) && addCheck((int) a, (int) b) && addCheck(high(a), high(b)) ? 0 : -1;
    }

    public static long subCheck32x2(long a, long b, long env) {
        return quiet(env) && subCheck((int) a, (int) b) && subCheck(high(a), high(b)) ? 0 : -1;
    }

    public static long mulCheck32x2(long a, long b, long env) {
        return quiet(env) && mulCheck((int) a, (int) b) && mulCheck(high(a), high(b)) ? 0 : -1;
    }

    public static long divCheck32x2(long a, long b, long env) {
        return quiet(env) && divCheck((int) a, (int) b) && divCheck(high(a), high(b)) ? 0 : -1;
    }

    public static long sqrtCheck32x2(long a, long env) {
        return quiet(env) && sqrtCheck((int) a) && sqrtCheck(high(a)) ? 0 : -1;
    }

    // ---- the pieces

    private static boolean quiet(long env) {
        return (env & QUIET_MASK) == QUIET;
    }

    private static long addBits64(long a, long b) {
        return Double.doubleToRawLongBits(Double.longBitsToDouble(a) + Double.longBitsToDouble(b));
    }

    private static long subBits64(long a, long b) {
        return Double.doubleToRawLongBits(Double.longBitsToDouble(a) - Double.longBitsToDouble(b));
    }

    private static long mulBits64(long a, long b) {
        return Double.doubleToRawLongBits(Double.longBitsToDouble(a) * Double.longBitsToDouble(b));
    }

    private static long divBits64(long a, long b) {
        return Double.doubleToRawLongBits(Double.longBitsToDouble(a) / Double.longBitsToDouble(b));
    }

    private static long sqrtBits64(long a) {
        return Double.doubleToRawLongBits(Math.sqrt(Double.longBitsToDouble(a)));
    }

    private static boolean notDenormal32(int bits) {
        return (bits & EXPONENT32) != 0 || (bits << 1) == 0;
    }

    private static int high(long a) {
        return (int) (a >>> 32);
    }

    private static int addBits32(int a, int b) {
        return Float.floatToRawIntBits(Float.intBitsToFloat(a) + Float.intBitsToFloat(b));
    }

    private static int subBits32(int a, int b) {
        return Float.floatToRawIntBits(Float.intBitsToFloat(a) - Float.intBitsToFloat(b));
    }

    private static int mulBits32(int a, int b) {
        return Float.floatToRawIntBits(Float.intBitsToFloat(a) * Float.intBitsToFloat(b));
    }

    private static int divBits32(int a, int b) {
        return Float.floatToRawIntBits(Float.intBitsToFloat(a) / Float.intBitsToFloat(b));
    }

    /** The binary64 root rounded again is the correctly rounded binary32 root (53 >= 2 * 24 + 2). */
    private static int sqrtBits32(int a) {
        return Float.floatToRawIntBits((float) Math.sqrt(Float.intBitsToFloat(a)));
    }

    private static boolean addCheck(int a, int b) {
        return FloatFastFlags.normal32(Float.intBitsToFloat(a) + Float.intBitsToFloat(b))
                && notDenormal32(a)
                && notDenormal32(b);
    }

    private static boolean subCheck(int a, int b) {
        return FloatFastFlags.normal32(Float.intBitsToFloat(a) - Float.intBitsToFloat(b))
                && notDenormal32(a)
                && notDenormal32(b);
    }

    private static boolean mulCheck(int a, int b) {
        return FloatFastFlags.normal32(Float.intBitsToFloat(a) * Float.intBitsToFloat(b))
                && (a & EXPONENT32) != 0
                && (b & EXPONENT32) != 0;
    }

    private static boolean divCheck(int a, int b) {
        return FloatFastFlags.normal32(Float.intBitsToFloat(a) / Float.intBitsToFloat(b))
                && (a & EXPONENT32) != 0
                && (b & EXPONENT32) != 0;
    }

    private static boolean sqrtCheck(int a) {
        return a >= Float.floatToRawIntBits(Float.MIN_NORMAL) && a < EXPONENT32;
    }

    /**
     * The slow paths, {@link FloatFastPath}'s methods as calls: the launcher keeps this class out of the regions
     * ({@code dontinline}), so that a region's slow side is a call, not FloatFastPath's code inlined again.
     */
    public static final class Fallback {
        private Fallback() {}

        static long add64(long a, long b, long env) {
            return FloatFastPath.add64(a, b, env);
        }

        static long sub64(long a, long b, long env) {
            return FloatFastPath.sub64(a, b, env);
        }

        static long mul64(long a, long b, long env) {
            return FloatFastPath.mul64(a, b, env);
        }

        static long div64(long a, long b, long env) {
            return FloatFastPath.div64(a, b, env);
        }

        static long sqrt64(long a, long env) {
            return FloatFastPath.sqrt64(a, env);
        }

        static long add32(long a, long b, long env) {
            return FloatFastPath.add32(a, b, env);
        }

        static long sub32(long a, long b, long env) {
            return FloatFastPath.sub32(a, b, env);
        }

        static long mul32(long a, long b, long env) {
            return FloatFastPath.mul32(a, b, env);
        }

        static long div32(long a, long b, long env) {
            return FloatFastPath.div32(a, b, env);
        }

        static long sqrt32(long a, long env) {
            return FloatFastPath.sqrt32(a, env);
        }

        static long add32x2(long a, long b, long env) {
            return FloatFastPath.add32x2(a, b, env);
        }

        static long sub32x2(long a, long b, long env) {
            return FloatFastPath.sub32x2(a, b, env);
        }

        static long mul32x2(long a, long b, long env) {
            return FloatFastPath.mul32x2(a, b, env);
        }

        static long div32x2(long a, long b, long env) {
            return FloatFastPath.div32x2(a, b, env);
        }

        static long sqrt32x2(long a, long env) {
            return FloatFastPath.sqrt32x2(a, env);
        }

        public static int addFlags32x2(long a, long b, long env) {
            return FloatFastPath.addFlags32x2(a, b, env);
        }

        public static int subFlags32x2(long a, long b, long env) {
            return FloatFastPath.subFlags32x2(a, b, env);
        }

        public static int mulFlags32x2(long a, long b, long env) {
            return FloatFastPath.mulFlags32x2(a, b, env);
        }

        public static int divFlags32x2(long a, long b, long env) {
            return FloatFastPath.divFlags32x2(a, b, env);
        }

        public static int sqrtFlags32x2(long a, long b, long env) {
            return FloatFastPath.sqrtFlags32x2(a, b, env);
        }
    }
}
