package dev.jx86.x86.decode.tables;

/** The opcode maps an instruction's opcode byte is looked up in (SDM Vol. 2, Appendix A.3). */
public enum OpcodeMap {
    ONE_BYTE,
    /** 0F xx. */
    MAP_0F,
    /** 0F 38 xx. */
    MAP_0F38,
    /** 0F 3A xx. */
    MAP_0F3A,
    /** VEX map 1 (implied 0F). */
    VEX_0F,
    /** VEX map 2 (implied 0F 38). */
    VEX_0F38,
    /** VEX map 3 (implied 0F 3A). */
    VEX_0F3A,
    /** AMD 3DNow!: 0F 0F ModRM [SIB] [displacement], then the opcode byte. */
    THREE_DNOW
}
