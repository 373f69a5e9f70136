package dev.jx86.runtime.abi;

/**
 * The integer computations behind {@link IntegerHelpers}, as plain functions: 128-by-64-bit division, CRC-32C, bit
 * deposit and extract, and the BCD adjustments. Division by zero and quotient overflow raise #DE.
 */
final class IntegerArithmetic {
    private IntegerArithmetic() {}

    // ---- 128-by-64 division (DIV and IDIV of 64-bit operands)

    /** The quotient of the unsigned {@code hi:lo} by {@code d}; #DE if d is 0 or the quotient exceeds 64 bits. */
    static long divideUnsigned(long hi, long lo, long d) {
        if (d == 0 || Long.compareUnsigned(hi, d) >= 0) {
            throw new GuestFault(Vectors.DE);
        }
        if (hi == 0) {
            return Long.divideUnsigned(lo, d);
        }
        return shiftSubtract(hi, lo, d)[0];
    }

    /** The remainder of the unsigned {@code hi:lo} by {@code d}, or 0 where the division faults. */
    static long remainderUnsigned(long hi, long lo, long d) {
        if (d == 0 || Long.compareUnsigned(hi, d) >= 0) {
            return 0;
        }
        if (hi == 0) {
            return Long.remainderUnsigned(lo, d);
        }
        return shiftSubtract(hi, lo, d)[1];
    }

    /** Restoring division of hi:lo by d, for hi < d (unsigned): {quotient, remainder}. */
    private static long[] shiftSubtract(long hi, long lo, long d) {
        long rem = hi;
        long q = 0;
        for (int i = 63; i >= 0; i--) {
            boolean carry = rem < 0; // the bit shifted out of rem makes it exceed any 64-bit d
            rem = rem << 1 | (lo >>> i) & 1;
            q <<= 1;
            if (carry || Long.compareUnsigned(rem, d) >= 0) {
                rem -= d;
                q |= 1;
            }
        }
        return new long[] {q, rem};
    }

    /** The signed quotient of {@code hi:lo} by {@code d}; #DE if d is 0 or the quotient does not fit 64 bits. */
    static long divideSigned(long hi, long lo, long d) {
        return signedDivision(hi, lo, d, true);
    }

    static long remainderSigned(long hi, long lo, long d) {
        try {
            return signedDivision(hi, lo, d, false);
        } catch (GuestFault fault) {
            return 0;
        }
    }

    private static long signedDivision(long hi, long lo, long d, boolean quotient) {
        if (d == 0) {
            throw new GuestFault(Vectors.DE);
        }
        boolean negative = hi < 0;
        long mhi = hi;
        long mlo = lo;
        if (negative) { // two's complement negation of the 128-bit dividend
            mlo = -lo;
            mhi = ~hi + (lo == 0 ? 1 : 0);
        }
        long md = d < 0 ? -d : d;
        if (Long.compareUnsigned(mhi, md) >= 0) {
            throw new GuestFault(Vectors.DE);
        }
        long[] qr = mhi == 0
                ? new long[] {Long.divideUnsigned(mlo, md), Long.remainderUnsigned(mlo, md)}
                : shiftSubtract(mhi, mlo, md);
        boolean negativeQuotient = negative != (d < 0);
        long q = negativeQuotient ? -qr[0] : qr[0];
        if (qr[0] != 0 && (q < 0) != negativeQuotient) {
            throw new GuestFault(Vectors.DE); // magnitude beyond 2^63 (or 2^63 for a positive quotient)
        }
        return quotient ? q : negative ? -qr[1] : qr[1];
    }

    // ---- CRC-32C (SSE4.2 CRC32)

    private static final int[] CRC32C_TABLE = crc32cTable();

    private static int[] crc32cTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? crc >>> 1 ^ 0x82F63B78 : crc >>> 1;
            }
            table[i] = crc;
        }
        return table;
    }

    /** CRC-32C (reflected, polynomial 0x1EDC6F41) of the low {@code bytes} bytes of {@code data}, continuing {@code crc}. */
    static long crc32c(long crc, long data, int bytes) {
        int c = (int) crc;
        for (int i = 0; i < bytes; i++) {
            c = c >>> 8 ^ CRC32C_TABLE[(c ^ (int) (data >>> 8 * i)) & 0xff];
        }
        return c & 0xffffffffL;
    }

    // ---- BMI2 bit deposit and extract

    /** PDEP: the low bits of {@code src} placed, in order, at the set bits of {@code mask}. */
    static long deposit(long src, long mask) {
        long r = 0;
        for (long m = mask; m != 0; m &= m - 1, src >>>= 1) {
            if ((src & 1) != 0) {
                r |= m & -m;
            }
        }
        return r;
    }

    /** PEXT: the bits of {@code src} at the set bits of {@code mask}, packed into the low bits. */
    static long extract(long src, long mask) {
        long r = 0;
        int k = 0;
        for (long m = mask; m != 0; m &= m - 1, k++) {
            if ((src & m & -m) != 0) {
                r |= 1L << k;
            }
        }
        return r;
    }
}
