package dev.jx86.backend.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.Block;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.FloatCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.ir.text.Printer;
import dev.jx86.ir.verify.Verifier;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.FlagsState;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.runtime.tier1.Region;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

class JvmBlockCompilerTest {
    private static final int BLOCKS = 4000;
    private static final int STATES = 3;
    private static final int REGIONS = 1500;

    private final JvmBlockCompiler compiler = new JvmBlockCompiler();

    @Test
    void everyGeneratedClassPassesAsmsVerifier() {
        RandomBlocks blocks = new RandomBlocks(7);
        for (int n = 0; n < 500; n++) {
            Block block = blocks.next();
            StringWriter problems = new StringWriter();
            CheckClassAdapter.verify(
                    new ClassReader(JvmBlockCompiler.classFile(block)),
                    getClass().getClassLoader(),
                    false,
                    new PrintWriter(problems));
            assertThat(problems.toString()).as(Printer.print(block)).isEmpty();
        }
    }

    @Test
    void compiledBlocksDoWhatTheInterpreterDoes() {
        RandomBlocks blocks = new RandomBlocks(42);
        Random random = new Random(43);
        int faults = 0;
        int raises = 0;
        int coalesced = 0;
        for (int n = 0; n < BLOCKS; n++) {
            Block block = blocks.next();
            assertThat(Verifier.verify(block)).as(Printer.print(block)).isEmpty();
            coalesced += MemoryChecks.plan(List.of(block)).describe().isEmpty() ? 0 : 1;
            CompiledBlock compiled = compiler.compile(block);
            assertThat(compiled).isNotNull();
            for (int s = 0; s < STATES; s++) {
                long seed = random.nextLong();
                Cpu expected = cpu(seed);
                Cpu actual = cpu(seed);
                String want = Runs.interpret(block, expected);
                String got = Runs.compiled(compiled, actual);
                String where = Printer.print(block) + "\nstate seed " + seed;
                assertThat(got).as(where).isEqualTo(want);
                FlagsState.settle(actual.state);
                FlagsState.settle(expected.state);
                assertThat(actual.state).as(where).isEqualTo(expected.state);
                assertThat(((TestMemory) actual.memory()).sameAs((TestMemory) expected.memory()))
                        .as(where)
                        .isTrue();
                faults += want.startsWith("fault") ? 1 : 0;
                raises += want.startsWith("raise") ? 1 : 0;
            }
        }
        // The generator must reach the interesting endings, or the comparison proves little.
        assertThat(faults).isGreaterThan(BLOCKS * STATES / 20);
        assertThat(raises).isGreaterThan(BLOCKS * STATES / 20);
        // ... and blocks whose accesses share a check (with a memory that is not flat, each access calls it)
        assertThat(coalesced).isGreaterThan(BLOCKS / 20);
        assertThat(compiler.compiledCount()).isEqualTo(BLOCKS);
    }

    @Test
    void compiledRegionsDoWhatTheInterpreterDoesBlockByBlock() {
        RandomBlocks generator = new RandomBlocks(44);
        Random random = new Random(45);
        int forward = 0;
        for (int n = 0; n < REGIONS; n++) {
            int count = 2 + random.nextInt(5);
            long[] pcs = new long[count];
            for (int k = 0; k < count; k++) {
                pcs[k] = 0x400000L + 0x100L * k + random.nextInt(0x40);
            }
            List<Block> blocks = new ArrayList<>();
            for (long pc : pcs) {
                blocks.add(generator.next(pc, pcs));
            }
            Region region = new Region(blocks);
            CompiledBlock compiled = compiler.compile(region);
            assertThat(compiled).isNotNull();
            assertThat(compiled.getClass().getName()).startsWith("dev.jx86.backend.jvm.gen.R_");
            for (int s = 0; s < STATES; s++) {
                long seed = random.nextLong();
                Cpu expected = cpu(seed);
                Cpu actual = cpu(seed);
                String want = Runs.interpret(region, expected);
                String got = Runs.compiled(compiled, actual);
                String where = blocks.stream().map(Printer::print).toList() + "\nstate seed " + seed;
                assertThat(got).as(where).isEqualTo(want);
                FlagsState.settle(actual.state);
                FlagsState.settle(expected.state);
                assertThat(actual.state).as(where).isEqualTo(expected.state);
                assertThat(((TestMemory) actual.memory()).sameAs((TestMemory) expected.memory()))
                        .as(where)
                        .isTrue();
                forward +=
                        Runs.interpret(Region.of(blocks.getFirst()), cpu(seed)).equals(want) ? 0 : 1;
            }
        }
        // Enough runs must go on past the entry block, or the comparison proves little about regions.
        assertThat(forward).isGreaterThan(REGIONS * STATES / 20);
    }

    @Test
    void everyGeneratedRegionClassPassesAsmsVerifier() {
        RandomBlocks generator = new RandomBlocks(46);
        for (int n = 0; n < 200; n++) {
            long[] pcs = {0x400000L, 0x400100L, 0x400200L};
            List<Block> blocks = new ArrayList<>();
            for (long pc : pcs) {
                blocks.add(generator.next(pc, pcs));
            }
            StringWriter problems = new StringWriter();
            CheckClassAdapter.verify(
                    new ClassReader(JvmBlockCompiler.classFile(new Region(blocks))),
                    getClass().getClassLoader(),
                    false,
                    new PrintWriter(problems));
            assertThat(problems.toString())
                    .as(blocks.stream().map(Printer::print).toList().toString())
                    .isEmpty();
        }
    }

