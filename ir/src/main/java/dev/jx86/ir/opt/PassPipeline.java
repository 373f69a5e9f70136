package dev.jx86.ir.opt;

import dev.jx86.ir.Block;
import dev.jx86.ir.verify.Problem;
import dev.jx86.ir.verify.Verifier;
import java.util.List;

/**
 * Runs passes in order. With verification on (as in tests) the verifier checks the input and the output of every
 * pass, and a problem stops the pipeline naming the pass that introduced it.
 */
public final class PassPipeline {
    private final List<Pass> passes;
    private final boolean verify;

    public PassPipeline(List<Pass> passes, boolean verify) {
        this.passes = List.copyOf(passes);
        this.verify = verify;
    }

    /** The passes a translated block goes through before it runs. */
    public static List<Pass> standardPasses() {
        return List.of(
                new ConstantFolding(),
                new GetSetForwarding(),
                new ConversionFolding(),
                new FloatEnvironmentForwarding(),
                new FlagConditionFusion(),
                new ConstantFolding(),
                new DeadFlagElimination(),
                new DeadCodeElimination());
    }

    public static PassPipeline standard(boolean verify) {
        return new PassPipeline(standardPasses(), verify);
    }

    public List<Pass> passes() {
        return passes;
    }

    public Block run(Block b) {
        check(b, "the input");
        for (Pass pass : passes) {
            b = pass.run(b);
            check(b, pass.name());
        }
        return b;
    }

    private void check(Block b, String after) {
        if (!verify) {
            return;
        }
        List<Problem> problems = Verifier.verify(b);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid block after " + after + ":\n  "
                    + String.join(
                            "\n  ", problems.stream().map(Problem::toString).toList()));
        }
    }
}
