package dev.jx86.runtime.mem;

/** The kind of a guest memory access, as the x86 page-fault error code distinguishes them. */
public enum Access {
    READ,
    WRITE,
    EXECUTE;

    /** Whether {@code protection} allows this access. */
    boolean allowedBy(int protection) {
        return switch (this) {
            case READ -> Protection.readable(protection);
            case WRITE -> Protection.writable(protection);
            case EXECUTE -> Protection.executable(protection);
        };
    }

    /**
     * The page-fault error code (Intel SDM Vol. 3A, 4.7) of this access in user mode: U/S always, W/R for a write,
     * I/D for a fetch, P when the page is mapped and the fault is a protection violation.
     */
    long errorCode(boolean present) {
        long code = PageFaults.USER;
        if (present) {
            code |= PageFaults.PRESENT;
        }
        return switch (this) {
            case READ -> code;
            case WRITE -> code | PageFaults.WRITE;
            case EXECUTE -> code | PageFaults.FETCH;
        };
    }
}
