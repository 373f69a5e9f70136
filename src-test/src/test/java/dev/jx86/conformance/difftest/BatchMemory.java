package dev.jx86.conformance.difftest;

import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.Vectors;

/**
 * The guest memory of one batch of cases under jx86, as the native harness maps it: the batch's code slots (each
 * case's code followed by UD2) and the data buffer; everything else is unmapped and faults with #PF. A small
 * stand-in for the runtime's memory so that the test checks the CPU semantics only.
 */
final class BatchMemory implements GuestMemory {
    private static final int ERROR_WRITE = 2;
    private static final int ERROR_USER = 4;
    private static final int ERROR_FETCH = 16;

    private final byte[] code;
    private final byte[] data = new byte[Layout.DATA_SIZE];

    BatchMemory(java.util.List<TestCase> cases) {
        code = new byte[cases.size() * Layout.SLOT];
        for (int i = 0; i < cases.size(); i++) {
            byte[] c = cases.get(i).code();
            int at = i * Layout.SLOT;
            System.arraycopy(c, 0, code, at, c.length);
            code[at + c.length] = 0x0f;
            code[at + c.length + 1] = 0x0b;
        }
    }

    /** The data buffer, which a case fills before it runs and reads after. */
    byte[] data() {
        return data;
    }

    @Override
    public long load(long address, int size) {
        checkRead(address, size);
        byte[] bytes = region(address);
        int at = offset(address);
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | (bytes[at + i] & 0xff);
        }
        return value;
    }

    @Override
    public void store(long address, int size, long value) {
        checkWrite(address, size);
        byte[] bytes = region(address);
        int at = offset(address);
        for (int i = 0; i < size; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    @Override
    public int fetch(long address, byte[] buffer, int length) {
        byte[] bytes = region(address);
        if (bytes == null) {
            throw new GuestFault(Vectors.PF, ERROR_USER | ERROR_FETCH, address);
        }
        int at = offset(address);
        int n = Math.min(length, bytes.length - at);
        System.arraycopy(bytes, at, buffer, 0, n);
        return n;
    }

    @Override
    public void checkWrite(long address, long length) {
        check(address, length, ERROR_USER | ERROR_WRITE);
    }

    @Override
    public void checkRead(long address, long length) {
        check(address, length, ERROR_USER);
    }

    private void check(long address, long length, int error) {
        byte[] first = region(address);
        if (first == null) {
            throw new GuestFault(Vectors.PF, error, address);
        }
        long last = address + length - 1;
        if (region(last) != first) {
            long page = (address | 0xfff) + 1;
            throw new GuestFault(Vectors.PF, error, page);
        }
    }

    private byte[] region(long address) {
        if (address >= Layout.DATA_BASE && address < Layout.DATA_BASE + Layout.DATA_SIZE) {
            return data;
        }
        if (address >= Layout.CODE_BASE && address < Layout.CODE_BASE + code.length) {
            return code;
        }
        return null;
    }

    private static int offset(long address) {
        return (int) (address >= Layout.DATA_BASE ? address - Layout.DATA_BASE : address - Layout.CODE_BASE);
    }
}
