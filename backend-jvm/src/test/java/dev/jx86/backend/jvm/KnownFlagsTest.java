package dev.jx86.backend.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.Block;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.eval.FlagsSemantics;
import dev.jx86.ir.text.Parser;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.FlagsState;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.runtime.tier1.Region;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The flags a region's blocks start with ({@link KnownFlags}), and regions that read the previous block's flags
 * (CF for {@code dec}, a condition after a jump) doing what the interpreter does.
 */
class KnownFlagsTest {
    /** cmp in one block; dec (which keeps CF) and a signed condition in the next: the loop of a chain walk. */
    private static final String COMPARE_THEN_DEC = """
            block 0x1000 {
              boundary 0x1000, 3
              v0 = get.i32 rax
              v1 = get.i32 rcx
              v2 = sub.i32 v0, v1
              v3 = flags.sub v2, v0, v1
              set flags, v3
              v4 = icmp.uge v0, v1
              branch v4, 0x3000, 0x2000
            }
            block 0x2000 {
              boundary 0x2000, 3
              v0 = get.i32 rdx
              v1 = const.i32 0x1
              v2 = sub.i32 v0, v1
              v3 = get.flags flags
              v4 = flag.cf v3
              v5 = cond.l v3
              v6 = flags.dec v2, v4
              v7 = zext.i64 v2
              set flags, v6
              set rdx, v7
              v8 = zext.i64 v5
              set rbx, v8
              v9 = cond.ne v6
              branch v9, 0x1000, 0x3000
            }
            """;

    @Test
    void aBlockEnteredOnlyFromACompareKnowsTheCompare() {
        List<Block> blocks = Parser.parseAll(COMPARE_THEN_DEC, StateLayout.INSTANCE);
        int[] known = KnownFlags.atBlockStarts(blocks, true);
        assertThat(known[0]).as("the entry: from the state").isEqualTo(KnownFlags.UNKNOWN);
        assertThat(known[1]).isEqualTo(FlagsSemantics.code(FlagsKind.SUB, 32));
        assertThat(KnownFlags.atBlockStarts(blocks, false)).containsOnly(KnownFlags.UNKNOWN);
    }

    @Test
    void waysInThatDisagreeLeaveTheKindUnknown() {
        List<Block> blocks = Parser.parseAll("""
                block 0x1000 {
                  boundary 0x1000, 3
                  v0 = get.i64 rax
                  v1 = flags.logic v0
                  set flags, v1
                  v2 = cond.e v1
                  branch v2, 0x3000, 0x2000
                }
                block 0x2000 {
                  boundary 0x2000, 3
                  v0 = get.i64 rax
                  v1 = get.i64 rcx
                  v2 = add.i64 v0, v1
                  v3 = flags.add v2, v0, v1
                  set flags, v3
                  jump 0x3000
                }
                block 0x3000 {
                  boundary 0x3000, 3
                  v0 = get.flags flags
                  v1 = flag.cf v0
                  v2 = zext.i64 v1
                  set rbx, v2
                  jump 0x4000
                }
                block 0x4000 {
                  boundary 0x4000, 3
                  v0 = get.i64 rax
                  set rdx, v0
                  jump 0x5000
                }
                """, StateLayout.INSTANCE);
        int[] known = KnownFlags.atBlockStarts(blocks, true);
        assertThat(known[1]).isEqualTo(FlagsSemantics.code(FlagsKind.LOGIC, 64));
        assertThat(known[2]).as("logic or add").isEqualTo(KnownFlags.UNKNOWN);
        assertThat(known[3]).as("still unknown: the block did not write FLAGS").isEqualTo(KnownFlags.UNKNOWN);
    }

    @Test
    void flagsStoredAsBitsAreKnownAsBits() {
        List<Block> blocks = Parser.parseAll("""
                block 0x1000 {
                  boundary 0x1000, 3
                  v0 = get.i64 rax
                  v1 = flags.explicit v0
                  set flags, v1
                  jump 0x2000
                }
                block 0x2000 {
                  boundary 0x2000, 3
                  v0 = get.flags flags
                  v1 = cond.be v0
                  v2 = zext.i64 v1
                  set rbx, v2
                  jump 0x3000
                }
                """, StateLayout.INSTANCE);
        assertThat(KnownFlags.atBlockStarts(blocks, true)[1]).isEqualTo(KnownFlags.BITS);
    }

    @Test
    void regionsReadingTheLastBlocksFlagsDoWhatTheInterpreterDoes() {
        List<Block> blocks = Parser.parseAll(COMPARE_THEN_DEC, StateLayout.INSTANCE);
        Region region = new Region(blocks);
        CompiledBlock compiled = new JvmBlockCompiler().compile(region);
        Random random = new Random(11);
        long[] edges = {0, 1, 2, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL, 0x1_0000_0000L};
        for (int n = 0; n < 3000; n++) {
            long seed = random.nextLong();
            Cpu expected = JvmBlockCompilerTest.cpu(seed);
            Cpu actual = JvmBlockCompilerTest.cpu(seed);
            for (Cpu cpu : new Cpu[] {expected, actual}) {
                Random values = new Random(seed);
                cpu.state[StateLayout.RAX] = edges[values.nextInt(edges.length)] + values.nextInt(3) - 1;
                cpu.state[StateLayout.RCX] = edges[values.nextInt(edges.length)] + values.nextInt(3) - 1;
                cpu.state[StateLayout.RDX] = 1 + values.nextInt(4);
            }
            String want = Runs.interpret(region, expected);
            assertThat(Runs.compiled(compiled, actual)).as("seed %d", seed).isEqualTo(want);
            FlagsState.settle(expected.state);
            FlagsState.settle(actual.state);
            assertThat(actual.state).as("seed %d", seed).isEqualTo(expected.state);
        }
    }
}
