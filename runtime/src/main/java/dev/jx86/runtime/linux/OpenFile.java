package dev.jx86.runtime.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An open file description as Linux has them: what one or more file descriptors (after dup) refer to, with its
 * status flags and, for seekable files, its position. I/O methods return a count or {@code -errno}.
 */
abstract class OpenFile {
    static final int O_ACCMODE = 3;
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_APPEND = 02000;
    static final int O_NONBLOCK = 04000;

    /** The flags F_SETFL may change. */
    static final int SETTABLE_FLAGS = O_APPEND | O_NONBLOCK;

    private int statusFlags;
    private int references = 1;

    OpenFile(int statusFlags) {
        this.statusFlags = statusFlags;
    }

    int statusFlags() {
        return statusFlags;
    }

    void statusFlags(int flags) {
        statusFlags = (statusFlags & ~SETTABLE_FLAGS) | (flags & SETTABLE_FLAGS);
    }

    boolean readable() {
        return (statusFlags & O_ACCMODE) != O_WRONLY;
    }

    boolean writable() {
        return (statusFlags & O_ACCMODE) != O_RDONLY;
    }

    long read(byte[] buffer, int length) throws IOException {
        return -Errno.EINVAL;
    }

    long write(byte[] buffer, int length) throws IOException {
        return -Errno.EINVAL;
    }

    long pread(byte[] buffer, int length, long position) throws IOException {
        return -Errno.ESPIPE;
    }

    long pwrite(byte[] buffer, int length, long position) throws IOException {
        return -Errno.ESPIPE;
    }

    /** lseek: whence 0 SET, 1 CUR, 2 END. */
    long seek(long offset, int whence) throws IOException {
        return -Errno.ESPIPE;
    }

    long truncate(long length) throws IOException {
        return -Errno.EINVAL;
    }

    long sync() throws IOException {
        return 0;
    }

    abstract FileStat stat() throws IOException;

    /** The host path, for files that have one (directories for *at calls, fchdir). */
    Optional<Path> path() {
        return Optional.empty();
    }

    /** The host file descriptor number behind this file when it is one of the JVM's standard streams. */
    int hostDescriptor() {
        return -1;
    }

    /** Called when the last descriptor referring to this file is closed. */
    abstract void release() throws IOException;

    void retain() {
        references++;
    }

    /** Drops one reference; releases the file with the last. */
    void close() throws IOException {
        if (--references == 0) {
            release();
        }
    }
}
