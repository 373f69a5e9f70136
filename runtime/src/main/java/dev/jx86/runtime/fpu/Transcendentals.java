package dev.jx86.runtime.fpu;

import java.math.BigInteger;

/**
 * The x87 transcendental instructions computed in 200-bit arithmetic ({@link BigFloat}) and rounded once to 64 bits
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
        Extended sine = null;
        Extended cosine = null;
        if (wantSine) {
            BigFloat s = switch (quadrant) {
                case 0 -> sin(r);
                case 1 -> cos(r);
                case 2 -> sin(r).negate();
                default -> cos(r).negate();
            };
            sine = s.round(c, false);
        }
        if (wantCosine) {
            FpuContext cc = wantSine ? new FpuContext(c.control()) : c;
            BigFloat s = switch (quadrant) {
                case 0 -> cos(r);
                case 1 -> sin(r).negate();
                case 2 -> cos(r).negate();
                default -> sin(r);
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
        BigFloat t = k.testBit(0) ? cos(r).divide(sin(r)).negate() : sin(r).divide(cos(r));
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
            BigFloat a = steep ? BigFloat.PI.scale(-1).subtract(atan(ax.divide(ay))) : atan(ay.divide(ax));
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
        return expm1(v.multiply(BigFloat.LN2)).round(c, false);
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
        BigFloat log = log2(BigFloat.of(x));
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
        BigFloat log =
                vx.below(-2) ? atanh(vx.divide(BigFloat.TWO.add(vx))).scale(1).divide(BigFloat.LN2) : log2(onePlus);
        return BigFloat.of(y).multiply(log).round(c, false);
    }

    // ---- the functions in 200-bit arithmetic

    /** Every series converges in far fewer terms for the arguments it gets; the cap only guards against a bug. */
    private static final int MAX_TERMS = 400;

    /**
     * Values at the points j/64 (sine and cosine, j = 0..52) and 1 + i/64 (logarithm, i = -20..28), computed once by
     * the series: an argument is split into the nearest point plus a remainder below 1/128, whose series needs a
     * third of the terms.
     */
    private static final class Tables {
        static final int STEPS = 64;
        static final BigFloat[] SIN = new BigFloat[53];
        static final BigFloat[] COS = new BigFloat[53];
        static final int LOG_FIRST = -20;
        static final BigFloat[] LOG = new BigFloat[49];

        static {
            for (int j = 0; j < SIN.length; j++) {
                BigFloat a = new BigFloat(BigInteger.valueOf(j), -6);
                SIN[j] = sinSeries(a);
                COS[j] = cosSeries(a);
            }
            for (int i = 0; i < LOG.length; i++) {
                BigFloat c = new BigFloat(BigInteger.valueOf(STEPS + LOG_FIRST + i), -6);
                LOG[i] = atanh(c.subtract(BigFloat.ONE).divide(c.add(BigFloat.ONE)))
                        .scale(1);
            }
        }
    }

    /** 1/n for the series' coefficients and 1/ln 2: multiplications instead of divisions. */
    private static final class Reciprocals {
        static final BigFloat[] OF = new BigFloat[2 * MAX_TERMS + 2];
        static final BigFloat OF_LN2 = BigFloat.ONE.divide(BigFloat.LN2);

        static {
            for (int n = 1; n < OF.length; n++) {
                OF[n] = BigFloat.ONE.divide(BigFloat.of(n));
            }
        }
    }

    private static BigFloat reciprocal(int n) {
        return n < Reciprocals.OF.length ? Reciprocals.OF[n] : BigFloat.ONE.divide(BigFloat.of(n));
    }

    /** The nearest multiple of 1/64 to |r|, in 64ths. */
    private static int sixtyFourths(BigFloat r) {
        return r.abs().scale(6).roundToInteger().intValueExact();
    }

    /** sin(r) for |r| <= pi/4 (a little more): from the table and the series of the remainder. */
    static BigFloat sin(BigFloat r) {
        int j = r.below(-7) ? 0 : sixtyFourths(r);
        if (j == 0) {
            return sinSeries(r);
        }
        BigFloat b = r.abs().subtract(new BigFloat(BigInteger.valueOf(j), -6));
        BigFloat s = Tables.SIN[j].multiply(cosSeries(b)).add(Tables.COS[j].multiply(sinSeries(b)));
        return r.signum() < 0 ? s.negate() : s;
    }

    /** cos(r) for |r| <= pi/4 (a little more). */
    static BigFloat cos(BigFloat r) {
        int j = r.below(-7) ? 0 : sixtyFourths(r);
        if (j == 0) {
            return cosSeries(r);
        }
        BigFloat b = r.abs().subtract(new BigFloat(BigInteger.valueOf(j), -6));
        return Tables.COS[j].multiply(cosSeries(b)).subtract(Tables.SIN[j].multiply(sinSeries(b)));
    }

    /** sin(r) by its Taylor series. */
    static BigFloat sinSeries(BigFloat r) {
        BigFloat r2 = r.multiply(r);
        BigFloat term = r;
        BigFloat sum = r;
        for (int n = 1; n < MAX_TERMS && !term.below(sum.magnitude() - BigFloat.PRECISION); n++) {
            term = term.multiply(r2)
                    .multiply(reciprocal(2 * n))
                    .multiply(reciprocal(2 * n + 1))
                    .negate();
            sum = sum.add(term);
        }
        return sum;
    }

    static BigFloat cosSeries(BigFloat r) {
        BigFloat r2 = r.multiply(r);
        BigFloat term = BigFloat.ONE;
        BigFloat sum = BigFloat.ONE;
        for (int n = 1; n < MAX_TERMS && !term.below(sum.magnitude() - BigFloat.PRECISION); n++) {
            term = term.multiply(r2)
                    .multiply(reciprocal(2 * n - 1))
                    .multiply(reciprocal(2 * n))
                    .negate();
            sum = sum.add(term);
        }
        return sum;
    }

    /** atan(q) for 0 <= q <= 1: halve the angle until q < 2^-12, then the series. */
    static BigFloat atan(BigFloat q) {
        int halvings = 0;
        while (!q.below(-12) && halvings < MAX_TERMS) {
            q = q.divide(BigFloat.ONE.add(BigFloat.ONE.add(q.multiply(q)).sqrt()));
            halvings++;
        }
        BigFloat q2 = q.multiply(q);
        BigFloat power = q;
        BigFloat sum = q;
        for (int n = 1; n < MAX_TERMS && sum.signum() != 0 && !power.below(sum.magnitude() - BigFloat.PRECISION); n++) {
            power = power.multiply(q2).negate();
            sum = sum.add(power.multiply(reciprocal(2 * n + 1)));
        }
        return sum.scale(halvings);
    }

    /** e^t - 1: the series for |t| < 2^-12, else of t / 2^k and k squarings (y -> y(y + 2)). */
    static BigFloat expm1(BigFloat t) {
        int k = t.below(-12) ? 0 : t.magnitude() + 13;
        BigFloat u = t.scale(-k);
        BigFloat term = u;
        BigFloat sum = u;
        for (int n = 2; n < MAX_TERMS && !term.below(sum.magnitude() - BigFloat.PRECISION); n++) {
            term = term.multiply(u).multiply(reciprocal(n));
            sum = sum.add(term);
        }
        for (int i = 0; i < k; i++) {
            sum = sum.multiply(sum.add(BigFloat.TWO));
        }
        return sum;
    }

    /** atanh(z) for |z| < 1/5: the series z + z^3/3 + ... */
    static BigFloat atanh(BigFloat z) {
        BigFloat z2 = z.multiply(z);
        BigFloat power = z;
        BigFloat sum = z;
        for (int n = 1; n < MAX_TERMS && !power.below(sum.magnitude() - BigFloat.PRECISION); n++) {
            power = power.multiply(z2);
            sum = sum.add(power.multiply(reciprocal(2 * n + 1)));
        }
        return sum;
    }

    /**
     * log2(x) for x > 0: the exponent plus log2 of a significand folded into [sqrt(1/2), sqrt(2)), which is the
     * nearest table point 1 + i/64 times a quotient near 1 (i = 0: the series alone, so that values near 1 keep
     * their relative precision).
     */
    static BigFloat log2(BigFloat x) {
        int e = x.magnitude();
        BigFloat m = x.scale(-e);
        if (m.subtract(new BigFloat(BigInteger.valueOf(0xb504f334L), -31)).signum() > 0) {
            m = m.scale(-1);
            e++;
        }
        int i = m.subtract(BigFloat.ONE).scale(6).roundToInteger().intValueExact();
        BigFloat c = new BigFloat(BigInteger.valueOf(Tables.STEPS + i), -6);
        BigFloat q = i == 0 ? m : m.divide(c);
        BigFloat ln =
                atanh(q.subtract(BigFloat.ONE).divide(q.add(BigFloat.ONE))).scale(1);
        if (i != 0) {
            ln = ln.add(Tables.LOG[i - Tables.LOG_FIRST]);
        }
        return BigFloat.of(e).add(ln.multiply(Reciprocals.OF_LN2));
    }
}
