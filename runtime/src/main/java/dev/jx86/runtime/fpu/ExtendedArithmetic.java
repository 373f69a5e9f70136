package dev.jx86.runtime.fpu;

import java.math.BigInteger;

/**
 * The x87's basic arithmetic on {@link Extended} values (SDM Vol. 1 8.3.5, 4.8.3): add, subtract, multiply, divide
 * and square root computed exactly in integers and rounded once to the precision control's significand width, with
 * the x87's rules for special operands: unsupported encodings and signaling NaNs are invalid (IE), two NaNs give the
 * one with the larger significand (the positive one if equal), a masked invalid operation gives the real
 * indefinite, a denormal operand raises DE.
 */
public final class ExtendedArithmetic {
    private ExtendedArithmetic() {}

    public static Extended add(FpuContext c, Extended a, Extended b, int precision) {
        Extended special = nanOrInvalid(c, a, b);
        if (special != null) {
            return special;
        }
        denormalOperands(c, a, b);
        if (a.isInfinity() || b.isInfinity()) {
            if (a.isInfinity() && b.isInfinity() && a.negative() != b.negative()) {
                return invalid(c);
            }
            return a.isInfinity() ? a : b;
        }
        if (a.isZero() && b.isZero()) {
            boolean negative = a.negative() == b.negative() ? a.negative() : c.roundingMode() == FpuContext.DOWN;
            return Extended.zero(negative);
        }
        if (a.isZero() || b.isZero()) {
            Extended x = a.isZero() ? b : a;
            return roundFinite(c, x.negative(), x.unbiasedExponent(), x.normalizedSignificand(), 0, precision);
        }
        return sum(c, a, b, precision);
    }

    public static Extended subtract(FpuContext c, Extended a, Extended b, int precision) {
        if (b.isNaN() || b.isUnsupported()) {
            return add(c, a, b, precision);
        }
        return add(c, a, b.negate(), precision);
    }

    private static Extended sum(FpuContext c, Extended a, Extended b, int precision) {
        int ea = a.unbiasedExponent();
        int eb = b.unbiasedExponent();
        long sa = a.normalizedSignificand();
        long sb = b.normalizedSignificand();
        boolean negative = a.negative();
        boolean subtract = a.negative() != b.negative();
        if (ea < eb || ea == eb && Long.compareUnsigned(sa, sb) < 0) {
            int te = ea;
            ea = eb;
            eb = te;
            long ts = sa;
            sa = sb;
            sb = ts;
            negative = b.negative();
        }
        long ahi = sa >>> 1;
        long alo = sa << 63;
        int d = ea - eb + 1;
        long bhi;
        long blo;
        if (d >= 128) {
            bhi = 0;
            blo = 1;
        } else if (d >= 64) {
            bhi = 0;
            blo = sb >>> (d - 64) | (d > 64 && (sb << (128 - d)) != 0 ? 1 : 0);
        } else {
            bhi = sb >>> d;
            blo = sb << (64 - d);
        }
        long hi;
        long lo;
        if (subtract) {
            lo = alo - blo;
            hi = ahi - bhi - (Long.compareUnsigned(alo, blo) < 0 ? 1 : 0);
            if (hi == 0 && lo == 0) {
                return Extended.zero(c.roundingMode() == FpuContext.DOWN);
            }
        } else {
            lo = alo + blo;
            hi = ahi + bhi + (Long.compareUnsigned(lo, alo) < 0 ? 1 : 0);
        }
        return normalizeAndRound(c, negative, ea + 1, hi, lo, precision);
    }

    public static Extended multiply(FpuContext c, Extended a, Extended b, int precision) {
        Extended special = nanOrInvalid(c, a, b);
        if (special != null) {
            return special;
        }
        boolean negative = a.negative() != b.negative();
        if (a.isInfinity() || b.isInfinity()) {
            if (a.isZero() || b.isZero()) {
                return invalid(c);
            }
            denormalOperands(c, a, b);
            return Extended.infinity(negative);
        }
        denormalOperands(c, a, b);
        if (a.isZero() || b.isZero()) {
            return Extended.zero(negative);
        }
        long sa = a.normalizedSignificand();
        long sb = b.normalizedSignificand();
        long hi = Math.unsignedMultiplyHigh(sa, sb);
        long lo = sa * sb;
        return normalizeAndRound(c, negative, a.unbiasedExponent() + b.unbiasedExponent() + 1, hi, lo, precision);
    }

    public static Extended divide(FpuContext c, Extended a, Extended b, int precision) {
        Extended special = nanOrInvalid(c, a, b);
        if (special != null) {
            return special;
        }
        boolean negative = a.negative() != b.negative();
        if (a.isInfinity()) {
            if (b.isInfinity()) {
                return invalid(c);
            }
            denormalOperands(c, a, b);
            return Extended.infinity(negative);
        }
        if (b.isInfinity()) {
            denormalOperands(c, a, b);
            return Extended.zero(negative);
        }
        if (b.isZero()) {
            if (a.isZero()) {
                return invalid(c);
            }
            c.raise(FpuContext.ZE);
            return Extended.infinity(negative);
        }
        denormalOperands(c, a, b);
        if (a.isZero()) {
            return Extended.zero(negative);
        }
        long sa = a.normalizedSignificand();
        long sb = b.normalizedSignificand();
        int exponent = a.unbiasedExponent() - b.unbiasedExponent();
        long[] r = new long[1];
        long q;
        if (Long.compareUnsigned(sa, sb) < 0) {
            q = Wide.divide(sa, 0, sb, r);
            exponent--;
        } else {
            q = Wide.divide(sa >>> 1, sa << 63, sb, r);
        }
        long q2 = Wide.divide(r[0], 0, sb, r);
        return normalizeAndRound(c, negative, exponent, q, q2 | (r[0] != 0 ? 1 : 0), precision);
    }

