package dev.jx86.ir;

import java.util.Locale;

/** One of the six status flags of a FLAGS value, with its bit in the EFLAGS layout used by {@code flags.bits}. */
public enum Flag {
    CF(0),
    PF(2),
    AF(4),
    ZF(6),
    SF(7),
    OF(11);

    /** The bits of all six flags in the EFLAGS layout. */
    public static final long ALL = 0x8D5L;

    private final int bit;

    Flag(int bit) {
        this.bit = bit;
    }

    /** The bit position in the EFLAGS layout. */
    public int bit() {
        return bit;
    }

    /** This flag's bit as a mask. */
    public long mask() {
        return 1L << bit;
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
