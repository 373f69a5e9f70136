package dev.jx86.runtime.fpu;

/** 128-bit unsigned integer steps the exact arithmetic needs, on (high, low) pairs of longs. */
final class Wide {
    private Wide() {}

    /**
     * The quotient of the 128-bit {@code hi:lo} by {@code divisor}, which must exceed {@code hi} (unsigned) so that
     * the quotient fits 64 bits; the remainder goes to {@code remainder[0]}. Knuth's algorithm D on 32-bit digits
     * (after Hacker's Delight, divlu).
     */
    static long divide(long hi, long lo, long divisor, long[] remainder) {
        final long base = 1L << 32;
        int s = Long.numberOfLeadingZeros(divisor);
        long v = divisor << s;
        long vn1 = v >>> 32;
        long vn0 = v & 0xffff_ffffL;
        long un32 = s == 0 ? hi : hi << s | lo >>> (64 - s);
        long un10 = lo << s;
        long un1 = un10 >>> 32;
        long un0 = un10 & 0xffff_ffffL;
        long q1 = Long.divideUnsigned(un32, vn1);
        long rhat = un32 - q1 * vn1;
        while (Long.compareUnsigned(q1, base) >= 0 || Long.compareUnsigned(q1 * vn0, base * rhat + un1) > 0) {
            q1--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, base) >= 0) {
                break;
            }
        }
        long un21 = un32 * base + un1 - q1 * v;
        long q0 = Long.divideUnsigned(un21, vn1);
        rhat = un21 - q0 * vn1;
        while (Long.compareUnsigned(q0, base) >= 0 || Long.compareUnsigned(q0 * vn0, base * rhat + un0) > 0) {
            q0--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, base) >= 0) {
                break;
            }
        }
        remainder[0] = (un21 * base + un0 - q0 * v) >>> s;
        return q1 * base + q0;
    }

    /** Leading zeros of the 128-bit hi:lo (128 for zero). */
    static int leadingZeros(long hi, long lo) {
        return hi != 0 ? Long.numberOfLeadingZeros(hi) : 64 + Long.numberOfLeadingZeros(lo);
    }

    /**
     * The integer square root of the 128-bit {@code hi:lo}, which must lie in [2^126, 2^128): floor(sqrt(N)), 64
     * bits. A double's square root (exactly rounded, so the same on every host) is the first guess; integer
     * corrections make it exact.
     */
    static long squareRoot(long hi, long lo) {
        double guess = Math.sqrt((double) (hi >>> 1) * 0x1p65);
        long r = guess >= 0x1p63 ? (long) (guess - 0x1p63) ^ Long.MIN_VALUE : (long) guess;
        long[] q = new long[1];
        for (int i = 0; i < 8; i++) {
            long sqHi = Math.unsignedMultiplyHigh(r, r);
            long sqLo = r * r;
            int order = Long.compareUnsigned(sqHi, hi) != 0
                    ? Long.compareUnsigned(sqHi, hi)
                    : Long.compareUnsigned(sqLo, lo);
            if (order > 0) {
                // r is too big: step down by (r^2 - N) / (2r), at least 1.
                long dLo = sqLo - lo;
                long dHi = sqHi - hi - (Long.compareUnsigned(sqLo, lo) < 0 ? 1 : 0);
                long step = Wide.divide(dHi, dLo, r, q) >>> 1;
                r -= Math.max(step, 1);
                continue;
            }
            long dLo = lo - sqLo;
            long dHi = hi - sqHi - (Long.compareUnsigned(lo, sqLo) < 0 ? 1 : 0);
            // Done when N - r^2 <= 2r, that is (r + 1)^2 > N.
            long halfHi = dHi >>> 1;
            long halfLo = dLo >>> 1 | dHi << 63;
            boolean oddDifference = (dLo & 1) != 0;
            int cmp = halfHi != 0 ? 1 : Long.compareUnsigned(halfLo, r);
            if (oddDifference ? cmp < 0 : cmp <= 0) {
                return r;
            }
            long step = Wide.divide(dHi, dLo, r, q) >>> 1;
            r += Math.max(step, 1);
        }
        throw new IllegalStateException(
                "no integer square root found for " + Long.toHexString(hi) + Long.toHexString(lo));
    }
}
