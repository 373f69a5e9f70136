package dev.jx86.runtime.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * What {@code stat} says about a file, independent of any guest structure layout ({@link StatFormats} writes the
 * layouts). Read from the host's "unix" attribute view, which carries the real device, inode, mode and link count.
 */
record FileStat(
        long device,
        long inode,
        int mode,
        long links,
        int uid,
        int gid,
        long rdev,
        long size,
        long atimeNanos,
        long mtimeNanos,
        long ctimeNanos) {
    static final int S_IFMT = 0170000;
    static final int S_IFIFO = 0010000;
    static final int S_IFCHR = 0020000;
    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;

    static final int BLOCK_SIZE = 4096;

    /** The host file's attributes; follows a final symbolic link when {@code follow}. */
    static FileStat of(Path path, boolean follow) throws IOException {
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        Map<String, Object> a = Files.readAttributes(path, "unix:*", options);
        return new FileStat(
                (Long) a.get("dev"),
                (Long) a.get("ino"),
                (Integer) a.get("mode"),
                ((Integer) a.get("nlink")).longValue(),
                (Integer) a.get("uid"),
                (Integer) a.get("gid"),
                (Long) a.get("rdev"),
                (Long) a.get("size"),
                nanos((FileTime) a.get("lastAccessTime")),
                nanos((FileTime) a.get("lastModifiedTime")),
                nanos((FileTime) a.get("ctime")));
    }

    /** A file with no host counterpart (an in-JVM pipe end). */
    static FileStat synthetic(int mode, long inode) {
        long now = System.currentTimeMillis() * 1_000_000L;
        return new FileStat(0xc, inode, mode, 1, Identity.uid(), Identity.gid(), 0, 0, now, now, now);
    }

    long blocks() {
        return (size + 511) / 512;
    }

    boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    /** The directory-entry type (DT_*) of this mode. */
    int direntType() {
        return (mode & S_IFMT) >>> 12;
    }

    /** Linux's device number encoding, split: the major number. */
    static long major(long dev) {
        return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
    }

    static long minor(long dev) {
        return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
    }

    private static long nanos(FileTime time) {
        var instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
