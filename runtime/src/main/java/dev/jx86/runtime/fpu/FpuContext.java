package dev.jx86.runtime.fpu;

/**
 * What one x87 operation rounds by and what it raised: the rounding mode and precision of the control word, the
 * exception flags collected so far (status-word layout: IE 0, DE 1, ZE 2, OE 3, UE 4, PE 5) and whether the last
 * rounding increased the magnitude (C1). The exception masks decide the results of overflow and underflow
 * (SDM Vol. 1 8.5). One context per instruction; not shared.
 */
public final class FpuContext {
    public static final int IE = 1;
    public static final int DE = 2;
    public static final int ZE = 4;
    public static final int OE = 8;
    public static final int UE = 16;
    public static final int PE = 32;

    /** Rounding control: RC field values of the control word. */
    public static final int NEAREST = 0;

    public static final int DOWN = 1;
    public static final int UP = 2;
    public static final int TOWARD_ZERO = 3;

    private final int control;
    private int flags;
    private boolean roundedUp;
    private boolean denormalOperand;

    /** A context for the control word {@code control}. */
    public FpuContext(int control) {
        this.control = control & 0xffff;
    }

    public int control() {
        return control;
    }

    /** The rounding mode, one of {@link #NEAREST}, {@link #DOWN}, {@link #UP}, {@link #TOWARD_ZERO}. */
    public int roundingMode() {
        return control >>> 10 & 3;
    }

    /**
     * The significand precision that precision control gives the basic arithmetic: 24, 53 or 64 bits. The reserved
     * setting (01) rounds as 64-bit precision does.
     */
    public int precision() {
        return switch (control >>> 8 & 3) {
            case 0 -> 24;
            case 2 -> 53;
            default -> 64;
        };
    }

    /** Whether exception {@code flag} (one of the flag constants) is masked. */
    public boolean masked(int flag) {
        return (control & flag) != 0;
    }

    public void raise(int flag) {
        flags |= flag;
    }

    /** The exception flags raised so far. */
    public int flags() {
        return flags;
    }

    /** The flags raised whose exceptions are unmasked: when not 0 the instruction ends in an #MF later. */
    public int unmasked() {
        return flags & ~control & 0x3f;
    }

    /**
     * Records that a memory operand was a denormal in its own format (it is normal once widened to extended): the
     * operation that uses it raises DE as it would for a denormal register operand.
     */
    public void denormalOperand() {
        denormalOperand = true;
    }

    boolean hasDenormalOperand() {
        return denormalOperand;
    }

    /** Whether the last rounding moved the result away from zero (the status word's C1 after it). */
    public boolean roundedUp() {
        return roundedUp;
    }

    void roundedUp(boolean up) {
        roundedUp = up;
    }
}
