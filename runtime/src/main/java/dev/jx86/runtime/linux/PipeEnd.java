package dev.jx86.runtime.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.concurrent.atomic.AtomicLong;

/** One end of a pipe made by pipe/pipe2: an NIO {@link Pipe}, which on Linux is a host pipe. */
final class PipeEnd extends OpenFile {
    private static final AtomicLong INODES = new AtomicLong(0x10000);

    private final Pipe.SourceChannel source;
    private final Pipe.SinkChannel sink;
    private final long inode;

    private PipeEnd(Pipe.SourceChannel source, Pipe.SinkChannel sink, long inode, int flags) {
        super(flags);
        this.source = source;
        this.sink = sink;
        this.inode = inode;
    }

    /** The read and write ends of a new pipe. */
    static PipeEnd[] open(int flags) throws IOException {
        Pipe pipe = Pipe.open();
        long inode = INODES.incrementAndGet();
        int shared = flags & O_NONBLOCK;
        return new PipeEnd[] {
            new PipeEnd(pipe.source(), null, inode, O_RDONLY | shared),
            new PipeEnd(null, pipe.sink(), inode, O_WRONLY | shared)
        };
    }

    @Override
    long read(byte[] buffer, int length) throws IOException {
        if (source == null) {
            return -Errno.EBADF;
        }
        source.configureBlocking((statusFlags() & O_NONBLOCK) == 0);
        int n = source.read(ByteBuffer.wrap(buffer, 0, length));
        if (n == 0 && length > 0) {
            return -Errno.EAGAIN;
        }
        return Math.max(n, 0);
    }

    @Override
    long write(byte[] buffer, int length) throws IOException {
        if (sink == null) {
            return -Errno.EBADF;
        }
        sink.configureBlocking((statusFlags() & O_NONBLOCK) == 0);
        try {
            int n = sink.write(ByteBuffer.wrap(buffer, 0, length));
            return n == 0 && length > 0 ? -Errno.EAGAIN : n;
        } catch (IOException e) {
            return -Errno.EPIPE;
        }
    }

    @Override
    FileStat stat() {
        return FileStat.synthetic(FileStat.S_IFIFO | 0600, inode);
    }

    @Override
    void release() throws IOException {
        if (source != null) {
            source.close();
        }
        if (sink != null) {
            sink.close();
        }
    }
}
