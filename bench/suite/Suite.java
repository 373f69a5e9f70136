import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workloads of issues 4 and 5: the kernels of {@code bench/guest} (built with gcc on demand, sized by the table
 * {@code bench/guest/kernels} to 0.5-2 s natively), and Debian's busybox-static on generated inputs and, for
 * floating point, on an awk loop.
 */
final class Suite {
    static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final long MIB = 1 << 20;

    private Suite() {}

    static List<Workload> workloads(Path root, boolean quick, InputFiles inputs) throws IOException {
        List<Workload> all = new ArrayList<>();
        KernelBuild build = new KernelBuild(root.resolve("bench/guest"), root.resolve("bench/guest/build"));
        for (String line : Files.readAllLines(root.resolve("bench/guest/kernels"))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            String[] f = trimmed.split("\\s+", 4);
            String name = f[0];
            String size = quick ? f[2] : f[1];
            all.add(new Workload(
                    name,
                    f[3] + " (size " + size + ")",
                    () -> new Workload.Command(build.program(name), List.of(size))));
        }
        long hashed = quick ? MIB / 2 : 64 * MIB;
        long text = quick ? MIB / 16 : 24 * MIB;
        int lines = quick ? 5000 : 300_000;
        all.add(busybox(
                "bb-sha256sum",
                "busybox sha256sum of " + size(hashed) + " of random bytes",
                () -> List.of("sha256sum", inputs.randomBytes(hashed).toString())));
        all.add(busybox(
                "bb-gzip-9",
                "busybox gzip -9 of " + size(text) + " of text, to stdout",
                () -> List.of("gzip", "-9", "-c", inputs.prose(text).toString())));
        all.add(busybox(
                "bb-bzip2",
                "busybox bzip2 of " + size(text) + " of text, to stdout",
                () -> List.of("bzip2", "-c", inputs.prose(text).toString())));
        all.add(busybox(
                "bb-sort",
                "busybox sort of " + lines + " lines of words and numbers",
                () -> List.of("sort", inputs.lines(lines).toString())));
        long steps = quick ? 20_000 : 1_500_000;
        all.add(busybox(
                "bb-awk",
                "busybox awk floating-point loop: pi by the midpoint rule in " + steps + " steps",
                () -> List.of(
                        "awk",
                        "BEGIN { n = " + steps + "; h = 1 / n; s = 0;"
                                + " for (i = 0; i < n; i++) { x = (i + 0.5) * h; s += 4 / (1 + x * x) };"
                                + " printf \"%.15f\\n\", s * h }")));
        return all;
    }

    private interface Arguments {
        List<String> make() throws IOException;
    }

    private static Workload busybox(String name, String description, Arguments arguments) {
        return new Workload(name, description, () -> {
            if (!Files.isExecutable(BUSYBOX)) {
                throw new Workload.Unavailable(BUSYBOX + " is missing (apt-get install busybox-static)");
            }
            return new Workload.Command(BUSYBOX, arguments.make());
        });
    }

    private static String size(long bytes) {
        return bytes >= MIB ? bytes / MIB + " MiB" : bytes / 1024 + " KiB";
    }
}
