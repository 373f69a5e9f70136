package dev.jx86.conformance.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the kernels of the whole-process benchmark suite ({@code bench/guest}, run by {@code scripts/bench-suite})
 * from rotting: each is built with gcc by its Makefile and run at its small {@code --quick} size from the table
 * {@code bench/guest/kernels}, natively and under jx86 in this JVM in every tier; the output and exit status must
 * agree.
 */
class BenchKernelsTest {
    private static final Path KERNELS =
            Path.of(System.getProperty("jx86.root", ".."), "bench", "guest").toAbsolutePath();
    private static final Path BUILD = Path.of("target", "bench-kernels").toAbsolutePath();
    private static String buildFailure;
    private static boolean built;

    /** A row of {@code bench/guest/kernels}: the kernel's name and its small size argument. */
    record Kernel(String name, String quickSize) {
        @Override
        public String toString() {
            return name + " " + quickSize;
        }
    }

    static List<Kernel> kernels() throws IOException {
        List<Kernel> kernels = new ArrayList<>();
        for (String line : Files.readAllLines(KERNELS.resolve("kernels"))) {
            String row = line.strip();
            if (row.isEmpty() || row.startsWith("#")) continue;
            String[] fields = row.split("\\s+", 4);
            kernels.add(new Kernel(fields[0], fields[2]));
        }
        return kernels;
    }

    static Stream<Arguments> runs() throws IOException {
        List<Kernel> kernels = kernels();
        return Jx86CommandRunner.TIERS.stream().flatMap(tier -> kernels.stream().map(k -> Arguments.of(tier, k)));
    }

    @ParameterizedTest(name = "tier {0}: {1}")
    @MethodSource("runs")
    void agreesWithNative(String tier, Kernel kernel, @TempDir Path cwd) throws Exception {
        Path program = build().resolve(kernel.name());
        GuestInvocation invocation = new GuestInvocation(
                program, List.of(kernel.quickSize()), Map.of(), new byte[0], cwd, Duration.ofMinutes(2));
        GuestResult expected = new NativeRunner().run(invocation);
        assertThat(expected.status())
                .as("native exit status; stderr: %s", expected.stderrText())
                .isZero();
        assertThat(expected.stdoutText()).startsWith(kernel.name() + " " + kernel.quickSize() + ":");
        GuestResult actual = new InProcessRunner(tier).run(invocation);
        assertThat(actual.stdoutText())
                .as("stdout; stderr: %s", actual.stderrText())
                .isEqualTo(expected.stdoutText());
        assertThat(actual.status())
                .as("exit status; stderr: %s", actual.stderrText())
                .isEqualTo(expected.status());
    }

    @Test
    void everyKernelSourceIsInTheTable() throws IOException {
        List<String> sources;
        try (Stream<Path> files = Files.list(KERNELS)) {
            sources = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".c"))
                    .map(n -> n.substring(0, n.length() - 2))
                    .sorted()
                    .toList();
        }
        assertThat(kernels().stream().map(Kernel::name).sorted().toList()).isEqualTo(sources);
    }

    /** Builds every kernel once (make rebuilds what is stale), or skips the tests if this host cannot. */
    private static synchronized Path build() throws IOException, InterruptedException {
        if (!built) {
            built = true;
            buildFailure = make();
        }
        assumeTrue(buildFailure == null, buildFailure);
        return BUILD;
    }

    private static String make() throws IOException, InterruptedException {
        for (String tool : List.of("gcc", "make")) {
            if (!onPath(tool)) return tool + " is not installed: the benchmark kernels are built at test time";
        }
        Process make = new ProcessBuilder("make", "-s", "-C", KERNELS.toString(), "BUILD=" + BUILD)
                .redirectErrorStream(true)
                .start();
        String log = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!make.waitFor(5, TimeUnit.MINUTES)) {
            make.destroyForcibly();
            return "make did not finish within 5 minutes";
        }
        if (make.exitValue() != 0) throw new AssertionError("building the benchmark kernels failed:\n" + log);
        return null;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(":")).anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }
}
