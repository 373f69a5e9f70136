package dev.jx86.conformance.tier1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jx86.backend.jvm.JvmBlockCompiler;
import dev.jx86.ir.Block;
import dev.jx86.ir.Op;
import dev.jx86.ir.text.Printer;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.FlagsState;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfSection;
import dev.jx86.runtime.exec.Interpreter;
import dev.jx86.runtime.linux.LinuxProcess;
import dev.jx86.runtime.linux.ProcessOptions;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.x86.lift.X86Translator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tier 1 on real code: lifts the blocks of linear sweeps through /bin/busybox's .text (from 40 points) with the x86 front end,
 * compiles each one and runs it against the interpreter from the same random states (registers pointing into the
 * stack, the image, small and random values) over the loaded process's memory. State, memory writes, the next pc and
 * any fault (vector, error code, address, pc) must agree.
 */
class CompiledBusyboxBlocksTest {
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    /** Linear sweeps of {@link #SWEEP} blocks from {@link #WINDOWS} points spread over .text. */
    private static final int WINDOWS = 40;

    private static final int SWEEP = 100;
    private static final int BLOCKS = WINDOWS * SWEEP;
    private static final int STATES = 4;
    /** Helpers whose result is not a function of the state: two runs cannot agree. */
    private static final Set<String> NONDETERMINISTIC = Set.of("rdtsc", "rdtscp", "rdrand", "rdseed");

    @Test
    void compiledBlocksAgreeWithTheInterpreter() throws Exception {
        assumeTrue(Files.isRegularFile(BUSYBOX), "no " + BUSYBOX + " (Debian's busybox-static)");
        ElfSection text = ElfFile.read(BUSYBOX).section(".text").orElseThrow();
        LinuxProcess.Started started =
                LinuxProcess.start(BUSYBOX, List.of("busybox", "true"), List.of(), ProcessOptions.defaults());
        try (LinuxProcess process = started.process()) {
            Cpu initial = process.newCpu();
            System.arraycopy(started.cpu().state, 0, initial.state, 0, initial.state.length);
            X86Translator translator = new X86Translator();
            JvmBlockCompiler compiler = new JvmBlockCompiler();
            Random random = new Random(1);
            int compared = 0;
            int faults = 0;
            long pc = text.address();
            for (int n = 0; n < BLOCKS; n++) {
                if (n % SWEEP == 0) {
                    pc = text.address() + text.size() / WINDOWS * (n / SWEEP);
                }
                Block block = translator.translate(initial.memory(), pc, CpuMode.LONG_64);
                pc = end(block);
                if (!deterministic(block)) {
                    continue;
                }
                CompiledBlock compiled = compiler.compile(block);
                if (compiled == null) {
                    continue;
                }
                for (int s = 0; s < STATES; s++) {
                    long[] state = randomState(initial, text, random);
                    Cpu expected = copy(initial, state);
                    Cpu actual = copy(initial, state);
                    String want = interpret(block, expected);
                    String got = run(compiled, actual);
                    String where = Printer.print(block);
                    assertThat(got).as(where).isEqualTo(want);
                    FlagsState.settle(actual.state);
                    FlagsState.settle(expected.state);
                    assertThat(actual.state).as(where).isEqualTo(expected.state);
                    assertThat(((OverlayMemory) actual.memory()).written)
                            .as(where)
                            .isEqualTo(((OverlayMemory) expected.memory()).written);
                    compared++;
                    faults += want.startsWith("fault") ? 1 : 0;
                }
            }
            assertThat(compiler.compiledCount()).isGreaterThan(BLOCKS / 2);
            assertThat(compared).isGreaterThan(BLOCKS);
            assertThat(faults).isPositive();
            assertThat(compared - faults).isGreaterThan(compared / 4);
        }
    }

    private static long end(Block b) {
        long end = b.pc() + 1;
        for (int i = 0; i < b.size(); i++) {
            if (b.op(i) == Op.BOUNDARY) {
                end = Math.max(end, b.aux0(i) + b.aux1(i));
            }
        }
        return end;
    }

    private static boolean deterministic(Block b) {
        return b.helpers().values().stream().noneMatch(h -> NONDETERMINISTIC.contains(h.name()));
    }

    private static long[] randomState(Cpu initial, ElfSection text, Random random) {
        long[] state = initial.state.clone();
        long rsp = initial.gpr(4);
        for (int r = 0; r < 16; r++) {
            long value = switch (random.nextInt(5)) {
                case 0 -> rsp - 8 * random.nextInt(64);
                case 1 -> text.address() + random.nextInt((int) Math.min(text.size(), 1 << 20));
                case 2 -> random.nextInt(256);
                case 3 -> random.nextInt(3) - 1;
                default -> random.nextLong();
            };
            state[StateLayout.gpr(r)] = r == 4 ? rsp - 8 * random.nextInt(16) : value;
        }
        state[StateLayout.FLAGS] = random.nextLong() & StateLayout.STATUS_FLAGS;
        for (int slot = StateLayout.XMM0; slot < StateLayout.XMM0 + 32; slot++) {
            state[slot] = random.nextLong();
        }
        return state;
    }

    private static Cpu copy(Cpu initial, long[] state) {
        Cpu cpu = new Cpu(new OverlayMemory(initial.memory()), initial.mode());
        System.arraycopy(state, 0, cpu.state, 0, state.length);
        return cpu;
    }

    private static String interpret(Block block, Cpu cpu) {
        Interpreter interpreter = new Interpreter();
        Interpreter.Outcome outcome = new Interpreter.Outcome();
        try {
            return ended(interpreter.run(block, cpu, outcome), outcome);
        } catch (GuestFault f) {
            return faulted(f, interpreter.pc());
        }
    }

    private static String run(CompiledBlock block, Cpu cpu) {
        Interpreter.Outcome outcome = new Interpreter.Outcome();
        outcome.exitRequested = true; // one pass: a block that jumps to itself leaves at the back edge
        try {
            return ended(block.run(cpu, outcome), outcome);
        } catch (GuestFault f) {
            return faulted(f, outcome.faultPc);
        }
    }

    private static String ended(long next, Interpreter.Outcome o) {
        return "kind " + o.kind + " exit " + o.exit + " vector " + o.vector + " code " + o.errorCode + " next 0x"
                + Long.toHexString(next);
    }

    private static String faulted(GuestFault f, long pc) {
        return "fault " + f.vector() + " code " + f.errorCode() + " address 0x" + Long.toHexString(f.address())
                + " at 0x" + Long.toHexString(pc);
    }
}
