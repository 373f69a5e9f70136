package dev.jx86.x86.lift;

import dev.jx86.ir.Block;
import dev.jx86.ir.Helper;
import dev.jx86.ir.Type;
import dev.jx86.ir.eval.Environment;
import dev.jx86.ir.eval.Evaluator;
import dev.jx86.ir.eval.Outcome;
import dev.jx86.ir.opt.PassPipeline;
import dev.jx86.ir.text.Printer;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.Helpers;
import dev.jx86.runtime.abi.SegmentDescriptors;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.exec.ExecutionLoop;
import dev.jx86.runtime.exec.Stop;
import dev.jx86.x86.decode.Decoder;
import dev.jx86.x86.decode.Mode;
import dev.jx86.x86.disasm.Disassembler;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Runs guest code through the lifter (with the verifier after every pass) and the IR's reference evaluator, so
 * that lifter tests need neither the runtime's interpreter nor its memory. Code is placed at {@link #CODE} in a
 * flat memory that also holds data at {@link #DATA}; execution stops at the first exit or exception, which
 * {@link #run} returns. A typical test ends its code with {@code ud2} (0F 0B) and expects #UD there.
 */
final class LiftTester {
    static final long CODE = 0x400000;
    static final long DATA = 0x500000;
    static final long STACK_TOP = 0x5ff000;

    final FlatMemory memory = new FlatMemory(CODE, 0x200000);
    final Cpu cpu;
    private final X86Translator translator = new X86Translator(PassPipeline.standard(true));
    private final X86Translator unoptimized = new X86Translator(new PassPipeline(java.util.List.of(), true));

    LiftTester(CpuMode mode) {
        cpu = new Cpu(memory, mode);
        cpu.gpr(StateLayout.RSP, STACK_TOP);
    }

    static LiftTester mode64() {
        return new LiftTester(CpuMode.LONG_64);
    }

    static LiftTester mode32() {
        return new LiftTester(CpuMode.PROTECTED_32);
    }

    /** Places code given as hex bytes ("48 01 c8 0f 0b") at {@link #CODE} and points RIP at it. */
    LiftTester code(String hex) {
        memory.put(CODE, HexFormat.of().parseHex(hex.replace(" ", "")));
        cpu.rip(CODE);
        return this;
    }

    /** How a run ended: the IR outcome of the last block, or a fault a memory access or helper raised. */
    record Result(Outcome outcome, GuestFault fault, long pc) {
        /** The vector of the exception that stopped the run, or -1 if it stopped at an exit. */
        int vector() {
            if (fault != null) {
                return fault.vector();
            }
            return outcome instanceof Outcome.Raised r ? r.vector() : -1;
        }
    }

    /**
     * Runs until an exit or an exception, at most {@code maxBlocks} blocks, on the reference evaluator; then runs
     * the same code from the same state on the runtime's execution loop (tier 0) and checks that it ends at the
     * same place with the same registers and memory.
     */
    Result run(int maxBlocks) {
        long[] state = cpu.state.clone();
        byte[] bytes = memory.bytes.clone();
        Result reference = runReference(maxBlocks);
        FlatMemory memory0 = new FlatMemory(memory.base, bytes.length);
        System.arraycopy(bytes, 0, memory0.bytes, 0, bytes.length);
        Cpu cpu0 = new Cpu(memory0, cpu.mode());
        System.arraycopy(state, 0, cpu0.state, 0, state.length);
        for (int i = 0; i < SegmentDescriptors.TLS_COUNT; i++) {
            int entry = SegmentDescriptors.TLS_FIRST + i;
            cpu0.descriptors.setTls(
                    entry,
                    cpu.descriptors.tlsBase(entry),
                    cpu.descriptors.tlsLimit(entry),
                    cpu.descriptors.tlsFlags(entry),
                    cpu.descriptors.tlsPresent(entry));
        }
        Stop stop = new ExecutionLoop(new X86Translator()).run(cpu0);
        long stopPc = switch (stop) {
            case Stop.Fault f -> f.pc();
            case Stop.Syscall s -> s.next();
            case Stop.Halt h -> h.next();
            case Stop.Requested r -> r.next();
        };
        if (stopPc != reference.pc()
                || !Arrays.equals(cpu0.state, cpu.state)
                || !Arrays.equals(memory0.bytes, memory.bytes)) {
            throw new AssertionError("tier 0 disagrees with the reference evaluator: stopped at 0x"
                    + Long.toHexString(stopPc) + " (" + stop + "), reference at 0x" + Long.toHexString(reference.pc())
                    + "\n  tier-0 state    " + Arrays.toString(cpu0.state) + "\n  reference state "
                    + Arrays.toString(cpu.state) + "\n  memory equal: " + Arrays.equals(memory0.bytes, memory.bytes));
        }
        return reference;
    }

    private Result runReference(int maxBlocks) {
        for (int n = 0; n < maxBlocks; n++) {
            long pc = cpu.rip();
            Block block;
            try {
                block = translator.translate(memory, pc, cpu.mode());
            } catch (GuestFault fault) {
                return new Result(null, fault, pc);
            }
            Env env = new Env();
            Outcome outcome;
            try {
                outcome = Evaluator.run(block, env);
            } catch (GuestFault fault) {
                cpu.rip(env.pc);
                return new Result(null, fault, env.pc);
            }
            switch (outcome) {
                case Outcome.Continue next -> cpu.rip(next.pc());
                case Outcome.Exited exited -> {
                    cpu.rip(exited.next());
                    return new Result(outcome, null, exited.next());
                }
                case Outcome.Raised raised -> {
                    cpu.rip(raised.pc());
                    return new Result(outcome, null, raised.pc());
                }
            }
        }
        throw new AssertionError("no exit after " + maxBlocks + " blocks");
    }

    Result run() {
        return run(1000);
    }

    /** The block at RIP as IR text before and after the passes, for failure messages. */
    String ir() {
        Printer printer = new Printer(StateLayout.INSTANCE);
        return printer.toText(unoptimized.lift(memory, cpu.rip(), cpu.mode())) + "\n"
                + printer.toText(translator.translate(memory, cpu.rip(), cpu.mode()));
    }

    static String disassemble(String hex, Mode mode) {
        byte[] code = HexFormat.of().parseHex(hex.replace(" ", ""));
        return Disassembler.objdump().format(new Decoder(mode).decode(code, 0, CODE));
    }

    long gpr(int n) {
        return cpu.gpr(n);
    }

    LiftTester gpr(int n, long value) {
        cpu.gpr(n, value);
        return this;
    }

    /** The six status flags in EFLAGS layout. */
    long flags() {
        return cpu.state[StateLayout.FLAGS];
    }

    /** The reference evaluator's view of the CPU and memory; tracks the pc of the current instruction. */
    private final class Env implements Environment {
        long pc = cpu.rip();

        @Override
        public void get(int slot, Type type, long[] out) {
            out[0] = cpu.state[slot];
            out[1] = type == Type.V128 ? cpu.state[slot + 1] : 0;
            if (type != Type.V128 && type != Type.FLAGS) {
                out[0] &= type.mask();
            }
        }

        @Override
        public void set(int slot, Type type, long low, long high) {
            cpu.state[slot] = low;
            if (type == Type.V128) {
                cpu.state[slot + 1] = high;
            }
        }

        @Override
        public void load(long address, Type type, long[] out) {
            if (type == Type.V128) {
                cpu.memory().load128(address, out);
            } else {
                out[0] = cpu.memory().load(address, type.bits() / 8);
                out[1] = 0;
            }
        }

        @Override
        public void store(long address, Type type, long low, long high) {
            if (type == Type.V128) {
                cpu.memory().store128(address, low, high);
            } else {
                cpu.memory().store(address, type.bits() / 8, low);
            }
        }

        @Override
        public void call(Helper helper, long[][] args, long[] out) {
            long[] a = new long[args.length];
            for (int k = 0; k < a.length; k++) {
                a[k] = args[k][0];
            }
            cpu.rip(pc);
            out[0] = Helpers.byId(helper.id()).body().call(cpu, a);
            out[1] = 0;
        }

        @Override
        public void boundary(long pc, int length) {
            this.pc = pc;
        }
    }
}
