package dev.jx86.runtime.fpu;

import java.math.BigInteger;

/**
 * The x87 transcendental instructions computed in 128-bit arithmetic ({@link ElementaryFunctions}) and rounded once to 64 bits
 * (precision control does not apply to them): FSIN, FCOS, FSINCOS and FPTAN reduce their argument by multiples of
 * pi/2 taken from the 66-bit pi the hardware uses (Intel documents it; the AMD Zen 5 host agrees), then evaluate
 * exactly; F2XM1, FYL2X, FYL2XP1 and FPATAN are evaluated exactly. So results are correctly rounded functions of
 * the reduced argument, where hardware guarantees less than one ulp of error (docs/lifter-x87.md has the measured
 * differences).
 */
public final class Transcendentals {
    private Transcendentals() {}

    /** The 66-bit pi of the x87's argument reduction, as {@code PI66 * 2^-64}. */
    private static final BigFloat PI66 =
            new BigFloat(new BigInteger("c90fdaa22168c234", 16).shiftLeft(2).or(BigInteger.valueOf(3)), -64);

    private static final BigFloat HALF_PI66 = PI66.scale(-1);

    /** Arguments the trigonometric instructions accept: |x| < 2^63 (else C2 = 1 and the operand stays). */
    public static boolean inTrigonometricRange(Extended x) {
        return !x.isFinite() || x.unbiasedExponent() < 63;
    }

    /** sin and cos of one argument, and whether each is exact (only for a zero argument). */
    public record SineCosine(Extended sine, Extended cosine) {}

    /**
     * sin(x) and cos(x) for a finite or infinite {@code x} in range: a NaN propagates, infinity is invalid, a
     * denormal raises DE (and UE/PE for the sine, which is x rounded).
     */
    public static SineCosine sineCosine(FpuContext c, Extended x, boolean wantSine, boolean wantCosine) {
        Extended special = ExtendedArithmetic.nanOrInvalid(c, x);
        if (special != null) {
            return new SineCosine(special, special);
        }
        if (x.isInfinity()) {
            Extended indefinite = ExtendedArithmetic.invalid(c);
            return new SineCosine(indefinite, indefinite);
        }
        if (x.isZero()) {
            return new SineCosine(x, Extended.ONE);
        }
        if (x.isDenormal()) {
            c.raise(FpuContext.DE);
        }
        BigFloat v = BigFloat.of(x);
        BigInteger k = v.divide(HALF_PI66).roundToInteger();
        BigFloat r = v.subtract(HALF_PI66.multiplyExactly(new BigFloat(k, 0)));
        int quadrant = k.intValue() & 3;
        // The quadrant picks which of sin(r) and cos(r) each result is; compute only those needed.
        boolean even = (quadrant & 1) == 0;
        BigFloat sr = null;
        BigFloat cr = null;
        if (wantSine && wantCosine) {
            BigFloat[] sc = ElementaryFunctions.sinCos(r);
            sr = sc[0];
            cr = sc[1];
        } else if (wantSine == even) {
            sr = ElementaryFunctions.sin(r);
        } else {
            cr = ElementaryFunctions.cos(r);
        }
        Extended sine = null;
        Extended cosine = null;
        if (wantSine) {
            BigFloat s = switch (quadrant) {
                case 0 -> sr;
                case 1 -> cr;
                case 2 -> sr.negate();
                default -> cr.negate();
            };
            sine = s.round(c, false);
        }
        if (wantCosine) {
            FpuContext cc = wantSine ? new FpuContext(c.control()) : c;
            BigFloat s = switch (quadrant) {
                case 0 -> cr;
                case 1 -> sr.negate();
                case 2 -> cr.negate();
                default -> sr;
            };
            cosine = s.round(cc, false);
            if (cc != c) {
                c.raise(cc.flags());
            }
        }
        return new SineCosine(sine, cosine);
    }

    /** FPTAN's tangent of {@code x} in range. */
    public static Extended tangent(FpuContext c, Extended x) {
        Extended special = ExtendedArithmetic.nanOrInvalid(c, x);
        if (special != null) {
            return special;
        }
        if (x.isInfinity()) {
            return ExtendedArithmetic.invalid(c);
        }
        if (x.isZero()) {
            return x;
        }
        if (x.isDenormal()) {
            c.raise(FpuContext.DE);
        }
        BigFloat v = BigFloat.of(x);
        BigInteger k = v.divide(HALF_PI66).roundToInteger();
        BigFloat r = v.subtract(HALF_PI66.multiplyExactly(new BigFloat(k, 0)));
        BigFloat[] sc = ElementaryFunctions.sinCos(r);
        BigFloat t = k.testBit(0) ? sc[1].divide(sc[0]).negate() : sc[0].divide(sc[1]);
        return t.round(c, false);
    }

