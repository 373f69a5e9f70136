package dev.jx86.runtime.abi;

/**
 * The memory operand formats of the x87 loads, stores, arithmetic and compares (SDM Vol. 1 8.2): the lifter passes
 * the ordinal to the x87 helpers with the operand's bits (loads) or address (stores).
 */
public enum X87MemoryFormat {
    SINGLE(4),
    DOUBLE(8),
    EXTENDED(10),
    WORD_INTEGER(2),
    SHORT_INTEGER(4),
    LONG_INTEGER(8),
    PACKED_BCD(10);

    private final int bytes;

    X87MemoryFormat(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    private static final X87MemoryFormat[] VALUES = values();

    static X87MemoryFormat of(long ordinal) {
        return VALUES[(int) ordinal];
    }
}
