package dev.jx86.runtime.linux;

/**
 * The guest layouts of a {@link FileStat}: x86-64's {@code struct stat} (144 bytes), i386's {@code struct stat64}
 * (96 bytes) and old {@code struct stat} (64 bytes), and {@code struct statx} (256 bytes, both ABIs).
 */
final class StatFormats {
    private StatFormats() {}

    private static final long BILLION = 1_000_000_000L;

    /** asm/stat.h, x86-64 {@code struct stat}. */
    static byte[] stat64(FileStat s) {
        GuestStruct g = new GuestStruct(144)
                .u64(0, s.device())
                .u64(8, s.inode())
                .u64(16, s.links())
                .u32(24, s.mode())
                .u32(28, s.uid())
                .u32(32, s.gid())
                .u64(40, s.rdev())
                .u64(48, s.size())
                .u64(56, FileStat.BLOCK_SIZE)
                .u64(64, s.blocks());
        times(g, 72, 16, s);
        return g.array();
    }

    /** asm/stat.h, i386 {@code struct stat64}. */
    static byte[] stat64i386(FileStat s) {
        GuestStruct g = new GuestStruct(96)
                .u64(0, s.device())
                .u32(12, s.inode())
                .u32(16, s.mode())
                .u32(20, s.links())
                .u32(24, s.uid())
                .u32(28, s.gid())
                .u64(32, s.rdev())
                .u64(44, s.size())
                .u32(52, FileStat.BLOCK_SIZE)
                .u64(56, s.blocks())
                .u64(88, s.inode());
        times(g, 64, 8, s);
        return g.array();
    }

    /**
     * asm/stat.h, i386 old {@code struct stat}; like the kernel, EOVERFLOW-worthy values are not checked here but
     * truncated by the caller's choice of call (glibc uses stat64).
     */
    static byte[] statI386(FileStat s) {
        GuestStruct g = new GuestStruct(64)
                .u32(0, s.device())
                .u32(4, s.inode())
                .u16(8, s.mode())
                .u16(10, s.links())
                .u16(12, s.uid())
                .u16(14, s.gid())
                .u32(16, s.rdev())
                .u32(20, s.size())
                .u32(24, FileStat.BLOCK_SIZE)
                .u32(28, s.blocks());
        times(g, 32, 8, s);
        return g.array();
    }

    /** linux/stat.h {@code struct statx} with the basic statistics. */
    static byte[] statx(FileStat s) {
        GuestStruct g = new GuestStruct(256)
                .u32(0, 0x7ff)
                .u32(4, FileStat.BLOCK_SIZE)
                .u32(16, s.links())
                .u32(20, s.uid())
                .u32(24, s.gid())
                .u16(28, s.mode())
                .u64(32, s.inode())
                .u64(40, s.size())
                .u64(48, s.blocks())
                .u32(128, FileStat.major(s.rdev()))
                .u32(132, FileStat.minor(s.rdev()))
                .u32(136, FileStat.major(s.device()))
                .u32(140, FileStat.minor(s.device()));
        timestamp(g, 64, s.atimeNanos());
        timestamp(g, 96, s.ctimeNanos());
        timestamp(g, 112, s.mtimeNanos());
        return g.array();
    }

    /** atime, mtime, ctime as (seconds, nanoseconds) word pairs of {@code word} bytes each, from {@code offset}. */
    private static void times(GuestStruct g, int offset, int pair, FileStat s) {
        int word = pair / 2;
        long[] times = {s.atimeNanos(), s.mtimeNanos(), s.ctimeNanos()};
        for (int i = 0; i < 3; i++) {
            g.word(offset + i * pair, word, Math.floorDiv(times[i], BILLION));
            g.word(offset + i * pair + word, word, Math.floorMod(times[i], BILLION));
        }
    }

    private static void timestamp(GuestStruct g, int offset, long nanos) {
        g.u64(offset, Math.floorDiv(nanos, BILLION)).u32(offset + 8, Math.floorMod(nanos, BILLION));
    }
}
