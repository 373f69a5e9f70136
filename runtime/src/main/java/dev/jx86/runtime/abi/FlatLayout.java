package dev.jx86.runtime.abi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Flat guest memory, the layout compiled code accesses directly (docs/memory.md, "Flat memory"): guest address
 * {@code a} below {@link #SPAN} lives at host address {@code base + a}, and one byte per guest page at
 * {@code permissions + (a >>> 12)} says whether compiled code may read ({@link #READ}) or write ({@link #WRITE})
 * it without asking the memory. An access is then: the span check, the permission byte, the page-crossing check,
 * and the host access, whose address does not depend on any load.
 *
 * <p>A memory that is not flat gives compiled code {@link #NO_PERMISSIONS}, a map of zeros as large as a real one,
 * so that every access takes the slow path, {@link GuestMemory#load}/{@link GuestMemory#store}.
 */
public final class FlatLayout {
    private FlatLayout() {}

    /** Guest addresses of a flat memory are below this: 64 TiB, the 46-bit user space of 64-bit guests. */
    public static final long SPAN = 1L << 46;

    public static final int PAGE_SHIFT = 12;

    /** Permission bits. */
    public static final int READ = 1;

    public static final int WRITE = 2;

    /**
     * The host address of a permission map of zeros covering {@link #SPAN}, shared by every memory that is not flat;
     * 0 where the host cannot reserve one, and then no memory is flat and compiled code probes the TLB instead.
     */
    public static final long NO_PERMISSIONS = zeros();

    /**
     * Whether compiled code uses the flat accessors (else the TLB's): the host can reserve a 64-bit guest's span (a
     * host that accounts every writable mapping, {@code vm.overcommit_memory=2}, cannot), and it is not turned off.
     */
    public static final boolean ENABLED =
            NO_PERMISSIONS != 0 && !Boolean.getBoolean("jx86.noFlatMemory") && canReserve(SPAN);

    private static long zeros() {
        MemorySegment map = HostMappings.reserveZeros(SPAN >>> PAGE_SHIFT, Arena.global());
        return map == null ? 0 : map.address();
    }

    private static boolean canReserve(long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            return HostMappings.reserve(bytes, arena) != null;
        }
    }
}
