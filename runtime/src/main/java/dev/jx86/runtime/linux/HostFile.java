package dev.jx86.runtime.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/** A regular (or device) file of the host, through a {@link FileChannel}. O_APPEND is applied here, per write. */
final class HostFile extends OpenFile {
    private final FileChannel channel;
    private final Path path;

    HostFile(FileChannel channel, Path path, int statusFlags) {
        super(statusFlags);
        this.channel = channel;
        this.path = path;
    }

    @Override
    long read(byte[] buffer, int length) throws IOException {
        int n = channel.read(ByteBuffer.wrap(buffer, 0, length));
        return Math.max(n, 0);
    }

    @Override
    long write(byte[] buffer, int length) throws IOException {
        if ((statusFlags() & O_APPEND) != 0) {
            channel.position(channel.size());
        }
        ByteBuffer source = ByteBuffer.wrap(buffer, 0, length);
        while (source.hasRemaining()) {
            channel.write(source);
        }
        return length;
    }

    @Override
    long pread(byte[] buffer, int length, long position) throws IOException {
        if (position < 0) {
            return -Errno.EINVAL;
        }
        int n = channel.read(ByteBuffer.wrap(buffer, 0, length), position);
        return Math.max(n, 0);
    }

    @Override
    long pwrite(byte[] buffer, int length, long position) throws IOException {
        if (position < 0) {
            return -Errno.EINVAL;
        }
        ByteBuffer source = ByteBuffer.wrap(buffer, 0, length);
        long at = position;
        while (source.hasRemaining()) {
            at += channel.write(source, at);
        }
        return length;
    }

    @Override
    long seek(long offset, int whence) throws IOException {
        long base = switch (whence) {
            case 0 -> 0;
            case 1 -> channel.position();
            case 2 -> channel.size();
            default -> -1;
        };
        if (base < 0 || base + offset < 0) {
            return -Errno.EINVAL;
        }
        channel.position(base + offset);
        return base + offset;
    }

    @Override
    long truncate(long length) throws IOException {
        if (!writable()) {
            return -Errno.EINVAL;
        }
        if (length < channel.size()) {
            channel.truncate(length);
        } else if (length > channel.size()) {
            channel.write(ByteBuffer.allocate(1), length - 1);
        }
        return 0;
    }

    @Override
    long sync() throws IOException {
        channel.force(true);
        return 0;
    }

    @Override
    FileStat stat() throws IOException {
        return FileStat.of(path, true);
    }

    @Override
    Optional<Path> path() {
        return Optional.of(path);
    }

    @Override
    void release() throws IOException {
        channel.close();
    }
}