    @Test
    void classIsNamedAfterTheGuestPc() {
        IrBuilder b = new IrBuilder(0x401000);
        b.set(StateLayout.gpr(0), b.constant(Type.I64, 5));
        CompiledBlock compiled = compiler.compile(b.jump(0x401005));
        assertThat(compiled.getClass().getName()).startsWith("dev.jx86.backend.jvm.gen.B_401000");
        assertThat(compiled.getClass().isHidden()).isTrue();
    }

    @Test
    void aBlockBeyondTheHugeMethodLimitIsLeftToTheInterpreter() {
        IrBuilder b = new IrBuilder(0x401000);
        Value sum = b.get(Type.I64, StateLayout.gpr(0));
        for (int i = 0; i < 2000; i++) {
            sum = b.add(sum, b.get(Type.I64, StateLayout.gpr(1 + i % 8)));
        }
        b.set(StateLayout.gpr(0), sum);
        Block block = b.jump(0x401100);
        assertThat(JvmBlockCompiler.codeSize(block)).isGreaterThan(JvmBlockCompiler.HUGE_METHOD_LIMIT);
        assertThat(compiler.compile(block)).isNull();
        assertThat(compiler.tooLargeCount()).isEqualTo(1);
    }

    /**
     * FCMP, inline where DAZ is off: every condition on binary64 and binary32 edge operands (zeros, denormals, ones,
     * infinities, quiet and signaling NaNs, both signs) under MXCSR words with DAZ off and on, as the interpreter.
     */
    @Test
    void floatComparesDoWhatTheInterpreterDoes() {
        long[] doubles = {
            0,
            1,
            0x000f_ffff_ffff_ffffL,
            0x3ff0_0000_0000_0000L,
            0x7ff0_0000_0000_0000L,
            0x7ff8_0000_0000_0000L,
            0x7ff0_0000_0000_0001L,
            0x4000_0000_0000_0000L
        };
        long[] floats = {0, 1, 0x007f_ffff, 0x3f80_0000, 0x7f80_0000, 0x7fc0_0000, 0x7f80_0001, 0x4000_0000};
        long[] environments = {0x1f80, 0x1fa0, 0x1fc0, 0xffc0, 0x0000};
        for (FloatCondition cc : FloatCondition.values()) {
            for (Type t : List.of(Type.I64, Type.I32)) {
                IrBuilder b = new IrBuilder(0x401000);
                Value holds = b.fcmp(
                        cc, b.get(t, StateLayout.RAX), b.get(t, StateLayout.RCX), b.get(Type.I32, StateLayout.RDX));
                b.set(StateLayout.RBX, b.select(holds, b.constant(Type.I64, 1), b.constant(Type.I64, 0)));
                Block block = b.jump(0x401004);
                CompiledBlock compiled = compiler.compile(block);
                long[] edges = t == Type.I64 ? doubles : floats;
                long sign = t == Type.I64 ? Long.MIN_VALUE : 0x8000_0000L;
                for (long x : edges) {
                    for (long y : edges) {
                        for (int signs = 0; signs < 4; signs++) {
                            for (long env : environments) {
                                Cpu expected = cpu(1);
                                Cpu actual = cpu(1);
                                for (Cpu c : List.of(expected, actual)) {
                                    c.state[StateLayout.RAX] = (signs & 1) != 0 ? x | sign : x;
                                    c.state[StateLayout.RCX] = (signs & 2) != 0 ? y | sign : y;
                                    c.state[StateLayout.RDX] = env;
                                }
                                Runs.interpret(block, expected);
                                Runs.compiled(compiled, actual);
                                assertThat(actual.state[StateLayout.RBX])
                                        .as("%s %s %x %x env %x", cc, t, x, y, env)
                                        .isEqualTo(expected.state[StateLayout.RBX]);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A CPU whose state and memory are a hash of {@code seed}, with values near interesting edges. */
    static Cpu cpu(long seed) {
        Random random = new Random(seed);
        Cpu cpu = new Cpu(new TestMemory(seed), CpuMode.LONG_64);
        long[] edges = {0, 1, -1, 0x7f, 0x80, 0xff, 0x8000, 0x8000_0000L, Long.MIN_VALUE, 0x1000, 0x1ffc};
        for (int slot = 0; slot < cpu.state.length; slot++) {
            cpu.state[slot] = random.nextBoolean() ? random.nextLong() : edges[random.nextInt(edges.length)];
        }
        // FLAGS as compiled code may leave it: its bits, or a flags op not evaluated yet (FlagsState)
        if (random.nextInt(3) == 0) {
            int kind = random.nextInt(FlagsKind.values().length);
            int width = 8 << random.nextInt(4);
            cpu.state[StateLayout.FLAGS] = FlagsState.LAZY | kind << 8 | width;
        } else {
            cpu.state[StateLayout.FLAGS] &= StateLayout.STATUS_FLAGS;
        }
        return cpu;
    }
}
