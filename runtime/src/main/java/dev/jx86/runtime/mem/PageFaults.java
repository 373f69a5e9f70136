package dev.jx86.runtime.mem;

import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.Vectors;

/** The x86 page-fault error code bits (Intel SDM Vol. 3A, 4.7) and the faults user-mode memory raises. */
public final class PageFaults {
    private PageFaults() {}

    /** P: the page was present (a protection violation); clear for a not-present page. */
    public static final long PRESENT = 1;
    /** W/R: the access was a write. */
    public static final long WRITE = 2;
    /** U/S: the access was made in user mode. */
    public static final long USER = 4;
    /** I/D: the access was an instruction fetch. */
    public static final long FETCH = 16;

    static GuestFault pageFault(long address, Access access, boolean present) {
        return new GuestFault(Vectors.PF, access.errorCode(present), address);
    }

    /** #GP(0): a non-canonical address in 64-bit mode. */
    static GuestFault nonCanonical() {
        return new GuestFault(Vectors.GP, 0, 0);
    }
}
