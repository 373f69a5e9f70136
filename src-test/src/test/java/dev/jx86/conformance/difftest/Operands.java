package dev.jx86.conformance.difftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds the assembly lines of one generated item: random operands in Intel syntax as GNU {@code as} reads it,
 * within the differential test's rules. RSP and RBX are never written (RBX points at the data buffer, RSP at a stack
 * inside it); memory operands stay in the buffer apart from a few that reach past its ends on purpose; index
 * registers are first made small with a flag-neutral MOVZX. An instruction that names AH, CH, DH or BH uses no
 * register that needs a REX prefix.
 */
final class Operands {
    private static final String[] R64 = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"
    };
    private static final String[] R32 = {
        "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d",
        "r15d"
    };
    private static final String[] R16 = {
        "ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"
    };
    private static final String[] R8 = {
        "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"
    };
    private static final String[] R8_LEGACY = {"al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"};

    final Random random;
    /** 64-bit mode; else 32-bit mode, where there are eight registers, no REX and no 64-bit operands. */
    final boolean bits64;

    private final List<String> lines = new ArrayList<>();
    private boolean legacy;

    Operands(Random random, boolean bits64) {
        this.random = random;
        this.bits64 = bits64;
        this.legacy = !bits64;
    }

    /** The number of general-purpose registers. */
    int registers() {
        return bits64 ? 16 : 8;
    }

    /** The operand size of PUSH and POP of a register: 8 or 4. */
    int stack() {
        return bits64 ? 8 : 4;
    }

    /** An operand size of 2 bytes or more. */
    int wide() {
        return bits64 ? pick(2, 4, 8) : pick(2, 4);
    }

    /** An operand size of 4 bytes or more (BMI, BSWAP, ADX). */
    int big() {
        return bits64 ? pick(4, 8) : 4;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    void line(String text) {
        lines.add(text);
    }

    /**
     * Starts an instruction whose operands are at most {@code size} bytes: with 8-bit operands and no 64-bit
     * operand it may use AH-BH, and then only the first eight registers.
     */
    void begin(boolean mayUseHighBytes) {
        legacy = !bits64 || mayUseHighBytes && random.nextInt(3) == 0;
    }

    int pick(int... choices) {
        return choices[random.nextInt(choices.length)];
    }

    boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    /** A random operand size in bytes: 1, 2, 4 or 8. */
    int size() {
        return bits64 ? pick(1, 2, 4, 8) : pick(1, 2, 4);
    }

    /** A register the code may write, of {@code size} bytes. */
    String reg(int size) {
        if (size == 1 && legacy) {
            return R8_LEGACY[pick(0, 1, 2, 4, 5, 6)]; // not BL or BH: they are RBX
        }
        return name(writable(), size);
    }

    /** A register the code may read (RBX included), of {@code size} bytes. */
    String src(int size) {
        int n;
        do {
            n = legacy ? random.nextInt(8) : random.nextInt(16);
        } while (n == 4 && !(size == 1 && legacy)); // AH may be read; SP may not
        return name(n, size);
    }

    /** The number of a register the code may write (not RSP, not RBX). */
    int writable() {
        int n;
        do {
            n = legacy ? random.nextInt(8) : random.nextInt(16);
        } while (n == 3 || n == 4);
        return n;
    }

    String name(int number, int size) {
        return switch (size) {
            case 1 -> legacy ? R8_LEGACY[number] : R8[number];
            case 2 -> R16[number];
            case 4 -> R32[number];
            case 8 -> R64[number];
            default -> throw new IllegalArgumentException("size " + size);
        };
    }

    static String ptr(int size) {
        return switch (size) {
            case 1 -> "byte ptr ";
            case 2 -> "word ptr ";
            case 4 -> "dword ptr ";
            case 8 -> "qword ptr ";
            case 16 -> "xmmword ptr ";
            default -> throw new IllegalArgumentException("size " + size);
        };
    }

    /** A memory operand of {@code size} bytes in the data buffer, mostly near RBX. */
    String mem(int size) {
        return ptr(size) + address(size, 1);
    }

    /** A memory operand of 16 bytes, aligned to 16 bytes except now and then (which faults where alignment is due). */
    String mem128() {
        return ptr(16) + address(16, chance(40) ? 1 : 16);
    }

    /** An address expression in the buffer whose displacement is a multiple of {@code align}. */
    String address(int size, int align) {
        if (chance(50)) {
            // Reaching past an end of the buffer, wholly or partly: both sides must fault alike.
            int disp = chance(2) ? -0x1000 - pick(1, 2, 4, 8) : 0x1000 - size + pick(1, 2, 4, 8);
            return "[" + name(3, stack()) + signed(disp) + "]";
        }
        int disp = (random.nextInt(0x200) - 0x100) & -align;
        if (align == 1 && chance(3)) {
            int index = indexRegister();
            int scale = pick(1, 2, 4, 8);
            disp = (random.nextInt(0x400) - 0x400) & -align;
            return "[" + name(3, stack()) + "+" + name(index, stack()) + "*" + scale + signed(disp) + "]";
        }
        return "[" + name(3, stack()) + signed(disp) + "]";
    }

    /** Picks a register, zero-extends its low byte into it (no flag changes) and returns its number. */
    int indexRegister() {
        int index = legacy ? pick(0, 1, 2) : writable();
        line("movzx " + R32[index] + ", " + name(index, 1));
        return index;
    }

    /** A register or memory operand of {@code size} bytes. */
    String rm(int size) {
        return chance(2) ? reg(size) : mem(size);
    }

    /** A source register or memory operand of {@code size} bytes. */
    String srm(int size) {
        return chance(2) ? src(size) : mem(size);
    }

    /** An immediate for an instruction of {@code size} bytes (at most 32 bits, sign-extended for 64). */
    String imm(int size) {
        return Long.toString(
                switch (size) {
                    case 1 -> random.nextInt(256) - 128;
                    case 2 -> random.nextInt(65536) - 32768;
                    default -> chance(2) ? random.nextInt(256) - 128 : random.nextInt();
                });
    }

    /** An immediate byte 0-255. */
    String imm8() {
        return Integer.toString(random.nextInt(256));
    }

    /** An XMM register. */
    String xmm() {
        return "xmm" + random.nextInt(16);
    }

    /** An XMM register or a 16-byte memory operand. */
    String xm128() {
        return chance(2) ? xmm() : mem128();
    }

    /** An XMM register or a memory operand of {@code size} bytes (for scalar forms). */
    String xm(int size) {
        return chance(2) ? xmm() : mem(size);
    }

    /** An MMX register. */
    String mm() {
        return "mm" + random.nextInt(8);
    }

    /** An MMX register or a memory operand of {@code size} bytes. */
    String mq(int size) {
        return chance(2) ? mm() : mem(size);
    }

    static String signed(long value) {
        return value < 0 ? "-" + Long.toString(-value) : "+" + value;
    }
}
