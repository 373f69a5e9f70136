package dev.jx86.runtime.linux;

import java.io.IOException;

/**
 * One system call's handler: the result for the guest's RAX, a value or {@code -errno}. Errors may also be thrown
 * ({@link SyscallException}, a guest fault on a bad pointer, a host {@link IOException}); {@link SyscallTable} turns
 * them into the errno Linux would return.
 */
@FunctionalInterface
interface Syscall {
    long call(SyscallArgs args) throws IOException;
}
