package dev.jx86.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.SegmentDescriptors;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.mem.Protection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The i386 table ({@code int 0x80}): its own numbers, 32-bit structures and split 64-bit arguments. */
class I386SyscallsTest {
    private static final int EXIT = 1;
    private static final int WRITE = 4;
    private static final int OPEN = 5;
    private static final int BRK = 45;
    private static final int OLD_MMAP = 90;
    private static final int FSTAT = 108;
    private static final int UNAME = 122;
    private static final int LLSEEK = 140;
    private static final int WRITEV = 146;
    private static final int MMAP2 = 192;
    private static final int STAT64 = 195;
    private static final int FSTAT64 = 197;
    private static final int SET_THREAD_AREA = 243;
    private static final int CLOCK_GETTIME = 265;
    private static final int FSTATAT64 = 300;
    private static final int CLOCK_GETTIME64 = 403;

    @TempDir
    Path dir;

    private GuestHarness g;

    @BeforeEach
    void start() {
        g = new GuestHarness(Abi.I386, dir);
    }

    @AfterEach
    void stop() {
        g.close();
    }

    @Test
    void theCpuIsA32BitOne() {
        assertThat(g.cpu.mode()).isEqualTo(CpuMode.PROTECTED_32);
        assertThat(g.cpu.state[StateLayout.CS]).isEqualTo(SegmentDescriptors.USER32_CS);
        assertThat(g.cpu.state[StateLayout.DS]).isEqualTo(SegmentDescriptors.USER_DS);
    }

    @Test
    void stat64LayoutAgreesWithTheHost() throws Exception {
        Path file = dir.resolve("f");
        Files.write(file, new byte[5000]);
        long buffer = g.alloc(96);
        assertThat(g.call(STAT64, g.string(file.toString()), buffer)).isZero();
        ByteBuffer s = g.struct(buffer, 96);
        Map<String, Object> host = Files.readAttributes(file, "unix:*");
        assertThat(s.getLong(0)).isEqualTo((Long) host.get("dev"));
        assertThat(s.getInt(12)).isEqualTo(((Long) host.get("ino")).intValue());
        assertThat(s.getInt(16)).isEqualTo((Integer) host.get("mode"));
        assertThat(s.getInt(20)).isEqualTo((Integer) host.get("nlink"));
        assertThat(s.getLong(44)).isEqualTo(5000);
        assertThat(s.getLong(56)).isEqualTo(10);
        assertThat(s.getLong(88)).isEqualTo((Long) host.get("ino"));
        int fd = (int) g.call(OPEN, g.string(file.toString()), 0, 0);
        long other = g.alloc(96);
        assertThat(g.call(FSTAT64, fd, other)).isZero();
        assertThat(g.read(other, 96)).isEqualTo(g.read(buffer, 96));
        assertThat(g.call(FSTATAT64, -100, g.string(file.toString()), other, 0)).isZero();
        assertThat(g.read(other, 96)).isEqualTo(g.read(buffer, 96));
        long old = g.alloc(64);
        assertThat(g.call(FSTAT, fd, old)).isZero();
        assertThat(g.struct(old, 64).getInt(20)).isEqualTo(5000);
        assertThat(g.struct(old, 64).getShort(8) & 0xffff).isEqualTo((Integer) host.get("mode"));
    }

    @Test
    void llseekTakesASplitOffsetAndStoresTheResult() throws Exception {
        Files.write(dir.resolve("g"), new byte[100]);
        int fd = (int) g.call(OPEN, g.string(dir.resolve("g").toString()), 0, 0);
        long result = g.alloc(8);
        assertThat(g.call(LLSEEK, fd, 0, 40, result, 0)).isZero();
        assertThat(g.struct(result, 8).getLong(0)).isEqualTo(40);
        assertThat(g.call(LLSEEK, fd, -1, -10, result, 2)).isZero();
        assertThat(g.struct(result, 8).getLong(0)).isEqualTo(90);
        assertThat(g.call(LLSEEK, fd, 0, 0, 0x1000, 0)).isEqualTo(-Errno.EFAULT);
    }

