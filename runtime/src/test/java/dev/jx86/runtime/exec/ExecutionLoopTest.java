package dev.jx86.runtime.exec;

import static dev.jx86.runtime.exec.LoopFixtures.NO_MEMORY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.Block;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.CoreHelpers;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.runtime.exec.LoopFixtures.InterpretingCompiler;
import dev.jx86.runtime.exec.LoopFixtures.TableTranslator;
import dev.jx86.runtime.tier1.BlockCompiler;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.runtime.tier1.Optimization;
import dev.jx86.runtime.tier1.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dispatcher on hand-written IR blocks: continuing, exits, faults, caching and invalidation. */
class ExecutionLoopTest {
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
        tr.blocks.put(0x1000L, LoopFixtures::countdown);
        tr.blocks.put(0x1010L, LoopFixtures::syscall);
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
        // the second run of 0x1000 finds it in the jump cache and chains it; the rest follow the chain
        assertThat(loop.statistics().jumpCacheHits()).isEqualTo(1);
        assertThat(loop.statistics().chained()).isEqualTo(998);
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
        tr.blocks.put(0x1ff8L, LoopFixtures::syscall);
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
            tr.blocks.put(pc, LoopFixtures::syscall);
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
        tr.blocks.put(0x1000L, LoopFixtures::countdown);
        ExecutionLoop loop = new ExecutionLoop(tr);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 10);
        loop.requestStop();
        assertThat(loop.run(cpu)).isEqualTo(new Stop.Requested(0x1000));
        assertThat(cpu.gpr(StateLayout.RAX)).isEqualTo(10);
    }

    @Test
    void withACompilerEveryBlockRunsCompiledAndAFaultTakesItsPcFromTheOutcome() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x2000L, ExecutionLoopTest::divide);
        List<Long> compiled = new ArrayList<>();
        // A stand-in for a backend: records the block, marks the faulting instruction as compiled code does, faults.
        BlockCompiler compiler = (block, optimization) -> {
            compiled.add(block.pc());
            return (c, outcome) -> {
                c.gpr(StateLayout.RBX, 7);
                outcome.faultPc = 0x2003;
                throw new GuestFault(Vectors.DE);
            };
        };
        ExecutionLoop loop = new ExecutionLoop(tr, CodeWatch.NONE, TranslationCache.DEFAULT_MAX_OPS, compiler);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x2000);
        Stop stop = loop.run(cpu);
        assertThat(stop)
                .isInstanceOfSatisfying(
                        Stop.Fault.class, f -> assertThat(f.pc()).isEqualTo(0x2003));
        assertThat(cpu.rip()).isEqualTo(0x2003);
        assertThat(compiled).containsExactly(0x2000L);
        assertThat(loop.statistics().compilations()).isEqualTo(1);
    }

    @Test
    void aBlockTheCompilerDeclinesIsInterpreted() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x1000L, LoopFixtures::countdown);
        tr.blocks.put(0x1010L, LoopFixtures::syscall);
        ExecutionLoop loop =
                new ExecutionLoop(tr, CodeWatch.NONE, TranslationCache.DEFAULT_MAX_OPS, (block, optimization) -> null);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 10);
        assertThat(loop.run(cpu)).isEqualTo(new Stop.Syscall(0x1012));
        assertThat(cpu.gpr(StateLayout.RAX)).isZero();
        assertThat(loop.statistics().notCompiled()).isEqualTo(2);
        assertThat(loop.statistics().compilations()).isZero();
    }

    /** rax -= 1, then on to 0x1020 while rax != 0, else to the system call at 0x1010. */
    @Test
    void mixedTierCompilesAHotBlockWithItsHotSuccessorsAsOneRegion() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x1000L, LoopFixtures::loopHead);
        tr.blocks.put(0x1020L, LoopFixtures::loopBody);
        tr.blocks.put(0x1010L, LoopFixtures::syscall);
        InterpretingCompiler compiler = new InterpretingCompiler();
        Tiering tiering = Tiering.mixed(compiler, 10).inForeground();
        ExecutionLoop loop = new ExecutionLoop(tr, CodeWatch.NONE, TranslationCache.DEFAULT_MAX_OPS, tiering);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 1000);
        assertThat(loop.run(cpu)).isEqualTo(new Stop.Syscall(0x1012));
        assertThat(cpu.gpr(StateLayout.RAX)).isZero();
        assertThat(cpu.gpr(StateLayout.RBX)).isEqualTo(999);
        // the head got hot first; its successor in the loop joined it; the exit to the system call is cold
        assertThat(compiler.regions).containsExactly(List.of(0x1000L, 0x1020L));
        assertThat(loop.statistics().regions()).isEqualTo(1);
        assertThat(loop.statistics().regionBlocks()).isEqualTo(2);
        // ten runs of the head and nine of the body interpreted, then one dispatch into the region
        assertThat(loop.statistics().blocks()).isEqualTo(10 + 10 + 1 + 1);
    }

    /**
     * The backend's warm-up (JvmBlockCompiler's accessors through their TLB-miss paths) runs once, just before the
     * first compiled code runs: a run that compiles nothing never pays for it.
     */
    @Test
    void theCompilersWarmUpRunsOnceBeforeTheFirstCompiledCodeAndNeverWithoutIt() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x1000L, LoopFixtures::loopHead);
        tr.blocks.put(0x1020L, LoopFixtures::loopBody);
        tr.blocks.put(0x1010L, LoopFixtures::syscall);
        List<String> events = new ArrayList<>();
        InterpretingCompiler interpreting = new InterpretingCompiler();
        BlockCompiler compiler = new BlockCompiler() {
            @Override
            public CompiledBlock compile(Region region, Optimization optimization) {
                CompiledBlock code = interpreting.compile(region, optimization);
                return (cpu, outcome) -> {
                    events.add("compiled code");
                    return code.run(cpu, outcome);
                };
            }

            @Override
            public void warmUp(Cpu cpu) {
                events.add("warm-up");
            }
        };
        Tiering tiering = Tiering.mixed(compiler, 10).inForeground();
        ExecutionLoop loop = new ExecutionLoop(tr, CodeWatch.NONE, TranslationCache.DEFAULT_MAX_OPS, tiering);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 5); // five rounds: nothing gets hot
        assertThat(loop.run(cpu)).isEqualTo(new Stop.Syscall(0x1012));
        assertThat(events).isEmpty();
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 1000);
        assertThat(loop.run(cpu)).isEqualTo(new Stop.Syscall(0x1012));
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 1000);
        assertThat(loop.run(cpu)).isEqualTo(new Stop.Syscall(0x1012));
        assertThat(events).startsWith("warm-up", "compiled code").containsOnlyOnce("warm-up");
    }

    /** rax -= 1; on to the switch at 0x2020 while rax != 0, else to the system call at 0x2010. */
    private static Block switchLoopHead(long pc) {
        IrBuilder b = new IrBuilder(pc);
        b.boundary(pc, 4);
        Value next = b.sub(b.get(Type.I64, StateLayout.RAX), b.constant(Type.I64, 1));
        b.set(StateLayout.RAX, next);
        return b.branch(b.icmp(IntCondition.NE, next, b.constant(Type.I64, 0)), 0x2020, 0x2010);
    }

    /** An indirect jump to case rax &amp; 3, at 0x3000 + 0x10 * (rax &amp; 3). */
    private static Block switchJump(long pc) {
        IrBuilder b = new IrBuilder(pc);
        b.boundary(pc, 4);
        Value index = b.and(b.get(Type.I64, StateLayout.RAX), b.constant(Type.I64, 3));
        Value target = b.add(b.binary(Op.SHL, index, b.constant(Type.I64, 4)), b.constant(Type.I64, 0x3000));
        return b.jumpIndirect(target);
    }

    /** rbx += the case number + 1, back to the loop head. */
    private static Block switchCase(long pc) {
        IrBuilder b = new IrBuilder(pc);
        b.boundary(pc, 4);
        long k = (pc - 0x3000) / 0x10 + 1;
        b.set(StateLayout.RBX, b.add(b.get(Type.I64, StateLayout.RBX), b.constant(Type.I64, k)));
        return b.jump(0x2000);
    }

    @Test
    void aRegionTakesInTheHotTargetsOfAnIndirectJump() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x2000L, ExecutionLoopTest::switchLoopHead);
        tr.blocks.put(0x2010L, LoopFixtures::syscall);
        tr.blocks.put(0x2020L, ExecutionLoopTest::switchJump);
        for (long c = 0x3000; c < 0x3040; c += 0x10) {
            tr.blocks.put(c, ExecutionLoopTest::switchCase);
        }
        InterpretingCompiler compiler = new InterpretingCompiler();
        Tiering tiering = Tiering.mixed(compiler, 10).inForeground();
        ExecutionLoop loop = new ExecutionLoop(tr, CodeWatch.NONE, TranslationCache.DEFAULT_MAX_OPS, tiering);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x2000);
        cpu.gpr(StateLayout.RAX, 1000);
        assertThat(loop.run(cpu)).isEqualTo(new Stop.Syscall(0x2012));
        long expected = 0;
        for (long rax = 999; rax > 0; rax--) {
            expected += (rax & 3) + 1;
        }
        assertThat(cpu.gpr(StateLayout.RBX)).isEqualTo(expected);
        // the loop head got hot first; the switch and all four of its cases joined it: the loop is one region
        assertThat(compiler.regions).hasSize(1);
        assertThat(compiler.regions.getFirst()).startsWith(0x2000L, 0x2020L);
        assertThat(compiler.regions.getFirst())
                .containsExactlyInAnyOrder(0x2000L, 0x2020L, 0x3000L, 0x3010L, 0x3020L, 0x3030L);
        assertThat(loop.statistics().blocks()).isLessThan(3 * 10 + 10);
    }

    @Test
    void aRegionWhereTheGuestSpendsItsTimeIsCompiledAgainForTheOptimizingCompiler() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x1000L, LoopFixtures::loopHead);
        tr.blocks.put(0x1020L, LoopFixtures::loopBody);
        tr.blocks.put(0x1010L, LoopFixtures::syscall);
        InterpretingCompiler compiler = new InterpretingCompiler();
        Tiering tiering = Tiering.mixed(compiler, 10).withHotSamples(5);
        assertThat(tiering.samples()).isTrue();
        try (ExecutionLoop loop = new ExecutionLoop(tr, CodeWatch.NONE, TranslationCache.DEFAULT_MAX_OPS, tiering)) {
            Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
            cpu.rip(0x1000);
            cpu.gpr(StateLayout.RAX, Long.MAX_VALUE);
            // the loop runs until a region has been compiled again, for the optimizing compiler
            Thread stopper = Thread.ofPlatform().start(() -> {
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!compiler.optimizations.contains(Optimization.OPTIMIZING) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                loop.requestStop();
            });
            assertThat(loop.run(cpu)).isInstanceOf(Stop.Requested.class);
            stopper.interrupt();
            // compiled for the baseline compiler first (a region may also start at the body, which got hot while the
            // region of the head was compiled in the background), then the same blocks again for the optimizing one
            int promoted = compiler.optimizations.indexOf(Optimization.OPTIMIZING);
            assertThat(promoted).isPositive();
            assertThat(compiler.optimizations.subList(0, promoted)).containsOnly(Optimization.BASELINE);
            assertThat(compiler.regions.subList(0, promoted)).contains(compiler.regions.get(promoted));
            assertThat(loop.statistics().promotions()).isPositive();
            // precise at a block boundary, as in the test below
            assertThat(cpu.gpr(StateLayout.RAX) + cpu.gpr(StateLayout.RBX)).isIn(Long.MAX_VALUE, Long.MAX_VALUE - 1);
        }
    }

    @Test
    void aStopRequestLeavesARegionAtItsBackEdge() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x1000L, LoopFixtures::loopHead);
        tr.blocks.put(0x1020L, LoopFixtures::loopBody);
        tr.blocks.put(0x1010L, LoopFixtures::syscall);
        InterpretingCompiler compiler = new InterpretingCompiler();
        ExecutionLoop loop = new ExecutionLoop(
                tr,
                CodeWatch.NONE,
                TranslationCache.DEFAULT_MAX_OPS,
                Tiering.mixed(compiler, 1).inForeground());
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, Long.MAX_VALUE);
        Thread stopper = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop.requestStop();
        });
        Stop stop = loop.run(cpu);
        assertThat(stop).isInstanceOf(Stop.Requested.class);
        long at = ((Stop.Requested) stop).next();
        assertThat(at).isIn(0x1000L, 0x1020L);
        // precise at a block boundary: between the head and the body rax was decremented, rbx not yet incremented
        assertThat(cpu.gpr(StateLayout.RAX) + cpu.gpr(StateLayout.RBX))
                .isEqualTo(Long.MAX_VALUE - (at == 0x1020 ? 1 : 0));
        stopper.interrupt();
    }

    @Test
    void verifyReportsCompiledCodeThatDiffersAndKeepsTheInterpretersResult() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x1000L, LoopFixtures::countdown);
        tr.blocks.put(0x1010L, LoopFixtures::syscall);
        // a wrong backend: the countdown block "compiled" so that it also sets rbx
        BlockCompiler wrong = (region, optimization) -> (c, outcome) -> {
            c.gpr(StateLayout.RBX, 42);
            return new Interpreter().run(region.entry(), c, outcome);
        };
        Tiering tiering = Tiering.compileEveryBlock(wrong).verified();
        ExecutionLoop loop = new ExecutionLoop(tr, CodeWatch.NONE, TranslationCache.DEFAULT_MAX_OPS, tiering);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 5);
        assertThat(loop.run(cpu)).isEqualTo(new Stop.Syscall(0x1012));
        assertThat(cpu.gpr(StateLayout.RBX)).isZero();
        assertThat(loop.verifyMismatches()).isEqualTo(2); // both blocks' code sets rbx; both are dropped
        assertThat(loop.verified()).isEqualTo(2);
    }

    @Test
    void verifyAcceptsCompiledCodeThatAgrees() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x1000L, LoopFixtures::loopHead);
        tr.blocks.put(0x1020L, LoopFixtures::loopBody);
        tr.blocks.put(0x1010L, LoopFixtures::syscall);
        Tiering tiering =
                Tiering.mixed(new InterpretingCompiler(), 5).inForeground().verified();
        ExecutionLoop loop = new ExecutionLoop(tr, CodeWatch.NONE, TranslationCache.DEFAULT_MAX_OPS, tiering);
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 100);
        assertThat(loop.run(cpu)).isEqualTo(new Stop.Syscall(0x1012));
        assertThat(cpu.gpr(StateLayout.RBX)).isEqualTo(99);
        assertThat(loop.verified()).isEqualTo(1);
        assertThat(loop.verifyMismatches()).isZero();
    }
}
