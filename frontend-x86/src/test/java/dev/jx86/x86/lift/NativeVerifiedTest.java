package dev.jx86.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.x86.decode.Decoder;
import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Mode;
import dev.jx86.x86.flags.Eflags;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each case of {@code lift/integer-native.txt} through the lifter and compares registers, the defined flags and
 * the data bytes with what the host processor computed for the same code and inputs (see the file's header).
 */
class NativeVerifiedTest {
    private static final String[] NAMES = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"
    };

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        read("/lift/integer-native.txt", CpuMode.LONG_64, cases);
        read("/lift/integer-native-32.txt", CpuMode.PROTECTED_32, cases);
        return cases.stream();
    }

    private static void read(String resource, CpuMode mode, List<Arguments> cases) throws IOException {
        try (var in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(NativeVerifiedTest.class.getResourceAsStream(resource)),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\\|");
                cases.add(Arguments.of(
                        p[4].trim(), mode, p[0].trim(), p[1].trim(), p[2].trim(), Integer.parseInt(p[3].trim(), 16)));
            }
        }
    }

    @ParameterizedTest(name = "{0} ({1}) with {3}")
    @MethodSource("cases")
    void matchesHardware(String asm, CpuMode mode, String code, String inputs, String expected, int mask) {
        LiftTester t = new LiftTester(mode).code(code + " 0f 0b");
        long[] initial = new long[16];
        long initialFlags = 0;
        for (String input : inputs.split("\\s+")) {
            String[] kv = input.split("=");
            long v = Long.parseUnsignedLong(kv[1], 16);
            if (kv[0].equals("flags")) {
                t.cpu.rflags(v | 0x202);
                initialFlags = v & Eflags.STATUS;
            } else if (kv[0].startsWith("mem")) {
                t.memory.store(LiftTester.DATA + Integer.parseInt(kv[0].substring(3)), 8, v);
            } else {
                int n = List.of(NAMES).indexOf(kv[0]);
                initial[n] = v;
                t.gpr(n, v);
            }
        }
        LiftTester.Result r = t.run();
        if (expected.equals("#SEGV")) { // SIGSEGV: a page fault or general protection fault at the instruction
            assertThat(r.vector()).as("%s", asm).isIn(Vectors.PF, Vectors.GP);
            assertThat(r.pc()).isEqualTo(LiftTester.CODE);
            return;
        }
        if (expected.equals("#DE")) {
            assertThat(r.vector()).as("%s", asm).isEqualTo(Vectors.DE);
            assertThat(r.pc()).isEqualTo(LiftTester.CODE);
            return;
        }
        assertThat(r.vector()).as("%s ends at the ud2", asm).isEqualTo(Vectors.UD);
        assertThat(r.pc()).isEqualTo(LiftTester.CODE + HexFormat.of().parseHex(code.replace(" ", "")).length);
        assertThat(describe(t, initial, mask)).as("%s\n%s", asm, t.ir()).isEqualTo(masked(expected, mask));
        assertUnwrittenFlagsKept(asm, mode, code, initialFlags, t.flags());
    }

    /** The status flags the decoder's flag table says an instruction does not write keep their value. */
    private static void assertUnwrittenFlagsKept(String asm, CpuMode mode, String code, long before, long after) {
        byte[] bytes = HexFormat.of().parseHex(code.replace(" ", ""));
        Mode decodeMode = mode == CpuMode.LONG_64 ? Mode.BITS64 : Mode.BITS32;
        if (new Decoder(decodeMode).decode(bytes, 0, LiftTester.CODE) instanceof Instruction insn
                && insn.length() == bytes.length) {
            long kept = Eflags.STATUS & ~insn.flagEffects().written();
            assertThat(after & kept)
                    .as("%s keeps the flags it does not write", asm)
                    .isEqualTo(before & kept);
        }
    }

    private static String describe(LiftTester t, long[] initial, int mask) {
        StringBuilder s = new StringBuilder();
        for (int n = 0; n < 16; n++) {
            if (n != StateLayout.RSP && t.gpr(n) != initial[n]) {
                s.append(NAMES[n])
                        .append('=')
                        .append(String.format("%016x", t.gpr(n)))
                        .append(' ');
            }
        }
        s.append(String.format("flags=%03x", t.flags() & mask)).append(" mem=");
        for (int i = 0; i < 16; i++) {
            s.append(String.format("%02x", t.memory.load(LiftTester.DATA + i, 1)));
        }
        return s.toString();
    }

    private static String masked(String expected, int mask) {
        int at = expected.indexOf("flags=");
        long flags = Long.parseLong(expected.substring(at + 6, at + 9), 16);
        return expected.substring(0, at) + String.format("flags=%03x", flags & mask) + expected.substring(at + 9);
    }
}
