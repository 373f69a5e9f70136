package dev.jx86.x86.decode;

/**
 * The bytes of one instruction as the {@link InstructionReader} consumes them: a position that may
 * not pass the end of the input nor the 15-byte limit (SDM Vol. 2, 2.3.11). A read past either stops
 * decoding with a preallocated {@link Stop}, which the reader turns into an {@link Invalid} result.
 */
abstract sealed class ByteCursor permits OperandReader {
    /** Ends decoding early; preallocated and stackless, it never leaves the reader. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Stop TRUNCATED = new Stop(Invalid.Reason.TRUNCATED);
        /**
         * A read reached {@code limit}: the instruction ends there, TOO_LONG at 15 bytes, else TRUNCATED.
         * Decided by {@link #stopLength()}'s caller, so that the reads stay under C2's 35-byte inlining
         * limit.
         */
        static final Stop LIMIT = new Stop(Invalid.Reason.TRUNCATED);

        final Invalid.Reason reason;

        private Stop(Invalid.Reason reason) {
            super(reason.toString(), null, false, false);
            this.reason = reason;
        }
    }

    final byte[] code;
    final int start;
    final int end;
    /** The first byte the instruction may not reach: its end or the 15-byte limit, whichever is first. */
    final int limit;

    int pos;

    ByteCursor(byte[] code, int start, int end) {
        this.code = code;
        this.start = start;
        this.end = end;
        this.limit = Math.min(end, start + Decoder.MAX_LENGTH);
        this.pos = start;
    }

    /** The next byte; 35 bytecodes, so that C2 inlines it at every call site. */
    final int next() {
        if (pos >= limit) {
            throw Stop.LIMIT;
        }
        return Byte.toUnsignedInt(code[pos++]);
    }

    /** The next byte, not consumed. */
    final int peek() {
        if (pos >= end) {
            throw Stop.TRUNCATED;
        }
        return code[pos] & 0xff;
    }

    /** A little-endian signed 32-bit value, with one limit check for its four bytes. */
    final int readInt32() {
        int at = pos;
        if (at > limit - 4) {
            throw Stop.LIMIT;
        }
        pos = at + 4;
        return Addressing.int32(code, at);
    }

    final long readUnsigned(int size) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (long) next() << (8 * i);
        }
        return value;
    }

    final long readSigned(int size) {
        return switch (size) {
            case 1 -> (byte) next();
            case 4 -> readInt32();
            default -> {
                long value = readUnsigned(size);
                int shift = 64 - 8 * size;
                yield value << shift >> shift;
            }
        };
    }

    /** Bytes read so far. */
    final int length() {
        return pos - start;
    }

    /** The length of an instruction that {@code stop} ended, and the position there. */
    final int stopLength(Stop stop) {
        if (stop == Stop.LIMIT) {
            // As if the bytes up to the limit had been read one at a time.
            pos = limit;
        }
        return pos - start;
    }
}
