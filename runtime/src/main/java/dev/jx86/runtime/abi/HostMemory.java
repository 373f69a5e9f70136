package dev.jx86.runtime.abi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.internal.misc.Unsafe;

/**
 * Little-endian accesses to host memory by address, and unchecked reads of TLB arrays: what a TLB hit does once the
 * tag has matched. The tag check is the safety: an address reaches these methods only as a TLB entry's addend plus a
 * guest address of that entry's page, inside a frame that stays mapped while its address space is open.
 *
 * <p>Two implementations, chosen once: the JDK's internal {@code Unsafe} when {@code java.base} exports
 * {@code jdk.internal.misc} to this module (the {@code jx86} launcher and the build say so), which compiles to one
 * host instruction per access; otherwise {@link TlbArrays#HOST}, a segment over all of native memory, and checked
 * array reads, which are correct everywhere and cost a few more instructions and much more JIT work. Both are
 * constant-folded by the JIT: compiled guest code contains only one of them.
 */
public final class HostMemory {
    private HostMemory() {}

    /** Whether accesses go through {@code Unsafe} (else through {@link TlbArrays#HOST}). */
    public static final boolean UNSAFE = unsafeAvailable();

    private static final MemorySegment HOST = TlbArrays.HOST;

    /** {@code array[index]}, unchecked when the index is known to be in bounds. */
    public static long entry(long[] array, int index) {
        return UNSAFE ? Raw.entry(array, index) : array[index];
    }

    public static long getByte(long host) {
        return UNSAFE ? Raw.getByte(host) : HOST.get(ValueLayout.JAVA_BYTE, host) & 0xffL;
    }

    public static long getShort(long host) {
        return UNSAFE ? Raw.getShort(host) : HOST.get(TlbArrays.U16, host) & 0xffffL;
    }

    public static long getInt(long host) {
        return UNSAFE ? Raw.getInt(host) : HOST.get(TlbArrays.U32, host) & 0xffff_ffffL;
    }

    public static long getLong(long host) {
        return UNSAFE ? Raw.getLong(host) : HOST.get(TlbArrays.U64, host);
    }

    public static void putByte(long host, long value) {
        if (UNSAFE) {
            Raw.putByte(host, value);
        } else {
            HOST.set(ValueLayout.JAVA_BYTE, host, (byte) value);
        }
    }

    public static void putShort(long host, long value) {
        if (UNSAFE) {
            Raw.putShort(host, value);
        } else {
            HOST.set(TlbArrays.U16, host, (short) value);
        }
    }

    public static void putInt(long host, long value) {
        if (UNSAFE) {
            Raw.putInt(host, value);
        } else {
            HOST.set(TlbArrays.U32, host, (int) value);
        }
    }

    public static void putLong(long host, long value) {
        if (UNSAFE) {
            Raw.putLong(host, value);
        } else {
            HOST.set(TlbArrays.U64, host, value);
        }
    }

    private static boolean unsafeAvailable() {
        try {
            return Raw.available();
        } catch (LinkageError e) { // IllegalAccessError where jdk.internal.misc is not exported, or a failed Raw
            return false;
        }
    }

    /** The Unsafe path; initializing this class fails where {@code jdk.internal.misc} is not exported to this module. */
    private static final class Raw {
        private static final Unsafe U = Unsafe.getUnsafe();
        private static final long LONG_BASE = Unsafe.ARRAY_LONG_BASE_OFFSET;

        /**
         * Whether the host needs the {@code Unaligned} accessors, which byte-swap on a big-endian host and split an
         * access the host cannot do unaligned. On little-endian hosts with unaligned access (x86-64, AArch64) the
         * plain accessors do the same with one instruction, also in C1's code (C2 intrinsifies both; C1 only the
         * plain ones, and called the others, about 5% of busybox sort's time).
         */
        private static final boolean ALIGNED_ONLY =
                !U.unalignedAccess() || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN;

        static boolean available() {
            return U != null && Unsafe.ARRAY_LONG_INDEX_SCALE == Long.BYTES;
        }

        static long entry(long[] array, int index) {
            return U.getLong(array, LONG_BASE + ((long) index << 3));
        }

        static long getByte(long host) {
            return U.getByte(null, host) & 0xffL;
        }

        static long getShort(long host) {
            return (ALIGNED_ONLY ? U.getShortUnaligned(null, host, false) : U.getShort(null, host)) & 0xffffL;
        }

        static long getInt(long host) {
            return (ALIGNED_ONLY ? U.getIntUnaligned(null, host, false) : U.getInt(null, host)) & 0xffff_ffffL;
        }

        static long getLong(long host) {
            return ALIGNED_ONLY ? U.getLongUnaligned(null, host, false) : U.getLong(null, host);
        }

        static void putByte(long host, long value) {
            U.putByte(null, host, (byte) value);
        }

        static void putShort(long host, long value) {
            if (ALIGNED_ONLY) {
                U.putShortUnaligned(null, host, (short) value, false);
            } else {
                U.putShort(null, host, (short) value);
            }
        }

        static void putInt(long host, long value) {
            if (ALIGNED_ONLY) {
                U.putIntUnaligned(null, host, (int) value, false);
            } else {
                U.putInt(null, host, (int) value);
            }
        }

        static void putLong(long host, long value) {
            if (ALIGNED_ONLY) {
                U.putLongUnaligned(null, host, value, false);
            } else {
                U.putLong(null, host, value);
            }
        }
    }
}
