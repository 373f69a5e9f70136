package dev.jx86.ir;

/**
 * The float environment word that every float op takes as its last operand: the rounding mode and the two denormal
 * controls, read at run time so that one translation serves every mode. The bit layout is the one of x86's MXCSR,
 * so that an x86 front end passes its control register unchanged (other bits of the word are ignored); another front
 * end builds the word from its own control register.
 */
public final class FloatEnvironment {
    private FloatEnvironment() {}

    /** Bits 13-14: the rounding mode, one of the four below. */
    public static final int ROUNDING_SHIFT = 13;

    public static final int ROUNDING_MASK = 3 << ROUNDING_SHIFT;

    /** Round to nearest, ties to even (IEEE's default). */
    public static final int NEAREST = 0;
    /** Round toward negative infinity. */
    public static final int DOWN = 1;
    /** Round toward positive infinity. */
    public static final int UP = 2;
    /** Round toward zero. */
    public static final int TOWARD_ZERO = 3;

    /** Bit 15: results that are denormal after rounding become zero of the same sign (x86 FTZ). */
    public static final int FLUSH_TO_ZERO = 1 << 15;

    /** Bit 6: denormal operands are read as zero of the same sign (x86 DAZ). */
    public static final int DENORMALS_ARE_ZERO = 1 << 6;

    /** The word's bits that change a result. */
    public static final int CONTROLS = ROUNDING_MASK | FLUSH_TO_ZERO | DENORMALS_ARE_ZERO;

    /** The rounding mode of {@code word}. */
    public static int rounding(long word) {
        return (int) (word & ROUNDING_MASK) >>> ROUNDING_SHIFT;
    }

    /** Whether {@code word} asks for IEEE's defaults: round to nearest even, denormals kept. */
    public static boolean isDefault(long word) {
        return (word & CONTROLS) == 0;
    }
}
