package dev.jx86.runtime.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A little-endian guest structure being filled (or read) field by field at byte offsets, then copied as a whole. */
final class GuestStruct {
    private final ByteBuffer buffer;

    GuestStruct(int size) {
        buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    GuestStruct(byte[] bytes) {
        buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    GuestStruct u8(int offset, long value) {
        buffer.put(offset, (byte) value);
        return this;
    }

    GuestStruct u16(int offset, long value) {
        buffer.putShort(offset, (short) value);
        return this;
    }

    GuestStruct u32(int offset, long value) {
        buffer.putInt(offset, (int) value);
        return this;
    }

    GuestStruct u64(int offset, long value) {
        buffer.putLong(offset, value);
        return this;
    }

    /** A 4- or 8-byte word. */
    GuestStruct word(int offset, int size, long value) {
        return size == 8 ? u64(offset, value) : u32(offset, value);
    }

    GuestStruct bytes(int offset, byte[] value) {
        buffer.put(offset, value);
        return this;
    }

    long u32(int offset) {
        return buffer.getInt(offset) & 0xffffffffL;
    }

    long u64(int offset) {
        return buffer.getLong(offset);
    }

    /** A 4-byte word sign-extended or an 8-byte word. */
    long signedWord(int offset, int size) {
        return size == 8 ? buffer.getLong(offset) : buffer.getInt(offset);
    }

    /** A 4-byte word zero-extended or an 8-byte word. */
    long word(int offset, int size) {
        return size == 8 ? buffer.getLong(offset) : buffer.getInt(offset) & 0xffffffffL;
    }

    byte[] array() {
        return buffer.array();
    }
}
