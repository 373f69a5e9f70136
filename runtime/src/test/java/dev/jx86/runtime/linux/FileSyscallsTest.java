package dev.jx86.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** x86-64 file system calls, called as the guest calls them, checked against what the host says. */
class FileSyscallsTest {
    private static final int READ = 0;
    private static final int WRITE = 1;
    private static final int CLOSE = 3;
    private static final int FSTAT = 5;
    private static final int LSEEK = 8;
    private static final int IOCTL = 16;
    private static final int PREAD = 17;
    private static final int PWRITE = 18;
    private static final int READV = 19;
    private static final int WRITEV = 20;
    private static final int DUP = 32;
    private static final int DUP2 = 33;
    private static final int FCNTL = 72;
    private static final int FTRUNCATE = 77;
    private static final int GETCWD = 79;
    private static final int CHDIR = 80;
    private static final int RENAME = 82;
    private static final int MKDIR = 83;
    private static final int RMDIR = 84;
    private static final int UNLINK = 87;
    private static final int READLINK = 89;
    private static final int GETDENTS64 = 217;
    private static final int OPENAT = 257;
    private static final int NEWFSTATAT = 262;
    private static final int FACCESSAT = 269;
    private static final int DUP3 = 292;
    private static final int PIPE2 = 293;
    private static final int STATX = 332;

    private static final int O_WRONLY = 1;
    private static final int O_RDWR = 2;
    private static final int O_CREAT = 0100;
    private static final int O_EXCL = 0200;
    private static final int O_TRUNC = 01000;
    private static final int O_APPEND = 02000;
    private static final int O_DIRECTORY = 0200000;
    private static final int O_CLOEXEC = 02000000;
    private static final int AT_FDCWD = -100;

    @TempDir
    Path dir;

    private GuestHarness g;

    @BeforeEach
    void start() {
        g = new GuestHarness(Abi.X86_64, dir);
    }

    @AfterEach
    void stop() {
        g.close();
    }

    private int open(String path, int flags, int mode) {
        return (int) g.call(OPENAT, AT_FDCWD, g.string(path), flags, mode);
    }

    private long bytes(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        long at = g.alloc(b.length);
        g.write(at, b);
        return at;
    }

