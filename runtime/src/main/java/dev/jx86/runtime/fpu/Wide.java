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
}
