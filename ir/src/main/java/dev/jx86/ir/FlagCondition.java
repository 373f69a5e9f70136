package dev.jx86.ir;

import java.util.Locale;

/** The sixteen conditions that can be tested on a FLAGS value ({@code cond.<cc>}), in encoding order 0..15. */
public enum FlagCondition {
    O,
    NO,
    B,
    AE,
    E,
    NE,
    BE,
    A,
    S,
    NS,
    P,
    NP,
    L,
    GE,
    LE,
    G;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The condition that is true exactly when this one is false (conditions come in pairs). */
    public FlagCondition negate() {
        return values()[ordinal() ^ 1];
    }
}
