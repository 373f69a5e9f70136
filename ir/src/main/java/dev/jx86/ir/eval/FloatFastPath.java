package dev.jx86.ir.eval;

import static dev.jx86.ir.FloatEnvironment.CONTROLS;
import static dev.jx86.ir.FloatEnvironment.INEXACT;

import dev.jx86.ir.FloatEnvironment;
import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;

/**
 * The arithmetic float ops (add, subtract, multiply, divide, square root) and their exception flags on the host's
 * own arithmetic, for the compiled tier: where the environment is IEEE's default ({@code (env & 0xe040) == 0}: round
 * to nearest, no flush-to-zero, no denormals-are-zero) Java's {@code double} and {@code float} operations are exactly
 * the x86 ones, except for which NaN they return. Flags: once precision is a settled flag (set and masked, as after
 * the first inexact result), a normal finite result from operands that are not denormal raised nothing that can
 * change MXCSR, and the flags (those not settled) are 0 (a few compares, inlined into the regions); other cases go to
 * {@link FloatFastFlags} (TwoSum, fma) and from there to the reference. Everything else — a NaN result, a directed rounding mode, denormal operands, results near underflow or overflow —
 * goes to {@link FloatSemantics} and {@link FloatExceptions}, the reference, so the results are theirs bit for bit
 * (FloatFastPathTest compares them). Methods named {@code ...32x2} work on two binary32 lanes packed in a long, the
 * half of an f32x4 vector. The flags of integer-to-float conversions need no environment at all.
 */
public final class FloatFastPath {
    private FloatFastPath() {}

    static final long LOW = 0xffff_ffffL;

    /**
     * The MXCSR bits that decide whether the short flags test applies: the controls (round to nearest, no FTZ, no
     * DAZ) and precision's flag and mask, which must both be set ({@link #QUIET}).
     */
    static final long QUIET_MASK = CONTROLS | INEXACT | INEXACT << FloatEnvironment.MASK_SHIFT;

    static final long QUIET = INEXACT | INEXACT << FloatEnvironment.MASK_SHIFT;

    static final long EXPONENT64 = 0x7ff0_0000_0000_0000L;
    static final int EXPONENT32 = 0x7f80_0000;

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

    /** MINSD: a if a is less than b, else b (b when either is a NaN, or both are zeros); DAZ
     * reads denormals as zeros first. */
    public static long min64(long a, long b, long env) {
        if ((env & FloatEnvironment.DENORMALS_ARE_ZERO) == 0) {
            return Double.longBitsToDouble(a) < Double.longBitsToDouble(b) ? a : b;
        }
        return FloatSemantics.binary(Op.FMIN, Type.I64, a, b, env);
    }

    /** MAXSD: a if a is greater than b, else b. */
    public static long max64(long a, long b, long env) {
        if ((env & FloatEnvironment.DENORMALS_ARE_ZERO) == 0) {
            return Double.longBitsToDouble(a) > Double.longBitsToDouble(b) ? a : b;
        }
        return FloatSemantics.binary(Op.FMAX, Type.I64, a, b, env);
    }

    // ---- the flags of binary64 operations (fexcept's value: docs/ir.md) where precision is a settled flag, the
    // state of MXCSR after the first inexact result: a result that is normal and finite from operands that are not
    // denormal raised nothing else, so no flag that is not settled: 0. The rest is FloatFastFlags's.

    public static int addFlags64(long a, long b, long env) {
        if ((env & QUIET_MASK) == QUIET) {
            double s = Math.abs(Double.longBitsToDouble(a) + Double.longBitsToDouble(b));
            if (s > Double.MIN_NORMAL && s < Double.MAX_VALUE && notDenormal64(a) && notDenormal64(b)) {
                return 0;
            }
        }
        return FloatFastFlags.addFlags64(a, b, env);
    }

    public static int subFlags64(long a, long b, long env) {
        if ((env & QUIET_MASK) == QUIET) {
            double s = Math.abs(Double.longBitsToDouble(a) - Double.longBitsToDouble(b));
            if (s > Double.MIN_NORMAL && s < Double.MAX_VALUE && notDenormal64(a) && notDenormal64(b)) {
                return 0;
            }
        }
        return FloatFastFlags.subFlags64(a, b, env);
    }

