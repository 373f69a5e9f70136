package dev.jx86.x86.decode;

/** The processor mode code is decoded in: it fixes default operand and address sizes and which encodings exist. */
public enum Mode {
    BITS16(16),
    BITS32(32),
    BITS64(64);

    private final int bits;

    Mode(int bits) {
        this.bits = bits;
    }

    /** Default operand and address size in bits (64-bit mode: 32-bit operands, 64-bit addresses). */
    public int bits() {
        return bits;
    }

    public static Mode ofBits(int bits) {
        return switch (bits) {
            case 16 -> BITS16;
            case 32 -> BITS32;
            case 64 -> BITS64;
            default -> throw new IllegalArgumentException("mode must be 16, 32 or 64, not " + bits);
        };
    }
}
