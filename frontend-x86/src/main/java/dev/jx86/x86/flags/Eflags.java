package dev.jx86.x86.flags;

import java.util.StringJoiner;

/** The EFLAGS bits instructions read and write, as masks at their architectural positions. */
public final class Eflags {
    public static final int CF = 1;
    public static final int PF = 1 << 2;
    public static final int AF = 1 << 4;
    public static final int ZF = 1 << 6;
    public static final int SF = 1 << 7;
    public static final int TF = 1 << 8;
    public static final int IF = 1 << 9;
    public static final int DF = 1 << 10;
    public static final int OF = 1 << 11;
    public static final int AC = 1 << 18;

    /** The six arithmetic status flags. */
    public static final int STATUS = CF | PF | AF | ZF | SF | OF;

    private static final int[] BITS = {CF, PF, AF, ZF, SF, TF, IF, DF, OF, AC};
    private static final String[] NAMES = {"CF", "PF", "AF", "ZF", "SF", "TF", "IF", "DF", "OF", "AC"};

    private Eflags() {}

    /** The flags of {@code mask} by name, e.g. {@code "CF ZF"}; empty for none. */
    public static String names(int mask) {
        StringJoiner joiner = new StringJoiner(" ");
        for (int i = 0; i < BITS.length; i++) {
            if ((mask & BITS[i]) != 0) {
                joiner.add(NAMES[i]);
            }
        }
        return joiner.toString();
    }
}
