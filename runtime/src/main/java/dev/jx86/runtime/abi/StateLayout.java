package dev.jx86.runtime.abi;

import dev.jx86.ir.text.SlotNames;
import java.util.HashMap;
import java.util.Map;

/**
 * The one numbering of the x86 CPU state slots that IR {@code get}/{@code set} name and both tiers keep in a
 * {@code long[]}. A 128-bit XMM register takes two consecutive slots (low, high); the FLAGS slot holds the six
 * status flags in EFLAGS layout (CF 0, PF 2, AF 4, ZF 6, SF 7, OF 11) as a {@code flags} value; every other RFLAGS
 * bit (DF, IF, AC, ID, the always-one bit 1) lives in {@link #RFLAGS}.
 */
public final class StateLayout implements SlotNames {
    /** The general-purpose registers in encoding order: RAX 0, RCX 1, ... R15 15. */
    public static final int RAX = 0;

    public static final int RCX = 1;
    public static final int RDX = 2;
    public static final int RBX = 3;
    public static final int RSP = 4;
    public static final int RBP = 5;
    public static final int RSI = 6;
    public static final int RDI = 7;
    public static final int R8 = 8;
    public static final int R15 = 15;

    /** The address of the next instruction to run (the current one while it faults). */
    public static final int RIP = 16;

    /**
     * The six status flags, a {@code flags} value; compiled code may leave it in a lazy form that only
     * {@link FlagsState#bits} reads.
     */
    public static final int FLAGS = 17;

    /** RFLAGS without the six status flags: DF (bit 10), IF, AC, ID and bit 1. */
    public static final int RFLAGS = 18;

    public static final int FS_BASE = 19;
    public static final int GS_BASE = 20;

    /** Segment selectors ES, CS, SS, DS, FS, GS in encoding order. */
    public static final int ES = 21;

    public static final int CS = 22;
    public static final int SS = 23;
    public static final int DS = 24;
    public static final int FS = 25;
    public static final int GS = 26;

    /** The SSE control and status register (32 bits). */
    public static final int MXCSR = 27;

    /** The x87 control word (16 bits; 0x37f after FNINIT and at process start). */
    public static final int FPU_CONTROL = 28;

    /** The x87 status word (16 bits), with TOP in bits 11-13 as on hardware. */
    public static final int FPU_STATUS = 29;

    /** The x87 tag word, full form (16 bits; 0xffff: all registers empty). */
    public static final int FPU_TAG = 30;

    /** XMM register {@code i} is slots {@code XMM0 + 2i} (low 64 bits) and {@code XMM0 + 2i + 1} (high). */
    public static final int XMM0 = 32;

    /**
     * The x87 physical register {@code Ri} (R0-R7; ST(j) is R((TOP + j) mod 8)) is two slots: {@code FPR0 + 2i} holds
     * its 64-bit significand with the explicit integer bit, {@code FPR0 + 2i + 1} its sign and 15-bit exponent. MMX
     * register {@code i} is the significand slot of {@code Ri}: an MMX write sets the exponent slot to 0xffff, every
     * MMX instruction sets TOP to 0 and every tag to valid, EMMS empties the tags (SDM Vol. 1 9.5), so MMX needs no
     * state of its own.
     */
    public static final int FPR0 = XMM0 + 32;

    /** The four operands of a lazily kept FLAGS slot ({@link FlagsState}). */
    public static final int FLAGS_OPERANDS = FPR0 + 16;

    /** Slots in the state array. */
    public static final int SIZE = FLAGS_OPERANDS + 4;

    /** RFLAGS bits kept in {@link #RFLAGS}. */
    public static final long DF_BIT = 1L << 10;

    /** The RFLAGS bits that are status flags (kept in {@link #FLAGS}). */
    public static final long STATUS_FLAGS = 0x8d5;

    /** The reset value of {@link #RFLAGS}: bit 1 and IF set. */
    public static final long RFLAGS_RESET = 0x202;

    private static final String[] GPR64 = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"
    };
    private static final String[] SEGMENTS = {"es", "cs", "ss", "ds", "fs", "gs"};

    /** The layout (its names for IR text). */
    public static final StateLayout INSTANCE = new StateLayout();

    private final String[] names = new String[SIZE];
    private final Map<String, Integer> slots = new HashMap<>();

    private StateLayout() {
        for (int i = 0; i < 16; i++) {
            name(gpr(i), GPR64[i]);
        }
        name(RIP, "rip");
        name(FLAGS, "flags");
        name(RFLAGS, "rflags");
        name(FS_BASE, "fs_base");
        name(GS_BASE, "gs_base");
        for (int i = 0; i < SEGMENTS.length; i++) {
            name(ES + i, SEGMENTS[i]);
        }
        name(MXCSR, "mxcsr");
        name(FPU_CONTROL, "fcw");
        name(FPU_STATUS, "fsw");
        name(FPU_TAG, "ftw");
        for (int i = 0; i < 16; i++) {
            name(xmm(i), "xmm" + i);
            name(xmm(i) + 1, "xmm" + i + "h");
        }
        for (int i = 0; i < 8; i++) {
            name(fpr(i), "fr" + i);
            name(fpr(i) + 1, "fr" + i + "e");
        }
        for (int i = 0; i < 4; i++) {
            name(FLAGS_OPERANDS + i, "flags_op" + i);
        }
    }

    private void name(int slot, String name) {
        names[slot] = name;
        slots.put(name, slot);
    }

    /** The slot of general-purpose register {@code number} (0-15). */
    public static int gpr(int number) {
        return RAX + number;
    }

    /** The first (low) slot of XMM register {@code number} (0-15). */
    public static int xmm(int number) {
        return XMM0 + 2 * number;
    }

    /** The significand slot of x87 physical register {@code number} (0-7); its sign and exponent follow it. */
    public static int fpr(int number) {
        return FPR0 + 2 * number;
    }

    /** The selector slot of segment register {@code number} (ES 0 ... GS 5). */
    public static int segment(int number) {
        return ES + number;
    }

    @Override
    public String name(int slot) {
        return slot >= 0 && slot < SIZE && names[slot] != null ? names[slot] : "s" + slot;
    }

    @Override
    public int slot(String name) {
        Integer slot = slots.get(name);
        if (slot != null) {
            return slot;
        }
        return SlotNames.numbered().slot(name);
    }
}
