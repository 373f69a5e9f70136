package dev.jx86.conformance.difftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential test's own machinery against the host: the generator's text assembles, the native harness runs
 * it repeatably, and its results agree with values computed here for instructions whose meaning is simple.
 */
class NativeHarnessTest {
    @TempDir
    static Path dir;

    private static NativeHarness harness;
    private static GnuAssembler assembler;

    @BeforeAll
    static void tools() throws IOException {
        String missing = NativeHarness.missingCompiler();
        if (missing == null) {
            missing = GnuAssembler.missingTool();
        }
        assumeTrue(missing == null, () -> "skipped: the native differential harness needs gcc and binutils: ");
        harness = NativeHarness.compile(dir);
        assembler = new GnuAssembler(dir);
    }

    @Test
    void generatedCasesAssembleAndRunRepeatably() throws IOException {
        SequenceGenerator generator = new SequenceGenerator(1, f -> true, f -> true);
        List<TestCase> cases = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            cases.add(generator.generate(i));
        }
        cases = assembler.assemble(cases);
        List<Outcome> first = harness.run(cases);
        List<Outcome> second = harness.run(cases);
        Map<Outcome.Stop, Integer> stops = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Outcome a = first.get(i);
            Outcome b = second.get(i);
            assertThat(a.stop()).isEqualTo(b.stop());
            assertThat(a.pc()).isEqualTo(b.pc());
            assertThat(a.state()).as("case %d: %s", i, cases.get(i).lines()).isEqualTo(b.state());
            stops.merge(a.stop(), 1, Integer::sum);
        }
        System.out.println("native outcomes of 3000 generated cases: " + stops);
        assertThat(stops.get(Outcome.Stop.END)).isGreaterThan(2400);
        assertThat(stops).doesNotContainKeys(Outcome.Stop.TIMEOUT, Outcome.Stop.OTHER, Outcome.Stop.SIGTRAP);
    }
}
