package dev.jx86.ir.opt;

import dev.jx86.ir.Block;
import dev.jx86.ir.Effect;
import dev.jx86.ir.Op;
import dev.jx86.ir.Terminal;
import java.util.Set;

/**
 * Decides whether a state write can be observed before it is overwritten: the one definition of the precise-state
 * rule (docs/ir.md). A fault observes the state committed at the last boundary before it, so a set is observed by a
 * may-fault op only if a boundary lies between them; a raise terminal observes the state at the block's last
 * boundary.
 */
final class StateObservers {
    private StateObservers() {}

    /** Whether SET instruction {@code set} is overwritten by a later set of its slot before anything observes it. */
    static boolean deadSet(Block b, int set) {
        long slot = b.aux0(set);
        boolean boundary = false;
        for (int k = set + 1; k < b.size(); k++) {
            Op op = b.op(k);
            Set<Effect> effects = b.effects(k);
            if (op == Op.GET && b.aux0(k) == slot
                    || effects.contains(Effect.READS_STATE) && op != Op.GET
                    || effects.contains(Effect.MAY_FAULT) && boundary) {
                return false;
            }
            boundary |= op == Op.BOUNDARY;
            if (op == Op.SET && b.aux0(k) == slot) {
                return !raiseObservesBetween(b, set, k);
            }
        }
        return false;
    }

    /** Whether the terminal raises and the block's last boundary lies between instructions {@code from} and {@code to}. */
    private static boolean raiseObservesBetween(Block b, int from, int to) {
        if (!(b.terminal() instanceof Terminal.Raise)) {
            return false;
        }
        int last = -1;
        for (int k = 0; k < b.size(); k++) {
            if (b.op(k) == Op.BOUNDARY) {
                last = k;
            }
        }
        return from < last && last < to;
    }
}
