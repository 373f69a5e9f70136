import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What profiling costs ({@code scripts/bench-profile-overhead}, docs/profiling.md): every workload of the suite
 * under {@code jx86 run} and under {@code jx86 run --profile} (report to a JSON file, so both print the same),
 * interleaved run by run, outputs and statuses checked equal; reports the median wall and CPU times of both and
 * their ratio, with the geometric mean over the workloads.
 *
 * <p>Usage: {@code [--runs N] [--quick] [--jx86-args "..."] [--profile-args "..."] [REGEX]}.
 */
public final class ProfileOverhead {
    private ProfileOverhead() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = 3;
        boolean quick = false;
        List<String> common = new ArrayList<>();
        List<String> profile = new ArrayList<>(List.of("--profile", "--json", "/dev/null"));
        Pattern filter = Pattern.compile("");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--quick" -> quick = true;
                case "--jx86-args" -> common = split(args[++i]);
                case "--profile-args" -> profile = split(args[++i]);
                case "--help" -> {
                    System.out.println("usage: bench-profile-overhead [--runs N] [--quick] [--jx86-args \"...\"]"
                            + " [--profile-args \"...\"] [REGEX]");
                    return;
                }
                default -> filter = Pattern.compile(args[i]);
            }
        }
        Path root = Path.of(System.getProperty("jx86.root", ".")).toAbsolutePath().normalize();
        String cacheHome = System.getenv("XDG_CACHE_HOME");
        Path cache = (cacheHome != null && !cacheHome.isEmpty()
                        ? Path.of(cacheHome)
                        : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("jx86/bench");
        List<String> profiled = new ArrayList<>(common);
        profiled.addAll(profile);
        Runner plain = Runner.jx86(root, common);
        Runner withProfile = new Runner("profile", Runner.jx86(root, profiled).prefix());
        if (HostTools.firstLine(List.of(plain.prefix().getFirst(), "--version")) == null) {
            System.err.println("bench-profile-overhead: cannot run jx86");
            System.exit(1);
        }
        List<Workload> workloads = new ArrayList<>();
        List<Workload.Command> commands = new ArrayList<>();
        for (Workload w : Suite.workloads(root, quick, new InputFiles(cache))) {
            if (!filter.matcher(w.name()).find()) continue;
            try {
                commands.add(w.setup().prepare());
                workloads.add(w);
            } catch (Workload.Unavailable e) {
                System.out.println("skipped " + w.name() + ": " + e.getMessage());
            }
        }
        int n = workloads.size();
        long[][][] wall = new long[n][2][runs];
        long[][][] cpu = new long[n][2][runs];
        Path scratch = Files.createTempDirectory("jx86-overhead");
        System.out.printf("%d runs of %d workloads, interleaved: %s | %s%n", runs, n,
                String.join(" ", plain.prefix()), String.join(" ", withProfile.prefix()));
        boolean wrong = false;
        try {
            for (int run = 0; run < runs; run++) {
                for (int w = 0; w < n; w++) {
                    ChildRun.Result reference = null;
                    // alternate which goes first, so that neither always runs on a warmer machine
                    for (int k = 0; k < 2; k++) {
                        int which = (run + k) % 2;
                        Runner r = which == 0 ? plain : withProfile;
                        ChildRun.Result result = ChildRun.run(r.command(commands.get(w)), scratch, 900);
                        wall[w][which][run] = result.wallNanos();
                        cpu[w][which][run] = result.cpuNanos();
                        if (reference != null
                                && (!reference.stdoutSha256().equals(result.stdoutSha256())
                                        || reference.status() != result.status())) {
                            System.out.println("*** " + workloads.get(w).name() + ": outputs differ");
                            wrong = true;
                        }
                        reference = result;
                        System.out.printf(Locale.ROOT, "[run %d/%d] %-14s %-7s %7.3f s%n", run + 1, runs,
                                workloads.get(w).name(), r.name(), result.wallNanos() / 1e9);
                    }
                }
            }
        } finally {
            try (Stream<Path> left = Files.walk(scratch)) {
                for (Path f : left.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
        System.out.println();
        System.out.println("| workload | run s (cpu) | profile s (cpu) | profile/run wall | profile/run cpu |");
        System.out.println("|---|---:|---:|---:|---:|");
        double logWall = 0;
        double logCpu = 0;
        for (int w = 0; w < n; w++) {
            double rw = median(wall[w][0]);
            double pw = median(wall[w][1]);
            double rc = median(cpu[w][0]);
            double pc = median(cpu[w][1]);
            logWall += Math.log(pw / rw);
            logCpu += Math.log(pc / rc);
            System.out.printf(Locale.ROOT, "| `%s` | %.3f (%.2f) | %.3f (%.2f) | %.3f | %.3f |%n",
                    workloads.get(w).name(), rw / 1e9, rc / 1e9, pw / 1e9, pc / 1e9, pw / rw, pc / rc);
        }
        System.out.printf(Locale.ROOT, "| geometric mean | | | %.3f | %.3f |%n", Math.exp(logWall / n),
                Math.exp(logCpu / n));
        if (wrong) System.exit(1);
    }

    private static List<String> split(String s) {
        return s.isBlank() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(s.trim().split("\\s+")));
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }
}
