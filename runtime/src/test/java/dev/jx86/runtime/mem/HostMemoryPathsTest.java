package dev.jx86.runtime.mem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.HostMemory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Both of {@link HostMemory}'s paths give guest memory the same contents: the {@code Unsafe} one this JVM uses (the
 * build exports {@code jdk.internal.misc} to the tests) and the {@code MemorySegment} one a JVM without the export
 * falls back to, run in a child JVM.
 */
class HostMemoryPathsTest {
    /** Random stores and loads of every size, page-crossing ones included, through a TLB; prints what it read. */
    public static void main(String[] args) {
        System.out.println("unsafe=" + HostMemory.UNSAFE + " digest=" + digest());
    }

    static long digest() {
        try (AddressSpace space = new AddressSpace(AddressSpace.LIMIT_64, 1L << 26)) {
            TlbMemory cpu = space.newView();
            long base = 0x40_0000;
            int pages = 16;
            space.map(base, pages * 4096L, Protection.READ | Protection.WRITE);
            var random = new SplittableRandom(42);
            int[] sizes = {1, 2, 4, 8};
            long digest = 17;
            for (int i = 0; i < 200_000; i++) {
                int size = sizes[random.nextInt(4)];
                long address = base + random.nextLong(pages * 4096L - size + 1);
                if (random.nextBoolean()) {
                    cpu.store(address, size, random.nextLong());
                } else {
                    digest = digest * 31 + cpu.load(address, size);
                }
            }
            for (long a = base; a < base + pages * 4096L; a += 8) {
                digest = digest * 31 + cpu.load(a, 8);
            }
            return digest;
        }
    }

    @Test
    void theUnsafePathAndTheSegmentPathAgree() throws IOException, InterruptedException {
        assertThat(HostMemory.UNSAFE)
                .as("the build exports jdk.internal.misc to the tests")
                .isTrue();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        HostMemoryPathsTest.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEqualTo("unsafe=false digest=" + digest());
    }
}