    /** FPATAN: the angle of the point (x, y) = (ST(0), ST(1)), in (-pi, pi]. */
    public static Extended arctangent(FpuContext c, Extended y, Extended x) {
        Extended special = ExtendedArithmetic.nanOrInvalid(c, y, x);
        if (special != null) {
            return special;
        }
        ExtendedArithmetic.denormalOperands(c, x, y);
        boolean ny = y.negative();
        if (y.isZero()) {
            // atan2(±0, +x) = ±0, atan2(±0, -x) = ±pi (x = ±0 included).
            return x.negative() ? BigFloat.PI.round(c, false).withSign(ny) : y;
        }
        BigFloat angle;
        if (x.isInfinity() || y.isInfinity()) {
            BigFloat quarter = BigFloat.PI.scale(-2);
            if (x.isInfinity() && y.isInfinity()) {
                angle = x.negative() ? quarter.multiply(BigFloat.of(3)) : quarter;
            } else if (x.isInfinity()) {
                if (!x.negative()) {
                    return Extended.zero(ny);
                }
                angle = BigFloat.PI;
            } else {
                angle = BigFloat.PI.scale(-1);
            }
        } else if (x.isZero()) {
            angle = BigFloat.PI.scale(-1);
        } else {
            BigFloat ay = BigFloat.of(y).abs();
            BigFloat ax = BigFloat.of(x).abs();
            boolean steep = ay.subtract(ax).signum() > 0;
            BigFloat a = steep
                    ? BigFloat.PI.scale(-1).subtract(ElementaryFunctions.atan(ax.divide(ay)))
                    : ElementaryFunctions.atan(ay.divide(ax));
            angle = x.negative() ? BigFloat.PI.subtract(a) : a;
        }
        return (ny ? angle.negate() : angle).round(c, false);
    }

    /** F2XM1: 2^x - 1 for -1 <= x <= 1 (outside, the result is undefined; this computes the same formula). */
    public static Extended exp2m1(FpuContext c, Extended x) {
        Extended special = ExtendedArithmetic.nanOrInvalid(c, x);
        if (special != null) {
            return special;
        }
        if (x.isZero()) {
            return x;
        }
        if (x.isInfinity()) {
            return x.negative() ? new Extended(0xbfff, Extended.INTEGER_BIT) : x;
        }
        if (x.isDenormal()) {
            c.raise(FpuContext.DE);
        }
        BigFloat v = BigFloat.of(x);
        if (v.abs().subtract(BigFloat.ONE).signum() > 0) {
            // The SDM leaves |x| > 1 undefined; the host (AMD Zen 5) returns x, inexact.
            c.raise(FpuContext.PE);
            return x;
        }
        if (v.abs().subtract(BigFloat.ONE).signum() == 0) {
            // Exact (1 and -1/2), yet the host reports it inexact as for every other operand.
            c.raise(FpuContext.PE);
            return (x.negative() ? BigFloat.ONE.scale(-1).negate() : BigFloat.ONE).round(c, true);
        }
        return ElementaryFunctions.expm1(v.multiply(BigFloat.LN2)).round(c, false);
    }

    /** FYL2X: y * log2(x) (ST(1) * log2(ST(0))). */
    public static Extended ylog2x(FpuContext c, Extended y, Extended x) {
        Extended special = ExtendedArithmetic.nanOrInvalid(c, y, x);
        if (special != null) {
            return special;
        }
        if (x.negative() && !x.isZero()) {
            return ExtendedArithmetic.invalid(c);
        }
        if (x.isZero()) {
            if (y.isZero()) {
                return ExtendedArithmetic.invalid(c);
            }
            if (!y.isInfinity()) {
                c.raise(FpuContext.ZE);
            }
            return Extended.infinity(!y.negative());
        }
        ExtendedArithmetic.denormalOperands(c, x, y);
        boolean xIsOne = x.exponent() == Extended.BIAS && x.significand() == Extended.INTEGER_BIT;
        if (x.isInfinity()) {
            if (y.isZero()) {
                return ExtendedArithmetic.invalid(c);
            }
            return Extended.infinity(y.negative());
        }
        if (y.isInfinity()) {
            if (xIsOne) {
                return ExtendedArithmetic.invalid(c);
            }
            boolean below = x.unbiasedExponent() < 0;
            return Extended.infinity(y.negative() != below);
        }
        if (xIsOne || y.isZero()) {
            boolean below = x.unbiasedExponent() < 0;
            return Extended.zero(y.negative() != below && !xIsOne || xIsOne && y.negative());
        }
        int e = x.unbiasedExponent();
        long m = x.normalizedSignificand();
        if (m == Extended.INTEGER_BIT) {
            return BigFloat.of(y).multiply(BigFloat.of(e)).round(c, true);
        }
        BigFloat log = ElementaryFunctions.log2(BigFloat.of(x));
        return BigFloat.of(y).multiply(log).round(c, false);
    }

    /** FYL2XP1: y * log2(x + 1) (ST(1) * log2(ST(0) + 1)), for |x| < 1 - sqrt(2)/2. */
    public static Extended ylog2xp1(FpuContext c, Extended y, Extended x) {
        Extended special = ExtendedArithmetic.nanOrInvalid(c, y, x);
        if (special != null) {
            return special;
        }
        if (x.isInfinity() && x.negative()) {
            return ExtendedArithmetic.invalid(c);
        }
        ExtendedArithmetic.denormalOperands(c, x, y);
        if (x.isZero() || y.isZero()) {
            if (x.isInfinity() || y.isInfinity()) {
                return ExtendedArithmetic.invalid(c);
            }
            return Extended.zero(x.negative() != y.negative());
        }
        if (x.isInfinity() || y.isInfinity()) {
            return Extended.infinity(x.negative() != y.negative());
        }
        BigFloat vx = BigFloat.of(x);
        BigFloat onePlus = BigFloat.ONE.add(vx);
        if (onePlus.signum() <= 0) {
            // The SDM defines FYL2XP1 for |x| < 1 - sqrt(2)/2; for x <= -1 the host (AMD Zen 5) returns x, inexact.
            c.raise(FpuContext.PE);
            return x;
        }
        BigFloat log = vx.below(-2)
                ? ElementaryFunctions.atanh(vx.divide(BigFloat.TWO.add(vx)))
                        .scale(1)
                        .divide(BigFloat.LN2)
                : ElementaryFunctions.log2(onePlus);
        return BigFloat.of(y).multiply(log).round(c, false);
    }
}
