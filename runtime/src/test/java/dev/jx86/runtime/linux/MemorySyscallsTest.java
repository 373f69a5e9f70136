package dev.jx86.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.exec.Engine;
import dev.jx86.runtime.exec.Stop;
import dev.jx86.runtime.mem.Protection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemorySyscallsTest {
    private static final int MMAP = 9;
    private static final int MPROTECT = 10;
    private static final int MUNMAP = 11;
    private static final int BRK = 12;
    private static final int MREMAP = 25;
    private static final int MADVISE = 28;
    private static final int OPENAT = 257;

    private static final int PROT_RW = Protection.READ | Protection.WRITE;
    private static final int MAP_PRIVATE_ANON = MemorySyscalls.MAP_PRIVATE | MemorySyscalls.MAP_ANONYMOUS;

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
    void anonymousMappingsGoTopDownBelowTheMmapBase() {
        long a = g.call(MMAP, 0, 10000, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
        assertThat(a).isEqualTo(MemorySyscalls.MMAP_BASE_64 - 12288);
        long b = g.call(MMAP, 0, 4096, Protection.READ, MAP_PRIVATE_ANON, -1, 0);
        assertThat(b).isEqualTo(a - 4096);
        g.space.copyOut(a + 9999, new byte[] {1});
        assertThat(g.read(a + 9999, 1)).containsExactly(1);
        assertThatThrownBy(() -> g.space.copyOut(b, new byte[] {1})).isInstanceOf(GuestFault.class);
        assertThat(g.call(MUNMAP, a, 10000)).isZero();
        assertThatThrownBy(() -> g.read(a, 1)).isInstanceOf(GuestFault.class);
        assertThat(g.call(MUNMAP, a + 1, 4096)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void mmapArgumentErrors() {
        assertThat(g.call(MMAP, 0, 0, PROT_RW, MAP_PRIVATE_ANON, -1, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(g.call(MMAP, 0, 4096, PROT_RW, MemorySyscalls.MAP_ANONYMOUS, -1, 0))
                .isEqualTo(-Errno.EINVAL);
        assertThat(g.call(MMAP, 0, 4096, PROT_RW, MemorySyscalls.MAP_PRIVATE, 55, 0))
                .isEqualTo(-Errno.EBADF);
        assertThat(g.call(MMAP, 0x123, 4096, PROT_RW, MAP_PRIVATE_ANON | MemorySyscalls.MAP_FIXED, -1, 0))
                .isEqualTo(-Errno.EINVAL);
        assertThat(g.call(MMAP, 0, -4096L, PROT_RW, MAP_PRIVATE_ANON, -1, 0)).isEqualTo(-Errno.ENOMEM);
    }

    @Test
    void fixedMappingsReplaceAndInvalidate() {
        List<long[]> invalidated = new ArrayList<>();
        attachEngine(invalidated);
        long at = 0x30000000L;
        assertThat(g.call(MMAP, at, 8192, PROT_RW, MAP_PRIVATE_ANON | MemorySyscalls.MAP_FIXED, -1, 0))
                .isEqualTo(at);
        g.write(at, new byte[] {9});
        assertThat(invalidated).isEmpty();
        assertThat(g.call(MMAP, at, 4096, PROT_RW, MAP_PRIVATE_ANON | MemorySyscalls.MAP_FIXED, -1, 0))
                .isEqualTo(at);
        assertThat(g.read(at, 1)).containsExactly(0);
        assertThat(invalidated).containsExactly(new long[] {at, at + 4096});
        assertThat(g.call(MMAP, at, 4096, PROT_RW, MAP_PRIVATE_ANON | MemorySyscalls.MAP_FIXED_NOREPLACE, -1, 0))
                .isEqualTo(-Errno.EEXIST);
        assertThat(g.call(MPROTECT, at, 8192, Protection.READ)).isZero();
        assertThat(invalidated).hasSize(2);
        assertThat(g.call(MPROTECT, at, 3 * 4096, Protection.READ)).isEqualTo(-Errno.ENOMEM);
        assertThat(g.call(MUNMAP, at, 8192)).isZero();
        assertThat(invalidated).hasSize(3);
    }

    /** Gives the process an engine (as run() does) that records invalidations. */
    private void attachEngine(List<long[]> invalidated) {
        g.process.engine(new Engine() {
            @Override
            public Stop run(dev.jx86.runtime.abi.Cpu cpu) {
                throw new AssertionError("not run");
            }

            @Override
            public void requestStop() {}

            @Override
            public void invalidate(long start, long end) {
                invalidated.add(new long[] {start, end});
            }
        });
    }

    @Test
    void fileMappingsCopyTheFile() throws Exception {
        byte[] content = new byte[10000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("blob"), content);
        int fd = (int) g.call(OPENAT, -100, g.string("blob"), 0, 0);
        long a = g.call(MMAP, 0, 10000, Protection.READ, MemorySyscalls.MAP_PRIVATE, fd, 0);
        assertThat(g.read(a, 10000)).isEqualTo(content);
        assertThat(g.read(a + 10000, 12288 - 10000)).isEqualTo(new byte[12288 - 10000]);
        long b = g.call(MMAP, 0, 4096, Protection.READ, MemorySyscalls.MAP_PRIVATE, fd, 4096);
        assertThat(g.read(b, 4096)).isEqualTo(java.util.Arrays.copyOfRange(content, 4096, 8192));
        assertThat(g.call(MMAP, 0, 4096, Protection.READ, MemorySyscalls.MAP_PRIVATE, fd, 100))
                .isEqualTo(-Errno.EINVAL);
        assertThat(g.call(MMAP, 0, 4096, PROT_RW, MemorySyscalls.MAP_SHARED, fd, 0))
                .isEqualTo(-Errno.EACCES);
    }

    @Test
    void brkGrowsAndShrinksTheHeap() {
        long start = g.call(BRK, 0);
        assertThat(start).isEqualTo(GuestHarness.BRK);
        assertThat(g.call(BRK, start + 100)).isEqualTo(start + 100);
        g.write(start + 99, new byte[] {5});
        assertThat(g.call(BRK, start + 0x10000)).isEqualTo(start + 0x10000);
        g.write(start + 0xffff, new byte[] {6});
        assertThat(g.call(BRK, start + 10)).isEqualTo(start + 10);
        assertThatThrownBy(() -> g.read(start + 0x1000, 1)).isInstanceOf(GuestFault.class);
        assertThat(g.read(start + 99, 1)).containsExactly(5);
        assertThat(g.call(BRK, start - 4096)).isEqualTo(start + 10);
        // Growing into another mapping fails and leaves the break where it was.
        g.space.map(start + 0x20000, 4096, Protection.READ);
        assertThat(g.call(BRK, start + 0x30000)).isEqualTo(start + 10);
    }

    @Test
    void mremapGrowsInPlaceOrMoves() {
        long a = g.call(MMAP, 0, 4096, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
        g.write(a, new byte[] {42});
        // The page above a is the previous mapping's bottom... use one that has a neighbour above.
        long b = g.call(MMAP, 0, 4096, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
        assertThat(b).isEqualTo(a - 4096);
        g.write(b, new byte[] {7});
        assertThat(g.call(MREMAP, b, 4096, 8192, 0, 0)).isEqualTo(-Errno.ENOMEM);
        long moved = g.call(MREMAP, b, 4096, 8192, 1, 0);
        assertThat(moved).isNotEqualTo(b).isPositive();
        assertThat(g.read(moved, 1)).containsExactly(7);
        assertThat(g.read(moved + 4096, 4096)).isEqualTo(new byte[4096]);
        assertThatThrownBy(() -> g.read(b, 1)).isInstanceOf(GuestFault.class);
        assertThat(g.call(MREMAP, a, 4096, 4096, 0, 0)).isEqualTo(a);
        assertThat(g.call(MREMAP, moved, 8192, 4096, 0, 0)).isEqualTo(moved);
        assertThatThrownBy(() -> g.read(moved + 4096, 1)).isInstanceOf(GuestFault.class);
        assertThat(g.call(MREMAP, 0x50000000L, 4096, 8192, 1, 0)).isEqualTo(-Errno.EFAULT);
    }

    @Test
    void madviseDontneedZeroesAnonymousMemory() {
        long a = g.call(MMAP, 0, 8192, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
        g.write(a + 4096, new byte[] {1, 2, 3});
        assertThat(g.call(MADVISE, a, 8192, 4)).isZero();
        assertThat(g.read(a + 4096, 3)).containsExactly(0, 0, 0);
        assertThat(g.call(MADVISE, 0x50000000L, 4096, 4)).isEqualTo(-Errno.ENOMEM);
    }
}
