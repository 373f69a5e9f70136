package dev.jx86.runtime.linux;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a guest process sees the host: the sysroot its absolute paths resolve under (like {@code qemu -L}), its
 * starting working directory, and how much host memory its pages may take.
 */
public record ProcessOptions(Optional<Path> sysroot, Path workingDirectory, long memoryLimit, Optional<Stdio> stdio) {
    /** No sysroot, the JVM's working directory, up to 64 GiB of touched pages. */
    public static ProcessOptions defaults() {
        return new ProcessOptions(Optional.empty(), Path.of("").toAbsolutePath(), 64L << 30, Optional.empty());
    }

    public ProcessOptions withSysroot(Path root) {
        return new ProcessOptions(Optional.of(root), workingDirectory, memoryLimit, stdio);
    }

    /** Starts the guest in {@code directory}. */
    public ProcessOptions withWorkingDirectory(Path directory) {
        return new ProcessOptions(sysroot, directory.toAbsolutePath(), memoryLimit, stdio);
    }

    /** Gives the guest these streams as descriptors 0, 1 and 2 instead of the JVM's. */
    public ProcessOptions withStdio(Stdio streams) {
        return new ProcessOptions(sysroot, workingDirectory, memoryLimit, Optional.of(streams));
    }
}
