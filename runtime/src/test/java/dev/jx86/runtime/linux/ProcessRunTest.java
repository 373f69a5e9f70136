package dev.jx86.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.runtime.exec.Engine;
import dev.jx86.runtime.exec.Stop;
import dev.jx86.runtime.mem.Protection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LinuxProcess#run} against a scripted engine: each step sets up the CPU as guest code would and stops. */
class ProcessRunTest {
    @TempDir
    Path dir;

    private GuestHarness g;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<long[]> invalidated = new ArrayList<>();

    @BeforeEach
    void start() {
        g = new GuestHarness(Abi.X86_64, dir);
        g.process.diagnostics(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        g.close();
    }

    /** An engine that runs one scripted step per call. */
    private final class Script implements Engine {
        private final Deque<Function<Cpu, Stop>> steps = new ArrayDeque<>();

        Script syscall(int number, long... args) {
            int[] registers = {StateLayout.RDI, StateLayout.RSI, StateLayout.RDX, 10, 8, 9};
            steps.add(cpu -> {
                for (int i = 0; i < args.length; i++) {
                    cpu.gpr(registers[i], args[i]);
                }
                cpu.gpr(StateLayout.RAX, number);
                cpu.rip(cpu.rip() + 2);
                return new Stop.Syscall(cpu.rip());
            });
            return this;
        }

        Script then(Function<Cpu, Stop> step) {
            steps.add(step);
            return this;
        }

        @Override
        public Stop run(Cpu cpu) {
            return steps.remove().apply(cpu);
        }

        @Override
        public void requestStop() {}

        @Override
        public void invalidate(long start, long end) {
            invalidated.add(new long[] {start, end});
        }
    }

    @Test
    void exitGroupEndsTheRunWithItsStatus() throws Exception {
        long path = g.string(dir.resolve("out").toString());
        long text = g.string("hi\n");
        Script script = new Script()
                .syscall(257, -100, path, 0101, 0644)
                .then(cpu -> {
                    assertThat(cpu.gpr(StateLayout.RAX)).isEqualTo(3);
                    return new Stop.Requested(cpu.rip());
                })
                .syscall(1, 3, text, 3)
                .syscall(231, 300);
        assertThat(g.process.run(script, g.cpu)).isEqualTo(300 & 0xff);
        assertThat(Files.readString(dir.resolve("out"))).isEqualTo("hi\n");
        assertThat(stderr.size()).isZero();
    }

    @Test
    void pageFaultEndsTheProcessWithSigsegv() {
        Script script = new Script().then(cpu -> new Stop.Fault(new GuestFault(Vectors.PF, 6, 0xdead0), 0x401000));
        assertThat(g.process.run(script, g.cpu)).isEqualTo(128 + 11);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .isEqualTo("jx86: guest terminated by signal SIGSEGV (page fault at 0xdead0, pc 0x401000)"
                        + System.lineSeparator());
    }

    @Test
    void eachExceptionHasLinuxsSignal() {
        int[][] cases = {
            {Vectors.UD, 4}, {Vectors.DE, 8}, {Vectors.BP, 5}, {Vectors.AC, 7}, {Vectors.GP, 11}, {Vectors.XM, 8}
        };
        for (int[] c : cases) {
            Script script = new Script().then(cpu -> new Stop.Fault(new GuestFault(c[0]), 0x1000));
            assertThat(g.process.run(script, g.cpu)).as("vector %d", c[0]).isEqualTo(128 + c[1]);
        }
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("SIGILL (invalid opcode, pc 0x1000)");
    }

    @Test
    void haltIsAGeneralProtectionFaultAtTheInstruction() {
        Script script = new Script().then(cpu -> new Stop.Halt(0x401235));
        assertThat(g.process.run(script, g.cpu)).isEqualTo(139);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("general protection fault, pc 0x401234");
    }

    @Test
    void abortKillsWithSigabrt() {
        Script script =
                new Script().syscall(14, 0, 0, 0, 8).syscall(234, ProcessSyscalls.pid(), ProcessSyscalls.pid(), 6);
        assertThat(g.process.run(script, g.cpu)).isEqualTo(128 + 6);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("SIGABRT");
    }

    @Test
    void codeWritesAndMapChangesInvalidateTranslations() {
        long code = 0x40000000L;
        g.space.map(code, 8192, Protection.ALL);
        g.process.codeWatch().watch(code);
        Script script = new Script()
                .then(cpu -> {
                    cpu.memory().store(code + 16, 4, 0x90909090L);
                    cpu.memory().store(code + 20, 4, 0x90909090L);
                    return new Stop.Requested(cpu.rip());
                })
                .syscall(11, code + 4096, 4096)
                .syscall(60, 0);
        assertThat(g.process.run(script, g.cpu)).isZero();
        assertThat(invalidated).containsExactly(new long[] {code, code + 4096}, new long[] {code + 4096, code + 8192});
    }
}
