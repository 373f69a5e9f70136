package dev.jx86.runtime.abi;

/** PCLMULQDQ's arithmetic: the product of two 64-bit polynomials over GF(2), 127 bits. */
public final class CarrylessMultiply {
    private CarrylessMultiply() {}

    /** The low (or, with {@code high}, the high) 64 bits of the carry-less product of a and b. */
    public static long product(long a, long b, boolean high) {
        long low = 0;
        long top = 0;
        for (int i = 0; i < 64; i++) {
            if ((b >>> i & 1) != 0) {
                low ^= a << i;
                top ^= i == 0 ? 0 : a >>> (64 - i);
            }
        }
        return high ? top : low;
    }
}
