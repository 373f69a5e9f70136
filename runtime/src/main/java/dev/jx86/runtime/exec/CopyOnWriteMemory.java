package dev.jx86.runtime.exec;

import dev.jx86.runtime.abi.GuestMemory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A private copy of another memory, made page by page on first write: reads see this copy's writes, the other
 * memory never changes. Faults are the other memory's (an access is checked there first). For running code on the
 * side ({@link RegionVerifier}); slow, and without a TLB.
 */
final class CopyOnWriteMemory extends ForwardingMemory {
    private static final int PAGE = 4096;

    private final Map<Long, byte[]> pages = new HashMap<>();

    CopyOnWriteMemory(GuestMemory base) {
        super(base);
    }

    /** The pages written so far (page numbers). */
    Set<Long> writtenPages() {
        return pages.keySet();
    }

    @Override
    public long load(long address, int size) {
        base.checkRead(address, size);
        long value = 0;
        for (int k = 0; k < size; k++) {
            value |= (readByte(address + k) & 0xffL) << (8 * k);
        }
        return value;
    }

    @Override
    public void store(long address, int size, long value) {
        base.checkWrite(address, size);
        for (int k = 0; k < size; k++) {
            page(address + k)[(int) ((address + k) & (PAGE - 1))] = (byte) (value >>> (8 * k));
        }
    }

    /** The byte at {@code address} as this memory sees it. */
    byte readByte(long address) {
        byte[] copy = pages.get(address >>> 12);
        return copy != null ? copy[(int) (address & (PAGE - 1))] : (byte) base.load(address, 1);
    }

    private byte[] page(long address) {
        return pages.computeIfAbsent(address >>> 12, number -> {
            byte[] copy = new byte[PAGE];
            for (int k = 0; k < PAGE; k += 8) {
                long word = base.load((number << 12) + k, 8);
                for (int j = 0; j < 8; j++) {
                    copy[k + j] = (byte) (word >>> (8 * j));
                }
            }
            return copy;
        });
    }
}
