package dev.jx86.runtime.fpu;

/**
 * FPREM and FPREM1 (SDM Vol. 2 FPREM/FPREM1): the exact remainder of ST(0) by ST(1) with the quotient truncated
 * (FPREM) or rounded to nearest even (FPREM1), and its low three bits for C0, C3 and C1. When the exponents differ
 * by 64 or more, one step reduces ST(0) only partly and sets C2; the step's size {@code N = 32 + D mod 32}, with
 * a truncated quotient for both instructions, is AMD's documented choice, which Intel hardware shares.
 */
public final class PartialRemainder {
    private PartialRemainder() {}

    /**
     * A step's result: the new ST(0), the quotient's low three bits (-1 when a NaN or invalid operand leaves no
     * quotient), and whether the reduction is incomplete.
     */
    public record Step(Extended value, int quotient, boolean incomplete) {}

    public static Step remainder(FpuContext c, Extended a, Extended b, boolean nearest) {
        Extended special = ExtendedArithmetic.nanOrInvalid(c, a, b);
        if (special != null) {
            return new Step(special, -1, false);
        }
        if (a.isInfinity() || b.isZero()) {
            return new Step(ExtendedArithmetic.invalid(c), -1, false);
        }
        ExtendedArithmetic.denormalOperands(c, a, b);
        if (a.isZero() || b.isInfinity()) {
            return new Step(ExtendedArithmetic.canonical(c, a), 0, false);
        }
        int d = a.unbiasedExponent() - b.unbiasedExponent();
        long sa = a.normalizedSignificand();
        long sb = b.normalizedSignificand();
        if (d >= 64) {
            int n = 32 + d % 32;
            long r = divide(sa, n, sb)[1];
            return new Step(value(c, a.negative(), b.unbiasedExponent() + (d - n), r), 0, true);
        }
        if (d < 0) {
            boolean overHalf = nearest && d == -1 && Long.compareUnsigned(sa, sb) > 0;
            if (!overHalf) {
                return new Step(ExtendedArithmetic.canonical(c, a), 0, false);
            }
            return new Step(value(c, !a.negative(), b.unbiasedExponent() - 1, 2 * sb - sa), 1, false);
        }
        long[] qr = divide(sa, d, sb);
        long q = qr[0];
        long r = qr[1];
        boolean negative = a.negative();
        if (nearest) {
            int order = Long.compareUnsigned(r, sb - r);
            if (order > 0 || order == 0 && (q & 1) != 0) {
                r = sb - r;
                q++;
                negative = !negative;
            }
        }
        return new Step(value(c, negative, b.unbiasedExponent(), r), (int) (q & 7), false);
    }

    /** (sa * 2^shift) divided by sb, shift 0-63: {quotient, remainder}. */
    private static long[] divide(long sa, int shift, long sb) {
        long[] remainder = new long[1];
        long hi = shift == 0 ? 0 : sa >>> (64 - shift);
        long q = Wide.divide(hi, sa << shift, sb, remainder);
        return new long[] {q, remainder[0]};
    }

    /** {@code r * 2^(exponent - 63)} (exact), or a zero of the sign. */
    private static Extended value(FpuContext c, boolean negative, int exponent, long r) {
        if (r == 0) {
            return Extended.zero(negative);
        }
        return ExtendedArithmetic.normalizeAndRound(c, negative, exponent, r, 0, 64);
    }
}
