import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The whole-process benchmark suite of issue 4 ({@code scripts/bench-suite}): runs every workload natively, under
 * qemu-x86_64 and under jx86, interleaved (run 1 of every workload on every runner, then run 2, ...), checks that
 * each run's standard output and exit status equal the native run's, and reports median times and ratios. Run
 * with the JDK's source launcher, which compiles this directory's files on the fly; {@code -Djx86.root} names the
 * repository.
 */
public final class BenchSuite {
    private static final PrintStream OUT = System.out;

    private BenchSuite() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            if (e.getMessage() != null) System.err.println("bench-suite: " + e.getMessage());
            (e.getMessage() == null ? OUT : System.err).print(Options.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        Path root = Path.of(System.getProperty("jx86.root", ".")).toAbsolutePath().normalize();
        List<Workload> selected = Suite.workloads(root, options.quick(), new InputFiles(options.cache())).stream()
                .filter(w -> options.filter().matcher(w.name()).find())
                .toList();
        if (options.list()) {
            for (Workload w : selected) OUT.printf("%-14s %s%n", w.name(), w.description());
            return;
        }
        if (selected.isEmpty()) {
            System.err.println("bench-suite: no workload matches '" + options.filter() + "' (see --list)");
            System.exit(2);
        }
        List<Runner> runners = runners(root, options);
        Results results = new Results(runners);
        List<Prepared> prepared = prepare(selected, results);
        MachineInfo machine = MachineInfo.probe(root);
        Path scratch = Files.createTempDirectory("jx86-bench");
        try {
            OUT.printf(
                    "%d run%s of %d workload%s on %s, interleaved%s%n",
                    options.runs(),
                    options.runs() == 1 ? "" : "s",
                    prepared.size(),
                    prepared.size() == 1 ? "" : "s",
                    String.join(", ", runners.stream().map(Runner::name).toList()),
                    options.jx86() ? "; jx86 command: " + String.join(" ", runners.getLast().prefix()) : "");
            for (int run = 1; run <= options.runs(); run++) {
                for (Prepared p : prepared) {
                    for (Runner r : runners) measure(run, options, p, r, results, scratch);
                }
            }
        } finally {
            try (Stream<Path> left = Files.walk(scratch)) {
                for (Path f : left.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
        Report report = new Report(results);
        OUT.println();
        OUT.print(report.text());
        if (options.markdown() != null) {
            Path file = options.markdown().toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, report.markdown(machine, commandLine(options), options.runs()));
            OUT.println("Markdown written to " + file);
        }
        if (results.anyFailure()) {
            System.err.println("bench-suite: some runs were WRONG, timed out or failed (listed above)");
            System.exit(1);
        }
    }

    /** A workload whose command is ready to run. */
    private record Prepared(Workload workload, Workload.Command command) {}

    private static List<Runner> runners(Path root, Options options) {
        List<Runner> runners = new ArrayList<>(List.of(Runner.nativeRunner()));
        if (options.qemu()) {
            Runner qemu = Runner.qemu();
            if (qemu == null) OUT.println("qemu-x86_64 is not installed (apt-get install qemu-user): not run");
            else runners.add(qemu);
        }
        if (options.jx86()) {
            Runner jx86 = Runner.jx86(root, options.jx86Args());
            // The launcher builds jx86 when its sources changed: do it now, not inside the first timed run.
            String version = HostTools.firstLine(List.of(jx86.prefix().getFirst(), "--version"));
            if (version == null) {
                System.err.println("bench-suite: '" + jx86.prefix().getFirst() + " --version' failed: cannot run jx86");
                System.exit(1);
            }
            OUT.println("jx86 ready: " + version);
            runners.add(jx86);
        }
        return runners;
    }

    private static List<Prepared> prepare(List<Workload> selected, Results results) throws IOException {
        List<Prepared> prepared = new ArrayList<>();
        for (Workload w : selected) {
            try {
                prepared.add(new Prepared(w, w.setup().prepare()));
                results.addWorkload(w);
            } catch (Workload.Unavailable e) {
                OUT.println("skipped " + w.name() + ": " + e.getMessage());
                results.skip(w, e.getMessage());
            }
        }
        return prepared;
    }

    private static void measure(int run, Options options, Prepared p, Runner r, Results results, Path scratch)
            throws IOException, InterruptedException {
        String name = p.workload().name();
        RunSeries series = results.series(name, r);
        if (series.failed()) return;
        String where = String.format(Locale.ROOT, "[run %d/%d] %-14s %-6s", run, options.runs(), name, r.name());
        ChildRun.Result result;
        try {
            result = ChildRun.run(r.command(p.command()), scratch, options.timeoutSeconds());
        } catch (IOException e) {
            series.fail(RunSeries.Verdict.FAILED, "cannot run " + r.command(p.command()) + ": " + e.getMessage());
            OUT.println(where + " *** FAILED: " + series.reason());
            return;
        }
        if (result.timedOut()) {
            series.fail(RunSeries.Verdict.TIMEOUT, "no exit within " + options.timeoutSeconds() + " s (--timeout)");
            OUT.println(where + " *** TIMEOUT after " + options.timeoutSeconds() + " s");
            return;
        }
        String difference = difference(result, results.series(name, results.runners().getFirst()), r);
        series.add(result);
        if (difference != null) {
            series.fail(RunSeries.Verdict.WRONG, difference + "\nits stderr: " + result.stderrTail().strip());
            OUT.println(where + " *** WRONG: " + series.reason().replace("\n", "\n    "));
            return;
        }
        OUT.println(where + " " + Report.seconds(result.wallNanos() / 1e9) + " s"
                + (result.cpuNanos() < 0 ? "" : "  (cpu " + Report.seconds(result.cpuNanos() / 1e9) + " s)"));
    }

    /** How a run's output differs from the native reference (its first run), or null if it does not. */
    private static String difference(ChildRun.Result result, RunSeries reference, Runner r) {
        ChildRun.Result expected = reference.first();
        if (expected == null) return null; // this is the native run that becomes the reference
        List<String> differences = new ArrayList<>();
        if (!result.stdoutSha256().equals(expected.stdoutSha256())) {
            differences.add(String.format(
                    "stdout differs from the native run's: %d bytes, SHA-256 %s; native: %d bytes, SHA-256 %s",
                    result.stdoutBytes(), result.stdoutSha256(), expected.stdoutBytes(), expected.stdoutSha256()));
        }
        if (result.status() != expected.status()) {
            differences.add("exit status " + result.status() + ", native " + expected.status());
        }
        if (differences.isEmpty()) return null;
        return (r.name().equals("native") ? "the native runs disagree among themselves: " : "")
                + String.join("; ", differences);
    }

    private static String commandLine(Options options) {
        List<String> words = new ArrayList<>(List.of("scripts/bench-suite"));
        for (String a : options.commandLine()) {
            boolean plain = !a.isEmpty() && a.matches("[\\w@%+=:,./-]+");
            words.add(plain ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return String.join(" ", words);
    }
}
