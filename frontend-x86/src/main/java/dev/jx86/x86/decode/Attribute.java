package dev.jx86.x86.decode;

/**
 * Facts an opcode-table row states about an encoding: where it is valid, how prefixes act on it, and
 * what the lifter must know about it. The names follow the superscripts of the Intel SDM's opcode
 * maps (Vol. 2, Appendix A.2.5) where those exist.
 */
public enum Attribute {
    /** Invalid in 64-bit mode (SDM "i64"). */
    I64,
    /** Valid only in 64-bit mode (SDM "o64"). */
    O64,
    /** Operand size defaults to 64 bits in 64-bit mode; 66 makes it 16 (SDM "d64"). */
    D64,
    /**
     * Operand size is 64 bits in 64-bit mode (SDM "f64"). Intel ignores 66 here; AMD and GNU objdump
     * let it select 16 bits, and jx86 follows them (the host is an AMD part): so it acts as D64.
     */
    F64,
    /** The row applies only at a 16-, 32- or 64-bit operand size (CBW/CWDE/CDQE...). */
    OS16,
    OS32,
    OS64,
    /** The row applies only at a 16-, 32- or 64-bit address size (JCXZ/JECXZ/JRCXZ). */
    AS16,
    AS32,
    AS64,
    /** LOCK is allowed when the destination is in memory. */
    LOCKABLE,
    /** F3 is REP (string instructions that do not compare). */
    REP,
    /** F3 is REPE/REPZ and F2 REPNE/REPNZ (CMPS, SCAS). */
    REPE_REPNE,
    /** F2 is the MPX BND prefix (near branches). */
    BND,
    /** 3E is NOTRACK (indirect near branches under CET). */
    NOTRACK,
    /**
     * F3 is XRELEASE without LOCK (MOV to memory). With LOCK, F2/F3 are XACQUIRE/XRELEASE on every
     * LOCKABLE instruction, and XCHG with memory takes both always: those follow from the rest.
     */
    HLE,
    /** Changes control flow. */
    BRANCH,
    /** Raises #GP unless CPL is 0. */
    PRIVILEGED,
    // Added for the 0F map.
    /**
     * ModRM.mod is ignored and read as 11: the rm field always names a register (MOV to and from
     * control, debug and test registers, SDM Vol. 2 "MOV-Move to/from Control Registers").
     */
    MOD_IGNORED,
    /**
     * In the ModRM form the row does not take, objdump still names the instruction and shows the
     * operand as {@code (bad)}; the bytes remain undefined (#UD).
     */
    NAMED_IN_OTHER_FORM;

    public final int bit() {
        return 1 << ordinal();
    }
}
