package dev.jx86.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.exec.LoopFixtures.InterpretingCompiler;
import dev.jx86.runtime.tier1.Optimization;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Promotion to the optimizing compiler: grown regions, and promotions put off because a grown region holds a block. */
class TierUpTest {
    private final TranslationCache cache = new TranslationCache(TranslationCache.DEFAULT_MAX_OPS);
    private final ExitStatistics statistics = new ExitStatistics();
    private final InterpretingCompiler compiler = new InterpretingCompiler();

    private Translation baselineRegion(long pc) {
        Translation t =
                cache.get(pc, CpuMode.LONG_64, () -> new Translation(LoopFixtures.loopHead(pc), CpuMode.LONG_64, 0));
        t.members = List.of(t);
        t.compiled = (cpu, outcome) -> pc;
        t.optimization = Optimization.BASELINE;
        return t;
    }

    @Test
    void regionsOfOneBlockAreNotGrown() throws Exception {
        Tiering tiering = Tiering.mixed(compiler, 10).withHotSamples(5).withMaxRegionBlocks(1); // as -d nochain
        TierUp tierUp = new TierUp(tiering, cache, statistics, () -> {});
        Translation entry = baselineRegion(0x1000);
        baselineRegion(0x2000);
        entry.recordExit(0x2000);
        tierUp.promote(entry);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (compiler.optimizations.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        tierUp.shutdown();
        assertThat(compiler.regions).containsExactly(List.of(0x1000L));
    }

    @Test
    void aRegionWhoseEntryAGrownRegionHoldsIsPromotedOnlyWhenItStaysHot() throws Exception {
        Tiering tiering = Tiering.mixed(compiler, 10).withHotSamples(5);
        TierUp tierUp = new TierUp(tiering, cache, statistics, () -> {});
        Translation grown = baselineRegion(0x1000);
        Translation inside = baselineRegion(0x2000);
        grown.recordExit(0x2000); // the grown region takes `inside` in
        tierUp.promote(grown);
        assertThat(inside.grownInto).isSameAs(grown);
        assertThat(statistics.promotions()).isEqualTo(1);
        inside.samples = 5;
        inside.promotionQueued = true;
        tierUp.promote(inside);
        // put off: sampled again from nothing
        assertThat(statistics.promotions()).isEqualTo(1);
        assertThat(statistics.promotionsDeferred()).isEqualTo(1);
        assertThat(inside.samples).isZero();
        assertThat(inside.promotionQueued).isFalse();
        // hot again: promoted this time
        tierUp.promote(inside);
        assertThat(statistics.promotions()).isEqualTo(2);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (compiler.optimizations.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        tierUp.shutdown();
        assertThat(compiler.regions).contains(List.of(0x1000L, 0x2000L), List.of(0x2000L));
    }
}
