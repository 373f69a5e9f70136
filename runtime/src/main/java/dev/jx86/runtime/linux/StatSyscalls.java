package dev.jx86.runtime.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The stat family: the path, descriptor and *at forms, each writing one of the {@link StatFormats} layouts, and
 * statx.
 */
final class StatSyscalls {
    /** The guest layouts of {@code struct stat} a call may ask for. */
    enum Layout {
        /** x86-64 {@code struct stat}. */
        STAT_64(StatFormats::stat64),
        /** i386 {@code struct stat64}. */
        STAT64_I386(StatFormats::stat64i386),
        /** i386's old {@code struct stat}. */
        STAT_I386(StatFormats::statI386);

        private final Function<FileStat, byte[]> format;

        Layout(Function<FileStat, byte[]> format) {
            this.format = format;
        }

        byte[] format(FileStat stat) {
            return format.apply(stat);
        }
    }

    private final FdTable fds;
    private final GuestPaths paths;
    private final UserCopy user;

    StatSyscalls(LinuxProcess process) {
        this.fds = process.fds();
        this.paths = process.paths();
        this.user = process.user();
    }

    long stat(long pathAddress, long buffer, Layout layout, boolean follow) throws IOException {
        Path path = paths.resolve(fds, GuestPaths.AT_FDCWD, user.path(pathAddress));
        user.write(buffer, layout.format(FileStat.of(path, follow)));
        return 0;
    }

    long fstat(int fd, long buffer, Layout layout) throws IOException {
        user.write(buffer, layout.format(fds.get(fd).stat()));
        return 0;
    }

    /** newfstatat / fstatat64. */
    long fstatat(int dirfd, long pathAddress, long buffer, int flags, Layout layout) throws IOException {
        if ((flags & ~(FileSystemSyscalls.AT_SYMLINK_NOFOLLOW | FileSystemSyscalls.AT_EMPTY_PATH)) != 0) {
            return -Errno.EINVAL;
        }
        user.write(buffer, layout.format(lookup(dirfd, pathAddress, flags)));
        return 0;
    }

    long statx(int dirfd, long pathAddress, int flags, int mask, long buffer) throws IOException {
        // AT_STATX_SYNC_TYPE bits (0x6000) and AT_NO_AUTOMOUNT (0x800) are accepted and ignored.
        int known = FileSystemSyscalls.AT_SYMLINK_NOFOLLOW | FileSystemSyscalls.AT_EMPTY_PATH | 0x6000 | 0x800;
        if ((flags & ~known) != 0 || (flags & 0x6000) == 0x6000) {
            return -Errno.EINVAL;
        }
        user.write(buffer, StatFormats.statx(lookup(dirfd, pathAddress, flags)));
        return 0;
    }

    private FileStat lookup(int dirfd, long pathAddress, int flags) throws IOException {
        byte[] name = user.path(pathAddress);
        if (name.length == 0 && (flags & FileSystemSyscalls.AT_EMPTY_PATH) != 0) {
            if (dirfd == GuestPaths.AT_FDCWD) {
                return FileStat.of(paths.cwd(), true);
            }
            return fds.get(dirfd).stat();
        }
        Path path = paths.resolve(fds, dirfd, name);
        return FileStat.of(path, (flags & FileSystemSyscalls.AT_SYMLINK_NOFOLLOW) == 0);
    }
}
