package dev.jx86.conformance.difftest;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.runtime.exec.Engine;
import dev.jx86.runtime.exec.Stop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs test cases under jx86: each batch gets a fresh engine and a {@link BatchMemory} with the same code slots as
 * the host; each case a fresh CPU in 64-bit (or 32-bit) mode with the case's registers, run until it stops. It ends normally
 * with #UD at the UD2 after its code. A watchdog asks the engine to stop a case that runs too long.
 */
final class Jx86Harness {
    /** Generous: the first cases of a run also pay for loading and compiling jx86 itself. */
    private static final long TIMEOUT_MILLIS = 10_000;

    private final Supplier<Engine> engines;
    private Engine engine;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "difftest-watchdog");
        t.setDaemon(true);
        return t;
    });

    Jx86Harness(Supplier<Engine> engines) {
        this.engines = engines;
    }

    List<Outcome> run(List<TestCase> cases) {
        try (BatchMemory memory =
                new BatchMemory(cases, cases.isEmpty() || cases.getFirst().bits64())) {
            engine = engines.get();
            List<Outcome> out = new ArrayList<>(cases.size());
            for (int i = 0; i < cases.size(); i++) {
                out.add(run(memory, cases.get(i), i));
            }
            return out;
        }
    }

    private Outcome run(BatchMemory memory, TestCase c, int slot) {
        Engine engine = this.engine;
        memory.fill(c.dataSeed());
        Cpu cpu = new Cpu(memory.memory(), c.bits64() ? CpuMode.LONG_64 : CpuMode.PROTECTED_32);
        load(cpu, c.initial());
        cpu.rip(Layout.codeAddress(slot));
        long end = Layout.codeAddress(slot) + c.code().length;
        ScheduledFuture<?> alarm = watchdog.schedule(engine::requestStop, TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        Stop stop = null;
        try {
            stop = engine.run(cpu);
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(Outcome.Stop.OTHER, cpu.rip(), -1, store(cpu, memory), "exception in jx86: " + e);
        } finally {
            if (!alarm.cancel(false) && !(stop instanceof Stop.Requested)) {
                // The watchdog fired as the case ended: its request would stop the next case at once.
                this.engine = engines.get();
            }
        }
        MachineState state = store(cpu, memory);
        return switch (stop) {
            case Stop.Fault f -> {
                int vector = f.fault().vector();
                Outcome.Stop kind = vector == Vectors.UD && f.pc() == end ? Outcome.Stop.END : signal(vector);
                yield new Outcome(kind, f.pc(), vector, state, null);
            }
            case Stop.Requested r -> new Outcome(Outcome.Stop.TIMEOUT, r.next(), -1, state, null);
            case Stop.Syscall s -> new Outcome(Outcome.Stop.OTHER, s.next(), -1, state, "system call");
            case Stop.Halt h -> new Outcome(Outcome.Stop.OTHER, h.next(), -1, state, "HLT");
        };
    }

    /** The signal Linux delivers a guest exception as. */
    static Outcome.Stop signal(int vector) {
        return switch (vector) {
            case Vectors.DE, Vectors.MF, Vectors.XM -> Outcome.Stop.SIGFPE;
            case Vectors.UD -> Outcome.Stop.SIGILL;
            case Vectors.DB, Vectors.BP -> Outcome.Stop.SIGTRAP;
            case Vectors.AC -> Outcome.Stop.SIGBUS;
            case Vectors.GP, Vectors.PF, Vectors.SS, Vectors.NP -> Outcome.Stop.SIGSEGV;
            default -> Outcome.Stop.OTHER;
        };
    }

    private static void load(Cpu cpu, MachineState s) {
        for (int i = 0; i < 16; i++) {
            cpu.gpr(i, s.gpr[i]);
        }
        cpu.rflags(s.rflags);
        cpu.state[StateLayout.MXCSR] = s.mxcsr & 0xffffffffL;
        System.arraycopy(s.xmm, 0, cpu.state, StateLayout.XMM0, 32);
        cpu.state[StateLayout.FPU_CONTROL] = s.fcw;
        cpu.state[StateLayout.FPU_STATUS] = s.fsw;
        cpu.state[StateLayout.FPU_TAG] = s.ftw;
        int top = s.fsw >>> 11 & 7;
        for (int i = 0; i < 8; i++) {
            int slot = StateLayout.fpr(top + i & 7);
            cpu.state[slot] = s.stSignificand[i];
            cpu.state[slot + 1] = s.stExponent[i];
        }
    }

    private static MachineState store(Cpu cpu, BatchMemory memory) {
        MachineState s = new MachineState();
        for (int i = 0; i < 16; i++) {
            s.gpr[i] = cpu.gpr(i);
        }
        s.rflags = cpu.rflags();
        s.mxcsr = (int) cpu.state[StateLayout.MXCSR];
        System.arraycopy(cpu.state, StateLayout.XMM0, s.xmm, 0, 32);
        s.fcw = (int) cpu.state[StateLayout.FPU_CONTROL] & 0xffff;
        s.fsw = (int) cpu.state[StateLayout.FPU_STATUS] & 0xffff;
        long tags = cpu.state[StateLayout.FPU_TAG];
        s.ftw = 0;
        for (int r = 0; r < 8; r++) {
            s.ftw |= (tags >>> 2 * r & 3) != 3 ? 1 << r : 0;
        }
        int top = s.fsw >>> 11 & 7;
        for (int i = 0; i < 8; i++) {
            int slot = StateLayout.fpr(top + i & 7);
            s.stSignificand[i] = cpu.state[slot];
            s.stExponent[i] = (int) cpu.state[slot + 1] & 0xffff;
        }
        System.arraycopy(memory.data(), 0, s.data, 0, s.data.length);
        return s;
    }
}
