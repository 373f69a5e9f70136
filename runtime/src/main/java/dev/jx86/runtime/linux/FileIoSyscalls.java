package dev.jx86.runtime.linux;

import java.io.IOException;

/**
 * System calls on open file descriptors: read/write and their vector and positioned forms, lseek, close, dup,
 * pipe, fcntl, terminal ioctls, fsync, ftruncate.
 */
final class FileIoSyscalls {
    /** The most one read or write moves per host call; larger requests loop (regular files) or return short. */
    private static final int CHUNK = 1 << 20;

    /** MAX_RW_COUNT: Linux caps a single transfer a little below 2 GiB. */
    private static final long MAX_COUNT = 0x7ffff000L;

    static final int O_CLOEXEC = 02000000;

    private static final int F_DUPFD = 0;
    private static final int F_GETFD = 1;
    private static final int F_SETFD = 2;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int F_GETLK = 5;
    private static final int F_SETLK = 6;
    private static final int F_SETLKW = 7;
    private static final int F_GETLK64 = 12;
    private static final int F_SETLK64 = 13;
    private static final int F_SETLKW64 = 14;
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static final int FD_CLOEXEC = 1;
    private static final int F_UNLCK = 2;

    private final FdTable fds;
    private final UserCopy user;

    FileIoSyscalls(LinuxProcess process) {
        this.fds = process.fds();
        this.user = process.user();
    }

    long read(int fd, long buffer, long count) throws IOException {
        OpenFile file = readable(fd);
        // A pipe or terminal returns what it has; only a file is read until the count is met.
        return readInto(buffer, count, file instanceof HostFile, (chunk, want, done) -> file.read(chunk, want));
    }

    long write(int fd, long buffer, long count) throws IOException {
        OpenFile file = writable(fd);
        return writeFrom(buffer, count, (bytes, want, done) -> file.write(bytes, want));
    }

    long pread(int fd, long buffer, long count, long offset) throws IOException {
        OpenFile file = readable(fd);
        return readInto(buffer, count, true, (chunk, want, done) -> file.pread(chunk, want, offset + done));
    }

    long pwrite(int fd, long buffer, long count, long offset) throws IOException {
        OpenFile file = writable(fd);
        return writeFrom(buffer, count, (bytes, want, done) -> file.pwrite(bytes, want, offset + done));
    }

    /** One chunk of a transfer: {@code want} bytes at {@code done} bytes into it; returns bytes moved or -errno. */
    @FunctionalInterface
    private interface Chunk {
        long move(byte[] bytes, int want, long done) throws IOException;
    }

    /**
     * Reads up to {@code count} bytes into guest memory at {@code buffer}, a chunk at a time. Each chunk's buffer is
     * checked before reading, so that a bad buffer does not consume input (Linux copies as it reads): a fault after
     * some bytes returns those, a fault before any is EFAULT. Stops at a short chunk, or after the first unless
     * {@code wholeCount}.
     */
    private long readInto(long buffer, long count, boolean wholeCount, Chunk from) throws IOException {
        count = clamp(count, MAX_COUNT);
        long done = 0;
        byte[] chunk = new byte[(int) Math.min(count, CHUNK)];
        while (done < count) {
            int want = (int) Math.min(count - done, chunk.length);
            try {
                user.checkWritable(buffer + done, want);
            } catch (SyscallException e) {
                if (done > 0) {
                    return done;
                }
                throw e;
            }
            long n = from.move(chunk, want, done);
            if (n <= 0) {
                return done > 0 ? done : n;
            }
            user.write(buffer + done, chunk, (int) n);
            done += n;
            if (n < want || !wholeCount) {
                break;
            }
        }
        return done;
    }

    /** Writes up to {@code count} bytes of guest memory at {@code buffer}, a chunk at a time, as {@link #readInto}. */
    private long writeFrom(long buffer, long count, Chunk to) throws IOException {
        count = clamp(count, MAX_COUNT);
        long done = 0;
        while (done < count) {
            int want = (int) Math.min(count - done, CHUNK);
            byte[] bytes;
            try {
                bytes = user.read(buffer + done, want);
            } catch (SyscallException e) {
                if (done > 0) {
                    return done;
                }
                throw e;
            }
            long n = to.move(bytes, want, done);
            if (n < 0) {
                return done > 0 ? done : n;
            }
            done += n;
            if (n < want) {
                break;
            }
        }
        return done;
    }

