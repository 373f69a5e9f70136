package dev.jx86.conformance.difftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jx86.backend.jvm.JvmBlockCompiler;
import dev.jx86.runtime.exec.CodeWatch;
import dev.jx86.runtime.exec.Engine;
import dev.jx86.runtime.exec.ExecutionLoop;
import dev.jx86.runtime.exec.Tiering;
import dev.jx86.runtime.exec.TranslationCache;
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
 * and tried on their own. 32-bit mode (integer instructions, a harness built with {@code gcc -m32}) has its own
 * list and a quarter of the cases. System properties: {@code jx86.difftest.count} (cases, default 100000),
 * {@code jx86.difftest.seed}, {@code jx86.difftest.filter} (a regex over families: run only those, listed or not),
 * {@code jx86.difftest.case} (one case, described in full), {@code bless} (rewrite the lists from per-family runs).
 */
class InstructionDifferentialTest {
    private static final long SEED = Long.getLong("jx86.difftest.seed", 1);
    private static final int COUNT = Integer.getInteger("jx86.difftest.count", 100_000);
    private static final String FILTER = System.getProperty("jx86.difftest.filter", "");
    private static final Long CASE = Long.getLong("jx86.difftest.case");
    private static final int BATCH = 4096;
    /** Cases per family when families are tried one at a time. */
    private static final int PER_FAMILY = 400;
    /** Mismatches described in full per family in the report and the failure message. */
    private static final int EXAMPLES = 3;

    @TempDir
    static Path dir;

    @BeforeAll
    static void tools() {
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
    }

    @Test
    void hostAndJx86Agree64() throws IOException {
        check(true, COUNT, false);
    }

    @Test
    void hostAndJx86Agree32() throws IOException {
        check(false, Math.max(1, COUNT / 4), false);
    }

    /** The same cases (a tenth of them) with every block compiled by tier 1: the JVM backend against the host. */
    @Test
    void hostAndCompiledJx86Agree64() throws IOException {
        check(true, Math.max(1, COUNT / 10), true);
    }

    @Test
    void hostAndCompiledJx86Agree32() throws IOException {
        check(false, Math.max(1, COUNT / 40), true);
    }

    /**
     * Tier 0 runs each case in the interpreter; {@code compiled} compiles every block first (tier 1). The mixed tier
     * needs no run of its own here: a case runs once, so it never gets hot, and mixed is tier 0 for it.
     */
    private static Engine engine(boolean compiled) {
        return compiled
                ? new ExecutionLoop(
                        new X86Translator(),
                        CodeWatch.NONE,
                        TranslationCache.DEFAULT_MAX_OPS,
                        Tiering.compileEveryBlock(new JvmBlockCompiler()))
                : new ExecutionLoop(new X86Translator());
    }

