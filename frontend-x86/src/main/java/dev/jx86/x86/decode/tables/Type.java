package dev.jx86.x86.decode.tables;

/**
 * The size and kind of an operand: the operand-type codes of the Intel SDM, Vol. 2, Appendix A.2.2,
 * plus {@code bs} (a byte immediate sign-extended to the operand size) and {@code t} (80-bit x87).
 */
public enum Type {
    /** No size given (LEA's M, LGDT's M, FXSAVE's M). */
    NONE,
    /** Two words or doublewords (BOUND). */
    A,
    B,
    /** A byte immediate sign-extended to the operand size. */
    BS,
    D,
    DQ,
    /** Far pointer: 32, 48 or 80 bits by operand size. */
    P,
    PD,
    PI,
    PS,
    Q,
    QQ,
    /** Pseudo-descriptor: 6 bytes, or 10 in 64-bit mode. */
    S,
    SD,
    SI,
    SS,
    /** 80-bit x87 extended real or packed BCD. */
    T,
    /** Word, doubleword or quadword by operand size. */
    V,
    W,
    /** 128 or 256 bits by VEX.L. */
    X,
    /** Doubleword, or quadword at 64-bit operand size. */
    Y,
    /** Word at 16-bit operand size, doubleword otherwise. */
    Z
}
