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

    /** Exception flags, the result bits of {@code fexcept}: invalid operation. */
    public static final int INVALID = 1;
    /** A denormal operand. */
    public static final int DENORMAL = 1 << 1;
    /** Division of a finite non-zero number by zero. */
    public static final int DIVIDE_BY_ZERO = 1 << 2;

    public static final int OVERFLOW = 1 << 3;
    /** A tiny, inexact result (with underflow masked, as the lifter runs). */
    public static final int UNDERFLOW = 1 << 4;
    /** An inexact result. */
    public static final int INEXACT = 1 << 5;

    /**
     * Bit 11: underflow masked. When it is clear (the underflow trap enabled), a tiny result signals underflow even
     * when it is exact, as IEEE 754 7.5 says for trapped underflow; the other mask bits (7-12) change no flag.
     */
    public static final int UNDERFLOW_MASK = 1 << 11;

    /** The word's bits that change a result. */
    public static final int CONTROLS = ROUNDING_MASK | FLUSH_TO_ZERO | DENORMALS_ARE_ZERO;

    /** The exception flags (bits 0-5). */
    public static final int FLAGS = 0x3f;

    /** How far a flag's mask bit is above the flag. */
    public static final int MASK_SHIFT = 7;

    /**
     * The flags of {@code word} that are set and masked: an operation that raises one of them changes nothing (the
     * sticky flag stays set, no exception is delivered), so {@code fexcept} leaves them out of its result whether the
     * operation raised them or not, and an implementation need not find out (docs/ir.md, "Exception flags").
     */
    public static int settled(long word) {
        return (int) (word & (word >>> MASK_SHIFT)) & FLAGS;
    }

    /**
     * The flags of {@code flags} that are not settled in {@code word}: the value of {@code fexcept}, which leaves the
     * settled ones out whether the operation raised them or not (docs/ir.md, "Exception flags").
     */
    public static int notSettled(long word, int flags) {
        return flags & ~settled(word);
    }

    /** The rounding mode of {@code word}. */
    public static int rounding(long word) {
        return (int) (word & ROUNDING_MASK) >>> ROUNDING_SHIFT;
    }

    /** Whether {@code word} asks for IEEE's defaults: round to nearest even, denormals kept. */
    public static boolean isDefault(long word) {
        return (word & CONTROLS) == 0;
    }
}
