package dev.jx86.ir.opt;

import dev.jx86.ir.Block;

/**
 * Removes instructions whose results are unused and whose only effects are reads: pure computations, constants and
 * gets. Loads stay because they may fault; sets, stores, calls with writes and boundaries always stay.
 */
public final class DeadCodeElimination implements Pass {
    public DeadCodeElimination() {}

    @Override
    public String name() {
        return "dead-code-elimination";
    }

    @Override
    public Block run(Block b) {
        return Sweep.removeUnused(b, i -> true);
    }
}