    @Test
    void writeThenReadBackAFile() throws Exception {
        int fd = open("out.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
        assertThat(fd).isEqualTo(3);
        assertThat(g.call(WRITE, fd, bytes("hello, guest\n"), 13)).isEqualTo(13);
        assertThat(g.call(CLOSE, fd)).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("hello, guest\n");

        fd = open(dir.resolve("out.txt").toString(), 0, 0);
        long buffer = g.alloc(64);
        assertThat(g.call(READ, fd, buffer, 64)).isEqualTo(13);
        assertThat(new String(g.read(buffer, 13), StandardCharsets.UTF_8)).isEqualTo("hello, guest\n");
        assertThat(g.call(READ, fd, buffer, 64)).isZero();
        assertThat(g.call(LSEEK, fd, -6, 2)).isEqualTo(7);
        assertThat(g.call(READ, fd, buffer, 64)).isEqualTo(6);
        assertThat(g.call(PREAD, fd, buffer, 5, 0)).isEqualTo(5);
        assertThat(new String(g.read(buffer, 5), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(g.call(CLOSE, fd)).isZero();
        assertThat(g.call(CLOSE, fd)).isEqualTo(-Errno.EBADF);
    }

    @Test
    void createModeHonoursTheUmask() throws Exception {
        int fd = open("m", O_CREAT | O_WRONLY, 0666);
        g.call(CLOSE, fd);
        int mode = (Integer) Files.getAttribute(dir.resolve("m"), "unix:mode");
        assertThat(mode & 0777).isEqualTo(0644);
    }

    @Test
    void errnoCases() {
        long buffer = g.alloc(16);
        assertThat(g.call(READ, 99, buffer, 1)).isEqualTo(-Errno.EBADF);
        assertThat(g.call(READ, -1, buffer, 1)).isEqualTo(-Errno.EBADF);
        assertThat(open("missing", 0, 0)).isEqualTo(-Errno.ENOENT);
        assertThat(g.call(OPENAT, AT_FDCWD, 0x1000, 0, 0)).isEqualTo(-Errno.EFAULT);
        int fd = open("f", O_CREAT | O_WRONLY, 0644);
        assertThat(open("f", O_CREAT | O_EXCL | O_WRONLY, 0644)).isEqualTo(-Errno.EEXIST);
        assertThat(g.call(READ, fd, buffer, 1)).isEqualTo(-Errno.EBADF);
        assertThat(g.call(WRITE, fd, 0x1000, 4)).isEqualTo(-Errno.EFAULT);
        assertThat(g.call(IOCTL, fd, 0x5401, buffer)).isEqualTo(-Errno.ENOTTY);
        assertThat(g.call(LSEEK, fd, -1, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(open("f", O_DIRECTORY, 0)).isEqualTo(-Errno.ENOTDIR);
        assertThat(open(".", O_WRONLY, 0)).isEqualTo(-Errno.EISDIR);
        int rd = open("f", 0, 0);
        assertThat(g.call(READ, rd, 0x1000, 4)).isEqualTo(-Errno.EFAULT);
        assertThat(g.call(500)).isEqualTo(-Errno.ENOSYS);
    }

    @Test
    void terminalIoctlsOnAPipeOrFileAreEnotty() throws Exception {
        Path stdout = Path.of("/proc/self/fd/1");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isSymbolicLink(stdout), "no /proc/self/fd");
        String target = Files.readSymbolicLink(stdout).toString();
        org.junit.jupiter.api.Assumptions.assumeFalse(
                target.startsWith("/dev/pts") || target.startsWith("/dev/tty"), "stdout is a terminal");
        long buffer = g.alloc(64);
        assertThat(g.call(IOCTL, 1, 0x5401, buffer)).isEqualTo(-Errno.ENOTTY);
        assertThat(g.call(IOCTL, 1, 0x5413, buffer)).isEqualTo(-Errno.ENOTTY);
        assertThat(g.call(IOCTL, 1, 0x1234, buffer)).isEqualTo(-Errno.ENOTTY);
    }

    @Test
    void readIntoAReadOnlyPageIsEfaultAndConsumesNothing() throws Exception {
        Files.writeString(dir.resolve("data"), "abcdef");
        g.space.map(0x20000000L, 4096, dev.jx86.runtime.mem.Protection.READ);
        int fd = open("data", 0, 0);
        assertThat(g.call(READ, fd, 0x20000000L, 6)).isEqualTo(-Errno.EFAULT);
        assertThat(g.call(LSEEK, fd, 0, 1)).isZero();
    }

    @Test
    void appendAndTruncate() throws Exception {
        Files.writeString(dir.resolve("log"), "one\n");
        int fd = open("log", O_WRONLY | O_APPEND, 0);
        g.call(WRITE, fd, bytes("two\n"), 4);
        assertThat(Files.readString(dir.resolve("log"))).isEqualTo("one\ntwo\n");
        assertThat(g.call(FTRUNCATE, fd, 2)).isZero();
        assertThat(Files.readString(dir.resolve("log"))).isEqualTo("on");
        int rw = open("log", O_RDWR, 0);
        assertThat(g.call(PWRITE, rw, bytes("XY"), 2, 5)).isEqualTo(2);
        assertThat(Files.readAllBytes(dir.resolve("log"))).containsExactly('o', 'n', 0, 0, 0, 'X', 'Y');
    }

    @Test
    void vectoredIo() throws Exception {
        long iov = g.alloc(32);
        ByteBuffer b = ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(bytes("abc")).putLong(3).putLong(bytes("defg")).putLong(4);
        g.write(iov, b.array());
        int fd = open("v", O_CREAT | O_RDWR, 0644);
        assertThat(g.call(WRITEV, fd, iov, 2)).isEqualTo(7);
        assertThat(Files.readString(dir.resolve("v"))).isEqualTo("abcdefg");
        g.call(LSEEK, fd, 0, 0);
        long out1 = g.alloc(2);
        long out2 = g.alloc(8);
        b.clear();
        b.putLong(out1).putLong(2).putLong(out2).putLong(8);
        g.write(iov, b.array());
        assertThat(g.call(READV, fd, iov, 2)).isEqualTo(7);
        assertThat(new String(g.read(out1, 2), StandardCharsets.UTF_8)).isEqualTo("ab");
        assertThat(new String(g.read(out2, 5), StandardCharsets.UTF_8)).isEqualTo("cdefg");
    }

    @Test
    void fstatAgreesWithTheHost() throws Exception {
        Path file = dir.resolve("stat-me");
        Files.write(file, new byte[12345]);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_600_000_000_123L));
        int fd = open("stat-me", 0, 0);
        long buffer = g.alloc(144);
        assertThat(g.call(FSTAT, fd, buffer)).isZero();
        checkStat(g.struct(buffer, 144), file);
        long other = g.alloc(144);
        assertThat(g.call(NEWFSTATAT, AT_FDCWD, g.string("stat-me"), other, 0)).isZero();
        assertThat(g.read(other, 144)).isEqualTo(g.read(buffer, 144));
        assertThat(g.call(NEWFSTATAT, fd, g.string(""), other, 0x1000)).isZero();
        assertThat(g.read(other, 144)).isEqualTo(g.read(buffer, 144));
        assertThat(g.call(NEWFSTATAT, AT_FDCWD, g.string("nope"), other, 0)).isEqualTo(-Errno.ENOENT);
        assertThat(g.call(NEWFSTATAT, AT_FDCWD, g.string("stat-me"), 0x1000, 0)).isEqualTo(-Errno.EFAULT);
    }

    private static void checkStat(ByteBuffer s, Path file) throws Exception {
        Map<String, Object> host = Files.readAttributes(file, "unix:*");
        assertThat(s.getLong(0)).isEqualTo((Long) host.get("dev"));
        assertThat(s.getLong(8)).isEqualTo((Long) host.get("ino"));
        assertThat(s.getLong(16)).isEqualTo(((Integer) host.get("nlink")).longValue());
        assertThat(s.getInt(24)).isEqualTo((Integer) host.get("mode"));
        assertThat(s.getInt(28)).isEqualTo((Integer) host.get("uid"));
        assertThat(s.getLong(48)).isEqualTo(12345);
        assertThat(s.getLong(64)).isEqualTo((12345 + 511) / 512);
        assertThat(s.getLong(88)).isEqualTo(1_600_000_000L);
        assertThat(s.getLong(96)).isEqualTo(123_000_000L);
    }

    @Test
    void statxReportsTheBasicStatistics() throws Exception {
        Path file = dir.resolve("x");
        Files.write(file, new byte[77]);
        long buffer = g.alloc(256);
        assertThat(g.call(STATX, AT_FDCWD, g.string("x"), 0, 0x7ff, buffer)).isZero();
        ByteBuffer s = g.struct(buffer, 256);
        assertThat(s.getInt(0) & 0x7ff).isEqualTo(0x7ff);
        assertThat(s.getShort(28) & 0xffff).isEqualTo((Integer) Files.getAttribute(file, "unix:mode"));
        assertThat(s.getLong(32)).isEqualTo((Long) Files.getAttribute(file, "unix:ino"));
        assertThat(s.getLong(40)).isEqualTo(77);
    }

    @Test
    void getdentsListsTheDirectory() throws Exception {
        Files.writeString(dir.resolve("a"), "1");
        Files.createDirectory(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("a"));
        int fd = open(".", O_DIRECTORY, 0);
        long buffer = g.alloc(4096);
        Map<String, Integer> types = new HashMap<>();
        Map<String, Long> inodes = new HashMap<>();
        // A small buffer forces several calls.
        while (true) {
            int n = (int) g.call(GETDENTS64, fd, buffer, 64);
            assertThat(n).isGreaterThanOrEqualTo(0);
            if (n == 0) {
                break;
            }
            ByteBuffer b = g.struct(buffer, n);
            for (int at = 0; at < n; ) {
                int length = b.getShort(at + 16) & 0xffff;
                assertThat(length % 8).isZero();
                int end = at + 19;
                while (b.get(end) != 0) {
                    end++;
                }
                String name = new String(g.read(buffer + at + 19, end - at - 19), StandardCharsets.UTF_8);
                types.put(name, (int) b.get(at + 18));
                inodes.put(name, b.getLong(at));
                at += length;
            }
        }
        assertThat(types).containsOnlyKeys(".", "..", "a", "sub", "link");
        assertThat(types.get("a")).isEqualTo(8);
        assertThat(types.get("sub")).isEqualTo(4);
        assertThat(types.get("link")).isEqualTo(10);
        assertThat(inodes.get("a")).isEqualTo((Long) Files.getAttribute(dir.resolve("a"), "unix:ino"));
        assertThat(g.call(GETDENTS64, fd, buffer, 8)).isZero();
        g.call(LSEEK, fd, 0, 0);
        assertThat(g.call(GETDENTS64, fd, buffer, 8)).isEqualTo(-Errno.EINVAL);
        int file = open("a", 0, 0);
        assertThat(g.call(GETDENTS64, file, buffer, 4096)).isEqualTo(-Errno.ENOTDIR);
    }

    @Test
    void directoriesAndNames() throws Exception {
        long buffer = g.alloc(4096);
        assertThat(g.call(GETCWD, buffer, 4096))
                .isEqualTo(dir.toRealPath().toString().length() + 1);
        assertThat(g.call(GETCWD, buffer, 2)).isEqualTo(-Errno.ERANGE);
        assertThat(g.call(MKDIR, g.string("d"), 0755)).isZero();
        assertThat(g.call(MKDIR, g.string("d"), 0755)).isEqualTo(-Errno.EEXIST);
        assertThat(g.call(CHDIR, g.string("d"))).isZero();
        int fd = open("inner", O_CREAT | O_WRONLY, 0644);
        assertThat(fd).isPositive();
        assertThat(Files.exists(dir.resolve("d/inner"))).isTrue();
        assertThat(g.call(RENAME, g.string("inner"), g.string("../moved"))).isZero();
        assertThat(Files.exists(dir.resolve("moved"))).isTrue();
        assertThat(g.call(CHDIR, g.string(".."))).isZero();
        assertThat(g.call(CHDIR, g.string("moved"))).isEqualTo(-Errno.ENOTDIR);
        assertThat(g.call(RMDIR, g.string("moved"))).isEqualTo(-Errno.ENOTDIR);
        assertThat(g.call(UNLINK, g.string("d"))).isEqualTo(-Errno.EISDIR);
        Files.writeString(dir.resolve("d/x"), "x");
        assertThat(g.call(RMDIR, g.string("d"))).isEqualTo(-Errno.ENOTEMPTY);
        assertThat(g.call(UNLINK, g.string("d/x"))).isZero();
        assertThat(g.call(RMDIR, g.string("d"))).isZero();
        assertThat(g.call(UNLINK, g.string("moved"))).isZero();
        assertThat(g.call(UNLINK, g.string("moved"))).isEqualTo(-Errno.ENOENT);
        assertThat(Files.exists(dir.resolve("d"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void accessAndReadlink() throws Exception {
        Files.writeString(dir.resolve("t"), "x");
        Files.createSymbolicLink(dir.resolve("l"), Path.of("t"));
        assertThat(g.call(FACCESSAT, AT_FDCWD, g.string("t"), 4)).isZero();
        assertThat(g.call(FACCESSAT, AT_FDCWD, g.string("none"), 0)).isEqualTo(-Errno.ENOENT);
        long buffer = g.alloc(64);
        assertThat(g.call(READLINK, g.string("l"), buffer, 64)).isEqualTo(1);
        assertThat(g.read(buffer, 1)).containsExactly('t');
        assertThat(g.call(READLINK, g.string("t"), buffer, 64)).isEqualTo(-Errno.EINVAL);
        assertThat(g.call(READLINK, g.string("/proc/self/exe"), buffer, 64)).isEqualTo("/bin/guest".length());
    }

    @Test
    void pipesDupAndFcntl() {
        long fds = g.alloc(8);
        assertThat(g.call(PIPE2, fds, O_CLOEXEC)).isZero();
        ByteBuffer pair = g.struct(fds, 8);
        int readEnd = pair.getInt(0);
        int writeEnd = pair.getInt(4);
        assertThat(g.call(FCNTL, readEnd, 1, 0)).isEqualTo(1);
        assertThat(g.call(WRITE, writeEnd, bytes("through"), 7)).isEqualTo(7);
        int copy = (int) g.call(DUP, readEnd);
        assertThat(g.call(FCNTL, copy, 1, 0)).isZero();
        long buffer = g.alloc(16);
        assertThat(g.call(READ, copy, buffer, 16)).isEqualTo(7);
        assertThat(new String(g.read(buffer, 7), StandardCharsets.UTF_8)).isEqualTo("through");
        assertThat(g.call(DUP2, writeEnd, 20)).isEqualTo(20);
        assertThat(g.call(WRITE, 20, bytes("x"), 1)).isEqualTo(1);
        assertThat(g.call(DUP3, 20, 20, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(g.call(DUP3, readEnd, 21, O_CLOEXEC)).isEqualTo(21);
        assertThat(g.call(FCNTL, 21, 1, 0)).isEqualTo(1);
        assertThat(g.call(FCNTL, readEnd, 3, 0) & 3).isZero();
        assertThat(g.call(FCNTL, writeEnd, 3, 0) & 3).isEqualTo(1);
        assertThat(g.call(FCNTL, 77, 1, 0)).isEqualTo(-Errno.EBADF);
        assertThat(g.call(READ, 21, buffer, 16)).isEqualTo(1);
        assertThat(g.call(FSTAT, readEnd, g.alloc(144))).isZero();
    }
}
