package dev.jx86.tools.bench;

import dev.jx86.backend.jvm.JvmBlockCompiler;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.runtime.exec.CodeWatch;
import dev.jx86.runtime.exec.ExecutionLoop;
import dev.jx86.runtime.exec.Stop;
import dev.jx86.runtime.exec.Tiering;
import dev.jx86.runtime.mem.AddressSpace;
import dev.jx86.runtime.mem.Protection;
import dev.jx86.x86.lift.X86Translator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a profile's block counters cost compiled code (docs/profiling.md): guest loops compiled as regions, with and
 * without {@code ExecutionLoop.recordProfile()}, in guest instructions per second ({@code instructions}). Two shapes:
 * {@code tight}, one block looping to itself (counted in a local), and {@code branchy}, a loop head and two blocks
 * after a branch that jump back to it (the head in a local, the two others in the array).
 * {@code scripts/bench-jmh ProfileCountersBenchmark}.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ProfileCountersBenchmark {
    /** {@link Tier0Benchmark#LOOP}: eight instructions with a load and a store, one block. */
    static final String TIGHT = Tier0Benchmark.LOOP;
    /**
     * loop: add rax, rcx; test al, 1; jz skip; xor rdx, rax; skip: add rbx, rdx; dec rcx; jnz loop; ud2 — five or six
     * instructions an iteration, in three blocks.
     */
    static final String BRANCHY = "4801c8a80174034831c24801d348ffc975ee0f0b";

    static final long ITERATIONS = 1_000_000;
    static final long CODE = 0x400000;
    static final long DATA = 0x401000;

    @Param({"tight", "branchy"})
    public String shape;

    @Param({"false", "true"})
    public boolean profiled;

    private AddressSpace space;
    private Cpu cpu;
    private ExecutionLoop loop;

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long instructions;

        @Setup(Level.Iteration)
        public void reset() {
            instructions = 0;
        }
    }

    @Setup
    public void setUp() {
        space = new AddressSpace(AddressSpace.LIMIT_64);
        space.map(CODE, 0x2000, Protection.ALL);
        space.copyOut(CODE, HexFormat.of().parseHex(shape.equals("tight") ? TIGHT : BRANCHY));
        cpu = new Cpu(space.newView(), CpuMode.LONG_64);
        // regions compiled at once, as tier 1 does, so that every measured iteration runs compiled code
        Tiering tiering = Tiering.mixed(new JvmBlockCompiler(), 10).inForeground();
        loop = new ExecutionLoop(new X86Translator(), CodeWatch.NONE, 1 << 20, tiering);
        if (profiled) {
            loop.recordProfile();
        }
    }

    @TearDown
    public void tearDown() {
        space.close();
    }

    @Benchmark
    public long loop(Counters counters) {
        cpu.rip(CODE);
        cpu.gpr(StateLayout.RCX, ITERATIONS);
        cpu.gpr(StateLayout.RSI, DATA);
        Stop stop = loop.run(cpu);
        if (!(stop instanceof Stop.Fault f) || f.fault().vector() != Vectors.UD) {
            throw new IllegalStateException("the loop ended with " + stop);
        }
        // tight: 8 instructions an iteration; branchy: 5 or 6 (about half take the branch), counted as 5.5
        counters.instructions += shape.equals("tight") ? ITERATIONS * 8 : ITERATIONS * 11 / 2;
        return cpu.gpr(StateLayout.RBX);
    }
}
