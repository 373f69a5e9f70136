package dev.jx86.runtime.abi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Large reservations of host address space, through libc's {@code mmap} with {@code MAP_NORESERVE}: they cost no
 * resident memory until a page is touched, and a page never written reads as zeros. Guest frames and the page
 * permission maps of flat guest memory live in them (docs/memory.md). Linux only; elsewhere, or where native access
 * is denied, {@link #available()} is false and every reservation returns null.
 */
@SuppressWarnings("restricted")
public final class HostMappings {
    private HostMappings() {}

    private static final int PROT_READ = 1;
    private static final int PROT_READ_WRITE = 3;
    private static final int MAP_PRIVATE_ANONYMOUS_NORESERVE = 0x02 | 0x20 | 0x4000;
    private static final int MADV_DONTNEED = 4;

    private static final MethodHandle MMAP;
    private static final MethodHandle MUNMAP;
    private static final MethodHandle MADVISE;

    static {
        MethodHandle mmap = null;
        MethodHandle munmap = null;
        MethodHandle madvise = null;
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
                madvise = linker.downcallHandle(
                        libc.find("madvise").orElseThrow(),
                        FunctionDescriptor.of(
                                ValueLayout.JAVA_INT,
                                ValueLayout.ADDRESS,
                                ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_INT));
            } catch (RuntimeException | Error e) {
                mmap = null;
                munmap = null;
                madvise = null;
            }
        }
        MMAP = mmap;
        MUNMAP = munmap;
        MADVISE = madvise;
    }

    /** Whether reservations can be made here. */
    public static boolean available() {
        return MMAP != null;
    }

    /** {@code bytes} of zeroed, writable memory, unmapped when {@code arena} closes; null if that is not possible. */
    public static MemorySegment reserve(long bytes, Arena arena) {
        return map(bytes, PROT_READ_WRITE, arena);
    }

    /** {@code bytes} of zeros that may only be read, unmapped when {@code arena} closes; null if not possible. */
    public static MemorySegment reserveZeros(long bytes, Arena arena) {
        return map(bytes, PROT_READ, arena);
    }

    /** Gives the pages of {@code range} (page-aligned) back to the host: they read as zeros afterwards. */
    public static void discard(MemorySegment range) {
        try {
            if (MADVISE != null && (int) MADVISE.invokeExact(range, range.byteSize(), MADV_DONTNEED) == 0) {
                return;
            }
        } catch (Throwable e) {
            // fall through: zero it by hand
        }
        range.fill((byte) 0);
    }

    private static MemorySegment map(long bytes, int protection, Arena arena) {
        if (MMAP == null) {
            return null;
        }
        try {
            MemorySegment address = (MemorySegment)
                    MMAP.invokeExact(MemorySegment.NULL, bytes, protection, MAP_PRIVATE_ANONYMOUS_NORESERVE, -1, 0L);
            if (address.address() == -1L || address.address() == 0L) {
                return null;
            }
            return address.reinterpret(bytes, arena, segment -> unmap(segment, bytes));
        } catch (Throwable e) {
            return null;
        }
    }

    private static void unmap(MemorySegment reservation, long bytes) {
        try {
            int result = (int) MUNMAP.invokeExact(reservation, bytes);
            if (result != 0) {
                throw new IllegalStateException("munmap of a host memory reservation failed");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
