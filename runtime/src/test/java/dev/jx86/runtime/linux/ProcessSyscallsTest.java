package dev.jx86.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.StateLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** x86-64 process, time and signal system calls. */
class ProcessSyscallsTest {
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

    @Test
    void identity() {
        assertThat(g.call(39)).isEqualTo(ProcessHandle.current().pid());
        assertThat(g.call(186)).isEqualTo(ProcessHandle.current().pid());
        assertThat(g.call(102)).isEqualTo(Identity.uid());
        assertThat(g.call(105, Identity.uid())).isZero();
        if (Identity.uid() != 0) {
            assertThat(g.call(105, 0)).isEqualTo(-Errno.EPERM);
        }
        long ids = g.alloc(12);
        assertThat(g.call(118, ids, ids + 4, ids + 8)).isZero();
        assertThat(g.struct(ids, 12).getInt(8)).isEqualTo(Identity.uid());
        assertThat(g.call(218, 0x1234)).isEqualTo(ProcessHandle.current().pid());
        assertThat(g.call(273, 0x1000, 24)).isZero();
        assertThat(g.call(273, 0x1000, 12)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void archPrctlSetsAndGetsTheFsBase() {
        assertThat(g.call(158, 0x1002, 0x7f0000001000L)).isZero();
        assertThat(g.cpu.state[StateLayout.FS_BASE]).isEqualTo(0x7f0000001000L);
        long out = g.alloc(8);
        assertThat(g.call(158, 0x1003, out)).isZero();
        assertThat(g.struct(out, 8).getLong(0)).isEqualTo(0x7f0000001000L);
        assertThat(g.call(158, 0x1002, 0x8000000000000000L)).isEqualTo(-Errno.EPERM);
        assertThat(g.call(158, 0x9999, 0)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void unameAndPrctlName() {
        long buffer = g.alloc(390);
        assertThat(g.call(63, buffer)).isZero();
        assertThat(new String(g.read(buffer + 4 * 65, 6), StandardCharsets.UTF_8))
                .isEqualTo("x86_64");
        long name = g.alloc(16);
        assertThat(g.call(157, 16, name)).isZero();
        assertThat(new String(g.space.readCString(name, 16), StandardCharsets.UTF_8))
                .isEqualTo("guest");
        assertThat(g.call(157, 15, g.string("a-much-longer-name"))).isZero();
        assertThat(g.call(157, 16, name)).isZero();
        assertThat(new String(g.space.readCString(name, 16), StandardCharsets.UTF_8))
                .isEqualTo("a-much-longer-n");
        assertThat(g.call(157, 3, 0)).isEqualTo(1);
        assertThat(g.call(157, 12345, 0)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void limitsRandomnessAndSysinfo() {
        long limit = g.alloc(16);
        assertThat(g.call(302, 0, 3, 0, limit)).isZero();
        assertThat(g.struct(limit, 16).getLong(0)).isEqualTo(8L << 20);
        assertThat(g.call(97, 7, limit)).isZero();
        assertThat(g.struct(limit, 16).getLong(0)).isEqualTo(1024);
        assertThat(g.call(302, 0, 99, 0, limit)).isEqualTo(-Errno.EINVAL);
        long random = g.alloc(64);
        assertThat(g.call(318, random, 64, 0)).isEqualTo(64);
        assertThat(g.read(random, 64)).isNotEqualTo(new byte[64]);
        assertThat(g.call(318, 0x1000, 64, 0)).isEqualTo(-Errno.EFAULT);
        long info = g.alloc(112);
        assertThat(g.call(99, info)).isZero();
        ByteBuffer s = g.struct(info, 112);
        assertThat(s.getLong(32)).isPositive();
        assertThat(s.getInt(104)).isEqualTo(1);
        long mask = g.alloc(128);
        assertThat(g.call(204, 0, 128, mask)).isEqualTo(8);
        assertThat(Long.bitCount(g.struct(mask, 8).getLong(0)))
                .isEqualTo(Math.min(64, Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void clocks() {
        long ts = g.alloc(16);
        assertThat(g.call(228, 1, ts)).isZero();
        long first =
                g.struct(ts, 16).getLong(0) * 1_000_000_000L + g.struct(ts, 16).getLong(8);
        assertThat(g.call(228, 1, ts)).isZero();
        long second =
                g.struct(ts, 16).getLong(0) * 1_000_000_000L + g.struct(ts, 16).getLong(8);
        assertThat(second).isGreaterThanOrEqualTo(first);
        long now = System.currentTimeMillis() / 1000;
        assertThat(g.call(201, 0)).isBetween(now, now + 5);
        long tv = g.alloc(16);
        assertThat(g.call(96, tv, 0)).isZero();
        assertThat(g.struct(tv, 16).getLong(8)).isBetween(0L, 999_999L);
        long request = g.alloc(16);
        g.write(
                request,
                ByteBuffer.allocate(16)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .putLong(0)
                        .putLong(1_000_000)
                        .array());
        assertThat(g.call(35, request, 0)).isZero();
        g.write(
                request,
                ByteBuffer.allocate(16)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .putLong(0)
                        .putLong(1_000_000_000)
                        .array());
        assertThat(g.call(35, request, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(g.call(229, 0, ts)).isZero();
    }

    @Test
    void signalActionsAreRecordedAndReported() {
        long act = g.alloc(32);
        long old = g.alloc(32);
        g.write(
                act,
                ByteBuffer.allocate(32)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .putLong(0x401000)
                        .putLong(0x04000000)
                        .putLong(0x402000)
                        .putLong(1L << 9)
                        .array());
        assertThat(g.call(13, 2, act, 0, 8)).isZero();
        assertThat(g.call(13, 2, 0, old, 8)).isZero();
        assertThat(g.read(old, 32)).isEqualTo(g.read(act, 32));
        assertThat(g.call(13, 9, act, 0, 8)).isEqualTo(-Errno.EINVAL);
        assertThat(g.call(13, 2, act, 0, 4)).isEqualTo(-Errno.EINVAL);
        long set = g.alloc(8);
        g.write(
                set,
                ByteBuffer.allocate(8)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .putLong(0x1_0100)
                        .array());
        assertThat(g.call(14, 0, set, 0, 8)).isZero();
        assertThat(g.call(14, 0, 0, old, 8)).isZero();
        assertThat(g.struct(old, 8).getLong(0)).isEqualTo(0x1_0000L);
        // SIGCHLD is ignored by default: kill does nothing.
        assertThat(g.call(62, ProcessHandle.current().pid(), 17)).isZero();
        assertThat(g.process.exitStatus()).isEmpty();
    }

    @Test
    void sendfileCopiesBetweenFiles() throws Exception {
        Files.writeString(dir.resolve("src"), "0123456789");
        int in = (int) g.call(257, -100, g.string("src"), 0, 0);
        int out = (int) g.call(257, -100, g.string("dst"), 0101, 0644);
        long offset = g.alloc(8);
        g.write(
                offset,
                ByteBuffer.allocate(8)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .putLong(3)
                        .array());
        assertThat(g.call(40, out, in, offset, 4)).isEqualTo(4);
        assertThat(g.struct(offset, 8).getLong(0)).isEqualTo(7);
        assertThat(g.call(40, out, in, 0, 100)).isEqualTo(10);
        assertThat(Files.readString(dir.resolve("dst"))).isEqualTo("34560123456789");
        assertThat(g.call(40, in, out, 0, 1)).isEqualTo(-Errno.EBADF);
    }

    @Test
    void int80From64BitCodeUsesTheI386Table() {
        long code = g.alloc(16);
        g.write(code, new byte[] {(byte) 0xcd, (byte) 0x80}); // int 0x80
        g.cpu.rip(code + 2);
        g.cpu.gpr(StateLayout.RCX, 0x1234);
        g.cpu.gpr(9, 77);
        g.cpu.gpr(StateLayout.RAX, 20); // getpid in the i386 table (writev in the x86-64 one)
        g.process.syscall(g.cpu);
        assertThat(g.cpu.gpr(StateLayout.RAX)).isEqualTo(ProcessHandle.current().pid());
        assertThat(g.cpu.gpr(StateLayout.RCX)).isEqualTo(0x1234);
        assertThat(g.cpu.gpr(9)).isZero();
        g.cpu.gpr(StateLayout.RAX, 0x7fff); // no such call: -ENOSYS, sign-extended to 64 bits
        g.process.syscall(g.cpu);
        assertThat(g.cpu.gpr(StateLayout.RAX)).isEqualTo(-Errno.ENOSYS);
    }
}
