package dev.jx86.runtime.fpu;

/**
 * An x87 80-bit extended-precision value as stored: the sign and 15-bit biased exponent ({@code signExponent}, 16
 * bits) and the 64-bit significand with its explicit integer bit. Every bit pattern is a value of some class,
 * including the encodings Intel calls unsupported (pseudo-NaN, pseudo-infinity, unnormal), which operations reject
 * as invalid operands (SDM Vol. 1 8.2.2).
 */
public record Extended(int signExponent, long significand) {
    public static final int BIAS = 16383;
    public static final int MAX_EXPONENT = 0x7fff;
    static final long INTEGER_BIT = 1L << 63;
    static final long QUIET_BIT = 1L << 62;

    public static final Extended POSITIVE_ZERO = new Extended(0, 0);
    public static final Extended NEGATIVE_ZERO = new Extended(0x8000, 0);
    public static final Extended ONE = new Extended(BIAS, INTEGER_BIT);
    public static final Extended POSITIVE_INFINITY = new Extended(MAX_EXPONENT, INTEGER_BIT);

    /** The "real indefinite" QNaN that masked invalid operations return. */
    public static final Extended INDEFINITE = new Extended(0xffff, 0xc000_0000_0000_0000L);

    public Extended {
        signExponent &= 0xffff;
    }

    /** The classes an operand falls into, as FXAM reports them (plus the unsupported encodings). */
    public enum Kind {
        ZERO,
        DENORMAL,
        NORMAL,
        INFINITY,
        QUIET_NAN,
        SIGNALING_NAN,
        UNSUPPORTED
    }

    public boolean negative() {
        return (signExponent & 0x8000) != 0;
    }

    /** The biased exponent, 0-0x7fff. */
    public int exponent() {
        return signExponent & MAX_EXPONENT;
    }

    public Kind kind() {
        int e = exponent();
        boolean integer = significand < 0;
        if (e == MAX_EXPONENT) {
            if (!integer) {
                return Kind.UNSUPPORTED;
            }
            if ((significand << 1) == 0) {
                return Kind.INFINITY;
            }
            return (significand & QUIET_BIT) != 0 ? Kind.QUIET_NAN : Kind.SIGNALING_NAN;
        }
        if (e == 0) {
            return significand == 0 ? Kind.ZERO : Kind.DENORMAL;
        }
        return integer ? Kind.NORMAL : Kind.UNSUPPORTED;
    }

    public boolean isNaN() {
        return exponent() == MAX_EXPONENT && significand < 0 && (significand << 1) != 0;
    }

    public boolean isSignaling() {
        return isNaN() && (significand & QUIET_BIT) == 0;
    }

    public boolean isZero() {
        return exponent() == 0 && significand == 0;
    }

    public boolean isInfinity() {
        return exponent() == MAX_EXPONENT && significand == INTEGER_BIT;
    }

    /** Whether this is a denormal or pseudo-denormal (biased exponent 0, significand not 0): the #D operands. */
    public boolean isDenormal() {
        return exponent() == 0 && significand != 0;
    }

    public boolean isUnsupported() {
        return kind() == Kind.UNSUPPORTED;
    }

    /** A finite nonzero value (normal, denormal or pseudo-denormal). */
    public boolean isFinite() {
        Kind k = kind();
        return k == Kind.NORMAL || k == Kind.DENORMAL;
    }

    /** This NaN made quiet (the payload kept). */
    public Extended quiet() {
        return new Extended(signExponent, significand | QUIET_BIT);
    }

    public Extended negate() {
        return new Extended(signExponent ^ 0x8000, significand);
    }

    public Extended abs() {
        return new Extended(signExponent & MAX_EXPONENT, significand);
    }

    /** This value with the sign of {@code negative}. */
    public Extended withSign(boolean negative) {
        return new Extended(negative ? signExponent | 0x8000 : signExponent & MAX_EXPONENT, significand);
    }

    /** Zero of the given sign. */
    public static Extended zero(boolean negative) {
        return negative ? NEGATIVE_ZERO : POSITIVE_ZERO;
    }

    /** Infinity of the given sign. */
    public static Extended infinity(boolean negative) {
        return new Extended(negative ? 0xffff : MAX_EXPONENT, INTEGER_BIT);
    }

    /**
     * The exponent of the leading significand bit, unbounded: a denormal's is below -16382 once normalized. Only for
     * finite nonzero values; see {@link #normalizedSignificand()}.
     */
    int unbiasedExponent() {
        int e = Math.max(exponent(), 1) - BIAS;
        return e - Long.numberOfLeadingZeros(significand);
    }

    /** The significand shifted so its leading one is bit 63 (finite nonzero values). */
    long normalizedSignificand() {
        return significand << Long.numberOfLeadingZeros(significand);
    }

    /** The bit pattern as the SDM writes it: four hex digits of sign and exponent, sixteen of significand. */
    @Override
    public String toString() {
        return String.format("%04x:%016x", signExponent, significand);
    }
}
