package dev.jx86.runtime.fpu;

/**
 * The common case of the x87's add, subtract, multiply and divide on raw 80-bit operands, without allocation: both operands
 * normal, precision control 64 bits, round to nearest, the result normal. The exact sum or product is computed in
 * 128 bits (a quotient to 128 bits and a sticky bit) and rounded once, as {@link ExtendedArithmetic} does. Anything else (a special operand, an exact zero
 * sum, a result that overflows or is tiny) answers {@link #NOT_HANDLED} before writing anything, and the caller
 * falls back to the reference arithmetic. The result goes to {@code out[i]} (the significand) and
 * {@code out[i + 1]} (sign and biased exponent), the order of the register slots in the CPU state.
 */
public final class ExtendedFastPath {
    private ExtendedFastPath() {}

    /** The answer when the operation is not the common case: nothing was written. */
    public static final int NOT_HANDLED = -1;

    /** Answer bit: the result is inexact (PE). */
    public static final int INEXACT = 1;

    /** Answer bit: rounding increased the magnitude (C1). */
    public static final int ROUNDED_UP = 2;

    private static final int SIGN = 0x8000;

    /** Whether the 80-bit value is a normal number: biased exponent 1-0x7ffe and the integer bit set. */
    public static boolean normal(long signExponent, long significand) {
        int e = (int) signExponent & Extended.MAX_EXPONENT;
        return significand < 0 && e != 0 && e != Extended.MAX_EXPONENT;
    }

    /** a * b of two normal operands into {@code out[i]}, {@code out[i + 1]}. */
    public static int multiply(long[] out, int i, long seA, long sa, long seB, long sb) {
        if (!normal(seA, sa) || !normal(seB, sb)) {
            return NOT_HANDLED;
        }
        long hi = Math.unsignedMultiplyHigh(sa, sb);
        long lo = sa * sb;
        int e = (int) (seA & Extended.MAX_EXPONENT) + (int) (seB & Extended.MAX_EXPONENT) - Extended.BIAS;
        if (hi < 0) {
            e++;
        } else {
            hi = hi << 1 | lo >>> 63;
            lo <<= 1;
        }
        return round(out, i, (int) (seA ^ seB) & SIGN, e, hi, lo, false);
    }

    /** a / b of two normal operands into {@code out[i]}, {@code out[i + 1]}: 128 quotient bits and a sticky bit. */
    public static int divide(long[] out, int i, long seA, long sa, long seB, long sb) {
        if (!normal(seA, sa) || !normal(seB, sb)) {
            return NOT_HANDLED;
        }
        int e = (int) (seA & Extended.MAX_EXPONENT) - (int) (seB & Extended.MAX_EXPONENT) + Extended.BIAS;
        long[] remainder = new long[1];
        long q;
        if (Long.compareUnsigned(sa, sb) < 0) {
            q = Wide.divide(sa, 0, sb, remainder);
            e--;
        } else {
            q = Wide.divide(sa >>> 1, sa << 63, sb, remainder);
        }
        long q2 = Wide.divide(remainder[0], 0, sb, remainder);
        return round(out, i, (int) (seA ^ seB) & SIGN, e, q, q2, remainder[0] != 0);
    }

    /** a + b (b negated first if {@code subtract}) of two normal operands into {@code out[i]}, {@code out[i + 1]}. */
    public static int add(long[] out, int i, long seA, long sa, long seB, long sb, boolean subtract) {
        if (!normal(seA, sa) || !normal(seB, sb)) {
            return NOT_HANDLED;
        }
        int signA = (int) seA & SIGN;
        int signB = ((int) seB & SIGN) ^ (subtract ? SIGN : 0);
        int ea = (int) seA & Extended.MAX_EXPONENT;
        int eb = (int) seB & Extended.MAX_EXPONENT;
        if (ea < eb || ea == eb && Long.compareUnsigned(sa, sb) < 0) {
            int te = ea;
            ea = eb;
            eb = te;
            long ts = sa;
            sa = sb;
            sb = ts;
            int tSign = signA;
            signA = signB;
            signB = tSign;
        }
        int d = ea - eb;
        // b's significand aligned to a's as the 128 bits bhi:blo with the bits shifted out below as a sticky bit.
        long bhi;
        long blo;
        boolean lost;
        if (d == 0) {
            bhi = sb;
            blo = 0;
            lost = false;
        } else if (d < 64) {
            bhi = sb >>> d;
            blo = sb << (64 - d);
            lost = false;
        } else if (d < 128) {
            bhi = 0;
            blo = sb >>> (d - 64);
            lost = d > 64 && (sb << (128 - d)) != 0;
        } else {
            bhi = 0;
            blo = 0;
            lost = true;
        }
        if (signA == signB) {
            long hi = sa + bhi;
            if (Long.compareUnsigned(hi, sa) < 0) { // carried out of bit 127: one bit more
                boolean below = lost || (blo & 1) != 0;
                return round(out, i, signA, ea + 1, Long.MIN_VALUE | hi >>> 1, hi << 63 | blo >>> 1, below);
            }
            return round(out, i, signA, ea, hi, blo, lost);
        }
        if (lost) {
            blo |= 1; // the sticky bit jammed into the last place: the same rounding as the exact difference
        }
        long lo = -blo;
        long hi = sa - bhi - (blo != 0 ? 1 : 0);
        if (hi == 0 && lo == 0) {
            return NOT_HANDLED; // an exact zero: its sign depends on the rounding mode
        }
        int z = hi != 0 ? Long.numberOfLeadingZeros(hi) : 64 + Long.numberOfLeadingZeros(lo);
        if (z >= 64) {
            hi = lo << (z - 64);
            lo = 0;
        } else if (z > 0) {
            hi = hi << z | lo >>> (64 - z);
            lo <<= z;
        }
        return round(out, i, signA, ea - z, hi, lo, false);
    }

    /**
     * Rounds hi:lo (leading one at bit 127; {@code sticky}: more bits below lo) to 64 bits, to nearest even, with
     * biased exponent {@code e}; writes it if it is normal.
     */
    private static int round(long[] out, int i, int sign, int e, long hi, long lo, boolean sticky) {
        boolean roundBit = lo < 0;
        boolean inexact = roundBit || sticky || (lo << 1) != 0;
        boolean up = roundBit && (sticky || (lo << 1) != 0 || (hi & 1) != 0);
        long significand = hi;
        if (up) {
            significand++;
            if (significand == 0) {
                significand = Long.MIN_VALUE;
                e++;
            }
        }
        if (e <= 0 || e >= Extended.MAX_EXPONENT) {
            return NOT_HANDLED;
        }
        out[i] = significand;
        out[i + 1] = sign | e;
        return (inexact ? INEXACT : 0) | (up ? ROUNDED_UP : 0);
    }
}
