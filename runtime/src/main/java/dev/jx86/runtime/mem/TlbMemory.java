package dev.jx86.runtime.mem;

import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.HostMemory;
import dev.jx86.runtime.abi.TlbArrays;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

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

    private final AddressSpace space;
    private final TlbArrays tlb;
    private final long[] read;
    private final long[] write;
    private long misses;

    TlbMemory(AddressSpace space) {
        this.space = space;
        this.tlb = new TlbArrays(space.flatBase(), space.permissionsAddress());
        this.read = tlb.read;
        this.write = tlb.write;
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
        if (HostMemory.entry(read, 2 * i) == page && offset <= PAGE - size) {
            return get(HostMemory.entry(read, 2 * i + 1) + address, size);
        }
        return loadSlow(address, size);
    }

    @Override
    public void store(long address, int size, long value) {
        long page = address >>> AddressSpace.PAGE_SHIFT;
        int i = (int) page & MASK;
        int offset = (int) address & (PAGE - 1);
        if (HostMemory.entry(write, 2 * i) == page && offset <= PAGE - size) {
            put(HostMemory.entry(write, 2 * i + 1) + address, size, value);
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
        tlb.invalidateAll();
    }

    /** Drops the entries of pages [{@code first}, {@code end}) (page numbers). */
    void flush(long first, long end) {
        if (end - first >= ENTRIES) {
            flush();
            return;
        }
        for (long page = first; page < end; page++) {
            int i = (int) page & MASK;
            if (read[2 * i] == page) {
                read[2 * i] = INVALID;
            }
            flushWrite(page);
        }
    }

    /** Drops the write entry of one page (it became a code page). */
    void flushWrite(long page) {
        int i = (int) page & MASK;
        if (write[2 * i] == page) {
            write[2 * i] = INVALID;
        }
    }

    private long loadSlow(long address, int size) {
        misses++;
        int offset = (int) address & (PAGE - 1);
        if (offset <= PAGE - size) {
            return get(fillRead(address) + address, size);
        }
        space.check(address, size, Access.READ);
        long first = fillRead(address);
        long second = fillRead(address + size - 1);
        long value = 0;
        for (int b = 0; b < size; b++) {
            long at = address + b;
            long host = (offset + b < PAGE ? first : second) + at;
            value |= HostMemory.getByte(host) << (8 * b);
        }
        return value;
    }

    private void storeSlow(long address, int size, long value) {
        misses++;
        int offset = (int) address & (PAGE - 1);
        if (offset <= PAGE - size) {
            put(fillWrite(address) + address, size, value);
            return;
        }
        // Both pages must allow the write before either is written.
        space.check(address, size, Access.WRITE);
        long first = fillWrite(address);
        long second = fillWrite(address + size - 1);
        for (int b = 0; b < size; b++) {
            long at = address + b;
            long host = (offset + b < PAGE ? first : second) + at;
            HostMemory.putByte(host, value >>> (8 * b));
        }
    }

    /** Fills the read entry of {@code address}'s page; returns its addend. */
    private long fillRead(long address) {
        long addend = space.touch(address, Access.READ).host - (address & ~(long) (PAGE - 1));
        long page = address >>> AddressSpace.PAGE_SHIFT;
        int i = (int) page & MASK;
        read[2 * i + 1] = addend;
        read[2 * i] = page;
        return addend;
    }

    /** Fills the write entry of {@code address}'s page unless it holds code; returns its addend. */
    private long fillWrite(long address) {
        AddressSpace.Page p = space.touch(address, Access.WRITE);
        long addend = p.host - (address & ~(long) (PAGE - 1));
        long page = address >>> AddressSpace.PAGE_SHIFT;
        if (!p.code) {
            int i = (int) page & MASK;
            write[2 * i + 1] = addend;
            write[2 * i] = page;
            if (p.code) { // marked since: its flush of this view may have come before the fill
                write[2 * i] = INVALID;
            }
        }
        return addend;
    }

    private static long get(long host, int size) {
        return switch (size) {
            case 1 -> HostMemory.getByte(host);
            case 2 -> HostMemory.getShort(host);
            case 4 -> HostMemory.getInt(host);
            case 8 -> HostMemory.getLong(host);
            default -> throw new IllegalArgumentException("access size " + size);
        };
    }

    private static void put(long host, int size, long value) {
        switch (size) {
            case 1 -> HostMemory.putByte(host, value);
            case 2 -> HostMemory.putShort(host, value);
            case 4 -> HostMemory.putInt(host, value);
            case 8 -> HostMemory.putLong(host, value);
            default -> throw new IllegalArgumentException("access size " + size);
        }
    }
}
