package dev.jx86.runtime.linux;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How guest paths name host files: relative paths against the guest's working directory (or a directory
 * descriptor), absolute paths against the optional sysroot (like {@code qemu -L}), otherwise the host's root.
 */
final class GuestPaths {
    /** AT_FDCWD. */
    static final int AT_FDCWD = -100;

    private final Optional<Path> sysroot;
    private Path cwd;

    GuestPaths(Optional<Path> sysroot, Path cwd) {
        this.sysroot = sysroot.map(p -> p.toAbsolutePath().normalize());
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    Path cwd() {
        return cwd;
    }

    void cwd(Path directory) {
        cwd = directory;
    }

    /**
     * The host path of {@code guestPath} relative to {@code dirfd}; ENOENT for an empty path, EBADF/ENOTDIR for a
     * bad directory descriptor.
     */
    Path resolve(FdTable fds, int dirfd, byte[] guestPath) {
        if (guestPath.length == 0) {
            throw new SyscallException(Errno.ENOENT);
        }
        String path = new String(guestPath, StandardCharsets.UTF_8);
        if (path.startsWith("/")) {
            return host(path);
        }
        Path base;
        if (dirfd == AT_FDCWD) {
            base = cwd;
        } else {
            OpenFile dir = fds.get(dirfd);
            if (!(dir instanceof HostDirectory)) {
                throw new SyscallException(Errno.ENOTDIR);
            }
            base = dir.path().orElseThrow();
        }
        return base.resolve(path);
    }

    /** The host path of an absolute guest path. */
    Path host(String absolute) {
        if (sysroot.isPresent()) {
            Path inRoot = sysroot.get().resolve(absolute.substring(1));
            if (Files.exists(inRoot, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !absolute.startsWith("/proc")) {
                return inRoot;
            }
        }
        return Path.of(absolute);
    }

    /** The guest's name for a host directory (getcwd): without the sysroot prefix. */
    String guestName(Path host) {
        Path normalized = host.toAbsolutePath().normalize();
        if (sysroot.isPresent() && normalized.startsWith(sysroot.get())) {
            return "/" + sysroot.get().relativize(normalized);
        }
        return normalized.toString();
    }
}
