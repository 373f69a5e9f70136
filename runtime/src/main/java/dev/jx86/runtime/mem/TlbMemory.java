package dev.jx86.runtime.mem;

import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.TlbArrays;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * One CPU's view of an {@link AddressSpace} through a direct-mapped software TLB, the fast path of every guest load
 * and store. An entry maps a guest page number to its frame, with separate tags for reading and writing so that a
 * read-only page hits for loads and misses for stores. The hit path is: index = page &amp; mask, compare the tag,
 * then an unaligned little-endian access at the frame + the page offset. Misses and accesses that cross a page
 * boundary take the slow path, which asks the address space (and may raise the guest's #PF). Code pages never get
 * a write entry, so every write to them reaches the address space's code-write listener.
 *
 * <p>Not thread-safe: one view per CPU thread.
 */
public final class TlbMemory implements GuestMemory {
    /** log2 of the number of entries. */
    public static final int BITS = TlbArrays.BITS;

    private static final int ENTRIES = TlbArrays.ENTRIES;
    private static final int MASK = TlbArrays.MASK;
    private static final int PAGE = (int) AddressSpace.PAGE_SIZE;
    private static final long INVALID = TlbArrays.INVALID;

    static final ValueLayout.OfShort U16 = TlbArrays.U16;
    static final ValueLayout.OfInt U32 = TlbArrays.U32;
    static final ValueLayout.OfLong U64 = TlbArrays.U64;

    private final AddressSpace space;
    private final TlbArrays tlb = new TlbArrays();
    private final long[] readTag = tlb.readTag;
    private final MemorySegment[] readFrame = tlb.readFrame;
    private final long[] writeTag = tlb.writeTag;
    private final MemorySegment[] writeFrame = tlb.writeFrame;
    private long misses;

    TlbMemory(AddressSpace space) {
        this.space = space;
        flush();
    }

    @Override
    public TlbArrays tlb() {
        return tlb;
    }

    public AddressSpace space() {
        return space;
    }

    /** TLB misses and page-crossing accesses so far (the slow path's count). */
    public long misses() {
        return misses;
    }

    @Override
    public long load(long address, int size) {
        long page = address >>> AddressSpace.PAGE_SHIFT;
        int i = (int) page & MASK;
        int offset = (int) address & (PAGE - 1);
        if (readTag[i] == page && offset <= PAGE - size) {
            return get(readFrame[i], offset, size);
        }
        return loadSlow(address, size);
    }

    @Override
    public void store(long address, int size, long value) {
        long page = address >>> AddressSpace.PAGE_SHIFT;
        int i = (int) page & MASK;
        int offset = (int) address & (PAGE - 1);
        if (writeTag[i] == page && offset <= PAGE - size) {
            put(writeFrame[i], offset, size, value);
            return;
        }
        storeSlow(address, size, value);
    }

    @Override
    public int fetch(long address, byte[] buffer, int length) {
        int done = 0;
        while (done < length) {
            long at = address + done;
            MemorySegment frame;
            try {
                frame = space.frame(at, Access.EXECUTE);
            } catch (GuestFault fault) {
                if (done == 0) {
                    throw fault;
                }
                break;
            }
            int n = (int) Math.min(length - done, PAGE - (at & (PAGE - 1)));
            MemorySegment.copy(frame, ValueLayout.JAVA_BYTE, at & (PAGE - 1), buffer, done, n);
            done += n;
        }
        return done;
    }

    @Override
    public void checkWrite(long address, long length) {
        space.check(address, length, Access.WRITE);
    }

    @Override
    public void checkRead(long address, long length) {
        space.check(address, length, Access.READ);
    }

    /** Drops every entry. */
    public void flush() {
        Arrays.fill(readTag, INVALID);
        Arrays.fill(writeTag, INVALID);
        Arrays.fill(readFrame, null);
        Arrays.fill(writeFrame, null);
    }

    /** Drops the entries of pages [{@code first}, {@code end}) (page numbers). */
    void flush(long first, long end) {
        if (end - first >= ENTRIES) {
            flush();
            return;
        }
        for (long page = first; page < end; page++) {
            int i = (int) page & MASK;
            if (readTag[i] == page) {
                readTag[i] = INVALID;
                readFrame[i] = null;
            }
            flushWrite(page);
        }
    }

    /** Drops the write entry of one page (it became a code page). */
    void flushWrite(long page) {
        int i = (int) page & MASK;
        if (writeTag[i] == page) {
            writeTag[i] = INVALID;
            writeFrame[i] = null;
        }
    }

    private long loadSlow(long address, int size) {
        misses++;
        int offset = (int) address & (PAGE - 1);
        if (offset <= PAGE - size) {
            return get(fillRead(address), offset, size);
        }
        space.check(address, size, Access.READ);
        MemorySegment first = fillRead(address);
        MemorySegment second = fillRead(address + size - 1);
        long value = 0;
        for (int b = 0; b < size; b++) {
            int at = offset + b;
            MemorySegment frame = at < PAGE ? first : second;
            value |= (frame.get(ValueLayout.JAVA_BYTE, at & (PAGE - 1)) & 0xffL) << (8 * b);
        }
        return value;
    }

    private void storeSlow(long address, int size, long value) {
        misses++;
        int offset = (int) address & (PAGE - 1);
        if (offset <= PAGE - size) {
            put(fillWrite(address), offset, size, value);
            return;
        }
        // Both pages must allow the write before either is written.
        space.check(address, size, Access.WRITE);
        MemorySegment first = fillWrite(address);
        MemorySegment second = fillWrite(address + size - 1);
        for (int b = 0; b < size; b++) {
            int at = offset + b;
            MemorySegment frame = at < PAGE ? first : second;
            frame.set(ValueLayout.JAVA_BYTE, at & (PAGE - 1), (byte) (value >>> (8 * b)));
        }
    }

    private MemorySegment fillRead(long address) {
        MemorySegment frame = space.frame(address, Access.READ);
        long page = address >>> AddressSpace.PAGE_SHIFT;
        int i = (int) page & MASK;
        readTag[i] = page;
        readFrame[i] = frame;
        return frame;
    }

    private MemorySegment fillWrite(long address) {
        MemorySegment frame = space.frame(address, Access.WRITE);
        long page = address >>> AddressSpace.PAGE_SHIFT;
        if (!space.isCodeAt(address)) {
            int i = (int) page & MASK;
            writeTag[i] = page;
            writeFrame[i] = frame;
        }
        return frame;
    }

    private static long get(MemorySegment frame, int offset, int size) {
        return switch (size) {
            case 1 -> frame.get(ValueLayout.JAVA_BYTE, offset) & 0xffL;
            case 2 -> frame.get(U16, offset) & 0xffffL;
            case 4 -> frame.get(U32, offset) & 0xffffffffL;
            case 8 -> frame.get(U64, offset);
            default -> throw new IllegalArgumentException("access size " + size);
        };
    }

    private static void put(MemorySegment frame, int offset, int size, long value) {
        switch (size) {
            case 1 -> frame.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
            case 2 -> frame.set(U16, offset, (short) value);
            case 4 -> frame.set(U32, offset, (int) value);
            case 8 -> frame.set(U64, offset, value);
            default -> throw new IllegalArgumentException("access size " + size);
        }
    }
}
