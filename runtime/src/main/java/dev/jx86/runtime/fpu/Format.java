package dev.jx86.runtime.fpu;

/**
 * A binary floating-point format a result is rounded into: its significand precision (with the integer bit) and
 * exponent range. The x87 registers hold {@link #EXTENDED}; FST/FLD convert from and to {@link #DOUBLE} and
 * {@link #SINGLE}.
 */
public record Format(int precision, int minExponent, int maxExponent) {
    public static final Format EXTENDED = new Format(64, -16382, 16383);
    public static final Format DOUBLE = new Format(53, -1022, 1023);
    public static final Format SINGLE = new Format(24, -126, 127);

    /** The exponent of the smallest denormal's one bit. */
    int denormalExponent() {
        return minExponent - precision + 1;
    }

    /** The biased exponent of infinity and NaN. */
    int maxBiased() {
        return 2 * maxExponent + 1;
    }
}
