package dev.jx86.backend.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jx86.ir.Block;
import dev.jx86.ir.ExitReason;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.FlatLayout;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.exec.Interpreter;
import dev.jx86.runtime.mem.AddressSpace;
import dev.jx86.runtime.mem.Protection;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.runtime.tier1.Region;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Coalesced checks ({@link MemoryChecks}) keep faults precise: a region of two blocks whose stack slots, off one
 * RSP, share one check runs over flat memory with its span moved across the boundary into a read-only and into an
 * unmapped page at each slot; when the check misses, the region leaves before anything ran and the instructions are
 * then interpreted from there, as the dispatcher does. The result — the fault's instruction and address, every
 * register, the memory written — must be the interpreter's on a memory that is not flat.
 */
class CoalescedChecksTest {
    private static final long BASE = 0x1000_0000L;
    private static final long READ_ONLY = BASE + 2 * 4096L;
    private static final long UNMAPPED = BASE + 3 * 4096L;
    private static final long PC = 0x40_0000L;
    private static final long SECOND = PC + 0x100;
    private static final long OUT = 0x50_0000L;
    /** Slots per block; instruction j of a block accesses [rsp + 8 * (j + first slot of the block)]. */
    private static final int SLOTS = 6;

    private static final int[] RESULTS = {
        StateLayout.R8,
        StateLayout.R8 + 1,
        StateLayout.R8 + 2,
        StateLayout.R8 + 3,
        StateLayout.R8 + 4,
        StateLayout.R8 + 5
    };

    private final JvmBlockCompiler compiler = new JvmBlockCompiler();
    private AddressSpace flat;
    private AddressSpace reference;
    /** A page marked as holding code before each run, or -1. */
    private long codePage = -1;

    @BeforeEach
    void layOut() {
        assumeThat(FlatLayout.ENABLED).as("flat memory needs mmap (Linux)").isTrue();
        flat = new AddressSpace(AddressSpace.USER_LIMIT_64, 1L << 26);
        reference = new AddressSpace(AddressSpace.LIMIT_64, 1L << 26);
        assumeThat(flat.flat())
                .as("the host refused the 64 TiB reservation (vm.overcommit_memory=2?)")
                .isTrue();
        for (AddressSpace s : List.of(flat, reference)) {
            s.map(BASE, 2 * 4096L, Protection.READ | Protection.WRITE);
            s.map(READ_ONLY, 4096L, Protection.READ);
        }
    }

    @AfterEach
    void close() {
        if (flat != null) {
            flat.close();
            reference.close();
        }
    }

    /**
     * Instruction j of the block at {@code pc}, from {@code from} on: load [rsp + 8 * (slot0 + j)] into r8 + j, or
     * store rcx there; then rcx += 1. The block continues at {@code next}.
     */
    private static Block block(long pc, int slot0, int from, boolean stores, long next) {
        IrBuilder b = new IrBuilder(pc + 4L * from);
        for (int j = from; j < SLOTS; j++) {
            b.boundary(pc + 4L * j, 4);
            Value address = b.add(b.get(Type.I64, StateLayout.RSP), b.constant(Type.I64, 8L * (slot0 + j)));
            Value rcx = b.get(Type.I64, StateLayout.RCX);
            if (stores) {
                b.store(address, rcx);
            } else {
                b.set(RESULTS[j], b.load(Type.I64, address));
            }
            b.set(StateLayout.RCX, b.add(rcx, b.constant(Type.I64, 1)));
        }
        return b.jump(next);
    }

    private static Region region(boolean stores) {
        return new Region(List.of(block(PC, 0, 0, stores, SECOND), block(SECOND, SLOTS, 0, stores, OUT)));
    }

    @Test
    void oneCheckCoversBothBlocks() {
        assertThat(MemoryChecks.plan(region(false).blocks()).describe())
                .isEqualTo("check read rsp..rsp+0x5f: at 0x400000 load64 rsp covers 0x400004 load64 rsp+0x8"
                        + " covers 0x400008 load64 rsp+0x10 covers 0x40000c load64 rsp+0x18"
                        + " covers 0x400010 load64 rsp+0x20 covers 0x400014 load64 rsp+0x28"
                        + " covers 0x400100 load64 rsp+0x30 covers 0x400104 load64 rsp+0x38"
                        + " covers 0x400108 load64 rsp+0x40 covers 0x40010c load64 rsp+0x48"
                        + " covers 0x400110 load64 rsp+0x50 covers 0x400114 load64 rsp+0x58\n");
    }

