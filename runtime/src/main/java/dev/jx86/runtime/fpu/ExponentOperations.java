package dev.jx86.runtime.fpu;

/** FSCALE and FXTRACT: the operations on an operand's exponent (SDM Vol. 2 FSCALE, FXTRACT). */
public final class ExponentOperations {
    private ExponentOperations() {}

    /** Scales beyond this only overflow or underflow further: the scale factor is clamped to it. */
    private static final int SCALE_LIMIT = 1 << 20;

    /** FSCALE: {@code x * 2^trunc(scale)}, rounded to 64 bits (precision control does not apply). */
    public static Extended scale(FpuContext c, Extended x, Extended scale) {
        Extended special = ExtendedArithmetic.nanOrInvalid(c, x, scale);
        if (special != null) {
            return special;
        }
        ExtendedArithmetic.denormalOperands(c, x, scale);
        if (scale.isInfinity()) {
            boolean up = !scale.negative();
            if (x.isZero() && up || x.isInfinity() && !up) {
                return ExtendedArithmetic.invalid(c);
            }
            if (x.isZero() || x.isInfinity()) {
                return x;
            }
            return up ? Extended.infinity(x.negative()) : Extended.zero(x.negative());
        }
        if (x.isZero() || x.isInfinity()) {
            return x;
        }
        int n = truncatedScale(scale);
        return ExtendedArithmetic.roundFinite(
                c, x.negative(), x.unbiasedExponent() + n, x.normalizedSignificand(), 0, 64);
    }

    private static int truncatedScale(Extended scale) {
        if (scale.isZero()) {
            return 0;
        }
        int e = scale.unbiasedExponent();
        if (e < 0) {
            return 0;
        }
        long magnitude = e >= 21 ? SCALE_LIMIT : scale.normalizedSignificand() >>> (63 - e);
        int n = (int) Math.min(magnitude, SCALE_LIMIT);
        return scale.negative() ? -n : n;
    }

    /** FXTRACT's two results: the exponent (ST(1) after it) and the significand (ST(0)). */
    public record Parts(Extended exponent, Extended significand) {}

    public static Parts extract(FpuContext c, Extended x) {
        Extended special = ExtendedArithmetic.nanOrInvalid(c, x);
        if (special != null) {
            return new Parts(special, special);
        }
        if (x.isZero()) {
            c.raise(FpuContext.ZE);
            return new Parts(Extended.infinity(true), x);
        }
        if (x.isInfinity()) {
            return new Parts(Extended.POSITIVE_INFINITY, x);
        }
        if (x.isDenormal()) {
            c.raise(FpuContext.DE);
        }
        Extended significand = new Extended((x.negative() ? 0x8000 : 0) | Extended.BIAS, x.normalizedSignificand());
        return new Parts(Conversions.fromInteger(x.unbiasedExponent()), significand);
    }
}
