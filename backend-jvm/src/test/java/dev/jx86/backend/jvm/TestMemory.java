package dev.jx86.backend.jvm;

import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.Vectors;
import java.util.Arrays;
import java.util.Random;

/** One mapped, writable page at {@link #BASE}; any access that touches another byte faults with #PF. */
final class TestMemory implements GuestMemory {
    static final long BASE = 0x1000;
    static final int SIZE = 4096;

    final byte[] bytes = new byte[SIZE];

    TestMemory(long seed) {
        new Random(seed).nextBytes(bytes);
    }

    TestMemory(TestMemory other) {
        System.arraycopy(other.bytes, 0, bytes, 0, SIZE);
    }

    @Override
    public long load(long address, int size) {
        checkRead(address, size);
        long value = 0;
        for (int k = size - 1; k >= 0; k--) {
            value = value << 8 | (bytes[(int) (address - BASE) + k] & 0xff);
        }
        return value;
    }

    @Override
    public void store(long address, int size, long value) {
        checkWrite(address, size);
        for (int k = 0; k < size; k++) {
            bytes[(int) (address - BASE) + k] = (byte) (value >>> 8 * k);
        }
    }

    @Override
    public int fetch(long address, byte[] buffer, int length) {
        return 0;
    }

    @Override
    public void checkWrite(long address, long length) {
        check(address, length, 2);
    }

    @Override
    public void checkRead(long address, long length) {
        check(address, length, 0);
    }

    private static void check(long address, long length, int errorCode) {
        if (address < BASE || address > BASE + SIZE - length) {
            throw new GuestFault(Vectors.PF, errorCode | 4, address < BASE ? address : Math.max(address, BASE + SIZE));
        }
    }

    boolean sameAs(TestMemory other) {
        return Arrays.equals(bytes, other.bytes);
    }
}
