package dev.jx86.ir.opt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.Block;
import dev.jx86.ir.RandomBlocks;
import dev.jx86.ir.TestEnvironment;
import dev.jx86.ir.text.Parser;
import dev.jx86.ir.text.Printer;
import dev.jx86.ir.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded random blocks: the verifier accepts them, they round-trip through text, and every pass (alone and in the
 * standard pipeline) keeps what the reference evaluator observes: state writes, memory, effectful calls, terminal,
 * and the state committed at an injected fault.
 */
class RandomBlockTest {
    /** How many blocks each test draws; raise it for a longer hunt: {@code -Djx86.ir.randomBlocks=20000}. */
    private static final int BLOCKS = Integer.getInteger("jx86.ir.randomBlocks", 1500);

    @Test
    void generatedBlocksVerify() {
        RandomBlocks blocks = new RandomBlocks(1);
        for (int n = 0; n < BLOCKS; n++) {
            Block b = blocks.next();
            assertThat(Verifier.verify(b)).as(Printer.print(b)).isEmpty();
        }
    }

    @Test
    void generatedBlocksRoundTrip() {
        RandomBlocks blocks = new RandomBlocks(2);
        for (int n = 0; n < BLOCKS; n++) {
            String text = Printer.print(blocks.next());
            assertThat(Printer.print(Parser.parse(text))).isEqualTo(text);
        }
    }

    @Test
    void passesKeepWhatTheEvaluatorObserves() {
        RandomBlocks blocks = new RandomBlocks(3);
        List<Pass> passes = new ArrayList<>(PassPipeline.standardPasses());
        for (int n = 0; n < BLOCKS; n++) {
            Block b = blocks.next();
            for (Pass pass : passes) {
                assertSame(b, new PassPipeline(List.of(pass), true).run(b), pass.name(), n);
            }
            assertSame(b, PassPipeline.standard(true).run(b), "standard pipeline", n);
        }
    }

    private static void assertSame(Block before, Block after, String what, int n) {
        for (long seed = 0; seed < 3; seed++) {
            for (int faultAt = -1; faultAt < 3; faultAt++) {
                assertThat(TestEnvironment.run(after, seed, faultAt))
                        .as(
                                "%s on block %d, seed %d, fault at %d:%n%s%nafter:%n%s",
                                what, n, seed, faultAt, Printer.print(before), Printer.print(after))
                        .isEqualTo(TestEnvironment.run(before, seed, faultAt));
            }
        }
    }
}
