package dev.jx86.runtime.abi;

/**
 * Guest virtual memory as one CPU sees it: little-endian, unaligned accesses of 1, 2, 4, 8 and 16 bytes. A value
 * narrower than 64 bits is returned zero-extended and written from its low bits. An access the page map does not
 * allow throws a {@link GuestFault} with vector {@link Vectors#PF} (user mode delivers it as SIGSEGV) and changes
 * nothing: a write that crosses into a page it may not write does not write its first part either.
 */
public interface GuestMemory {
    long load(long address, int size);

    void store(long address, int size, long value);

    /** Reads 16 bytes: the low 8 into {@code out[0]}, the high 8 into {@code out[1]}. */
    default void load128(long address, long[] out) {
        out[0] = load(address, 8);
        out[1] = load(address + 8, 8);
    }

    default void store128(long address, long low, long high) {
        checkWrite(address, 16);
        store(address, 8, low);
        store(address + 8, 8, high);
    }

    /** Instruction fetch: reads up to {@code length} bytes of code at {@code address} into {@code buffer}. */
    int fetch(long address, byte[] buffer, int length);

    /** Throws the {@link GuestFault} that a write of {@code length} bytes at {@code address} would raise, if any. */
    void checkWrite(long address, long length);

    /** Throws the {@link GuestFault} that a read of {@code length} bytes at {@code address} would raise, if any. */
    void checkRead(long address, long length);

    /** The software TLB compiled code may probe before calling {@link #load}/{@link #store}; none by default. */
    default TlbArrays tlb() {
        return TlbArrays.NONE;
    }
}
