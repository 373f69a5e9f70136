package dev.jx86.runtime.mem;

import dev.jx86.runtime.abi.HostMappings;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;

/**
 * The host memory behind guest pages: 4 KiB frames, zeroed when handed out, in one of three layouts.
 *
 * <ul>
 *   <li><b>Flat</b>: one reservation as large as the guest's address space ({@link HostMappings}, which costs no
 *       resident memory until a page is touched), the frame of guest page {@code p} at the reservation's base plus
 *       {@code p}'s address. Compiled code then reaches any guest byte at one constant offset from its address,
 *       without looking the page's frame up (docs/memory.md, "Flat memory").
 *   <li><b>Reserved</b>: frames carved in order of first touch from one reservation of the frame budget.
 *   <li><b>Chunks</b>: where no reservation can be made, {@link Arena}-allocated chunks of frames.
 * </ul>
 *
 * In every layout at most the budget's worth of frames is in use at once; beyond it {@link #allocate} throws
 * {@link OutOfMemoryError}.
 */
final class FramePool implements AutoCloseable {
    static final int FRAME_SIZE = 4096;

    private static final int CHUNK_FRAMES = 256;

    private final MemorySegment reservation;
    private final boolean flat;
    private final long budget;
    private final Arena arena;
    private final ArrayDeque<MemorySegment> released = new ArrayDeque<>();
    private MemorySegment chunk;
    private long next;
    private long limit;
    private long inUse;

    private FramePool(MemorySegment reservation, boolean flat, long budgetBytes, Arena arena) {
        this.reservation = reservation;
        this.flat = flat;
        this.budget = budgetBytes / FRAME_SIZE;
        this.arena = arena;
        this.chunk = flat ? null : reservation;
        this.limit = reservation == null || flat ? 0 : reservation.byteSize();
    }

    /** A pool that can hand out up to {@code bytes} of frames (the reservation's size, when mmap is available). */
    static FramePool reserve(long bytes) {
        Arena arena = Arena.ofShared();
        return new FramePool(HostMappings.reserve(bytes, arena), false, bytes, arena);
    }

    /**
     * A flat pool for guest addresses below {@code span}, with at most {@code budgetBytes} of frames in use; null if
     * the host cannot reserve {@code span} bytes of address space.
     */
    static FramePool flat(long span, long budgetBytes) {
        Arena arena = Arena.ofShared();
        MemorySegment reservation = HostMappings.reserve(span, arena);
        if (reservation == null) {
            arena.close();
            return null;
        }
        return new FramePool(reservation, true, budgetBytes, arena);
    }

    /** Whether this pool is one mmap reservation (else Arena chunks). */
    boolean reserved() {
        return reservation != null;
    }

    /** The host address of guest address 0 in a flat pool; 0 in the other layouts. */
    long flatBase() {
        return flat ? reservation.address() : 0;
    }

    /**
     * A zeroed frame for the guest page at {@code address} (which only a flat pool uses); throws
     * {@link OutOfMemoryError} when the budget is used up.
     */
    MemorySegment allocate(long address) {
        if (inUse == budget) {
            throw new OutOfMemoryError("guest memory budget exhausted");
        }
        inUse++;
        if (flat) {
            return reservation.asSlice(address, FRAME_SIZE); // zero: never touched, or discarded on release
        }
        MemorySegment frame = released.poll();
        if (frame != null) {
            return frame.fill((byte) 0);
        }
        if (next == limit) {
            if (reservation != null) {
                throw new OutOfMemoryError("guest memory reservation exhausted");
            }
            chunk = arena.allocate((long) CHUNK_FRAMES * FRAME_SIZE, FRAME_SIZE);
            next = 0;
            limit = chunk.byteSize();
        }
        frame = chunk.asSlice(next, FRAME_SIZE);
        next += FRAME_SIZE;
        return frame;
    }

    /**
     * In a flat pool: the frame of the page at {@code address}, with {@code frame}'s contents; {@code frame} stays in
     * use until {@link #discard} of its range.
     */
    MemorySegment move(MemorySegment frame, long address) {
        MemorySegment to = reservation.asSlice(address, FRAME_SIZE);
        to.copyFrom(frame);
        return to;
    }

    /** Gives {@code frame} back; in a flat pool its contents stay until {@link #discard} of its range. */
    void release(MemorySegment frame) {
        inUse--;
        if (!flat) {
            released.push(frame);
        }
    }

    /**
     * In a flat pool, gives the host memory of guest addresses [start, end) back to the host in one call, so that
     * released frames there read as zeros when handed out again; nothing in the other layouts.
     */
    void discard(long start, long end) {
        if (flat) {
            HostMappings.discard(reservation.asSlice(start, end - start));
        }
    }

    /** Frees the host memory; every frame handed out becomes inaccessible (an access throws, never crashes). */
    @Override
    public void close() {
        arena.close();
    }
}
