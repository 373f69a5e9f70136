package dev.jx86.runtime.mem;

import dev.jx86.runtime.abi.FlatLayout;
import dev.jx86.runtime.abi.HostMappings;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What compiled code may do to each page of a flat address space without asking it: one byte per guest page
 * ({@link FlatLayout#READ}, {@link FlatLayout#WRITE}), in a reservation covering every page below
 * {@link FlatLayout#SPAN}, so that the byte of any address that passes the span check exists. A page gets its bits
 * when it is first touched through the address space (which allocates its frame and checks its mapping); they are
 * cleared when the map changes, and the write bit is withheld from pages holding translated code, so that every
 * write to them still reaches the address space.
 */
final class PermissionMap implements AutoCloseable {
    private final Arena arena;
    private final MemorySegment bytes;

    private PermissionMap(Arena arena, MemorySegment bytes) {
        this.arena = arena;
        this.bytes = bytes;
    }

    /** A map with no permissions; null if the host cannot reserve it. */
    static PermissionMap reserve() {
        Arena arena = Arena.ofShared();
        MemorySegment bytes = HostMappings.reserve(FlatLayout.SPAN >>> FlatLayout.PAGE_SHIFT, arena);
        if (bytes == null) {
            arena.close();
            return null;
        }
        return new PermissionMap(arena, bytes);
    }

    /** The host address of page 0's byte. */
    long address() {
        return bytes.address();
    }

    void set(long page, int bits) {
        bytes.set(ValueLayout.JAVA_BYTE, page, (byte) bits);
    }

    void clear(long page) {
        bytes.set(ValueLayout.JAVA_BYTE, page, (byte) 0);
    }

    /** The bits of {@code page}, as compiled code reads them. */
    int get(long page) {
        return bytes.get(ValueLayout.JAVA_BYTE, page);
    }

    @Override
    public void close() {
        arena.close();
    }
}
