package dev.jx86.runtime.fpu;

import java.math.BigInteger;

/**
 * A binary floating-point number of {@link #PRECISION} bits for the transcendental functions: {@code mantissa *
 * 2^exponent}, every operation truncated to the precision, so a chain of a few hundred operations stays within
 * 2^-180 of the exact value relative to it, far below the last bit of an extended result.
 */
record BigFloat(BigInteger mantissa, int exponent) {
    static final int PRECISION = 128;

    static final BigFloat ZERO = new BigFloat(BigInteger.ZERO, 0);
    static final BigFloat ONE = new BigFloat(BigInteger.ONE, 0);
    static final BigFloat TWO = new BigFloat(BigInteger.TWO, 0);

    /** Pi, from its first 256 bits. */
    static final BigFloat PI = hex("c90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22", -254);

    /** The natural logarithm of 2, from its first 256 bits. */
    static final BigFloat LN2 = hex("b17217f7d1cf79abc9e3b39803f2f6af40f343267298b62d8a0d175b8baafa2b", -256);

    private static BigFloat hex(String digits, int exponent) {
        return new BigFloat(new BigInteger(digits, 16), exponent).trim();
    }

    /** The exact value of a finite extended number. */
    static BigFloat of(Extended x) {
        if (x.isZero()) {
            return ZERO;
        }
        BigInteger m = new BigInteger(1, ExtendedArithmetic.bytes(x.normalizedSignificand()));
        return new BigFloat(x.negative() ? m.negate() : m, x.unbiasedExponent() - 63);
    }

    static BigFloat of(long value) {
        return new BigFloat(BigInteger.valueOf(value), 0);
    }

    int signum() {
        return mantissa.signum();
    }

    /** The exponent of the leading bit (floor(log2|x|)); meaningless for zero. */
    int magnitude() {
        return exponent + mantissa.bitLength() - 1;
    }

    /** Whether |this| is below 2^{@code e} (zero is). */
    boolean below(int e) {
        return signum() == 0 || magnitude() < e;
    }

    BigFloat negate() {
        return new BigFloat(mantissa.negate(), exponent);
    }

    BigFloat abs() {
        return signum() < 0 ? negate() : this;
    }

    BigFloat scale(int power) {
        return new BigFloat(mantissa, exponent + power);
    }

    /** The exact product, not truncated (the argument reductions need every bit). */
    BigFloat multiplyExactly(BigFloat o) {
        return new BigFloat(mantissa.multiply(o.mantissa), exponent + o.exponent);
    }

    BigFloat multiply(BigFloat o) {
        return new BigFloat(mantissa.multiply(o.mantissa), exponent + o.exponent).trim();
    }

    BigFloat add(BigFloat o) {
        if (signum() == 0) {
            return o;
        }
        if (o.signum() == 0) {
            return this;
        }
        int e = Math.min(exponent, o.exponent);
        // Operands far apart: the smaller is below the precision, keep a sticky trace of it.
        int gap = Math.max(magnitude(), o.magnitude()) - PRECISION - 8;
        if (e < gap) {
            BigFloat a = atLeast(gap);
            BigFloat b = o.atLeast(gap);
            return new BigFloat(a.mantissa.add(b.mantissa), gap).trim();
        }
        BigInteger a = mantissa.shiftLeft(exponent - e);
        BigInteger b = o.mantissa.shiftLeft(o.exponent - e);
        return new BigFloat(a.add(b), e).trim();
    }

    /** This value with its exponent raised to {@code e} (low bits dropped toward zero). */
    private BigFloat atLeast(int e) {
        if (exponent >= e) {
            return new BigFloat(mantissa.shiftLeft(exponent - e), e);
        }
        return new BigFloat(shiftTowardZero(mantissa, e - exponent), e);
    }

    BigFloat subtract(BigFloat o) {
        return add(o.negate());
    }

    BigFloat divide(BigFloat o) {
        int shift = PRECISION + 2 + o.mantissa.bitLength() - mantissa.bitLength();
        BigInteger q = (shift >= 0 ? mantissa.shiftLeft(shift) : mantissa.shiftRight(-shift)).divide(o.mantissa);
        return new BigFloat(q, exponent - o.exponent - shift).trim();
    }

    BigFloat divide(long small) {
        return divide(of(small));
    }

    BigFloat sqrt() {
        int shift = 2 * PRECISION + 4 - mantissa.bitLength();
        if ((exponent - shift & 1) != 0) {
            shift++;
        }
        BigInteger root = mantissa.shiftLeft(shift).sqrt();
        return new BigFloat(root, (exponent - shift) / 2).trim();
    }

    /**
     * This value truncated toward zero to the precision. No sticky bit here (it would cost more than the rest of the
     * arithmetic): {@link #round} treats every inexact result as lying beyond its last bit, which truncation makes
     * true; only a term dropped whole from a sum ({@link #add}) keeps a trace of its sign.
     */
    private BigFloat trim() {
        int excess = mantissa.bitLength() - PRECISION;
        if (excess <= 0) {
            return this;
        }
        BigInteger m =
                mantissa.signum() < 0 ? mantissa.negate().shiftRight(excess).negate() : mantissa.shiftRight(excess);
        return new BigFloat(m, exponent + excess);
    }

    /**
     * {@code m} shifted right by {@code bits} toward zero, with its lowest bit set if any bit was lost ("jamming"):
     * an inexact value never looks exact, and a tiny term added to a large sum still moves it to the correct side
     * of every rounding boundary above its precision.
     */
    private static BigInteger shiftTowardZero(BigInteger m, int bits) {
        BigInteger magnitude = m.abs();
        BigInteger shifted = magnitude.shiftRight(bits);
        if (magnitude.getLowestSetBit() < bits && magnitude.signum() != 0) {
            shifted = shifted.setBit(0);
        }
        return m.signum() < 0 ? shifted.negate() : shifted;
    }

    /** The integer nearest to this value (ties away from zero). */
    BigInteger roundToInteger() {
        if (exponent >= 0) {
            return mantissa.shiftLeft(exponent);
        }
        BigInteger twice = mantissa.signum() < 0
                ? mantissa.negate().shiftRight(-exponent - 1).negate()
                : mantissa.shiftRight(-exponent - 1);
        BigInteger rounded = twice.abs().add(BigInteger.ONE).shiftRight(1);
        return twice.signum() < 0 ? rounded.negate() : rounded;
    }

    /**
     * This value rounded onto the register stack: {@code exact} says whether it is the exact result; otherwise it is
     * treated as having nonzero bits below its last (a transcendental value is never a rounding tie).
     */
    Extended round(FpuContext c, boolean exact) {
        if (signum() == 0) {
            return Extended.POSITIVE_ZERO;
        }
        BigInteger m = mantissa.abs();
        int bits = m.bitLength();
        BigInteger top = bits >= 128 ? m.shiftRight(bits - 128) : m.shiftLeft(128 - bits);
        boolean sticky = !exact || bits > 128 && m.getLowestSetBit() < bits - 128;
        long hi = top.shiftRight(64).longValue();
        long lo = top.longValue() | (sticky ? 1 : 0);
        return ExtendedArithmetic.roundFinite(c, signum() < 0, exponent + bits - 1, hi, lo, 64);
    }
}
