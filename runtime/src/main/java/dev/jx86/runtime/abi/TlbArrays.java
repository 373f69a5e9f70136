package dev.jx86.runtime.abi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The entries of a direct-mapped software TLB, which compiled code probes inline before it calls
 * {@link GuestMemory}: entry {@code page & MASK} maps guest page {@code page} (4 KiB) to its frame when the tag equals
 * the page number, with separate read and write entries (a read-only or code page has no write entry). A hit is an
 * access to the frame at the page offset, little-endian; anything else (a miss, an access crossing the page) goes
 * through {@link GuestMemory#load}/{@link GuestMemory#store}, which may fill the entry. The owner changes the arrays'
 * elements, never the arrays, so code may keep references to them.
 */
public final class TlbArrays {
    /** log2 of the number of entries. */
    public static final int BITS = 10;

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

    /** Entries that never hit: for memories without a TLB. */
    public static final TlbArrays NONE = new TlbArrays();

    public final long[] readTag = new long[ENTRIES];
    public final MemorySegment[] readFrame = new MemorySegment[ENTRIES];
    public final long[] writeTag = new long[ENTRIES];
    public final MemorySegment[] writeFrame = new MemorySegment[ENTRIES];

    public TlbArrays() {
        Arrays.fill(readTag, INVALID);
        Arrays.fill(writeTag, INVALID);
    }
}
