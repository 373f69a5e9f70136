package dev.jx86.conformance.difftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "{0}-bit")
    @ValueSource(ints = {64, 32})
    void generatedCasesAssembleAndRunRepeatably(int bits) throws IOException {
        NativeHarness native_ = harness;
        if (bits == 32) {
            Path work = Files.createDirectories(dir.resolve("32"));
            try {
                native_ = NativeHarness.compile(work, false);
            } catch (IllegalStateException e) {
                assumeTrue(false, () -> "skipped: cannot build the 32-bit harness (gcc-multilib?): " + e.getMessage());
            }
        }
        SequenceGenerator generator = new SequenceGenerator(1, bits == 64, f -> true, f -> true);
        List<TestCase> cases = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            cases.add(generator.generate(i));
        }
        cases = assembler.assemble(cases);
        List<Outcome> first = native_.run(cases);
        List<Outcome> second = native_.run(cases);
        Map<Outcome.Stop, Integer> stops = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Outcome a = first.get(i);
            Outcome b = second.get(i);
            assertThat(a.stop()).isEqualTo(b.stop());
            assertThat(a.pc()).isEqualTo(b.pc());
            assertThat(a.state()).as("case %d: %s", i, cases.get(i).lines()).isEqualTo(b.state());
            stops.merge(a.stop(), 1, Integer::sum);
            assertThat(a.state().gpr[3])
                    .as("RBX after case %d: %s", i, cases.get(i).lines())
                    .isEqualTo(Layout.RBX);
        }
        System.out.println("native outcomes of 3000 generated " + bits + "-bit cases: " + stops);
        assertThat(stops.get(Outcome.Stop.END)).isGreaterThan(2400);
        assertThat(stops).doesNotContainKeys(Outcome.Stop.TIMEOUT, Outcome.Stop.OTHER, Outcome.Stop.SIGTRAP);
    }

    private static MachineState state(long seed) {
        Random random = new Random(seed);
        MachineState s = new MachineState();
        for (int i = 0; i < 16; i++) {
            s.gpr[i] = random.nextLong();
        }
        s.gpr[3] = Layout.RBX;
        s.gpr[4] = Layout.RSP;
        s.rflags = 0x202;
        s.mxcsr = 0x1f80;
        return s;
    }

    private static List<Outcome> run(List<MachineState> states, String... lines) throws IOException {
        List<TestCase> cases = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            cases.add(new TestCase(
                    i, List.of(new TestCase.Item("test", List.of(lines))), null, states.get(i), i * 7L, true));
        }
        return harness.run(assembler.assemble(cases));
    }

    @Test
    void addMatchesItsDefinition() throws IOException {
        List<MachineState> states = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            MachineState s = state(i);
            if (i % 3 == 0) {
                s.gpr[1] = -s.gpr[0]; // results of zero
            }
            if (i % 5 == 0) {
                s.gpr[1] = Long.MAX_VALUE - (s.gpr[0] & 0xff); // signed overflow nearby
            }
            states.add(s);
        }
        List<Outcome> out = run(states, "add rax, rcx");
        for (int i = 0; i < states.size(); i++) {
            long a = states.get(i).gpr[0];
            long b = states.get(i).gpr[1];
            long r = a + b;
            long flags = (Long.compareUnsigned(r, a) < 0 ? 1 : 0)
                    | (Long.bitCount(r & 0xff) % 2 == 0 ? 4 : 0)
                    | (((a ^ b ^ r) & 0x10) != 0 ? 0x10 : 0)
                    | (r == 0 ? 0x40 : 0)
                    | (r < 0 ? 0x80 : 0)
                    | (((a ^ r) & (b ^ r)) < 0 ? 0x800 : 0);
            Outcome o = out.get(i);
            assertThat(o.stop()).isEqualTo(Outcome.Stop.END);
            assertThat(o.pc()).isEqualTo(Layout.codeAddress(i) + 3);
            assertThat(o.state().gpr[0]).isEqualTo(r);
            assertThat(o.state().rflags & 0x8d5).as("flags of %x + %x", a, b).isEqualTo(flags);
        }
    }

    @Test
    void memoryRegistersAndFaultsAreReported() throws IOException {
        MachineState s = state(99);
        s.rflags = 0x202 | 0x400 | 0x1; // DF and CF survive
        s.mxcsr = 0x1f80 | 0x6000 | 0x1; // rounding toward zero, a sticky flag
        s.xmm[5] = 0x1234;
        s.gpr[1] = 0;
        byte[] fill = new byte[Layout.DATA_SIZE];
        MachineState.fill(fill, 0);
        List<Outcome> out = run(
                List.of(s),
                "mov rax, qword ptr [rbx+8]",
                "movdqu xmm1, xmmword ptr [rbx-0x1000]",
                "push rax",
                "mov qword ptr [rbx+0x20], rdx",
                "div rcx");
        Outcome o = out.getFirst();
        assertThat(o.stop()).isEqualTo(Outcome.Stop.SIGFPE);
        MachineState r = o.state();
        assertThat(o.pc()).isEqualTo(Layout.CODE_BASE + 4 + 8 + 1 + 4);
        assertThat(r.gpr[0]).isEqualTo(Comparison.word(fill, 0x1008));
        assertThat(r.xmm[2]).isEqualTo(Comparison.word(fill, 0));
        assertThat(r.xmm[3]).isEqualTo(Comparison.word(fill, 8));
        assertThat(r.xmm[5]).isEqualTo(0x1234);
        assertThat(r.gpr[4]).isEqualTo(Layout.RSP - 8);
        assertThat(Comparison.word(r.data, (int) (Layout.RSP - 8 - Layout.DATA_BASE)))
                .isEqualTo(r.gpr[0]);
        assertThat(Comparison.word(r.data, 0x1020)).isEqualTo(s.gpr[2]);
        assertThat(r.rflags & 0xc01).isEqualTo(0x401);
        assertThat(r.mxcsr).isEqualTo(s.mxcsr);
    }

    @Test
    void anAccessPastTheBufferFaultsWithoutWriting() throws IOException {
        List<Outcome> out = run(List.of(state(5)), "mov qword ptr [rbx+0xffc], rax");
        Outcome o = out.getFirst();
        assertThat(o.stop()).isEqualTo(Outcome.Stop.SIGSEGV);
        assertThat(o.pc()).isEqualTo(Layout.CODE_BASE);
        byte[] fill = new byte[Layout.DATA_SIZE];
        MachineState.fill(fill, 0);
        assertThat(o.state().data).isEqualTo(fill);
    }
}
