package dev.jx86.runtime.fpu;

import java.math.BigInteger;

/**
 * The elementary functions in 128-bit arithmetic ({@link BigFloat}) that the x87 transcendental instructions are
 * made of: sine and cosine near zero, arctangent, e^x - 1, atanh and log2. Series after argument reduction, with
 * table points every 1/64 for sine, cosine and the logarithm so that each series needs few terms.
 */
final class ElementaryFunctions {
    private ElementaryFunctions() {}

    /** Every series converges in far fewer terms for the arguments it gets; the cap only guards against a bug. */
    private static final int MAX_TERMS = 400;

    /**
     * Values at the points j/64 (sine and cosine, j = 0..52; arctangent, j = 0..64) and 1 + i/64 (logarithm, i =
     * -20..28), computed once by
     * the series: an argument is split into the nearest point plus a remainder below 1/128, whose series needs a
     * third of the terms.
     */
    private static final class Tables {
        static final int STEPS = 64;
        static final BigFloat[] SIN = new BigFloat[53];
        static final BigFloat[] COS = new BigFloat[53];
        static final int LOG_FIRST = -20;
        static final BigFloat[] LOG = new BigFloat[49];
        static final BigFloat[] ATAN = new BigFloat[65];

        static {
            for (int j = 0; j < SIN.length; j++) {
                BigFloat a = new BigFloat(BigInteger.valueOf(j), -6);
                SIN[j] = sinSeries(a);
                COS[j] = cosSeries(a);
            }
            for (int j = 0; j < ATAN.length; j++) {
                ATAN[j] = atanByHalving(new BigFloat(BigInteger.valueOf(j), -6));
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

    /** sin(r) and cos(r) together for |r| <= pi/4 (a little more): one pair of remainder series for both. */
    static BigFloat[] sinCos(BigFloat r) {
        int j = r.below(-7) ? 0 : sixtyFourths(r);
        if (j == 0) {
            return new BigFloat[] {sinSeries(r), cosSeries(r)};
        }
        BigFloat b = r.abs().subtract(new BigFloat(BigInteger.valueOf(j), -6));
        BigFloat sb = sinSeries(b);
        BigFloat cb = cosSeries(b);
        BigFloat sine = Tables.SIN[j].multiply(cb).add(Tables.COS[j].multiply(sb));
        BigFloat cosine = Tables.COS[j].multiply(cb).subtract(Tables.SIN[j].multiply(sb));
        return new BigFloat[] {r.signum() < 0 ? sine.negate() : sine, cosine};
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

    /**
     * atan(q) for 0 <= q <= 1: the nearest table point c = j/64 and atan((q - c) / (1 + qc)), below 1/128, by the
     * series (j = 0: the series of q itself, which keeps the relative precision of tiny arguments).
     */
    static BigFloat atan(BigFloat q) {
        int j = q.below(-7) ? 0 : sixtyFourths(q);
        if (j == 0) {
            return atanSeries(q);
        }
        BigFloat c = new BigFloat(BigInteger.valueOf(j), -6);
        BigFloat t = q.subtract(c).divide(BigFloat.ONE.add(q.multiply(c)));
        return Tables.ATAN[j].add(atanSeries(t));
    }

    /** atan(q) by its series, for |q| below about 1/128. */
    private static BigFloat atanSeries(BigFloat q) {
        BigFloat q2 = q.multiply(q);
        BigFloat power = q;
        BigFloat sum = q;
        for (int n = 1; n < MAX_TERMS && sum.signum() != 0 && !power.below(sum.magnitude() - BigFloat.PRECISION); n++) {
            power = power.multiply(q2).negate();
            sum = sum.add(power.multiply(reciprocal(2 * n + 1)));
        }
        return sum;
    }

    /** atan(q) for 0 <= q <= 1: halve the angle until q < 2^-12, then the series (for the table). */
    private static BigFloat atanByHalving(BigFloat q) {
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