    @Test
    void mmap2OffsetsArePagesAndOldMmapReadsAStructure() throws Exception {
        byte[] content = new byte[8192];
        content[4096] = 77;
        Files.write(dir.resolve("m"), content);
        int fd = (int) g.call(OPEN, g.string(dir.resolve("m").toString()), 0, 0);
        long a = g.call(MMAP2, 0, 4096, Protection.READ, MemorySyscalls.MAP_PRIVATE, fd, 1);
        assertThat(a & 0xffffffffL).isEqualTo(MemorySyscalls.MMAP_BASE_32 - 4096);
        assertThat(g.read(a & 0xffffffffL, 1)).containsExactly(77);
        long args = g.alloc(24);
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0)
                .putInt(4096)
                .putInt(Protection.READ)
                .putInt(MemorySyscalls.MAP_PRIVATE)
                .putInt(fd)
                .putInt(4096);
        g.write(args, b.array());
        long c = g.call(OLD_MMAP, args) & 0xffffffffL;
        assertThat(g.read(c, 1)).containsExactly(77);
        // An anonymous mapping's address is above 2 GiB: negative as an int, still not an error.
        long d = g.call(MMAP2, 0, 4096, 3, MemorySyscalls.MAP_PRIVATE | MemorySyscalls.MAP_ANONYMOUS, -1, 0);
        assertThat(d).isLessThan(-4095);
    }

    @Test
    void brkAndWritevWith32BitWords() throws Exception {
        assertThat(g.call(BRK, 0)).isEqualTo(GuestHarness.BRK);
        long iov = g.alloc(16);
        long one = g.string("ab");
        long two = g.string("cd");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) one).putInt(2).putInt((int) two).putInt(2);
        g.write(iov, b.array());
        int fd = (int) g.call(OPEN, g.string(dir.resolve("w").toString()), 0101, 0644);
        assertThat(g.call(WRITEV, fd, iov, 2)).isEqualTo(4);
        assertThat(Files.readString(dir.resolve("w"))).isEqualTo("abcd");
        assertThat(g.call(WRITE, -1, one, 2)).isEqualTo(-Errno.EBADF);
    }

    @Test
    void setThreadAreaPicksAnEntryAndFillsTheDescriptor() {
        long desc = g.alloc(16);
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(-1).putInt(0x0804c000).putInt(0xfffff).putInt(0x51);
        g.write(desc, b.array());
        assertThat(g.call(SET_THREAD_AREA, desc)).isZero();
        int entry = g.struct(desc, 4).getInt(0);
        assertThat(entry).isEqualTo(SegmentDescriptors.TLS_FIRST);
        assertThat(g.cpu.descriptors.tlsBase(entry)).isEqualTo(0x0804c000L);
        assertThat(g.cpu.descriptors.baseOf(entry << 3 | 3)).isEqualTo(0x0804c000L);
        b.putInt(0, 3);
        g.write(desc, b.array());
        assertThat(g.call(SET_THREAD_AREA, desc)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void clocksIn32And64BitLayouts() {
        long ts = g.alloc(16);
        long before = System.currentTimeMillis() / 1000;
        assertThat(g.call(CLOCK_GETTIME, 0, ts)).isZero();
        ByteBuffer s = g.struct(ts, 8);
        assertThat(s.getInt(0)).isBetween((int) before, (int) before + 5);
        assertThat(s.getInt(4)).isBetween(0, 999_999_999);
        assertThat(g.call(CLOCK_GETTIME64, 0, ts)).isZero();
        assertThat(g.struct(ts, 16).getLong(0)).isBetween(before, before + 5);
        assertThat(g.call(CLOCK_GETTIME, 99, ts)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void unameSaysI686AndExitRecordsTheStatus() {
        long buffer = g.alloc(390);
        assertThat(g.call(UNAME, buffer)).isZero();
        assertThat(new String(g.read(buffer, 5), StandardCharsets.UTF_8)).isEqualTo("Linux");
        assertThat(new String(g.read(buffer + 4 * 65, 4), StandardCharsets.UTF_8))
                .isEqualTo("i686");
        g.call(EXIT, 257);
        assertThat(g.process.exitStatus()).contains(1);
    }
}
