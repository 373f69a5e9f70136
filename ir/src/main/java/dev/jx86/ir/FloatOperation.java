package dev.jx86.ir;

import java.util.Locale;

/**
 * The float operation whose exception flags {@code fexcept}/{@code vfexcept} compute, with what its two operands
 * are: a and b of a binary op; a (b ignored) of a unary one; for the integer conversions the source value a and, for
 * {@code to_int32}/{@code to_int64}, b = a already rounded to an integral value in the conversion's own way (a itself
 * when it truncates).
 */
public enum FloatOperation {
    ADD,
    SUB,
    MUL,
    DIV,
    SQRT,
    /** x86 MIN/MAX: any NaN operand is invalid. */
    MIN_MAX,
    /** A quiet compare: only a signaling NaN is invalid (UCOMISS, CMPPS EQ/UNORD/NEQ/ORD). */
    COMPARE_QUIET,
    /** A signaling compare: any NaN is invalid (COMISS, CMPPS LT/LE/NLT/NLE). */
    COMPARE_SIGNALING,
    /** binary32 to binary64. */
    EXTEND,
    /** binary64 to binary32. */
    NARROW,
    /** A signed integer (the operand's width) to binary32. */
    FROM_INT_TO_SINGLE,
    /** A signed integer (the operand's width) to binary64. */
    FROM_INT_TO_DOUBLE,
    /** A float to a 32-bit signed integer. */
    TO_INT32,
    /** A float to a 64-bit signed integer. */
    TO_INT64,
    /**
     * Rounding to an integral value in the float format (ROUNDSS...): a signaling NaN is invalid, an inexact result
     * is inexact; no denormal-operand flag.
     */
    ROUND;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
