package dev.jx86.conformance.difftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jx86.runtime.exec.ExecutionLoop;
import dev.jx86.x86.lift.X86Translator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential test of instruction semantics: random instruction sequences run on the host CPU (a C harness
 * compiled with gcc) and under jx86, and every register, the flags the SDM defines, MXCSR and the data buffer must
 * agree (docs/testing.md). Families listed in {@code difftest-known-mismatches.txt} are left out of the main run
 * and tried on their own. System properties: {@code jx86.difftest.count} (cases, default 100000),
 * {@code jx86.difftest.seed}, {@code jx86.difftest.filter} (a regex over families: run only those, listed or not),
 * {@code jx86.difftest.case} (one case, described in full), {@code bless} (rewrite the list from per-family runs).
 */
class InstructionDifferentialTest {
    private static final long SEED = Long.getLong("jx86.difftest.seed", 1);
    private static final int COUNT = Integer.getInteger("jx86.difftest.count", 100_000);
    private static final String FILTER = System.getProperty("jx86.difftest.filter", "");
    private static final Long CASE = Long.getLong("jx86.difftest.case");
    private static final int BATCH = 4096;
    /** Cases per family when families are tried one at a time. */
    private static final int PER_FAMILY = 150;
    /** Mismatches described in full per family in the report and the failure message. */
    private static final int EXAMPLES = 3;

    @TempDir
    static Path dir;

    private static DifferentialRun run;

    @BeforeAll
    static void tools() throws IOException {
        String missing = NativeHarness.missingCompiler();
        if (missing == null) {
            missing = GnuAssembler.missingTool();
        }
        String why = missing;
        assumeTrue(
                why == null, () -> "skipped: the differential test needs gcc and binutils on an x86-64 host: " + why);
        assumeTrue(
                System.getProperty("os.arch").equals("amd64")
                        && System.getProperty("os.name").equals("Linux"),
                () -> "skipped: the differential test runs x86-64 code natively on Linux, not on "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
        run = new DifferentialRun(
                new GnuAssembler(dir),
                NativeHarness.compile(dir),
                new Jx86Harness(() -> new ExecutionLoop(new X86Translator())),
                BATCH);
    }

    @Test
    void hostAndJx86Agree() throws IOException {
        KnownMismatches known = KnownMismatches.load();
        if (CASE != null || !FILTER.isEmpty()) {
            Pattern filter = Pattern.compile(FILTER.isEmpty() ? ".*" : FILTER);
            SequenceGenerator generator = new SequenceGenerator(
                    SEED,
                    f -> filter.matcher(f).matches(),
                    f -> filter.matcher(f).matches() || !known.contains(f));
            long first = CASE != null ? CASE : 0;
            long start = System.nanoTime();
            DifferentialRun.Result result = run.run(generator, SEED, first, CASE != null ? 1 : COUNT);
            System.out.printf(
                    "difftest: %d cases in %.1f s (%s)%n",
                    result.cases(), (System.nanoTime() - start) / 1e9, run.timing());
            assertAgree(result, "filter " + (FILTER.isEmpty() ? "(none)" : FILTER));
            return;
        }
        if (Boolean.getBoolean("bless")) {
            Set<String> failing = failingFamilies(SequenceGenerator.families(), f -> true);
            KnownMismatches.bless(sourceFile(), failing);
            System.out.println("difftest: wrote " + failing.size() + " families to " + sourceFile());
            return;
        }
        long start = System.nanoTime();
        Set<String> fixed = new TreeSet<>(known.families());
        fixed.removeAll(failingFamilies(List.copyOf(known.families()), f -> !known.contains(f)));
        System.out.printf(
                "difftest: %d listed families tried alone in %.1f s%n",
                known.families().size(), (System.nanoTime() - start) / 1e9);
        if (!fixed.isEmpty()) {
            System.out.println("difftest: these families are listed in difftest-known-mismatches.txt but now agree"
                    + " with the host; take them off the list: " + fixed);
        }
        if (known.families().containsAll(SequenceGenerator.families())) {
            System.out.println("difftest: every family is listed in difftest-known-mismatches.txt; no main run");
            return;
        }
        start = System.nanoTime();
        SequenceGenerator generator = new SequenceGenerator(SEED, f -> !known.contains(f), f -> !known.contains(f));
        DifferentialRun.Result result = run.run(generator, SEED, 0, COUNT);
        System.out.printf(
                "difftest: %d cases (seed %d) in %.1f s (%s), host outcomes %s, %d not comparable%n",
                result.cases(),
                SEED,
                (System.nanoTime() - start) / 1e9,
                run.timing(),
                result.hostStops(),
                result.tainted());
        assertAgree(result, "families not in difftest-known-mismatches.txt");
    }

    /** Of {@code families}, those whose own cases (bodies of branches from {@code bodies}) have a mismatch. */
    private static Set<String> failingFamilies(List<String> families, Predicate<String> bodies) throws IOException {
        List<TestCase> cases = new ArrayList<>();
        for (String family : families) {
            SequenceGenerator one =
                    new SequenceGenerator(SEED, family::equals, f -> bodies.test(f) || f.equals(family));
            for (int i = 0; i < PER_FAMILY; i++) {
                cases.add(one.generate(i));
            }
        }
        Set<String> failing = new TreeSet<>();
        for (Mismatch m : run.mismatches(cases, SEED)) {
            failing.add(m.testCase().items().stream()
                    .map(TestCase.Item::family)
                    .filter(families::contains)
                    .findFirst()
                    .orElseThrow());
        }
        return failing;
    }

    private static void assertAgree(DifferentialRun.Result result, String what) throws IOException {
        String report = report(result);
        Path file = Path.of("target", "difftest-mismatches.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        if (!result.mismatches().isEmpty()) {
            System.out.println(
                    "difftest: " + result.mismatches().size() + " mismatches, written to " + file.toAbsolutePath());
        }
        assertThat(result.mismatches())
                .as(() -> "jx86 differs from the host (" + what + "); the list is in " + file.toAbsolutePath() + "\n"
                        + firstLines(report, 200))
                .isEmpty();
    }

    /** All mismatches, grouped by the family blamed, the first few of each described in full. */
    static String report(DifferentialRun.Result result) {
        Map<String, List<Mismatch>> byFamily = new TreeMap<>();
        for (Mismatch m : result.mismatches()) {
            byFamily.computeIfAbsent(m.blamed(), k -> new ArrayList<>()).add(m);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                "%d cases, %d mismatches in %d families: %s%n%n",
                result.cases(), result.mismatches().size(), byFamily.size(), result.byFamily()));
        for (Map.Entry<String, List<Mismatch>> e : byFamily.entrySet()) {
            sb.append(String.format(
                    "=== %s: %d mismatches%n", e.getKey(), e.getValue().size()));
            for (Mismatch m :
                    e.getValue().subList(0, Math.min(EXAMPLES, e.getValue().size()))) {
                sb.append(m.describe()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String firstLines(String text, int n) {
        return String.join("\n", text.lines().limit(n).toList());
    }

    private static Path sourceFile() {
        Path root = Path.of(System.getProperty("jx86.root", ".."));
        return root.resolve("src-test/src/test/resources" + KnownMismatches.RESOURCE);
    }
}
