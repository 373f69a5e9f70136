package dev.jx86.runtime.fpu;

/**
 * Conversions between the x87 registers' extended format and the memory formats FLD, FILD, FBLD, FST, FIST(T)
 * and FBSTP use (SDM Vol. 1 4.2, 4.7, 8.5): binary32 and binary64 (rounded in the context's mode, NaN payloads
 * kept), 16/32/64-bit integers (out-of-range and NaN give the integer indefinite under a masked IE) and 18-digit
 * packed BCD.
 */
public final class Conversions {
    private Conversions() {}

    /** FLD m32fp: the binary32 {@code bits} as an extended value, exact; a signaling NaN raises IE and is quieted. */
    public static Extended fromSingle(FpuContext c, int bits) {
        return loaded(c, singleOperand(c, bits));
    }

    /** FLD m64fp: the binary64 {@code bits} as an extended value. */
    public static Extended fromDouble(FpuContext c, long bits) {
        return loaded(c, doubleOperand(c, bits));
    }

    private static Extended loaded(FpuContext c, Extended x) {
        if (x.isSignaling()) {
            c.raise(FpuContext.IE);
            return x.quiet();
        }
        if (c.hasDenormalOperand()) {
            c.raise(FpuContext.DE);
        }
        return x;
    }

    /**
     * A binary32 arithmetic operand (FADD m32fp...) widened to extended as it is: a signaling NaN stays signaling and
     * a denormal is recorded in the context ({@link FpuContext#denormalOperand()}), for the operation to judge.
     */
    public static Extended singleOperand(FpuContext c, int bits) {
        return fromBinary(c, bits >>> 31 != 0, bits >>> 23 & 0xff, (long) (bits & 0x7f_ffff) << 40, Format.SINGLE);
    }

    /** A binary64 arithmetic operand widened to extended as it is (see {@link #singleOperand}). */
    public static Extended doubleOperand(FpuContext c, long bits) {
        return fromBinary(c, bits < 0, (int) (bits >>> 52 & 0x7ff), (bits & (1L << 52) - 1) << 11, Format.DOUBLE);
    }

    /** A binary format's fields (the fraction shifted so its top bit is bit 62) widened to extended. */
    private static Extended fromBinary(FpuContext c, boolean negative, int biased, long fraction, Format f) {
        int sign = negative ? 0x8000 : 0;
        if (biased == f.maxBiased()) {
            if (fraction == 0) {
                return Extended.infinity(negative);
            }
            return new Extended(sign | Extended.MAX_EXPONENT, Extended.INTEGER_BIT | fraction);
        }
        if (biased == 0) {
            if (fraction == 0) {
                return Extended.zero(negative);
            }
            c.denormalOperand();
            int shift = Long.numberOfLeadingZeros(fraction);
            return new Extended(sign | (f.minExponent() - shift + Extended.BIAS), fraction << shift);
        }
        return new Extended(sign | (biased - f.maxExponent() + Extended.BIAS), Extended.INTEGER_BIT | fraction);
    }

    /** The integer {@code value} as an extended value (always exact). */
    public static Extended fromInteger(long value) {
        if (value == 0) {
            return Extended.POSITIVE_ZERO;
        }
        boolean negative = value < 0;
        long magnitude = negative ? -value : value;
        int shift = Long.numberOfLeadingZeros(magnitude);
        return new Extended((negative ? 0x8000 : 0) | (Extended.BIAS + 63 - shift), magnitude << shift);
    }

    /** {@code x} rounded to binary32 (FST m32fp); with an unmasked OE/UE/IE the caller must not store. */
    public static int toSingle(FpuContext c, Extended x) {
        return (int) toBinary(c, x, Format.SINGLE);
    }

    /** {@code x} rounded to binary64 (FST m64fp). */
    public static long toDouble(FpuContext c, Extended x) {
        return toBinary(c, x, Format.DOUBLE);
    }

