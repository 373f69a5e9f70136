package dev.jx86.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.Block;
import dev.jx86.ir.ExitReason;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.CoreHelpers;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Translator;
import dev.jx86.runtime.abi.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** The dispatcher on hand-written IR blocks: continuing, exits, faults, caching and invalidation. */
class ExecutionLoopTest {
    /** A translator that serves blocks from a table and counts translations. */
    private static final class TableTranslator implements Translator {
        final Map<Long, LongFunction<Block>> blocks = new HashMap<>();
        final List<Long> translated = new ArrayList<>();

        @Override
        public Block translate(GuestMemory memory, long pc, CpuMode mode) {
            translated.add(pc);
            LongFunction<Block> f = blocks.get(pc);
            if (f == null) {
                throw new GuestFault(Vectors.PF, 0x14, pc);
            }
            return f.apply(pc);
        }
    }

    /** No memory: these blocks never load or store. */
    private static final GuestMemory NO_MEMORY = new GuestMemory() {
        @Override
        public long load(long address, int size) {
            throw new GuestFault(Vectors.PF, 4, address);
        }

        @Override
        public void store(long address, int size, long value) {
            throw new GuestFault(Vectors.PF, 6, address);
        }

        @Override
        public int fetch(long address, byte[] buffer, int length) {
            throw new GuestFault(Vectors.PF, 0x14, address);
        }

        @Override
        public void checkWrite(long address, long length) {}

        @Override
        public void checkRead(long address, long length) {}
    };

    /** rax -= 1; loop to the same pc while rax != 0, else go on to pc + 0x10. */
    private static Block countdown(long pc) {
        IrBuilder b = new IrBuilder(pc);
        b.boundary(pc, 4);
        Value rax = b.get(Type.I64, StateLayout.RAX);
        Value next = b.sub(rax, b.constant(Type.I64, 1));
        b.set(StateLayout.RAX, next);
        Value more = b.icmp(IntCondition.NE, next, b.constant(Type.I64, 0));
        return b.branch(more, pc, pc + 0x10);
    }

    private static Block syscall(long pc) {
        IrBuilder b = new IrBuilder(pc);
        b.boundary(pc, 2);
        return b.exit(ExitReason.SYSCALL, pc + 2);
    }

    /** rbx = 7, then at the second instruction raise #DE if rax == 0 (the first instruction's write stays). */
    private static Block divide(long pc) {
        IrBuilder b = new IrBuilder(pc);
        b.boundary(pc, 3);
        b.set(StateLayout.RBX, b.constant(Type.I64, 7));
        b.boundary(pc + 3, 2);
        Value zero = b.icmp(IntCondition.EQ, b.get(Type.I64, StateLayout.RAX), b.constant(Type.I64, 0));
        b.call(CoreHelpers.RAISE_IF.descriptor(), zero, b.constant(Type.I32, Vectors.DE));
        b.set(StateLayout.RCX, b.constant(Type.I64, 1));
        return b.raise(Vectors.UD, Optional.empty());
    }

    @Test
    void runsBlocksUntilASystemCallAndCachesThem() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x1000L, ExecutionLoopTest::countdown);
        tr.blocks.put(0x1010L, ExecutionLoopTest::syscall);
        ExecutionLoop loop = new ExecutionLoop(tr);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 1000);
        Stop stop = loop.run(cpu);
        assertThat(stop).isEqualTo(new Stop.Syscall(0x1012));
        assertThat(cpu.rip()).isEqualTo(0x1012);
        assertThat(cpu.gpr(StateLayout.RAX)).isZero();
        assertThat(tr.translated).containsExactly(0x1000L, 0x1010L);
        assertThat(loop.statistics().blocks()).isEqualTo(1001);
        assertThat(loop.statistics().jumpCacheHits()).isEqualTo(999);
    }

    @Test
    void aFaultInsideABlockLeavesTheStateOfTheInstructionsBeforeIt() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x2000L, ExecutionLoopTest::divide);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x2000);
        Stop stop = new ExecutionLoop(tr).run(cpu);
        assertThat(stop).isInstanceOfSatisfying(Stop.Fault.class, f -> {
            assertThat(f.fault().vector()).isEqualTo(Vectors.DE);
            assertThat(f.pc()).isEqualTo(0x2003);
        });
        assertThat(cpu.rip()).isEqualTo(0x2003);
        assertThat(cpu.gpr(StateLayout.RBX)).isEqualTo(7);
        assertThat(cpu.gpr(StateLayout.RCX)).isZero();
    }

    @Test
    void aRaisedExceptionStopsAtItsInstruction() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x2000L, ExecutionLoopTest::divide);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x2000);
        cpu.gpr(StateLayout.RAX, 5);
        Stop stop = new ExecutionLoop(tr).run(cpu);
        assertThat(stop).isInstanceOfSatisfying(Stop.Fault.class, f -> {
            assertThat(f.fault().vector()).isEqualTo(Vectors.UD);
            assertThat(f.pc()).isEqualTo(0x2003);
        });
        assertThat(cpu.gpr(StateLayout.RCX)).isEqualTo(1);
    }

    @Test
    void aFetchFaultStopsBeforeAnythingRuns() {
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x9000);
        Stop stop = new ExecutionLoop(new TableTranslator()).run(cpu);
        assertThat(stop).isInstanceOfSatisfying(Stop.Fault.class, f -> {
            assertThat(f.fault().vector()).isEqualTo(Vectors.PF);
            assertThat(f.fault().address()).isEqualTo(0x9000);
        });
    }

    @Test
    void invalidationRetranslatesAndWatchesCodePages() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x1ff8L, ExecutionLoopTest::syscall);
        List<Long> watched = new ArrayList<>();
        ExecutionLoop loop = new ExecutionLoop(tr, watched::add, TranslationCache.DEFAULT_MAX_OPS);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x1ff8);
        loop.run(cpu);
        cpu.rip(0x1ff8);
        loop.run(cpu);
        assertThat(tr.translated).hasSize(1);
        assertThat(watched).containsExactly(0x1000L);
        loop.invalidate(0x1000, 0x2000);
        cpu.rip(0x1ff8);
        loop.run(cpu);
        assertThat(tr.translated).hasSize(2);
        assertThat(loop.cache().invalidations()).isEqualTo(1);
    }

    @Test
    void theCacheEvictsSingleTranslationsWhenFull() {
        TableTranslator tr = new TableTranslator();
        for (long pc = 0x1000; pc < 0x1000 + 100 * 0x10; pc += 0x10) {
            tr.blocks.put(pc, ExecutionLoopTest::syscall);
        }
        ExecutionLoop loop = new ExecutionLoop(tr, CodeWatch.NONE, 40);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        for (long pc = 0x1000; pc < 0x1000 + 100 * 0x10; pc += 0x10) {
            cpu.rip(pc);
            loop.run(cpu);
        }
        loop.cache().cleanUp();
        assertThat(loop.cache().evictions()).isPositive();
        assertThat(loop.cache().size()).isLessThan(100);
    }

    @Test
    void aStopRequestReturnsAtTheNextBlock() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x1000L, ExecutionLoopTest::countdown);
        ExecutionLoop loop = new ExecutionLoop(tr);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 10);
        loop.requestStop();
        assertThat(loop.run(cpu)).isEqualTo(new Stop.Requested(0x1000));
        assertThat(cpu.gpr(StateLayout.RAX)).isEqualTo(10);
    }
}
