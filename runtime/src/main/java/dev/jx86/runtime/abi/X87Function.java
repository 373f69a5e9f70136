package dev.jx86.runtime.abi;

/**
 * The x87 instructions without operands in the D9 E0-FF group (SDM Vol. 2 Table A-10), each with a helper of its
 * own ({@code x87_fsin}...), ids from 530 in this order.
 */
public enum X87Function {
    FCHS,
    FABS,
    FTST,
    FXAM,
    FLD1,
    FLDL2T,
    FLDL2E,
    FLDPI,
    FLDLG2,
    FLDLN2,
    FLDZ,
    F2XM1,
    FYL2X,
    FPTAN,
    FPATAN,
    FXTRACT,
    FPREM1,
    FDECSTP,
    FINCSTP,
    FPREM,
    FYL2XP1,
    FSQRT,
    FSINCOS,
    FRNDINT,
    FSCALE,
    FSIN,
    FCOS
}
