package dev.jx86.runtime.fpu;

/**
 * A value rounded into a {@link Format}: its sign, biased exponent (0 for zero and denormals, the format's maximum
 * for infinity) and significand as 64 bits with the integer bit at bit 63 (a denormal's one bits lower down).
 */
record Rounded(boolean negative, int biased, long significand) {
    Extended toExtended() {
        return new Extended((negative ? 0x8000 : 0) | biased, significand);
    }

    long toDouble() {
        return (negative ? 1L << 63 : 0) | (long) biased << 52 | (significand >>> 11 & (1L << 52) - 1);
    }

    long toSingle() {
        return (negative ? 1L << 31 : 0) | (long) biased << 23 | (significand >>> 40 & (1L << 23) - 1);
    }
}
