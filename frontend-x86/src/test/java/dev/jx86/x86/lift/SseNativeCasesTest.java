package dev.jx86.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the SSE/SSE2 cases and the SSE3, SSSE3, SSE4.1, SSE4.2, AES-NI and PCLMULQDQ cases whose results were
 * recorded on an x86-64 host ({@code sse/cases.txt} and {@code sse/cases-sse4.txt}, written by
 * {@code scripts/sse-expectations}): each instruction runs on the lifter (reference evaluator and tier 0) from the
 * recorded inputs (MXCSR included: rounding modes, FTZ, DAZ) and must give the recorded XMM0, XMM1, 16 bytes of
 * memory, RAX, status flags and MXCSR with its exception flags. RCPPS/RSQRTPS results, whose low bits differ
 * between processors, are compared within the architectural error bound.
 */
class SseNativeCasesTest {
    record Case(String asm, String code, String[] in, String[] out) {
        @Override
        public String toString() {
            return asm;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        read("/sse/cases.txt", cases);
        read("/sse/cases-sse4.txt", cases);
        return cases;
    }

    private static void read(String resource, List<Case> cases) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SseNativeCasesTest.class.getResourceAsStream(resource)),
                StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(";") || line.isBlank()) {
                    continue;
                }
                String[] halves = line.split(" \\|\\| ");
                String[] in = halves[0].split(" \\| ");
                String[] out = halves[1].split(" \\| ");
                cases.add(new Case(in[0], in[1], in, out));
            }
        }
    }

    /**
     * The cases without a REX prefix, which mean the same in 32-bit mode ([rdx] is [edx] there): not those whose
     * first instruction has one, nor those that name a 64-bit register or a 64-bit length form.
     */
    static List<Case> casesWithoutRex() throws IOException {
        return cases().stream()
                .filter(c -> !c.code().matches("^(66|f2|f3)?4[0-9a-f]0f.*"))
                .filter(c -> !c.asm().matches(".*(\\brax\\b|mov rdx|strmq|striq).*"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesHost(Case c) {
        check(c, LiftTester.mode64());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithoutRex")
    void matchesHostIn32BitMode(Case c) {
        check(c, LiftTester.mode32());
    }

    private static void check(Case c, LiftTester tester) {
        long data = LiftTester.DATA;
        LiftTester t = tester.code(c.code() + "0f0b");
        xmm(t, 0, c.in()[2]);
        xmm(t, 1, c.in()[3]);
        t.memory.store128(data, low(c.in()[4]), high(c.in()[4]));
        t.gpr(StateLayout.RAX, Long.parseUnsignedLong(c.in()[5], 16));
        t.gpr(StateLayout.RDX, data).gpr(StateLayout.RDI, data);
        t.cpu.state[StateLayout.MXCSR] = Long.parseLong(c.in()[6], 16);
        t.cpu.state[StateLayout.FLAGS] = 0x44;
        LiftTester.Result r = t.run();
        String context = c.asm() + "\n" + t.ir();
        assertThat(r.vector()).as(context).isEqualTo(Vectors.UD);
        assertThat(r.pc()).as(context).isEqualTo(LiftTester.CODE + c.code().length() / 2);
        boolean approximate = c.asm().startsWith("rcp") || c.asm().startsWith("rsqrt");
        checkXmm(t, 0, c.out()[0], approximate, context);
        checkXmm(t, 1, c.out()[1], false, context);
        long[] mem = new long[2];
        t.memory.load128(data, mem);
        assertThat(hex(mem[0], mem[1])).as("memory " + context).isEqualTo(c.out()[2]);
        assertThat(Long.toHexString(t.gpr(StateLayout.RAX)))
                .as("rax " + context)
                .isEqualTo(Long.toHexString(Long.parseUnsignedLong(c.out()[3], 16)));
        assertThat(Long.toHexString(t.flags()))
                .as("flags " + context)
                .isEqualTo(Long.toHexString(Long.parseLong(c.out()[4], 16)));
        assertThat(Long.toHexString(t.cpu.state[StateLayout.MXCSR]))
                .as("mxcsr " + context)
                .isEqualTo(Long.toHexString(Long.parseLong(c.out()[5], 16)));
    }

    private static void xmm(LiftTester t, int n, String hex) {
        t.cpu.state[StateLayout.xmm(n)] = low(hex);
        t.cpu.state[StateLayout.xmm(n) + 1] = high(hex);
    }

    private static void checkXmm(LiftTester t, int n, String expected, boolean approximate, String context) {
        long lo = t.cpu.state[StateLayout.xmm(n)];
        long hi = t.cpu.state[StateLayout.xmm(n) + 1];
        if (!approximate) {
            assertThat(hex(lo, hi)).as("xmm" + n + " " + context).isEqualTo(expected);
            return;
        }
        for (int lane = 0; lane < 4; lane++) {
            int got = (int) ((lane < 2 ? lo : hi) >>> (32 * (lane & 1)));
            long e = lane < 2 ? low(expected) : high(expected);
            int want = (int) (e >>> (32 * (lane & 1)));
            float g = Float.intBitsToFloat(got);
            float w = Float.intBitsToFloat(want);
            if (Float.isFinite(w) && w != 0) {
                assertThat((double) Math.abs(g - w) / Math.abs(w))
                        .as("xmm" + n + " lane " + lane + " " + context)
                        .isLessThanOrEqualTo(Math.scalb(1.5, -12));
            } else {
                assertThat(Integer.toHexString(got))
                        .as("xmm" + n + " lane " + lane + " " + context)
                        .isEqualTo(Integer.toHexString(want));
            }
        }
    }

    private static long low(String hex) {
        return new BigInteger(hex, 16).longValue();
    }

    private static long high(String hex) {
        return new BigInteger(hex, 16).shiftRight(64).longValue();
    }

    private static String hex(long lo, long hi) {
        return String.format("%016x%016x", hi, lo);
    }
}
