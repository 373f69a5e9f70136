package dev.jx86.ir;

/**
 * The type of an IR value. Integers I1..I64 live in a Java long in canonical zero-extended form (bits above the
 * width are zero); V128 is two longs; FLAGS is a lazily computed x86-style flags record; VOID marks ops without a
 * result.
 */
public enum Type {
    I1(1),
    I8(8),
    I16(16),
    I32(32),
    I64(64),
    V128(128),
    FLAGS(0),
    VOID(0);

    private final int bits;

    Type(int bits) {
        this.bits = bits;
    }

    /** Width in bits: 1..128 for data types, 0 for FLAGS and VOID. */
    public int bits() {
        return bits;
    }

    /** True for I1..I64. */
    public boolean isInteger() {
        return this == I1 || this == I8 || this == I16 || this == I32 || this == I64;
    }

    /** The mask of the value bits held in a long, for I1..I64. */
    public long mask() {
        return bits >= 64 ? -1L : (1L << bits) - 1;
    }

    /** The text name, e.g. {@code i64}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The integer type of a width of 1, 8, 16, 32 or 64 bits. */
    public static Type ofBits(int bits) {
        return switch (bits) {
            case 1 -> I1;
            case 8 -> I8;
            case 16 -> I16;
            case 32 -> I32;
            case 64 -> I64;
            case 128 -> V128;
            default -> throw new IllegalArgumentException("no integer type of " + bits + " bits");
        };
    }
}
