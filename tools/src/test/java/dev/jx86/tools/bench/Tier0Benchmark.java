package dev.jx86.tools.bench;

import dev.jx86.backend.jvm.JvmBlockCompiler;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.runtime.exec.ExecutionLoop;
import dev.jx86.runtime.exec.Stop;
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

/**
 * Tier-0 (IR interpreter) speed in guest instructions per second on an integer loop of eight instructions with a
 * load and a store, through the real guest memory (address space and software TLB). The {@code instructions}
 * counter is guest instructions per second. Run it with {@code scripts/bench-jmh Tier0Benchmark}; the {@code tier}
 * parameter compares tier 0 with tier 1 (every block compiled to JVM bytecode): {@code -p tier=1}.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class Tier0Benchmark {
    /**
     * loop: add rax, rcx; xor rdx, rax; mov [rsi], rax; add rax, [rsi+8]; shr rdx, 3; lea rbx, [rbx+rdx*2+1];
     * dec rcx; jnz loop; ud2
     */
    static final String LOOP = "4801c84831c24889064803460848c1ea03488d5c530148ffc975e50f0b";

    static final int INSTRUCTIONS_PER_ITERATION = 8;
    static final long ITERATIONS = 1_000_000;
    static final long CODE = 0x400000;
    static final long DATA = 0x401000;

    /** "0": the IR interpreter; "1": every block compiled by {@link JvmBlockCompiler}. */
    @Param({"0", "1"})
    public String tier;

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
        space.copyOut(CODE, HexFormat.of().parseHex(LOOP));
        cpu = new Cpu(space.newView(), CpuMode.LONG_64);
        loop = new ExecutionLoop(
                new X86Translator(),
                page -> space.markCode(page >>> 12),
                1 << 20,
                tier.equals("1") ? new JvmBlockCompiler() : null);
        space.onCodeWrite(page -> loop.invalidate(page << 12, (page + 1) << 12));
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
        counters.instructions += ITERATIONS * INSTRUCTIONS_PER_ITERATION;
        return cpu.gpr(StateLayout.RBX);
    }
}