    public static Extended sqrt(FpuContext c, Extended a, int precision) {
        Extended special = nanOrInvalid(c, a);
        if (special != null) {
            return special;
        }
        if (a.isZero()) {
            return a;
        }
        if (a.negative()) {
            return invalid(c);
        }
        if (a.isInfinity()) {
            return a;
        }
        denormalOperands(c, a, a);
        // sqrt(sig * 2^(e-63)) = sqrt(N) * 2^s with N = sig * 2^64 or 2^63 (whichever makes s whole), N in
        // [2^126, 2^128): its integer root has 64 bits, and the remainder gives the round and sticky bits.
        long sig = a.normalizedSignificand();
        int scaled = a.unbiasedExponent() - 63;
        boolean odd = (scaled & 1) != 0;
        long hi = odd ? sig >>> 1 : sig;
        long lo = odd ? sig << 63 : 0;
        int s = (scaled - (odd ? 63 : 64)) / 2;
        long r = Wide.squareRoot(hi, lo);
        long remainderHi = hi - Math.unsignedMultiplyHigh(r, r) - (Long.compareUnsigned(lo, r * r) < 0 ? 1 : 0);
        long remainderLo = lo - r * r;
        // N lies above (r + 1/2)^2 = r^2 + r + 1/4 exactly when the remainder exceeds r.
        boolean above = remainderHi != 0 || Long.compareUnsigned(remainderLo, r) > 0;
        boolean sticky = remainderHi != 0 || remainderLo != 0;
        long tail = (above ? Long.MIN_VALUE : 0) | (sticky ? 1 : 0);
        return roundFinite(c, false, 63 + s, r, tail, precision);
    }

    /** The eight bytes of {@code v}, most significant first (for {@link BigInteger}). */
    static byte[] bytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }

    // ---- shared steps

    /** Shifts hi:lo (bit 127 worth 2^{@code exponent}) so its leading one is bit 127, then rounds it. */
    static Extended normalizeAndRound(FpuContext c, boolean negative, int exponent, long hi, long lo, int precision) {
        int z = Wide.leadingZeros(hi, lo);
        if (z >= 64) {
            hi = lo << (z - 64);
            lo = 0;
        } else if (z > 0) {
            hi = hi << z | lo >>> (64 - z);
            lo <<= z;
        }
        return roundFinite(c, negative, exponent - z, hi, lo, precision);
    }

    /** Rounds an exact result with its leading one at bit 127 of hi:lo onto the register stack. */
    static Extended roundFinite(FpuContext c, boolean negative, int exponent, long hi, long lo, int precision) {
        return Rounding.round(c, negative, exponent, hi, lo, precision, Format.EXTENDED, true)
                .toExtended();
    }

    /** {@code x} in its canonical encoding: a pseudo-denormal becomes the normal number of the same value. */
    static Extended canonical(FpuContext c, Extended x) {
        if (!x.isDenormal()) {
            return x;
        }
        return roundFinite(c, x.negative(), x.unbiasedExponent(), x.normalizedSignificand(), 0, 64);
    }

    /** The masked response to an invalid operation: IE and the real indefinite. */
    static Extended invalid(FpuContext c) {
        c.raise(FpuContext.IE);
        return Extended.INDEFINITE;
    }

    static void denormalOperands(FpuContext c, Extended a, Extended b) {
        if (a.isDenormal() || b.isDenormal() || c.hasDenormalOperand()) {
            c.raise(FpuContext.DE);
        }
    }

    /** The result when an operand is a NaN or unsupported, else null. */
    static Extended nanOrInvalid(FpuContext c, Extended a) {
        if (a.isUnsupported()) {
            return invalid(c);
        }
        if (!a.isNaN()) {
            return null;
        }
        if (a.isSignaling()) {
            c.raise(FpuContext.IE);
        }
        return a.quiet();
    }

    /** The result of a two-operand operation when an operand is a NaN or unsupported (SDM table 4-7), else null. */
    static Extended nanOrInvalid(FpuContext c, Extended a, Extended b) {
        if (a.isUnsupported() || b.isUnsupported()) {
            return invalid(c);
        }
        boolean an = a.isNaN();
        boolean bn = b.isNaN();
        if (!an && !bn) {
            return null;
        }
        if (a.isSignaling() || b.isSignaling()) {
            c.raise(FpuContext.IE);
        }
        if (an && bn) {
            return largerNaN(a, b).quiet();
        }
        return (an ? a : b).quiet();
    }

    private static Extended largerNaN(Extended a, Extended b) {
        if (a.isSignaling() != b.isSignaling()) {
            return a.isSignaling() ? b : a;
        }
        int order = Long.compareUnsigned(a.significand(), b.significand());
        if (order != 0) {
            return order > 0 ? a : b;
        }
        return a.negative() ? b : a;
    }
}