    private static long toBinary(FpuContext c, Extended x, Format f) {
        boolean single = f == Format.SINGLE;
        Rounded r = switch (x.kind()) {
            case ZERO -> new Rounded(x.negative(), 0, 0);
            case INFINITY -> new Rounded(x.negative(), f.maxBiased(), Extended.INTEGER_BIT);
            case QUIET_NAN, SIGNALING_NAN -> {
                if (x.isSignaling()) {
                    c.raise(FpuContext.IE);
                }
                yield new Rounded(x.negative(), f.maxBiased(), x.significand() | Extended.QUIET_BIT);
            }
            case UNSUPPORTED -> {
                c.raise(FpuContext.IE);
                yield new Rounded(true, f.maxBiased(), Extended.INDEFINITE.significand());
            }
            case NORMAL, DENORMAL -> {
                yield Rounding.round(
                        c, x.negative(), x.unbiasedExponent(), x.normalizedSignificand(), 0, f.precision(), f, false);
            }
        };
        return single ? r.toSingle() & 0xffff_ffffL : r.toDouble();
    }

    /**
     * {@code x} rounded to a {@code bytes}-byte signed integer (no DE for a denormal: the stores raise none) (FIST: the context's rounding mode; FISTTP:
     * {@code truncate}). NaN, infinity and values out of range raise IE and give the integer indefinite. The result
     * is sign-extended to 64 bits.
     */
    public static long toInteger(FpuContext c, Extended x, int bytes, boolean truncate) {
        Extended.Kind kind = x.kind();
        if (kind == Extended.Kind.ZERO) {
            return 0;
        }
        if (kind != Extended.Kind.NORMAL && kind != Extended.Kind.DENORMAL) {
            return outOfRange(c, bytes);
        }
        int e = x.unbiasedExponent();
        if (e >= 64) {
            return outOfRange(c, bytes);
        }
        FpuContext rounding = new FpuContext(c.control());
        int mode = truncate ? FpuContext.TOWARD_ZERO : c.roundingMode();
        long magnitude = integral(rounding, x.negative(), e, x.normalizedSignificand(), mode);
        long limit = 1L << (8 * bytes - 1);
        boolean overflowed = magnitude == 0 && rounding.roundedUp();
        int order = Long.compareUnsigned(magnitude, limit);
        if (overflowed || (x.negative() ? order > 0 : order >= 0)) {
            return outOfRange(c, bytes);
        }
        c.raise(rounding.flags());
        c.roundedUp(rounding.roundedUp());
        return x.negative() ? -magnitude : magnitude;
    }

    /** IE and the integer indefinite, sign-extended. */
    private static long outOfRange(FpuContext c, int bytes) {
        c.raise(FpuContext.IE);
        c.roundedUp(false);
        return Long.MIN_VALUE >> (64 - 8 * bytes);
    }

    /**
     * The magnitude of a finite value (leading one of {@code significand} at bit 63 worth 2^{@code exponent},
     * {@code exponent} < 64) rounded to an integer in {@code mode}: PE if inexact and C1 if rounded up. A result of
     * 2^64 comes back as 0 with C1 set.
     */
    static long integral(FpuContext c, boolean negative, int exponent, long significand, int mode) {
        int shift = 63 - exponent;
        if (shift <= 0) {
            c.roundedUp(false);
            return significand;
        }
        long kept = shift >= 64 ? 0 : significand >>> shift;
        boolean round = shift <= 64 && (significand >>> (shift - 1) & 1) != 0;
        boolean sticky = shift > 64 || shift > 1 && (significand & ((1L << (shift - 1)) - 1)) != 0;
        if (shift > 64) {
            round = false;
        }
        boolean up = switch (mode) {
            case FpuContext.NEAREST -> round && (sticky || (kept & 1) != 0);
            case FpuContext.DOWN -> negative && (round || sticky);
            case FpuContext.UP -> !negative && (round || sticky);
            default -> false;
        };
        if (round || sticky) {
            c.raise(FpuContext.PE);
        }
        c.roundedUp(up);
        return up ? kept + 1 : kept;
    }