    @Test
    void loadsFaultAtTheRightInstructionWhereverTheSpanEnters() {
        runAcross(UNMAPPED, false);
    }

    @Test
    void storesFaultAtTheRightInstructionWhereverTheSpanEnters() {
        runAcross(READ_ONLY, true);
    }

    @Test
    void storesToACodePageReachTheMemoryWhereverTheSpanEnters() {
        List<Long> flatWrites = new ArrayList<>();
        List<Long> referenceWrites = new ArrayList<>();
        flat.onCodeWrite(flatWrites::add);
        reference.onCodeWrite(referenceWrites::add);
        codePage = (BASE >>> 12) + 1;
        runAcross(BASE + 4096, true);
        assertThat(flatWrites).isEqualTo(referenceWrites).hasSizeGreaterThan(8);
    }

    /** RSP from a whole span below {@code boundary} to past it, 4 bytes at a time (slots also cross the boundary). */
    private void runAcross(long boundary, boolean stores) {
        CompiledBlock code = compiler.compile(region(stores));
        int misses = 0;
        int faults = 0;
        for (long rsp = boundary - 8L * 2 * SLOTS - 8; rsp <= boundary + 8; rsp += 4) {
            if (codePage >= 0) { // translated code there again: its next write must reach the memory
                flat.newView().load(codePage << 12, 1);
                flat.markCode(codePage);
                reference.markCode(codePage);
            }
            Cpu expected = cpu(reference, rsp);
            String want = interpretFrom(expected, 0, stores);
            Cpu actual = cpu(flat, rsp);
            long[] entry = actual.state.clone();
            String got = runCompiled(code, actual);
            if (got.startsWith("miss")) {
                misses++;
                // left at the first access, before it or anything after it ran
                assertThat(got).isEqualTo("miss 0x" + Long.toHexString(PC));
                assertThat(actual.state).isEqualTo(entry);
                got = interpretFrom(actual, 0, stores);
            }
            String where = String.format("rsp %x, %s", rsp, stores ? "stores" : "loads");
            assertThat(got).as(where).isEqualTo(want);
            assertThat(actual.state).as(where).isEqualTo(expected.state);
            for (long a = rsp; a < rsp + 8L * 2 * SLOTS; a += 8) {
                assertThat(read(flat, a)).as(where + ", slot at %x", a).isEqualTo(read(reference, a));
            }
            faults += want.startsWith("fault") ? 1 : 0;
        }
        assertThat(misses).isGreaterThan(faults);
        assertThat(faults > 0 || codePage >= 0).isTrue();
    }

    private static Cpu cpu(AddressSpace space, long rsp) {
        Cpu cpu = new Cpu(space.newView(), CpuMode.LONG_64);
        Arrays.fill(cpu.state, 0, StateLayout.R15 + 1, 0x5a5a);
        cpu.gpr(StateLayout.RSP, rsp);
        cpu.gpr(StateLayout.RCX, 0x1000);
        cpu.rip(PC);
        return cpu;
    }

    /** The compiled region once: "miss PC" where it left for the interpreter, else how it ended. */
    private static String runCompiled(CompiledBlock code, Cpu cpu) {
        Interpreter.Outcome outcome = new Interpreter.Outcome();
        try {
            long next = code.run(cpu, outcome);
            if (outcome.kind == Interpreter.Outcome.EXIT && outcome.exit == ExitReason.MEMORY) {
                return "miss 0x" + Long.toHexString(next);
            }
            return "continue 0x" + Long.toHexString(next);
        } catch (GuestFault f) {
            return fault(f, outcome.faultPc);
        }
    }

    /** The interpreter from instruction {@code from} of the first block to the region's end. */
    private static String interpretFrom(Cpu cpu, int from, boolean stores) {
        Interpreter interpreter = new Interpreter();
        Interpreter.Outcome outcome = new Interpreter.Outcome();
        try {
            long next = interpreter.run(block(PC, 0, from, stores, SECOND), cpu, outcome);
            next = interpreter.run(block(SECOND, SLOTS, 0, stores, OUT), cpu, outcome);
            return "continue 0x" + Long.toHexString(next);
        } catch (GuestFault f) {
            return fault(f, interpreter.pc());
        }
    }

    private static String fault(GuestFault f, long pc) {
        return "fault " + f.vector() + " code " + f.errorCode() + " address 0x" + Long.toHexString(f.address())
                + " at 0x" + Long.toHexString(pc);
    }

    private static long read(AddressSpace space, long address) {
        try {
            return space.newView().load(address, 8);
        } catch (GuestFault f) {
            return -1;
        }
    }
}
