package dev.jx86.runtime.linux;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * One of the JVM's standard streams (host descriptors 0, 1, 2) given to the guest unbuffered, so that nothing the
 * guest wrote is lost or reordered when it exits. Closing it in the guest does not close the host's stream.
 */
final class StandardStream extends OpenFile {
    private final int host;
    private final InputStream in;
    private final OutputStream out;

    private StandardStream(int host, InputStream in, OutputStream out, int statusFlags) {
        super(statusFlags);
        this.host = host;
        this.in = in;
        this.out = out;
    }

    /** A stream the embedder gave ({@link Stdio}); no host descriptor, so it is no terminal. */
    static StandardStream reading(InputStream in) {
        return new StandardStream(-1, in, null, O_RDONLY);
    }

    static StandardStream writing(OutputStream out) {
        return new StandardStream(-1, null, out, O_WRONLY);
    }

    static StandardStream stdin() {
        return new StandardStream(0, new FileInputStream(FileDescriptor.in), null, O_RDONLY);
    }

    static StandardStream stdout() {
        return new StandardStream(1, null, new FileOutputStream(FileDescriptor.out), O_WRONLY);
    }

    static StandardStream stderr() {
        return new StandardStream(2, null, new FileOutputStream(FileDescriptor.err), O_WRONLY);
    }

    @Override
    long read(byte[] buffer, int length) throws IOException {
        if (in == null) {
            return -Errno.EBADF;
        }
        if (length == 0) {
            return 0;
        }
        int n = in.read(buffer, 0, length);
        return Math.max(n, 0);
    }

    @Override
    long write(byte[] buffer, int length) throws IOException {
        if (out == null) {
            return -Errno.EBADF;
        }
        out.write(buffer, 0, length);
        return length;
    }

    @Override
    FileStat stat() throws IOException {
        if (host < 0) {
            return FileStat.synthetic(FileStat.S_IFIFO | 0600, 100);
        }
        try {
            return FileStat.of(Path.of("/proc/self/fd/" + host), true);
        } catch (IOException | UnsupportedOperationException e) {
            return FileStat.synthetic(FileStat.S_IFCHR | 0620, host + 1);
        }
    }

    @Override
    int hostDescriptor() {
        return host;
    }

    @Override
    void release() {}
}
