package dev.jx86.x86.decode.tables;

/**
 * How an operand is encoded: the addressing methods of the Intel SDM, Vol. 2, Appendix A.2.1, plus the
 * few the SDM writes out by name.
 */
public enum Method {
    /** Direct far address in the instruction (ptr16:16/32). */
    A,
    /** VEX.vvvv selects a general register. */
    B,
    /** ModRM.reg selects a control register. */
    C,
    /** ModRM.reg selects a debug register. */
    D,
    /** ModRM.rm: a general register or memory. */
    E,
    /** ModRM.reg selects a general register. */
    G,
    /** VEX.vvvv selects an XMM or YMM register. */
    H,
    /** Immediate data. */
    I,
    /** Relative offset added to the next instruction's address. */
    J,
    /** Bits 7:4 of an 8-bit immediate select an XMM or YMM register. */
    L,
    /** ModRM.rm, memory only. */
    M,
    /** ModRM.rm selects an MMX register (register form only). */
    N,
    /** Memory offset in the instruction, no ModRM (moffs). */
    O,
    /** ModRM.reg selects an MMX register. */
    P,
    /** ModRM.rm: an MMX register or memory. */
    Q,
    /** ModRM.rm selects a general register (register form only). */
    R,
    /** ModRM.reg selects a segment register. */
    S,
    /** ModRM.reg selects a test register (386/486 only). */
    T,
    /** ModRM.rm selects an XMM or YMM register (register form only). */
    U,
    /** ModRM.reg selects an XMM or YMM register. */
    V,
    /** ModRM.rm: an XMM or YMM register or memory. */
    W,
    /** Memory addressed by DS:rSI (string source). */
    X,
    /** Memory addressed by ES:rDI (string destination). */
    Y,
    /** The low three bits of the opcode (with REX.B) select a general register ("+r" forms). */
    Z,
    /** A register the row names (AL, rAX, CL, DX, ES, ST...). */
    FIXED,
    /** The constant 1 of the shift-by-one forms. */
    ONE,
    /** ModRM.rm selects an x87 stack register ST(i) (register form only). */
    STI,
    /** Memory at DS:rBX, XLAT's table; written {@code [rBX]b}. */
    TABLE,
    // Added for the 0F map (MPX), written "bnd" and "bnd/M" in rows as in the SDM's instruction pages.
    /** ModRM.reg selects a bound register. */
    BND,
    /** ModRM.rm: a bound register or memory. */
    BND_RM,

    // Added for the VEX maps: opmask registers (AVX-512 K instructions, VEX-encoded) and VSIB memory.

    /** ModRM.reg selects an opmask register k0-k7 (written {@code KG}). */
    KG,
    /** ModRM.rm: an opmask register or memory (written {@code KE}). */
    KE,
    /** ModRM.rm selects an opmask register, register form only (written {@code KR}). */
    KR,
    /** VEX.vvvv selects an opmask register (written {@code KH}). */
    KH,
    /**
     * ModRM memory with a SIB byte whose index is a vector register (VSIB, the gathers), written as
     * the SDM's {@code vm32x}, {@code vm32y}, {@code vm64x}, {@code vm64y} followed by the element
     * type ({@code vm32x:q} for VGATHERDPD).
     */
    VSIB,
    /** The low four bits of the is4 byte an L operand reads: VPERMIL2PS's selector (written {@code I4}). */
    I4,
    /** ModRM.reg selects an AMX tile register (written {@code TG}). */
    TG,
    /** ModRM.rm selects an AMX tile register, register form only (written {@code TR}). */
    TR,
    /** VEX.vvvv selects an AMX tile register (written {@code TH}). */
    TH,
    /** ModRM memory that must have a SIB byte, no size given (AMX's sibmem, written {@code Msib}). */
    SIBMEM
}
