package dev.jx86.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.Block;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.StateLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which blocks a region is made of: when first hot, from tier-0 counts; when grown, from its exits. */
class RegionSelectorTest {
    private final TranslationCache cache = new TranslationCache(TranslationCache.DEFAULT_MAX_OPS);

    /** A block at {@code pc} that branches on rax to {@code taken} or {@code notTaken}. */
    private Translation branch(long pc, long taken, long notTaken) {
        IrBuilder b = new IrBuilder(pc);
        b.boundary(pc, 4);
        Value zero = b.icmp(IntCondition.EQ, b.get(Type.I64, StateLayout.RAX), b.constant(Type.I64, 0));
        Block block = b.branch(zero, taken, notTaken);
        return cache.get(pc, CpuMode.LONG_64, () -> new Translation(block, CpuMode.LONG_64, 0));
    }

    /** A block at {@code pc} that loads from rbx {@code loads} times, then jumps to {@code target}. */
    private Translation loads(long pc, int loads, long target) {
        IrBuilder b = new IrBuilder(pc);
        b.boundary(pc, 4);
        for (int i = 0; i < loads; i++) {
            b.set(StateLayout.RAX, b.load(Type.I64, b.get(Type.I64, StateLayout.RBX)));
        }
        Block block = b.jump(target);
        return cache.get(pc, CpuMode.LONG_64, () -> new Translation(block, CpuMode.LONG_64, 0));
    }

    /** Makes {@code entry} the entry of an installed region of {@code members} (entry first). */
    private static void installRegion(Translation entry, Translation... members) {
        entry.members = List.of(members);
        entry.region = members.length > 1;
        entry.compiled = (cpu, outcome) -> {
            throw new AssertionError("not run");
        };
    }

    private static void exits(Translation region, long target, int times) {
        for (int i = 0; i < times; i++) {
            region.recordExit(target);
        }
    }

    private static List<Long> pcs(List<Translation> members) {
        return members.stream().map(Translation::pc).toList();
    }

    @Test
    void aHotBlockTakesInTheSuccessorsItsEdgeCountsSayAreHot() {
        Translation head = branch(0x1000, 0x1100, 0x1200);
        branch(0x1100, 0x1000, 0x1300);
        branch(0x1200, 0x1000, 0x1300);
        head.executions = 1000;
        head.taken = 1000 - 10; // 0x1200 took 1 in 100: cold
        assertThat(pcs(new RegionSelector(cache, 8).select(head))).containsExactly(0x1000L, 0x1100L);
    }

    @Test
    void aGrownRegionTakesInTheHotTargetsOfItsExitsWithTheirRegionsAndExits() {
        Translation a = branch(0x1000, 0x1100, 0x1200);
        Translation b = branch(0x1100, 0x1000, 0x1200);
        Translation c = branch(0x1200, 0x1000, 0x1300);
        Translation e = branch(0x1300, 0x1000, 0x1400);
        Translation f = branch(0x1400, 0x1500, 0x1000);
        Translation g = branch(0x1500, 0x1000, 0x1000);
        branch(0x1600, 0x1000, 0x1000);
        installRegion(a, a, b);
        exits(a, 0x1200, 900); // the hot exit
        exits(a, 0x1600, 10); // under 1 in 64 of the region's exits: stays out
        installRegion(c, c, e);
        exits(c, 0x1000, 500); // back to a member: nothing to add
        exits(c, 0x1400, 500);
        f.executions = 1000; // a block of no region: its hot successors by tier-0 counts
        f.taken = 1000;
        RegionSelector selector = new RegionSelector(cache, 8);
        assertThat(pcs(selector.grow(a, 32))).containsExactly(0x1000L, 0x1100L, 0x1200L, 0x1300L, 0x1400L, 0x1500L);
        assertThat(pcs(selector.grow(a, 3))).containsExactly(0x1000L, 0x1100L, 0x1200L);
        assertThat(g.members).isEmpty();
    }

    @Test
    void aGrownRegionStaysWithinWhatTheHostCompilerInlinesIntoOneMethod() {
        Translation a = branch(0x1000, 0x1100, 0x1200);
        loads(0x1100, 50, 0x1000); // 50 memory accessors inlined: over the budget on its own
        loads(0x1200, 4, 0x1000);
        installRegion(a, a);
        exits(a, 0x1100, 900);
        exits(a, 0x1200, 800);
        assertThat(RegionSelector.weight(cache.peek(0x1100, CpuMode.LONG_64).block()))
                .isGreaterThan(RegionSelector.INLINE_BUDGET);
        assertThat(pcs(new RegionSelector(cache, 8).grow(a, 32))).containsExactly(0x1000L, 0x1200L);
    }

    @Test
    void aRegionThatNeverLeftStaysAsItIs() {
        Translation a = branch(0x1000, 0x1100, 0x1000);
        Translation b = branch(0x1100, 0x1000, 0x1000);
        installRegion(a, a, b);
        assertThat(pcs(new RegionSelector(cache, 8).grow(a, 32))).containsExactly(0x1000L, 0x1100L);
    }
}
