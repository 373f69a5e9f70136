package dev.jx86.x86.decode.tables;

/**
 * A property of the bytes (or the mode) that chooses between rows sharing an opcode. The decode tree
 * tests them in this order.
 */
public enum Dimension {
    /** Mandatory prefix: none, 66, F3, F2 (the last of F2/F3 wins; VEX gives it in pp). */
    PREFIX(4),
    /** ModRM.reg, the /digit of group opcodes. */
    REG(8),
    /** ModRM.mod: memory (0-2) or register (3). */
    MOD(2),
    /** ModRM.rm in the register form. */
    RM(8),
    /** REX.W or VEX.W. */
    W(2),
    /** VEX.L. */
    L(2),
    /** Outside (0) or in (1) 64-bit mode. */
    MODE(2),
    /** Effective operand size 16, 32 or 64. */
    OPERAND_SIZE(3),
    /** Effective address size 16, 32 or 64. */
    ADDRESS_SIZE(3);

    private final int arity;

    Dimension(int arity) {
        this.arity = arity;
    }

    public int arity() {
        return arity;
    }
}
