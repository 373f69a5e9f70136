package dev.jx86.ir;

import java.util.Locale;

/**
 * The predicate of a floating-point compare. O-prefixed predicates are false when either operand is NaN
 * (unordered), U-prefixed ones are true; ORD and UNO test orderedness itself.
 */
public enum FloatCondition {
    OEQ,
    OGT,
    OGE,
    OLT,
    OLE,
    ONE,
    ORD,
    UEQ,
    UGT,
    UGE,
    ULT,
    ULE,
    UNE,
    UNO;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
