package dev.jx86.runtime.mem;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * The host memory behind guest pages: 4 KiB frames carved from one large region reserved with
 * {@code mmap(MAP_NORESERVE)} (which costs no resident memory until a frame is touched), or, where that is not
 * available, from {@link Arena}-allocated chunks. Frames come back zeroed; released frames are reused.
 */
final class FramePool implements AutoCloseable {
    static final int FRAME_SIZE = 4096;

    private static final int CHUNK_FRAMES = 256;
    private static final int PROT_READ_WRITE = 3;
    private static final int MAP_PRIVATE_ANONYMOUS_NORESERVE = 0x02 | 0x20 | 0x4000;

    private final MemorySegment reservation;
    private final Arena arena;
    private final ArrayDeque<MemorySegment> released = new ArrayDeque<>();
    private MemorySegment chunk;
    private long next;
    private long limit;

    private FramePool(MemorySegment reservation, Arena arena) {
        this.reservation = reservation;
        this.arena = arena;
        this.chunk = reservation;
        this.limit = reservation == null ? 0 : reservation.byteSize();
    }

    /** A pool that can hand out up to {@code bytes} of frames (the reservation's size, when mmap is available). */
    static FramePool reserve(long bytes) {
        Arena arena = Arena.ofShared();
        MemorySegment reservation = Native.mmap(bytes, arena);
        return new FramePool(reservation, arena);
    }

    /** Whether this pool is one mmap reservation (else Arena chunks). */
    boolean reserved() {
        return reservation != null;
    }

    /** A zeroed frame; throws {@link OutOfMemoryError} when the reservation is used up. */
    MemorySegment allocate() {
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

    void release(MemorySegment frame) {
        released.push(frame);
    }

    /** Frees the host memory; every frame handed out becomes inaccessible (an access throws, never crashes). */
    @Override
    public void close() {
        arena.close();
    }

    /** The two libc calls, bound once; absent on hosts that are not Linux or deny native access. */
    @SuppressWarnings("restricted")
    private static final class Native {
        private static final MethodHandle MMAP;
        private static final MethodHandle MUNMAP;

        static {
            MethodHandle mmap = null;
            MethodHandle munmap = null;
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
                try {
                    Linker linker = Linker.nativeLinker();
                    var libc = linker.defaultLookup();
                    mmap = linker.downcallHandle(
                            libc.find("mmap").orElseThrow(),
                            FunctionDescriptor.of(
                                    ValueLayout.ADDRESS,
                                    ValueLayout.ADDRESS,
                                    ValueLayout.JAVA_LONG,
                                    ValueLayout.JAVA_INT,
                                    ValueLayout.JAVA_INT,
                                    ValueLayout.JAVA_INT,
                                    ValueLayout.JAVA_LONG));
                    munmap = linker.downcallHandle(
                            libc.find("munmap").orElseThrow(),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
                } catch (RuntimeException | Error e) {
                    mmap = null;
                    munmap = null;
                }
            }
            MMAP = mmap;
            MUNMAP = munmap;
        }

        /** The reservation, unmapped when {@code arena} closes; null if mmap is unavailable or fails. */
        static MemorySegment mmap(long bytes, Arena arena) {
            if (MMAP == null) {
                return null;
            }
            try {
                MemorySegment address = (MemorySegment) MMAP.invokeExact(
                        MemorySegment.NULL, bytes, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS_NORESERVE, -1, 0L);
                if (address.address() == -1L || address.address() == 0L) {
                    return null;
                }
                return address.reinterpret(bytes, arena, segment -> munmap(segment, bytes));
            } catch (Throwable e) {
                return null;
            }
        }

        private static void munmap(MemorySegment reservation, long bytes) {
            try {
                int result = (int) MUNMAP.invokeExact(reservation, bytes);
                if (result != 0) {
                    throw new IllegalStateException("munmap of the guest memory reservation failed");
                }
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
