package dev.jx86.runtime.abi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The entries of a direct-mapped software TLB, which compiled code probes inline before it calls
 * {@link GuestMemory}: entry {@code i = page & MASK} maps guest page {@code page} (4 KiB) when its tag equals the page
 * number, with separate read and write entries (a read-only or code page has no write entry). Each array holds the
 * entries interleaved, so that a probe touches one cache line: {@code [2i]} the tag, {@code [2i + 1]} the
 * <em>addend</em>, which added to a guest address of that page gives its host address, to be accessed through
 * {@link #HOST}. A hit is an access at that address, little-endian; anything else (a miss, an access crossing the
 * page) goes through {@link GuestMemory#load}/{@link GuestMemory#store}, which may fill the entry. The owner changes
 * the arrays' elements, never the arrays, so code may keep references to them; the host memory behind an entry stays
 * mapped for as long as the memory that filled it is open. A flat memory ({@link FlatLayout}) also gives its base
 * and permission map here; compiled code then uses those instead of the entries.
 */
public final class TlbArrays {
    /** log2 of the number of entries. */
    public static final int BITS = 13;

    public static final int ENTRIES = 1 << BITS;
    public static final int MASK = ENTRIES - 1;
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;

    /** A tag no page number equals (guest page numbers are below 2^52). */
    public static final long INVALID = -1;

    /** Little-endian unaligned layouts for the accesses of 2, 4 and 8 bytes. */
    public static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    public static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /**
     * The host's native memory as one segment whose offsets are host addresses: a TLB hit accesses
     * {@code HOST} at the entry's addend plus the guest address. A constant, so that the JIT folds the segment's
     * checks to a bound it never reaches; the TLB's tags are what keep accesses inside guest frames.
     */
    @SuppressWarnings("restricted")
    public static final MemorySegment HOST = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    /** Entries that never hit: for memories without a TLB. */
    public static final TlbArrays NONE = new TlbArrays();

    /** The read entries: tag at {@code 2i}, addend at {@code 2i + 1}. */
    public final long[] read = new long[2 * ENTRIES];

    /** The write entries: tag at {@code 2i}, addend at {@code 2i + 1}. */
    public final long[] write = new long[2 * ENTRIES];

    /** The host address of guest address 0 when the memory is flat ({@link FlatLayout}); else 0. */
    public final long base;

    /** The host address of the memory's permission map ({@link FlatLayout}): {@link FlatLayout#NO_PERMISSIONS} when
     * the memory is not flat. */
    public final long permissions;

    /** The TLB of a memory that is not flat. */
    public TlbArrays() {
        this(0, FlatLayout.NO_PERMISSIONS);
    }

    /** The TLB of a flat memory at {@code base} with its permission map at {@code permissions}. */
    public TlbArrays(long base, long permissions) {
        this.base = base;
        this.permissions = permissions;
        invalidateAll();
    }

    /** Drops every entry. */
    public void invalidateAll() {
        for (int i = 0; i < ENTRIES; i++) {
            read[2 * i] = INVALID;
            write[2 * i] = INVALID;
        }
    }
}