    private static void check(boolean bits64, int count, boolean compiled) throws IOException {
        Path work = Files.createDirectories(dir.resolve((bits64 ? "64" : "32") + (compiled ? "-tier1" : "")));
        NativeHarness host;
        try {
            host = NativeHarness.compile(work, bits64);
        } catch (IllegalStateException e) {
            assumeTrue(bits64, () -> "skipped: cannot build the 32-bit harness (gcc-multilib?): " + e.getMessage());
            throw e;
        }
        DifferentialRun run =
                new DifferentialRun(new GnuAssembler(work), host, new Jx86Harness(() -> engine(compiled)), BATCH);
        String mode = (bits64 ? "64-bit" : "32-bit") + (compiled ? "-tier1" : "");
        KnownMismatches known = KnownMismatches.load(bits64);
        String rerun = "-Dtest=InstructionDifferentialTest#hostAnd" + (compiled ? "Compiled" : "") + "Jx86Agree"
                + (bits64 ? "64" : "32")
                + " -Djx86.difftest.seed=" + SEED
                + (FILTER.isEmpty() ? "" : " -Djx86.difftest.filter='" + FILTER + "'");
        if (!FILTER.isEmpty()) {
            Pattern filter = Pattern.compile(FILTER);
            List<String> families = SequenceGenerator.families(bits64).stream()
                    .filter(f -> filter.matcher(f).matches())
                    .toList();
            assumeTrue(!families.isEmpty(), () -> "no " + mode + " family matches " + FILTER);
            SequenceGenerator generator = new SequenceGenerator(
                    SEED, bits64, families::contains, f -> families.contains(f) || !known.contains(f));
            long start = System.nanoTime();
            DifferentialRun.Result result =
                    run.run(generator, rerun, CASE != null ? CASE : 0, CASE != null ? 1 : count);
            System.out.printf(
                    "difftest %s: %d cases in %.1f s (%s), host outcomes %s, %d not comparable%n",
                    mode,
                    result.cases(),
                    (System.nanoTime() - start) / 1e9,
                    run.timing(),
                    result.hostStops(),
                    result.tainted());
            assertAgree(result, mode, mode + " families matching " + FILTER);
            return;
        }
        if (CASE != null) {
            SequenceGenerator generator =
                    new SequenceGenerator(SEED, bits64, f -> !known.contains(f), f -> !known.contains(f));
            assertAgree(run.run(generator, rerun, CASE, 1), mode, "case " + CASE);
            return;
        }
        List<String> all = SequenceGenerator.families(bits64);
        assumeTrue(!(compiled && Boolean.getBoolean("bless")), "bless rewrites the lists from tier 0 runs");
        if (Boolean.getBoolean("bless")) {
            // Alone means alone: branches jump over NOPs (or an instance of their own family).
            Set<String> failing = failingFamilies(run, bits64, all, f -> false, rerun);
            Path file = sourceFile(bits64);
            KnownMismatches.bless(file, failing);
            System.out.println("difftest " + mode + ": wrote " + failing.size() + " families to " + file);
            return;
        }
        assertThat(all)
                .as("families in %s", KnownMismatches.resource(bits64).substring(1))
                .containsAll(known.families());
        long start = System.nanoTime();
        List<String> listed = all.stream().filter(known::contains).toList();
        Set<String> fixed = new TreeSet<>(listed);
        fixed.removeAll(failingFamilies(run, bits64, listed, f -> !known.contains(f), rerun));
        System.out.printf(
                "difftest %s: %d listed families tried alone in %.1f s%n",
                mode, listed.size(), (System.nanoTime() - start) / 1e9);
        if (!fixed.isEmpty()) {
            System.out.println("difftest " + mode + ": these families are listed in "
                    + KnownMismatches.resource(bits64).substring(1) + " but now agree with the host; take them off"
                    + " the list: " + fixed);
        }
        if (listed.size() == all.size()) {
            System.out.println("difftest " + mode + ": every family is listed as known to mismatch; no main run");
            return;
        }
        start = System.nanoTime();
        SequenceGenerator generator =
                new SequenceGenerator(SEED, bits64, f -> !known.contains(f), f -> !known.contains(f));
        DifferentialRun.Result result = run.run(generator, rerun, 0, count);
        System.out.printf(
                "difftest %s: %d cases (seed %d) of %d families in %.1f s (%s), host outcomes %s, %d not comparable%n",
                mode,
                result.cases(),
                SEED,
                all.size() - listed.size(),
                (System.nanoTime() - start) / 1e9,
                run.timing(),
                result.hostStops(),
                result.tainted());
        assertAgree(result, mode, mode + " families not listed as known to mismatch");
    }

    /** Of {@code families}, those whose own cases (bodies of branches from {@code bodies}) have a mismatch. */
    private static Set<String> failingFamilies(
            DifferentialRun run, boolean bits64, List<String> families, Predicate<String> bodies, String rerun)
            throws IOException {
        List<TestCase> cases = new ArrayList<>();
        for (String family : families) {
            SequenceGenerator one =
                    new SequenceGenerator(SEED, bits64, family::equals, f -> bodies.test(f) || f.equals(family));
            for (int i = 0; i < PER_FAMILY; i++) {
                cases.add(one.generate(i));
            }
        }
        // A case's first item is its family's: a CMP that redefines flags only ever comes after another item.
        return new TreeSet<>(run.mismatchesByFirstFamily(cases, rerun).keySet());
    }

    private static void assertAgree(DifferentialRun.Result result, String mode, String what) throws IOException {
        String report = report(result);
        Path file = Path.of("target", "difftest-mismatches-" + mode + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        if (result.mismatchCount() > 0) {
            System.out.println("difftest " + mode + ": " + result.mismatchCount() + " mismatches, written to "
                    + file.toAbsolutePath());
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
                "%d cases, %d mismatches; of the first %d, by family blamed: %s%n%n",
                result.cases(), result.mismatchCount(), result.mismatches().size(), result.byFamily()));
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

    private static Path sourceFile(boolean bits64) {
        Path root = Path.of(System.getProperty("jx86.root", ".."));
        return root.resolve("src-test/src/test/resources" + KnownMismatches.resource(bits64));
    }
}
