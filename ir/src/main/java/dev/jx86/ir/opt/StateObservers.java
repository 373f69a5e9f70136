package dev.jx86.ir.opt;

import dev.jx86.ir.Block;
import dev.jx86.ir.Effect;
import dev.jx86.ir.Op;
import dev.jx86.ir.Terminal;

/**
 * Decides whether a state write can be observed before it is overwritten: the one definition of the precise-state
 * rule (docs/ir.md). A fault, and a raise terminal, observe the state committed at the last boundary before them.
 * So a set S1 overwritten by S2 is still observable when a boundary B lies between them and some may-fault op (or
 * the raise) follows B before the first boundary after S2: at B the slot held S1's value.
 */
final class StateObservers {
    private StateObservers() {}

    /** Whether SET instruction {@code set} is overwritten by a later set of its slot before anything observes it. */
    static boolean deadSet(Block b, int set) {
        long slot = b.aux0(set);
        int firstBoundary = -1;
        for (int k = set + 1; k < b.size(); k++) {
            Op op = b.op(k);
            if (op == Op.GET && b.aux0(k) == slot
                    || op != Op.GET && b.effects(k).contains(Effect.READS_STATE)) {
                return false;
            }
            if (op == Op.BOUNDARY && firstBoundary < 0) {
                firstBoundary = k;
            }
            if (op == Op.SET && b.aux0(k) == slot) {
                return firstBoundary < 0 || !faultBetween(b, firstBoundary, k);
            }
        }
        return false;
    }

    /** Whether a may-fault op or raise sees the state at a boundary from {@code boundary} up to {@code overwrite}. */
    private static boolean faultBetween(Block b, int boundary, int overwrite) {
        int k = boundary + 1;
        for (; k < b.size() && !(k > overwrite && b.op(k) == Op.BOUNDARY); k++) {
            if (b.effects(k).contains(Effect.MAY_FAULT)) {
                return true;
            }
        }
        return k == b.size() && b.terminal() instanceof Terminal.Raise;
    }
}
