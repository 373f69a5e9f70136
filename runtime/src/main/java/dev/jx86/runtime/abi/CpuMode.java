package dev.jx86.runtime.abi;

/**
 * The CPU mode bits that change what guest bytes mean; part of every translation's key. User mode uses the first
 * two; system mode adds the others as it arrives.
 */
public enum CpuMode {
    /** 64-bit mode (CS.L = 1). */
    LONG_64(64),
    /** 32-bit protected mode with a flat 32-bit code segment (compatibility mode in user mode). */
    PROTECTED_32(32),
    /** 16-bit code: real mode or a 16-bit protected-mode segment. */
    REAL_16(16);

    private final int bits;

    CpuMode(int bits) {
        this.bits = bits;
    }

    /** The default operand and address size in bits. */
    public int bits() {
        return bits;
    }
}
