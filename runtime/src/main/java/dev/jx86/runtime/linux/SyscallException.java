package dev.jx86.runtime.linux;

import java.io.Serial;

/**
 * Ends a system call early with {@code -errno}; handlers throw it from deep helpers (path resolution, struct
 * copies) instead of threading error results through. Stackless, like the guest faults.
 */
final class SyscallException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int errno;

    SyscallException(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }

    int errno() {
        return errno;
    }
}
