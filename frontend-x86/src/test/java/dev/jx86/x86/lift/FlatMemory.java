package dev.jx86.x86.lift;

import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.Vectors;

/**
 * Guest memory for lifter tests: one readable, writable and executable range [base, base + size); anything else
 * page-faults as user-mode memory would.
 */
final class FlatMemory implements GuestMemory {
    final long base;
    final byte[] bytes;

    FlatMemory(long base, int size) {
        this.base = base;
        this.bytes = new byte[size];
    }

    void put(long address, byte[] data) {
        System.arraycopy(data, 0, bytes, offset(address, data.length, 0), data.length);
    }

    private int offset(long address, long length, int errorCode) {
        long start = address - base;
        if (start < 0 || start + length > bytes.length || length < 0) {
            long bad = start < 0 ? address : Math.max(address, base + bytes.length);
            throw new GuestFault(Vectors.PF, errorCode | 4, bad);
        }
        return (int) start;
    }

    @Override
    public long load(long address, int size) {
        int at = offset(address, size, 0);
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = v << 8 | (bytes[at + i] & 0xff);
        }
        return v;
    }

    @Override
    public void store(long address, int size, long value) {
        int at = offset(address, size, 2);
        for (int i = 0; i < size; i++) {
            bytes[at + i] = (byte) (value >>> 8 * i);
        }
    }

    @Override
    public int fetch(long address, byte[] buffer, int length) {
        int at = offset(address, 1, 16);
        int n = Math.min(length, bytes.length - at);
        System.arraycopy(bytes, at, buffer, 0, n);
        return n;
    }

    @Override
    public void checkWrite(long address, long length) {
        offset(address, length, 2);
    }

    @Override
    public void checkRead(long address, long length) {
        offset(address, length, 0);
    }
}