    /** readv: fills the buffers in order, stopping at a short read. */
    long readv(int fd, long iov, int count) throws IOException {
        long[][] vectors = iovecs(iov, count);
        readable(fd);
        long total = 0;
        for (long[] v : vectors) {
            if (v[1] == 0) {
                continue;
            }
            long n = read(fd, v[0], v[1]);
            if (n < 0) {
                return total > 0 ? total : n;
            }
            total += n;
            if (n < v[1]) {
                break;
            }
        }
        return total;
    }

    /**
     * writev: small vectors are gathered and written with one host write, so that a line made of several pieces
     * stays in one piece on a pipe or terminal; large ones are written piece by piece.
     */
    long writev(int fd, long iov, int count) throws IOException {
        long[][] vectors = iovecs(iov, count);
        OpenFile file = writable(fd);
        long total = 0;
        for (long[] v : vectors) {
            total += v[1];
        }
        if (total <= CHUNK) {
            java.io.ByteArrayOutputStream gathered = new java.io.ByteArrayOutputStream();
            for (long[] v : vectors) {
                gathered.writeBytes(user.read(v[0], (int) v[1]));
            }
            byte[] bytes = gathered.toByteArray();
            return bytes.length == 0 ? 0 : file.write(bytes, bytes.length);
        }
        long done = 0;
        for (long[] v : vectors) {
            long n;
            try {
                n = write(fd, v[0], v[1]);
            } catch (SyscallException e) {
                if (done > 0) {
                    return done;
                }
                throw e;
            }
            if (n < 0) {
                return done > 0 ? done : n;
            }
            done += n;
            if (n < v[1]) {
                break;
            }
        }
        return done;
    }

    private long[][] iovecs(long iov, int count) {
        if (count < 0 || count > 1024) {
            throw new SyscallException(Errno.EINVAL);
        }
        int word = user.abi().wordSize();
        GuestStruct s = new GuestStruct(user.read(iov, count * 2 * word));
        long[][] vectors = new long[count][];
        long total = 0;
        for (int i = 0; i < count; i++) {
            long length = s.signedWord((2 * i + 1) * word, word);
            if (length < 0 || (total += length) > MAX_COUNT || total < 0) {
                throw new SyscallException(Errno.EINVAL);
            }
            vectors[i] = new long[] {s.word(2 * i * word, word), length};
        }
        return vectors;
    }

    /**
     * sendfile: copies from {@code in} (at {@code *offset} when given, which is then advanced, else at its position)
     * to {@code out}; {@code offsetSize} is the size of the guest's offset (8, or 4 for i386's sendfile).
     */
    long sendfile(int outFd, int inFd, long offsetAddress, long count, int offsetSize) throws IOException {
        OpenFile in = readable(inFd);
        OpenFile out = writable(outFd);
        count = clamp(count, MAX_COUNT);
        long position = -1;
        if (offsetAddress != 0) {
            position = new GuestStruct(user.read(offsetAddress, offsetSize)).signedWord(0, offsetSize);
            if (position < 0) {
                return -Errno.EINVAL;
            }
        }
        long done = 0;
        byte[] chunk = new byte[(int) Math.min(count, CHUNK)];
        while (done < count) {
            int want = (int) Math.min(count - done, chunk.length);
            long n = position >= 0 ? in.pread(chunk, want, position + done) : in.read(chunk, want);
            if (n <= 0) {
                if (done == 0 && n < 0) {
                    return n;
                }
                break;
            }
            long written = out.write(chunk, (int) n);
            if (written < 0) {
                if (done == 0) {
                    return written;
                }
                break;
            }
            done += written;
            if (n < want) {
                break;
            }
        }
        if (position >= 0) {
            user.write(
                    offsetAddress,
                    new GuestStruct(offsetSize)
                            .word(0, offsetSize, position + done)
                            .array());
        }
        return done;
    }

    long lseek(int fd, long offset, int whence) throws IOException {
        return fds.get(fd).seek(offset, whence);
    }

