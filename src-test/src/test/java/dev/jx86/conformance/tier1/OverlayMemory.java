package dev.jx86.conformance.tier1;

import dev.jx86.runtime.abi.GuestMemory;
import java.util.Map;
import java.util.TreeMap;

/**
 * A private, copy-on-write view of another guest memory: reads see the base unless this view wrote the byte, writes
 * stay here. The base decides what faults. Two views of one base let two runs of a block start from the same memory
 * and be compared by what they wrote.
 */
final class OverlayMemory implements GuestMemory {
    private final GuestMemory base;
    final Map<Long, Byte> written = new TreeMap<>();

    OverlayMemory(GuestMemory base) {
        this.base = base;
    }

    @Override
    public long load(long address, int size) {
        base.checkRead(address, size);
        long value = 0;
        for (int k = size - 1; k >= 0; k--) {
            Byte b = written.get(address + k);
            value = value << 8 | (b != null ? b & 0xff : base.load(address + k, 1));
        }
        return value;
    }

    @Override
    public void store(long address, int size, long value) {
        base.checkWrite(address, size);
        for (int k = 0; k < size; k++) {
            written.put(address + k, (byte) (value >>> 8 * k));
        }
    }

    @Override
    public int fetch(long address, byte[] buffer, int length) {
        return base.fetch(address, buffer, length);
    }

    @Override
    public void checkWrite(long address, long length) {
        base.checkWrite(address, length);
    }

    @Override
    public void checkRead(long address, long length) {
        base.checkRead(address, length);
    }
}
