package dev.jx86.ir.eval;

import dev.jx86.ir.Block;
import dev.jx86.ir.Type;

/** Bit-field extract and insert on values of up to 128 bits (a V128 is low word, high word). */
final class BitFields {
    private BitFields() {}

    /** The {@code width}-bit field at {@code offset} of the 128-bit value (low, high). */
    static long extract(long low, long high, int offset, int width) {
        long shifted;
        if (offset == 0) {
            shifted = low;
        } else if (offset < 64) {
            shifted = (low >>> offset) | (high << (64 - offset));
        } else {
            shifted = high >>> (offset - 64);
        }
        return width == 64 ? shifted : shifted & ((1L << width) - 1);
    }

    /** Instruction {@code i}: its first operand with the bit field at aux0 replaced by its second operand. */
    static long insert(Block b, int i, long[] low, long[] high) {
        int base = b.arg(i, 0);
        int field = b.arg(i, 1);
        int offset = (int) b.aux0(i);
        int width = b.type(field).bits();
        long fieldMask = width == 64 ? -1L : (1L << width) - 1;
        long value = low[field] & fieldMask;
        long newLow = low[base];
        long newHigh = high[base];
        if (offset < 64) {
            newLow = (newLow & ~(fieldMask << offset)) | (value << offset);
            if (offset + width > 64) {
                int spill = offset + width - 64;
                long spillMask = (1L << spill) - 1;
                newHigh = (newHigh & ~spillMask) | (value >>> (64 - offset));
            }
        } else {
            newHigh = (newHigh & ~(fieldMask << (offset - 64))) | (value << (offset - 64));
        }
        high[i] = b.type(i) == Type.V128 ? newHigh : 0;
        return newLow & b.type(i).mask();
    }
}
