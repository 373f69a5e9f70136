package dev.jx86.ir;

import java.util.Locale;

/** The predicate of an integer compare ({@code icmp.<cond>}, {@code vicmp.<cond>}). */
public enum IntCondition {
    EQ,
    NE,
    ULT,
    ULE,
    UGT,
    UGE,
    SLT,
    SLE,
    SGT,
    SGE;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
