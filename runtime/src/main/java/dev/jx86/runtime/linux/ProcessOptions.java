package dev.jx86.runtime.linux;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a guest process sees the host: the sysroot its absolute paths resolve under (like {@code qemu -L}), its
 * starting working directory, and how much host memory its pages may take.
 */
public record ProcessOptions(Optional<Path> sysroot, Path workingDirectory, long memoryLimit) {
    /** No sysroot, the JVM's working directory, up to 64 GiB of touched pages. */
    public static ProcessOptions defaults() {
        return new ProcessOptions(Optional.empty(), Path.of("").toAbsolutePath(), 64L << 30);
    }

    public ProcessOptions withSysroot(Path root) {
        return new ProcessOptions(Optional.of(root), workingDirectory, memoryLimit);
    }
}