    /** FRNDINT: {@code x} rounded to an integral value in the context's rounding mode (PE if inexact). */
    public static Extended roundToIntegral(FpuContext c, Extended x) {
        Extended special = ExtendedArithmetic.nanOrInvalid(c, x);
        if (special != null) {
            return special;
        }
        if (x.isZero() || x.isInfinity()) {
            return x;
        }
        if (x.isDenormal()) {
            c.raise(FpuContext.DE);
        }
        int e = x.unbiasedExponent();
        if (e >= 63) {
            return x;
        }
        long magnitude = integral(c, x.negative(), e, x.normalizedSignificand(), c.roundingMode());
        if (magnitude == 0) {
            return c.roundedUp() ? fromUnsigned(x.negative(), 0) : Extended.zero(x.negative());
        }
        return fromUnsigned(x.negative(), magnitude);
    }

    /** An unsigned 64-bit magnitude with a sign as an extended value (0 stands for 2^64). */
    private static Extended fromUnsigned(boolean negative, long magnitude) {
        int sign = negative ? 0x8000 : 0;
        if (magnitude == 0) {
            return new Extended(sign | (Extended.BIAS + 64), Extended.INTEGER_BIT);
        }
        int shift = Long.numberOfLeadingZeros(magnitude);
        return new Extended(sign | (Extended.BIAS + 63 - shift), magnitude << shift);
    }

    /**
     * A positive constant given by its first 128 bits (the leading one at bit 127 worth 2^{@code exponent}) rounded to
     * 64 bits in the context's rounding mode, the bits beyond counted as nonzero (FLDPI, FLDL2E...).
     */
    public static Extended roundConstant(FpuContext c, int exponent, long hi, long lo) {
        return ExtendedArithmetic.roundFinite(c, false, exponent, hi, lo | 1, 64);
    }

    /** The value of an 80-bit packed BCD integer (18 digits in {@code low} and the low byte of {@code high}). */
    public static Extended fromBcd(long low, int high) {
        long value = 0;
        for (int i = 1; i >= 0; i--) {
            value = value * 10 + (high >>> 4 * i & 0xf);
        }
        for (int i = 15; i >= 0; i--) {
            value = value * 10 + (low >>> 4 * i & 0xf);
        }
        Extended x = fromInteger(value);
        return (high & 0x8000) != 0 ? x.withSign(true) : x;
    }

    /** The packed BCD indefinite FBSTP stores for a masked IE: 0xffff c000 0000 0000 0000. */
    public static final long BCD_INDEFINITE_LOW = 0xc000_0000_0000_0000L;

    public static final int BCD_INDEFINITE_HIGH = 0xffff;

    /**
     * FBSTP: {@code x} rounded to an integer in the context's mode as 18 packed BCD digits, the low 8 bytes in
     * {@code out[0]} and the top 2 (sign in bit 15) in {@code out[1]}; NaN, infinity and |x| >= 10^18 raise IE and
     * give the BCD indefinite.
     */
    public static void toBcd(FpuContext c, Extended x, long[] out) {
        long magnitude = 0;
        boolean valid = true;
        Extended.Kind kind = x.kind();
        if (kind == Extended.Kind.NORMAL || kind == Extended.Kind.DENORMAL) {
            int e = x.unbiasedExponent();
            valid = e < 60;
            if (valid) {
                FpuContext rounding = new FpuContext(c.control());
                magnitude = integral(rounding, x.negative(), e, x.normalizedSignificand(), c.roundingMode());
                valid = magnitude < 1_000_000_000_000_000_000L;
                if (valid) {
                    c.raise(rounding.flags());
                    c.roundedUp(rounding.roundedUp());
                }
            }
        } else if (kind != Extended.Kind.ZERO) {
            valid = false;
        }
        if (!valid) {
            c.raise(FpuContext.IE);
            c.roundedUp(false);
            out[0] = BCD_INDEFINITE_LOW;
            out[1] = BCD_INDEFINITE_HIGH;
            return;
        }
        long low = 0;
        for (int i = 0; i < 16; i++) {
            low |= (magnitude % 10) << 4 * i;
            magnitude /= 10;
        }
        long high = magnitude % 10 | (magnitude / 10 % 10) << 4;
        out[0] = low;
        out[1] = high | (x.negative() ? 0x8000 : 0);
    }
}
