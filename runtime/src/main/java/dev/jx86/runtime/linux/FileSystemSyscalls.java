package dev.jx86.runtime.linux;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * System calls that name files by path: open, access, readlink, unlink, mkdir, rmdir, rename, truncate, the
 * working directory, and reading directories (getdents64). Paths resolve through {@link GuestPaths}.
 */
final class FileSystemSyscalls {
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_TRUNC = 01000;
    static final int O_DIRECTORY = 0200000;
    static final int O_NOFOLLOW = 0400000;
    static final int O_PATH = 010000000;

    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int AT_SYMLINK_FOLLOW = 0x400;
    static final int AT_REMOVEDIR = 0x200;
    static final int AT_EMPTY_PATH = 0x1000;

    private static final int RENAME_NOREPLACE = 1;

    private final LinuxProcess process;
    private final FdTable fds;
    private final GuestPaths paths;
    private final UserCopy user;

    FileSystemSyscalls(LinuxProcess process) {
        this.process = process;
        this.fds = process.fds();
        this.paths = process.paths();
        this.user = process.user();
    }

    Path path(int dirfd, long address) {
        return paths.resolve(fds, dirfd, user.path(address));
    }

    long openat(int dirfd, long pathAddress, int flags, int mode) throws IOException {
        Path path = path(dirfd, pathAddress);
        boolean cloexec = (flags & FileIoSyscalls.O_CLOEXEC) != 0;
        int access = flags & OpenFile.O_ACCMODE;
        int status = access | (flags & OpenFile.SETTABLE_FLAGS);
        boolean exists = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        if ((flags & O_CREAT) != 0 && (flags & O_EXCL) != 0 && exists) {
            return -Errno.EEXIST;
        }
        if (exists && (flags & O_NOFOLLOW) != 0 && Files.isSymbolicLink(path)) {
            return -Errno.ELOOP;
        }
        if (Files.isDirectory(path)) {
            if (access != OpenFile.O_RDONLY || (flags & O_CREAT) != 0 && (flags & O_DIRECTORY) == 0) {
                return -Errno.EISDIR;
            }
            return fds.add(new HostDirectory(path.toAbsolutePath().normalize(), status), cloexec);
        }
        if ((flags & O_DIRECTORY) != 0) {
            return Files.exists(path) ? -Errno.ENOTDIR : -Errno.ENOENT;
        }
        if (!exists && (flags & O_CREAT) == 0) {
            return -missing(path);
        }
        Set<OpenOption> options = new HashSet<>();
        if (access == OpenFile.O_RDONLY || access == OpenFile.O_RDWR) {
            options.add(StandardOpenOption.READ);
        }
        if (access == OpenFile.O_WRONLY || access == OpenFile.O_RDWR) {
            options.add(StandardOpenOption.WRITE);
        }
        if ((flags & O_TRUNC) != 0 && access != OpenFile.O_RDONLY) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((flags & O_NOFOLLOW) != 0) {
            options.add(LinkOption.NOFOLLOW_LINKS);
        }
        FileChannel channel;
        if ((flags & O_CREAT) != 0 && !exists) {
            options.add((flags & O_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            if (!options.contains(StandardOpenOption.WRITE)) {
                // NIO creates only for writing; Linux also creates for O_RDONLY|O_CREAT.
                options.add(StandardOpenOption.WRITE);
            }
            channel = FileChannel.open(path, options, PosixFilePermissions.asFileAttribute(permissions(mode)));
        } else {
            channel = FileChannel.open(path, options);
        }
        try {
            return fds.add(new HostFile(channel, path, status), cloexec);
        } catch (SyscallException e) {
            channel.close();
            throw e;
        }
    }

    private Set<PosixFilePermission> permissions(int mode) {
        int bits = mode & ~process.state().umask() & 0777;
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < order.length; i++) {
            if ((bits & (1 << i)) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }

    /** faccessat: mode 0 checks existence, else R_OK 4, W_OK 2, X_OK 1. */
    long faccessat(int dirfd, long pathAddress, int mode, int flags) throws IOException {
        if ((mode & ~7) != 0) {
            return -Errno.EINVAL;
        }
        Path path = path(dirfd, pathAddress);
        List<AccessMode> modes = new java.util.ArrayList<>();
        if ((mode & 4) != 0) {
            modes.add(AccessMode.READ);
        }
        if ((mode & 2) != 0) {
            modes.add(AccessMode.WRITE);
        }
        if ((mode & 1) != 0) {
            modes.add(AccessMode.EXECUTE);
        }
        path.getFileSystem().provider().checkAccess(path, modes.toArray(AccessMode[]::new));
        return 0;
    }

    long readlinkat(int dirfd, long pathAddress, long buffer, int size) throws IOException {
        if (size <= 0) {
            return -Errno.EINVAL;
        }
        byte[] guest = user.path(pathAddress);
        byte[] target;
        if (new String(guest, StandardCharsets.UTF_8).equals("/proc/self/exe")) {
            target = paths.guestName(Path.of(process.state().executable())).getBytes(StandardCharsets.UTF_8);
        } else {
            Path path = paths.resolve(fds, dirfd, guest);
            if (!Files.isSymbolicLink(path)) {
                return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? -Errno.EINVAL : -Errno.ENOENT;
            }
            target = Files.readSymbolicLink(path).toString().getBytes(StandardCharsets.UTF_8);
        }
        int n = Math.min(size, target.length);
        user.write(buffer, target, n);
        return n;
    }

    long unlinkat(int dirfd, long pathAddress, int flags) throws IOException {
        if ((flags & ~AT_REMOVEDIR) != 0) {
            return -Errno.EINVAL;
        }
        Path path = path(dirfd, pathAddress);
        boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if ((flags & AT_REMOVEDIR) != 0) {
            if (!directory) {
                return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? -Errno.ENOTDIR : -Errno.ENOENT;
            }
        } else if (directory) {
            return -Errno.EISDIR;
        }
        Files.delete(path);
        return 0;
    }

    /**
     * Why {@code path} does not exist, as Linux's path walk says it: ENOTDIR when a leading component is a file,
     * else ENOENT.
     */
    static int missing(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path prefix = absolute.getRoot();
        for (int i = 0; prefix != null && i < absolute.getNameCount() - 1; i++) {
            prefix = prefix.resolve(absolute.getName(i));
            if (!Files.exists(prefix)) {
                return Errno.ENOENT;
            }
            if (!Files.isDirectory(prefix)) {
                return Errno.ENOTDIR;
            }
        }
        return Errno.ENOENT;
    }

    /** symlinkat: the target is stored as the guest wrote it, not resolved. */
    long symlinkat(long targetAddress, int newdirfd, long linkAddress) throws IOException {
        String target = new String(user.path(targetAddress), StandardCharsets.UTF_8);
        if (target.isEmpty()) {
            return -Errno.ENOENT;
        }
        Files.createSymbolicLink(path(newdirfd, linkAddress), Path.of(target));
        return 0;
    }

    long linkat(int olddirfd, long oldAddress, int newdirfd, long newAddress, int flags) throws IOException {
        if ((flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) != 0) {
            return -Errno.EINVAL;
        }
        Path existing = path(olddirfd, oldAddress);
        if ((flags & AT_SYMLINK_FOLLOW) != 0) {
            existing = existing.toRealPath();
        }
        Files.createLink(path(newdirfd, newAddress), existing);
        return 0;
    }

    long mkdirat(int dirfd, long pathAddress, int mode) throws IOException {
        Path path = path(dirfd, pathAddress);
        Files.createDirectory(path, PosixFilePermissions.asFileAttribute(permissions(mode)));
        return 0;
    }

    long renameat2(int olddirfd, long oldAddress, int newdirfd, long newAddress, int flags) throws IOException {
        if ((flags & ~RENAME_NOREPLACE) != 0) {
            return -Errno.EINVAL;
        }
        Path from = path(olddirfd, oldAddress);
        Path to = path(newdirfd, newAddress);
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            return -Errno.ENOENT;
        }
        CopyOption[] options = (flags & RENAME_NOREPLACE) != 0
                ? new CopyOption[] {StandardCopyOption.ATOMIC_MOVE}
                : new CopyOption[] {StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING};
        if ((flags & RENAME_NOREPLACE) != 0 && Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            return -Errno.EEXIST;
        }
        if (Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            return -Errno.EISDIR;
        }
        Files.move(from, to, options);
        return 0;
    }

    long truncate(long pathAddress, long length) throws IOException {
        if (length < 0) {
            return -Errno.EINVAL;
        }
        Path path = path(GuestPaths.AT_FDCWD, pathAddress);
        if (Files.isDirectory(path)) {
            return -Errno.EISDIR;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            return new HostFile(channel, path, OpenFile.O_WRONLY).truncate(length);
        }
    }

    long getcwd(long buffer, long size) {
        byte[] name = (paths.guestName(paths.cwd()) + "\0").getBytes(StandardCharsets.UTF_8);
        if (Long.compareUnsigned(size, name.length) < 0) {
            return -Errno.ERANGE;
        }
        user.write(buffer, name);
        return name.length;
    }

    long chdir(long pathAddress) throws IOException {
        return changeTo(path(GuestPaths.AT_FDCWD, pathAddress));
    }

    long fchdir(int fd) throws IOException {
        OpenFile file = fds.get(fd);
        if (!(file instanceof HostDirectory)) {
            return -Errno.ENOTDIR;
        }
        return changeTo(file.path().orElseThrow());
    }

    private long changeTo(Path path) throws IOException {
        if (!Files.exists(path)) {
            return -Errno.ENOENT;
        }
        if (!Files.isDirectory(path)) {
            return -Errno.ENOTDIR;
        }
        path.getFileSystem().provider().checkAccess(path, AccessMode.EXECUTE);
        paths.cwd(path.toRealPath());
        return 0;
    }

    /** getdents64: as many {@code struct linux_dirent64} records as fit, 0 at the end. */
    long getdents64(int fd, long buffer, long size) throws IOException {
        OpenFile file = fds.get(fd);
        if (!(file instanceof HostDirectory directory)) {
            return -Errno.ENOTDIR;
        }
        List<HostDirectory.Entry> entries = directory.remaining();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int taken = 0;
        for (HostDirectory.Entry e : entries) {
            int length = (19 + e.name().length + 1 + 7) & ~7;
            if (out.size() + length > size) {
                break;
            }
            GuestStruct record = new GuestStruct(length)
                    .u64(0, e.inode())
                    .u64(8, directory.offsetAfter(taken))
                    .u16(16, length)
                    .u8(18, e.type())
                    .bytes(19, e.name());
            out.writeBytes(record.array());
            taken++;
        }
        if (taken == 0 && !entries.isEmpty()) {
            return -Errno.EINVAL;
        }
        byte[] bytes = out.toByteArray();
        user.write(buffer, bytes);
        directory.advance(taken);
        return bytes.length;
    }

    long umask(int mask) {
        return process.state().umask(mask);
    }
}
