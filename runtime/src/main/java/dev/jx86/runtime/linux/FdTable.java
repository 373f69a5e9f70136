package dev.jx86.runtime.linux;

import java.io.IOException;
import java.util.Arrays;

/**
 * A process's file descriptors: numbers to {@link OpenFile}s (shared after dup) plus the per-descriptor
 * close-on-exec flag. New descriptors take the lowest free number, as POSIX requires.
 */
final class FdTable {
    /** RLIMIT_NOFILE's usual soft limit. */
    static final int LIMIT = 1024;

    private OpenFile[] files = new OpenFile[16];
    private boolean[] closeOnExec = new boolean[16];

    /** A table with the given streams, or else the JVM's standard streams, as 0, 1 and 2. */
    static FdTable withStandardStreams(java.util.Optional<Stdio> stdio) {
        FdTable table = new FdTable();
        if (stdio.isPresent()) {
            table.install(0, StandardStream.reading(stdio.get().in()), false);
            table.install(1, StandardStream.writing(stdio.get().out()), false);
            table.install(2, StandardStream.writing(stdio.get().err()), false);
        } else {
            table.install(0, StandardStream.stdin(), false);
            table.install(1, StandardStream.stdout(), false);
            table.install(2, StandardStream.stderr(), false);
        }
        return table;
    }

    /** The file of {@code fd}; throws EBADF. */
    OpenFile get(int fd) {
        if (fd < 0 || fd >= files.length || files[fd] == null) {
            throw new SyscallException(Errno.EBADF);
        }
        return files[fd];
    }

    boolean isOpen(int fd) {
        return fd >= 0 && fd < files.length && files[fd] != null;
    }

    /** Installs {@code file} at the lowest free number at or above {@code lowest}; throws EMFILE. */
    int add(OpenFile file, boolean cloexec, int lowest) {
        for (int fd = Math.max(lowest, 0); fd < LIMIT; fd++) {
            if (fd >= files.length || files[fd] == null) {
                install(fd, file, cloexec);
                return fd;
            }
        }
        throw new SyscallException(Errno.EMFILE);
    }

    int add(OpenFile file, boolean cloexec) {
        return add(file, cloexec, 0);
    }

    /** Makes {@code fd} refer to {@code file} (closing what it referred to), as dup2 does. */
    void replace(int fd, OpenFile file, boolean cloexec) throws IOException {
        if (fd < 0 || fd >= LIMIT) {
            throw new SyscallException(Errno.EBADF);
        }
        OpenFile old = fd < files.length ? files[fd] : null;
        file.retain();
        install(fd, file, cloexec);
        if (old != null) {
            old.close();
        }
    }

    /** dup: a new descriptor for the same open file. */
    int duplicate(int fd, boolean cloexec, int lowest) {
        OpenFile file = get(fd);
        int copy = add(file, cloexec, lowest);
        file.retain();
        return copy;
    }

    void close(int fd) throws IOException {
        OpenFile file = get(fd);
        files[fd] = null;
        closeOnExec[fd] = false;
        file.close();
    }

    boolean closeOnExec(int fd) {
        get(fd);
        return closeOnExec[fd];
    }

    void closeOnExec(int fd, boolean value) {
        get(fd);
        closeOnExec[fd] = value;
    }

    /** Closes every descriptor (process exit). */
    void closeAll() {
        for (int fd = 0; fd < files.length; fd++) {
            if (files[fd] != null) {
                try {
                    close(fd);
                } catch (IOException ignored) {
                    // Exit closes what it can, as the kernel does.
                }
            }
        }
    }

    private void install(int fd, OpenFile file, boolean cloexec) {
        if (fd >= files.length) {
            int size = Math.max(fd + 1, files.length * 2);
            files = Arrays.copyOf(files, size);
            closeOnExec = Arrays.copyOf(closeOnExec, size);
        }
        files[fd] = file;
        closeOnExec[fd] = cloexec;
    }
}
