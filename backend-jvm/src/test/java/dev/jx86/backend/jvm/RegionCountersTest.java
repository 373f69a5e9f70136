package dev.jx86.backend.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.Block;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.ir.text.Printer;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.exec.Interpreter;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.runtime.tier1.Region;
import dev.jx86.runtime.tier1.RegionCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A profiled region ({@link RegionCounters}) counts each entry to each of its blocks exactly as the interpreter,
 * running the same blocks one after the other, enters them, and computes what an uncounted region computes; its
 * class is named after the guest symbol and the compiler reports what it made.
 */
class RegionCountersTest {
    private final JvmBlockCompiler compiler = new JvmBlockCompiler();

    @Test
    void aLoopCountsEveryIteration() {
        // 0x1000: rax -= 1; if rax != 0 goto 0x1000 else 0x1010
        IrBuilder b = new IrBuilder(0x1000);
        Value rax = b.sub(b.get(Type.I64, StateLayout.RAX), b.constant(Type.I64, 1));
        b.set(StateLayout.RAX, rax);
        Block loop = b.branch(b.icmp(IntCondition.NE, rax, b.constant(Type.I64, 0)), 0x1000, 0x1010);
        var counters = new RegionCounters(1);
        CompiledBlock code = compiler.compile(new Region(List.of(loop), "spin+0x4", counters));
        Cpu cpu = new Cpu(new TestMemory(1), CpuMode.LONG_64);
        cpu.state[StateLayout.RAX] = 123_456;
        long next = code.run(cpu, new Interpreter.Outcome());
        assertThat(next).isEqualTo(0x1010);
        assertThat(counters.entries()).containsExactly(123_456);
        assertThat(code.getClass().getName()).startsWith("dev.jx86.backend.jvm.gen.B_1000_spin+0x4/");
        assertThat(counters.className()).isEqualTo(code.getClass().getName());
        int counted = JvmBlockCompiler.codeSize(new Region(List.of(loop), "spin+0x4", new RegionCounters(1)));
        assertThat(counters.bytecodeBytes()).isEqualTo(counted).isGreaterThan(JvmBlockCompiler.codeSize(loop));
        assertThat(counters.compileNanos()).isPositive();
    }

    @Test
    void randomRegionsCountAsTheInterpreterEntersTheirBlocks() {
        RandomBlocks generator = new RandomBlocks(47);
        Random random = new Random(48);
        long entered = 0;
        for (int n = 0; n < 300; n++) {
            int count = 2 + random.nextInt(5);
            long[] pcs = new long[count];
            for (int k = 0; k < count; k++) {
                pcs[k] = 0x400000L + 0x100L * k + random.nextInt(0x40);
            }
            List<Block> blocks = new ArrayList<>();
            for (long pc : pcs) {
                blocks.add(generator.next(pc, pcs));
            }
            var counters = new RegionCounters(count);
            CompiledBlock compiled = compiler.compile(new Region(blocks, "", counters));
            long[] expectedEntries = new long[count];
            for (int s = 0; s < 3; s++) {
                long seed = random.nextLong();
                Cpu expected = JvmBlockCompilerTest.cpu(seed);
                Cpu actual = JvmBlockCompilerTest.cpu(seed);
                String want = Runs.interpret(new Region(blocks), expected, expectedEntries);
                String got = Runs.compiled(compiled, actual);
                String where = blocks.stream().map(Printer::print).toList() + "\nstate seed " + seed;
                assertThat(got).as(where).isEqualTo(want);
                assertThat(actual.state).as(where).isEqualTo(expected.state);
                assertThat(counters.entries()).as(where).containsExactly(expectedEntries);
            }
            for (int k = 1; k < count; k++) {
                entered += expectedEntries[k];
            }
        }
        assertThat(entered).as("entries past the entry block").isGreaterThan(300 * 3 / 20);
    }

    @Test
    void symbolsAreCleanedForClassNames() {
        assertThat(ClassNames.sanitize("operator new(unsigned long)+0x1c"))
                .isEqualTo("operator_new_unsigned_long_+0x1c");
        assertThat(ClassNames.sanitize("x".repeat(200))).hasSize(ClassNames.MAX_SYMBOL);
        IrBuilder b = new IrBuilder(0x401000);
        Block block = b.jump(0x401005);
        assertThat(ClassNames.of(Region.of(block), "B_")).isEqualTo("dev/jx86/backend/jvm/gen/B_401000");
        assertThat(ClassNames.of(new Region(List.of(block), "main", null), "W_"))
                .isEqualTo("dev/jx86/backend/jvm/gen/W_401000_main");
    }

    @Test
    void outAsmIsTheBytecodeAsText() {
        IrBuilder b = new IrBuilder(0x401000);
        b.set(StateLayout.RAX, b.constant(Type.I64, 5));
        Region region = new Region(List.of(b.jump(0x401005)), "f", null);
        String text = Bytecode.text(JvmBlockCompiler.classFile(region));
        assertThat(text).contains("class dev/jx86/backend/jvm/gen/B_401000_f").contains("run(");
        assertThat(Bytecode.text(JvmBlockCompiler.classFile(region))).isEqualTo(text);
    }
}
