package dev.jx86.runtime.abi;

/**
 * The segment descriptors user code can load on Linux: the flat user code and data segments and the three
 * thread-local-storage entries that {@code set_thread_area} fills (GDT entries 12-14, as a 64-bit kernel numbers
 * them; i386 glibc and musl keep their thread pointer in GS through one of them). Per CPU, as TLS is per thread.
 */
public final class SegmentDescriptors {
    /** The first TLS entry of the GDT on x86-64 kernels; {@code set_thread_area} with entry -1 picks from here. */
    public static final int TLS_FIRST = 12;

    public static final int TLS_COUNT = 3;

    /** Flat selectors of Linux user mode: 32-bit code, 64-bit code, data (GDT 4, 6, 5; RPL 3). */
    public static final int USER32_CS = 0x23;

    public static final int USER_DS = 0x2b;
    public static final int USER_CS = 0x33;

    private final long[] base = new long[TLS_COUNT];
    private final int[] limit = new int[TLS_COUNT];
    private final int[] flags = new int[TLS_COUNT];
    private final boolean[] present = new boolean[TLS_COUNT];

    public SegmentDescriptors() {}

    /** Sets TLS entry {@code entry} (TLS_FIRST..TLS_FIRST+2); {@code present} false clears it. */
    public void setTls(int entry, long base, int limit, int flags, boolean present) {
        int i = entry - TLS_FIRST;
        this.base[i] = base;
        this.limit[i] = limit;
        this.flags[i] = flags;
        this.present[i] = present;
    }

    public boolean tlsPresent(int entry) {
        return present[entry - TLS_FIRST];
    }

    public long tlsBase(int entry) {
        return base[entry - TLS_FIRST];
    }

    public int tlsLimit(int entry) {
        return limit[entry - TLS_FIRST];
    }

    /** The {@code user_desc} flag bits the entry was set with (seg_32bit, contents, limit_in_pages...). */
    public int tlsFlags(int entry) {
        return flags[entry - TLS_FIRST];
    }

    /** The first free TLS entry, or -1. */
    public int freeTlsEntry() {
        for (int i = 0; i < TLS_COUNT; i++) {
            if (!present[i]) {
                return TLS_FIRST + i;
            }
        }
        return -1;
    }

    /**
     * The base of the segment that {@code selector} names, as loading it into a data segment register at CPL 3
     * finds it; throws #GP(selector) for a selector user code may not load. A null selector gives base 0.
     */
    public long baseOf(int selector) {
        int index = selector >>> 3;
        if (index == 0) {
            return 0;
        }
        boolean ldt = (selector & 4) != 0;
        int rpl = selector & 3;
        if (!ldt && rpl == 3) {
            if (selector == USER_DS || selector == USER32_CS || selector == USER_CS) {
                return 0;
            }
            if (index >= TLS_FIRST && index < TLS_FIRST + TLS_COUNT && present[index - TLS_FIRST]) {
                return base[index - TLS_FIRST];
            }
        }
        throw new GuestFault(Vectors.GP, selector & 0xfffc, 0);
    }
}
