package dev.jx86.x86.decode.tables;

/**
 * The AMD XOP opcodes (AMD64 Architecture Programmer's Manual, Vol. 4 and Vol. 3 for TBM and LWP),
 * for length and validity only: jx86 models a processor without XOP, so each raises #UD, but the
 * decoder must know where one ends and whether the bytes are an XOP instruction at all, as GNU
 * objdump does. One row per opcode: map, opcode, and what the encoding must satisfy.
 */
public final class XopOpcodes {
    /** XOP.W may be 0 or 1. */
    private static final int ANY_W = 1;
    /** XOP.L may be 0 or 1. */
    private static final int ANY_L = 2;
    /** XOP.vvvv names no operand and must be encoded 1111b. */
    private static final int NO_VVVV = 4;

    private record Opcode(int map, int opcode, int rules, int regs, int immediate) {}

    private static final Opcode[] OPCODES = {
        // Map 8: multiply-accumulate, permutes, rotates by immediate, compares (all take an imm8).
        row(8, 0x85, 0, 0xff, 1),
        row(8, 0x86, 0, 0xff, 1),
        row(8, 0x87, 0, 0xff, 1),
        row(8, 0x8e, 0, 0xff, 1),
        row(8, 0x8f, 0, 0xff, 1),
        row(8, 0x95, 0, 0xff, 1),
        row(8, 0x96, 0, 0xff, 1),
        row(8, 0x97, 0, 0xff, 1),
        row(8, 0x9e, 0, 0xff, 1),
        row(8, 0x9f, 0, 0xff, 1),
        row(8, 0xa2, ANY_W | ANY_L, 0xff, 1),
        row(8, 0xa3, ANY_W, 0xff, 1),
        row(8, 0xa6, 0, 0xff, 1),
        row(8, 0xb6, 0, 0xff, 1),
        row(8, 0xc0, NO_VVVV, 0xff, 1),
        row(8, 0xc1, NO_VVVV, 0xff, 1),
        row(8, 0xc2, NO_VVVV, 0xff, 1),
        row(8, 0xc3, NO_VVVV, 0xff, 1),
        row(8, 0xcc, 0, 0xff, 1),
        row(8, 0xcd, 0, 0xff, 1),
        row(8, 0xce, 0, 0xff, 1),
        row(8, 0xcf, 0, 0xff, 1),
        row(8, 0xec, 0, 0xff, 1),
        row(8, 0xed, 0, 0xff, 1),
        row(8, 0xee, 0, 0xff, 1),
        row(8, 0xef, 0, 0xff, 1),
        // Map 9: TBM groups (ModRM.reg selects), LWP control, frcz, rotates and shifts, horizontal adds.
        row(9, 0x01, ANY_W, 0xfe, 0),
        row(9, 0x02, ANY_W, 0x42, 0),
        row(9, 0x12, ANY_W, 0x03, 0),
        row(9, 0x80, NO_VVVV | ANY_L, 0xff, 0),
        row(9, 0x81, NO_VVVV | ANY_L, 0xff, 0),
        row(9, 0x82, NO_VVVV, 0xff, 0),
        row(9, 0x83, NO_VVVV, 0xff, 0),
        row(9, 0x90, ANY_W, 0xff, 0),
        row(9, 0x91, ANY_W, 0xff, 0),
        row(9, 0x92, ANY_W, 0xff, 0),
        row(9, 0x93, ANY_W, 0xff, 0),
        row(9, 0x94, ANY_W, 0xff, 0),
        row(9, 0x95, ANY_W, 0xff, 0),
        row(9, 0x96, ANY_W, 0xff, 0),
        row(9, 0x97, ANY_W, 0xff, 0),
        row(9, 0x98, ANY_W, 0xff, 0),
        row(9, 0x99, ANY_W, 0xff, 0),
        row(9, 0x9a, ANY_W, 0xff, 0),
        row(9, 0x9b, ANY_W, 0xff, 0),
        row(9, 0xc1, NO_VVVV, 0xff, 0),
        row(9, 0xc2, NO_VVVV, 0xff, 0),
        row(9, 0xc3, NO_VVVV, 0xff, 0),
        row(9, 0xc6, NO_VVVV, 0xff, 0),
        row(9, 0xc7, NO_VVVV, 0xff, 0),
        row(9, 0xcb, NO_VVVV, 0xff, 0),
        row(9, 0xd1, NO_VVVV, 0xff, 0),
        row(9, 0xd2, NO_VVVV, 0xff, 0),
        row(9, 0xd3, NO_VVVV, 0xff, 0),
        row(9, 0xd6, NO_VVVV, 0xff, 0),
        row(9, 0xd7, NO_VVVV, 0xff, 0),
        row(9, 0xdb, NO_VVVV, 0xff, 0),
        row(9, 0xe1, NO_VVVV, 0xff, 0),
        row(9, 0xe2, NO_VVVV, 0xff, 0),
        row(9, 0xe3, NO_VVVV, 0xff, 0),
        // Map A: TBM BEXTR with imm32, LWP inserts with imm32.
        row(0xa, 0x10, ANY_W | ANY_L, 0xff, 4),
        row(0xa, 0x12, ANY_W, 0x03, 4),
    };

    private XopOpcodes() {}

    private static Opcode row(int map, int opcode, int rules, int regs, int immediate) {
        return new Opcode(map, opcode, rules, regs, immediate);
    }

    /**
     * The immediate size (0, 1 or 4) of the XOP instruction with these fields ({@code vvvv} as
     * encoded, inverted), or -1 when they are not one: an undefined opcode, or W, L, pp, vvvv or
     * ModRM.reg outside what the opcode allows.
     */
    public static int immediateSize(int map, int opcode, boolean w, boolean l, int pp, int vvvv, int reg) {
        if (pp != 0) {
            return -1;
        }
        for (Opcode o : OPCODES) {
            if (o.map == map && o.opcode == opcode) {
                boolean ok = (!w || (o.rules & ANY_W) != 0)
                        && (!l || (o.rules & ANY_L) != 0)
                        && (vvvv == 0xf || (o.rules & NO_VVVV) == 0)
                        && (o.regs >> reg & 1) != 0;
                return ok ? o.immediate : -1;
            }
        }
        return -1;
    }
}
