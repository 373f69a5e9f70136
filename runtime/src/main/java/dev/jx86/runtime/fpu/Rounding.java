package dev.jx86.runtime.fpu;

/**
 * Rounds an exact finite nonzero result, given as a 128-bit significand with its leading one at bit 127 and the
 * exponent of that bit, into a format at a precision in the context's rounding mode, raising PE, UE and OE and
 * setting C1 as the x87 does (SDM Vol. 1 4.9.1.4-6, 8.5): tininess is detected after rounding to the precision
 * with an unbounded exponent; a masked underflow delivers the denormal (UE only when also inexact); a masked
 * overflow delivers infinity or the largest finite value as the rounding mode says. Unmasked, a register result
 * gets its exponent biased by 24576 into range ({@code wrap}); a memory destination is then left to the caller.
 */
final class Rounding {
    private Rounding() {}

    /** The x87's exponent adjustment for unmasked overflow and underflow results on the register stack. */
    static final int WRAP_BIAS = 24576;

    static Rounded round(
            FpuContext c, boolean negative, int exponent, long hi, long lo, int precision, Format f, boolean wrap) {
        int mode = c.roundingMode();
        int lsb = exponent - precision + 1;
        int shift = lsb - exponent + 127;
        long kept = keep(hi, shift);
        boolean round = roundBit(hi, lo, shift);
        boolean sticky = stickyBits(hi, lo, shift);
        boolean up = increment(mode, negative, kept, round, sticky);
        int e = exponent;
        if (up) {
            kept++;
            if (precision == 64 ? kept == 0 : kept == 1L << precision) {
                kept = 1L << (precision - 1);
                e++;
            }
        }
        boolean inexact = round || sticky;
        long significand = kept << (64 - precision);
        if (e < f.minExponent()) {
            if (!c.masked(FpuContext.UE)) {
                // Unmasked: a register gets the result with its exponent biased into range, memory nothing. A
                // result too tiny for even that becomes a signed zero, inexact (as the host does).
                if (wrap && e + WRAP_BIAS < f.minExponent()) {
                    c.raise(FpuContext.UE | FpuContext.PE);
                    c.roundedUp(false);
                    return new Rounded(negative, 0, 0);
                }
                c.raise(FpuContext.UE | (wrap && inexact ? FpuContext.PE : 0));
                c.roundedUp(wrap && up);
                return new Rounded(negative, (e + Extended.BIAS + WRAP_BIAS) & 0x7fff, significand);
            }
            return denormal(c, negative, exponent, hi, lo, precision, f, mode);
        }
        if (e > f.maxExponent()) {
            return overflow(c, negative, e, significand, inexact, up, precision, f, wrap);
        }
        if (inexact) {
            c.raise(FpuContext.PE);
        }
        c.roundedUp(up);
        return new Rounded(negative, e - f.minExponent() + 1, significand);
    }

    private static Rounded denormal(
            FpuContext c, boolean negative, int exponent, long hi, long lo, int precision, Format f, int mode) {
        // A tiny result keeps the precision's width below the smallest normal: with 24-bit precision control
        // its last bit is 2^(-16382 - 23), not the format's 2^-16445 (measured on the host).
        int lsb = f.minExponent() - precision + 1;
        int shift = lsb - exponent + 127;
        long kept = keep(hi, shift);
        boolean round = roundBit(hi, lo, shift);
        boolean sticky = stickyBits(hi, lo, shift);
        boolean up = increment(mode, negative, kept, round, sticky);
        if (up) {
            kept++;
        }
        boolean inexact = round || sticky;
        if (inexact || !c.masked(FpuContext.UE)) {
            c.raise(FpuContext.UE);
        }
        if (inexact) {
            c.raise(FpuContext.PE);
        }
        c.roundedUp(up);
        long significand = kept << (lsb - f.denormalExponent() + 64 - f.precision());
        return new Rounded(negative, significand < 0 ? 1 : 0, significand);
    }

    private static Rounded overflow(
            FpuContext c,
            boolean negative,
            int e,
            long significand,
            boolean inexact,
            boolean up,
            int precision,
            Format f,
            boolean wrap) {
        int mode = c.roundingMode();
        boolean toInfinity =
                mode == FpuContext.NEAREST || mode == FpuContext.UP && !negative || mode == FpuContext.DOWN && negative;
        if (!c.masked(FpuContext.OE) && wrap && e - WRAP_BIAS > f.maxExponent()) {
            // Unmasked, and too large even with its exponent biased: infinity, inexact and rounded up, whatever the
            // rounding mode (the host).
            c.raise(FpuContext.OE | FpuContext.PE);
            c.roundedUp(true);
            return new Rounded(negative, f.maxBiased(), Extended.INTEGER_BIT);
        }
        if (!c.masked(FpuContext.OE)) {
            // Unmasked: a register gets the rounded result with its exponent biased into range, memory nothing
            // (and then no PE).
            c.raise(FpuContext.OE | (wrap && inexact ? FpuContext.PE : 0));
            c.roundedUp(wrap && up);
            int biased = wrap ? (e + Extended.BIAS - WRAP_BIAS) & 0x7fff : f.maxBiased();
            return new Rounded(negative, biased, significand);
        }
        c.raise(FpuContext.OE | FpuContext.PE);
        c.roundedUp(toInfinity);
        if (toInfinity) {
            return new Rounded(negative, f.maxBiased(), Extended.INTEGER_BIT);
        }
        return new Rounded(negative, f.maxBiased() - 1, -1L << (64 - precision));
    }

    private static boolean increment(int mode, boolean negative, long kept, boolean round, boolean sticky) {
        return switch (mode) {
            case FpuContext.NEAREST -> round && (sticky || (kept & 1) != 0);
            case FpuContext.DOWN -> negative && (round || sticky);
            case FpuContext.UP -> !negative && (round || sticky);
            default -> false;
        };
    }

    /** The bits of hi:lo from bit {@code shift} up ({@code shift} >= 64). */
    private static long keep(long hi, int shift) {
        int q = shift - 64;
        return q >= 64 ? 0 : hi >>> q;
    }

    /** Bit {@code shift - 1} of hi:lo. */
    private static boolean roundBit(long hi, long lo, int shift) {
        int b = shift - 1;
        if (b >= 128) {
            return false;
        }
        return b >= 64 ? (hi >>> (b - 64) & 1) != 0 : (lo >>> b & 1) != 0;
    }

    /** Whether any bit below {@code shift - 1} of hi:lo is set. */
    private static boolean stickyBits(long hi, long lo, int shift) {
        int b = shift - 1;
        if (b >= 128) {
            return hi != 0 || lo != 0;
        }
        if (b >= 64) {
            return lo != 0 || (hi & ((1L << (b - 64)) - 1)) != 0;
        }
        return (lo & ((1L << b) - 1)) != 0;
    }
}