    /** A normal finite product has non-zero operands, so an exponent field of 0 is a denormal. */
    public static int mulFlags64(long a, long b, long env) {
        if ((env & QUIET_MASK) == QUIET) {
            double s = Math.abs(Double.longBitsToDouble(a) * Double.longBitsToDouble(b));
            if (s > Double.MIN_NORMAL && s < Double.MAX_VALUE && (a & EXPONENT64) != 0 && (b & EXPONENT64) != 0) {
                return 0;
            }
        }
        return FloatFastFlags.mulFlags64(a, b, env);
    }

    /** A normal finite quotient has non-zero finite operands (no divide-by-zero either). */
    public static int divFlags64(long a, long b, long env) {
        if ((env & QUIET_MASK) == QUIET) {
            double s = Math.abs(Double.longBitsToDouble(a) / Double.longBitsToDouble(b));
            if (s > Double.MIN_NORMAL && s < Double.MAX_VALUE && (a & EXPONENT64) != 0 && (b & EXPONENT64) != 0) {
                return 0;
            }
        }
        return FloatFastFlags.divFlags64(a, b, env);
    }

    /** The root of a positive normal finite number is one, and raises at most inexact. */
    public static int sqrtFlags64(long a, long b, long env) {
        if ((env & QUIET_MASK) == QUIET && a >= Double.doubleToRawLongBits(Double.MIN_NORMAL) && a < EXPONENT64) {
            return 0;
        }
        return FloatFastFlags.sqrtFlags64(a, b, env);
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

    public static long min32(long a, long b, long env) {
        if ((env & FloatEnvironment.DENORMALS_ARE_ZERO) == 0) {
            return Float.intBitsToFloat((int) a) < Float.intBitsToFloat((int) b) ? a : b;
        }
        return FloatSemantics.binary(Op.FMIN, Type.I32, a, b, env);
    }

    public static long max32(long a, long b, long env) {
        if ((env & FloatEnvironment.DENORMALS_ARE_ZERO) == 0) {
            return Float.intBitsToFloat((int) a) > Float.intBitsToFloat((int) b) ? a : b;
        }
        return FloatSemantics.binary(Op.FMAX, Type.I32, a, b, env);
    }

    /**
     * The flags of a quiet compare (UCOMISD, CMPEQSD...; a signaling compare or MIN/MAX below): with no NaN and no
     * denormal operand (DAZ or not, in any rounding mode) nothing is raised: 0.
     */
    public static int compareQuietFlags64(long a, long b, long env) {
        if (plain64(a) && plain64(b)) {
            return 0;
        }
        return FloatExceptions.fexcept(FloatOperation.COMPARE_QUIET, Type.I64, a, b, env);
    }

    public static int compareSignalingFlags64(long a, long b, long env) {
        if (plain64(a) && plain64(b)) {
            return 0;
        }
        return FloatExceptions.fexcept(FloatOperation.COMPARE_SIGNALING, Type.I64, a, b, env);
    }

    // ---- binary32 flags, as the binary64 ones

    public static int addFlags32(long a, long b, long env) {
        if ((env & QUIET_MASK) == QUIET) {
            float s = Math.abs(Float.intBitsToFloat((int) a) + Float.intBitsToFloat((int) b));
            if (s > Float.MIN_NORMAL && s < Float.MAX_VALUE && notDenormal32(a) && notDenormal32(b)) {
                return 0;
            }
        }
        return FloatFastFlags.addFlags32(a, b, env);
    }

    public static int subFlags32(long a, long b, long env) {
        if ((env & QUIET_MASK) == QUIET) {
            float s = Math.abs(Float.intBitsToFloat((int) a) - Float.intBitsToFloat((int) b));
            if (s > Float.MIN_NORMAL && s < Float.MAX_VALUE && notDenormal32(a) && notDenormal32(b)) {
                return 0;
            }
        }
        return FloatFastFlags.subFlags32(a, b, env);
    }

    public static int mulFlags32(long a, long b, long env) {
        if ((env & QUIET_MASK) == QUIET) {
            float s = Math.abs(Float.intBitsToFloat((int) a) * Float.intBitsToFloat((int) b));
            if (s > Float.MIN_NORMAL && s < Float.MAX_VALUE && (a & EXPONENT32) != 0 && (b & EXPONENT32) != 0) {
                return 0;
            }
        }
        return FloatFastFlags.mulFlags32(a, b, env);
    }

    public static int divFlags32(long a, long b, long env) {
        if ((env & QUIET_MASK) == QUIET) {
            float s = Math.abs(Float.intBitsToFloat((int) a) / Float.intBitsToFloat((int) b));
            if (s > Float.MIN_NORMAL && s < Float.MAX_VALUE && (a & EXPONENT32) != 0 && (b & EXPONENT32) != 0) {
                return 0;
            }
        }
        return FloatFastFlags.divFlags32(a, b, env);
    }

    public static int sqrtFlags32(long a, long b, long env) {
        int x = (int) a;
        if ((env & QUIET_MASK) == QUIET && x >= Float.floatToRawIntBits(Float.MIN_NORMAL) && x < EXPONENT32) {
            return 0;
        }
        return FloatFastFlags.sqrtFlags32(a, b, env);
    }

    public static int compareQuietFlags32(long a, long b, long env) {
        if (plain32(a) && plain32(b)) {
            return 0;
        }
        return FloatExceptions.fexcept(FloatOperation.COMPARE_QUIET, Type.I32, a, b, env);
    }

    public static int compareSignalingFlags32(long a, long b, long env) {
        if (plain32(a) && plain32(b)) {
            return 0;
        }
        return FloatExceptions.fexcept(FloatOperation.COMPARE_SIGNALING, Type.I32, a, b, env);
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

    public static int compareQuietFlags32x2(long a, long b, long env) {
        return compareQuietFlags32(a & LOW, b & LOW, env) | compareQuietFlags32(a >>> 32, b >>> 32, env);
    }

    public static int compareSignalingFlags32x2(long a, long b, long env) {
        return compareSignalingFlags32(a & LOW, b & LOW, env) | compareSignalingFlags32(a >>> 32, b >>> 32, env);
    }

    // ---- float to integer conversions (FPTOSI truncates; its flags, fexcept.to_int*, get the source and the source
    // already rounded to an integral value): in range, the host's truncation is x86's, and the only flag is inexact

    public static long doubleToInt64(long a) {
        double d = Double.longBitsToDouble(a);
        return Math.abs(d) < 0x1p63 ? (long) d : FloatSemantics.toSigned(Type.I64, Type.I64, a);
    }

    public static long doubleToInt32(long a) {
        double d = Double.longBitsToDouble(a);
        return Math.abs(d) < 0x1p31 ? (int) d & LOW : FloatSemantics.toSigned(Type.I64, Type.I32, a);
    }

    public static long singleToInt64(long a) {
        float f = Float.intBitsToFloat((int) a);
        return Math.abs(f) < 0x1p63f ? (long) f : FloatSemantics.toSigned(Type.I32, Type.I64, a);
    }

    public static long singleToInt32(long a) {
        float f = Float.intBitsToFloat((int) a);
        return Math.abs(f) < 0x1p31f ? (int) f & LOW : FloatSemantics.toSigned(Type.I32, Type.I32, a);
    }

    public static int toInt64Flags64(long a, long b, long env) {
        double r = Double.longBitsToDouble(b);
        if (Math.abs(r) < 0x1p63 && plain64(a) && plain64(b)) {
            return FloatEnvironment.notSettled(env, ((double) (long) r == Double.longBitsToDouble(a) ? 0 : INEXACT));
        }
        return FloatExceptions.fexcept(FloatOperation.TO_INT64, Type.I64, a, b, env);
    }

    public static int toInt32Flags64(long a, long b, long env) {
        double r = Double.longBitsToDouble(b);
        if (Math.abs(r) < 0x1p31 && plain64(a) && plain64(b)) {
            return FloatEnvironment.notSettled(env, ((double) (long) r == Double.longBitsToDouble(a) ? 0 : INEXACT));
        }
        return FloatExceptions.fexcept(FloatOperation.TO_INT32, Type.I64, a, b, env);
    }

    public static int toInt64Flags32(long a, long b, long env) {
        float r = Float.intBitsToFloat((int) b);
        if (Math.abs(r) < 0x1p63f && plain32(a) && plain32(b)) {
            return FloatEnvironment.notSettled(env, ((float) (long) r == Float.intBitsToFloat((int) a) ? 0 : INEXACT));
        }
        return FloatExceptions.fexcept(FloatOperation.TO_INT64, Type.I32, a, b, env);
    }

    public static int toInt32Flags32(long a, long b, long env) {
        float r = Float.intBitsToFloat((int) b);
        if (Math.abs(r) < 0x1p31f && plain32(a) && plain32(b)) {
            return FloatEnvironment.notSettled(env, ((float) (long) r == Float.intBitsToFloat((int) a) ? 0 : INEXACT));
        }
        return FloatExceptions.fexcept(FloatOperation.TO_INT32, Type.I32, a, b, env);
    }

    public static int toInt64Flags32x2(long a, long b, long env) {
        return toInt64Flags32(a & LOW, b & LOW, env) | toInt64Flags32(a >>> 32, b >>> 32, env);
    }

    public static int toInt32Flags32x2(long a, long b, long env) {
        return toInt32Flags32(a & LOW, b & LOW, env) | toInt32Flags32(a >>> 32, b >>> 32, env);
    }

    // ---- integer to float conversions: round to nearest is the host's; the other modes go to the reference

    public static long fromInt64ToDouble(long a, long env) {
        if ((env & FloatEnvironment.ROUNDING_MASK) == 0) {
            return Double.doubleToRawLongBits((double) a);
        }
        return FloatSemantics.convert(Op.SITOFP, Type.I64, Type.I64, a, env);
    }

    /** Every i32 is a binary64: no rounding at all. */
    public static long fromInt32ToDouble(long a, long env) {
        return Double.doubleToRawLongBits((double) (int) a);
    }

    public static long fromInt64ToSingle(long a, long env) {
        if ((env & FloatEnvironment.ROUNDING_MASK) == 0) {
            return Float.floatToRawIntBits((float) a) & LOW;
        }
        return FloatSemantics.convert(Op.SITOFP, Type.I64, Type.I32, a, env);
    }

    public static long fromInt32ToSingle(long a, long env) {
        if ((env & FloatEnvironment.ROUNDING_MASK) == 0) {
            return Float.floatToRawIntBits((float) (int) a) & LOW;
        }
        return FloatSemantics.convert(Op.SITOFP, Type.I32, Type.I32, a, env);
    }

    // ---- integer to float conversions' flags: inexact unless the integer survives the round trip (any rounding
    // mode: whether a conversion is exact does not depend on it)

    /** An i32 always fits a binary64. */
    public static int fromInt32ToDoubleFlags(long a, long b, long env) {
        return 0;
    }

    public static int fromInt64ToDoubleFlags(long a, long b, long env) {
        double d = a;
        return FloatEnvironment.notSettled(env, (d != 0x1p63 && (long) d == a ? 0 : INEXACT));
    }

    public static int fromInt32ToSingleFlags(long a, long b, long env) {
        int v = (int) a;
        float f = v;
        return FloatEnvironment.notSettled(env, (f != 0x1p31f && (int) f == v ? 0 : INEXACT));
    }

    public static int fromInt64ToSingleFlags(long a, long b, long env) {
        float f = a;
        return FloatEnvironment.notSettled(env, (f != 0x1p63f && (long) f == a ? 0 : INEXACT));
    }

    /** Not a denormal: a non-zero exponent field, or zero. */
    static boolean notDenormal64(long bits) {
        return (bits & EXPONENT64) != 0 || (bits << 1) == 0;
    }

    private static boolean notDenormal32(long bits) {
        return (bits & EXPONENT32) != 0 || (bits << 33) == 0;
    }

    /** Normal or zero, finite: an exponent field other than 0 and all ones, or a zero. */
    private static boolean plain64(long bits) {
        long exponent = bits & EXPONENT64;
        return exponent != 0 && exponent != EXPONENT64 || (bits << 1) == 0;
    }

    private static boolean plain32(long bits) {
        long exponent = bits & EXPONENT32;
        return exponent != 0 && exponent != EXPONENT32 || (bits << 33) == 0;
    }
}
