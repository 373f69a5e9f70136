package dev.jx86.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.mem.AddressSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random arguments to every system call that neither changes the file system nor waits: the result is always a
 * value or -errno in Linux's range, never a Java exception.
 */
class SyscallRobustnessTest {
    /** Calls that create, remove or rename files, sleep, or make pipes (a read would block): not for random arguments. */
    private static final Set<String> EXCLUDED = Set.of(
            "open",
            "openat",
            "creat",
            "unlink",
            "unlinkat",
            "rmdir",
            "mkdir",
            "mkdirat",
            "rename",
            "renameat",
            "renameat2",
            "truncate",
            "truncate64",
            "nanosleep",
            "clock_nanosleep",
            "clock_nanosleep_time64",
            "chdir",
            "fchdir",
            "kill",
            "tkill",
            "tgkill",
            "pipe",
            "pipe2");

    /** Calls whose results are addresses, which i386 sees as negative ints above 2 GiB. */
    private static final Set<String> ADDRESSES = Set.of("brk", "mmap", "mmap2", "mremap");

    @TempDir
    Path dir;

    @Timeout(120)
    @ParameterizedTest
    @CsvSource({"X86_64, 1", "X86_64, 2", "I386, 3", "I386, 4"})
    void randomArgumentsGiveErrnoNotExceptions(Abi abi, long seed) {
        Random random = new Random(seed);
        try (GuestHarness g = new GuestHarness(abi, dir)) {
            for (int fd = 0; fd < 3; fd++) {
                g.process.fds().close(fd);
            }
            byte[] noise = new byte[4096];
            random.nextBytes(noise);
            g.write(GuestHarness.SCRATCH, noise);
            List<Map.Entry<Integer, String>> calls = g.process.table(abi).names().entrySet().stream()
                    .filter(e -> !EXCLUDED.contains(e.getValue()))
                    .toList();
            for (int i = 0; i < 5_000; i++) {
                Map.Entry<Integer, String> call = calls.get(random.nextInt(calls.size()));
                long[] args = new long[6];
                for (int a = 0; a < 6; a++) {
                    args[a] = argument(random);
                }
                String what = call.getValue() + java.util.Arrays.toString(args);
                long result;
                try {
                    result = g.call(call.getKey(), args);
                } catch (RuntimeException e) {
                    throw new AssertionError(what + " threw " + e, e);
                }
                assertThat(result >= -4095 || ADDRESSES.contains(call.getValue()))
                        .as("%s = %d", what, result)
                        .isTrue();
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long argument(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextInt(8);
            case 1 -> -1;
            case 2 -> GuestHarness.SCRATCH + random.nextInt(GuestHarness.SCRATCH_SIZE);
            case 3 -> GuestHarness.SCRATCH + GuestHarness.SCRATCH_SIZE - random.nextInt(64);
            case 4 -> random.nextLong();
            case 5 -> (long) random.nextInt(1 << 20) << AddressSpace.PAGE_SHIFT;
            case 6 -> random.nextInt(0x10000);
            default -> random.nextInt();
        };
    }
}
