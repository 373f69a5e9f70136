package dev.jx86.tools.bench;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.runtime.exec.ExecutionLoop;
import dev.jx86.runtime.exec.Stop;
import dev.jx86.x86.lift.X86Translator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tier-0 (IR interpreter) speed in guest instructions per second on an integer loop of eight instructions with a
 * load and a store. The {@code instructions} counter is guest instructions per second.
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
        ArrayMemory memory = new ArrayMemory(CODE, 0x2000);
        byte[] code = HexFormat.of().parseHex(LOOP);
        System.arraycopy(code, 0, memory.bytes, 0, code.length);
        cpu = new Cpu(memory, CpuMode.LONG_64);
        loop = new ExecutionLoop(new X86Translator());
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

    /** One readable, writable, executable range of guest memory. */
    static final class ArrayMemory implements GuestMemory {
        final long base;
        final byte[] bytes;

        ArrayMemory(long base, int size) {
            this.base = base;
            this.bytes = new byte[size];
        }

        private int at(long address, int size) {
            long offset = address - base;
            if (offset < 0 || offset + size > bytes.length) {
                throw new GuestFault(Vectors.PF, 4, address);
            }
            return (int) offset;
        }

        @Override
        public long load(long address, int size) {
            int at = at(address, size);
            long v = 0;
            for (int i = size - 1; i >= 0; i--) {
                v = v << 8 | (bytes[at + i] & 0xff);
            }
            return v;
        }

        @Override
        public void store(long address, int size, long value) {
            int at = at(address, size);
            for (int i = 0; i < size; i++) {
                bytes[at + i] = (byte) (value >>> 8 * i);
            }
        }

        @Override
        public int fetch(long address, byte[] buffer, int length) {
            int at = at(address, 1);
            int n = Math.min(length, bytes.length - at);
            System.arraycopy(bytes, at, buffer, 0, n);
            return n;
        }

        @Override
        public void checkWrite(long address, long length) {
            at(address, (int) length);
        }

        @Override
        public void checkRead(long address, long length) {
            at(address, (int) length);
        }
    }
}