    /** i386 _llseek: the 64-bit offset in two halves, the result stored through a pointer. */
    long llseek(int fd, long high, long low, long result, int whence) throws IOException {
        long position = fds.get(fd).seek(high << 32 | (low & 0xffffffffL), whence);
        if (position < 0) {
            return position;
        }
        user.write(result, new GuestStruct(8).u64(0, position).array());
        return 0;
    }

    long close(int fd) throws IOException {
        fds.close(fd);
        return 0;
    }

    long dup(int fd) {
        return fds.duplicate(fd, false, 0);
    }

    long dup2(int fd, int target) throws IOException {
        OpenFile file = fds.get(fd);
        if (fd == target) {
            return target;
        }
        fds.replace(target, file, false);
        return target;
    }

    long dup3(int fd, int target, int flags) throws IOException {
        if (fd == target || (flags & ~O_CLOEXEC) != 0) {
            return -Errno.EINVAL;
        }
        fds.replace(target, fds.get(fd), (flags & O_CLOEXEC) != 0);
        return target;
    }

    long pipe2(long fdsAddress, int flags) throws IOException {
        if ((flags & ~(O_CLOEXEC | OpenFile.O_NONBLOCK)) != 0) {
            return -Errno.EINVAL;
        }
        user.checkWritable(fdsAddress, 8);
        PipeEnd[] ends = PipeEnd.open(flags);
        boolean cloexec = (flags & O_CLOEXEC) != 0;
        int read = fds.add(ends[0], cloexec);
        int write;
        try {
            write = fds.add(ends[1], cloexec);
        } catch (SyscallException e) {
            fds.close(read);
            ends[1].release();
            throw e;
        }
        user.write(fdsAddress, new GuestStruct(8).u32(0, read).u32(4, write).array());
        return 0;
    }

    long fcntl(int fd, int command, long argument) {
        OpenFile file = fds.get(fd);
        return switch (command) {
            case F_DUPFD -> fds.duplicate(fd, false, (int) argument);
            case F_DUPFD_CLOEXEC -> fds.duplicate(fd, true, (int) argument);
            case F_GETFD -> fds.closeOnExec(fd) ? FD_CLOEXEC : 0;
            case F_SETFD -> {
                fds.closeOnExec(fd, (argument & FD_CLOEXEC) != 0);
                yield 0;
            }
            case F_GETFL -> file.statusFlags();
            case F_SETFL -> {
                file.statusFlags((int) argument);
                yield 0;
            }
            // One process: no other process's locks can conflict.
            case F_SETLK, F_SETLKW, F_SETLK64, F_SETLKW64 -> 0;
            case F_GETLK, F_GETLK64 -> {
                user.write(argument, new GuestStruct(2).u16(0, F_UNLCK).array());
                yield 0;
            }
            default -> -Errno.EINVAL;
        };
    }

    long ioctl(int fd, int request, long argument) {
        OpenFile file = fds.get(fd);
        int size = HostTerminal.argumentSize(request);
        if (size < 0 || file.hostDescriptor() < 0) {
            return -Errno.ENOTTY;
        }
        boolean get = request == HostTerminal.TCGETS || request == HostTerminal.TIOCGWINSZ;
        byte[] structure = get ? new byte[size] : user.read(argument, size);
        if (get) {
            user.checkWritable(argument, size);
        }
        int result = HostTerminal.ioctl(file.hostDescriptor(), request, structure);
        if (result == 0 && get) {
            user.write(argument, structure);
        }
        return result;
    }

    long fsync(int fd) throws IOException {
        return fds.get(fd).sync();
    }

    long ftruncate(int fd, long length) throws IOException {
        if (length < 0) {
            return -Errno.EINVAL;
        }
        return fds.get(fd).truncate(length);
    }

    /** An unsigned size limited to {@code max} (a size_t above 2^63 is huge, not negative). */
    static long clamp(long size, long max) {
        return Long.compareUnsigned(size, max) > 0 ? max : size;
    }

    private OpenFile readable(int fd) {
        OpenFile file = fds.get(fd);
        if (!file.readable()) {
            throw new SyscallException(Errno.EBADF);
        }
        return file;
    }

    private OpenFile writable(int fd) {
        OpenFile file = fds.get(fd);
        if (!file.writable()) {
            throw new SyscallException(Errno.EBADF);
        }
        return file;
    }
}
