package dev.jx86.ir.opt;

import dev.jx86.ir.Block;
import dev.jx86.ir.Effect;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.IntPredicate;

/** Removes instructions whose results nobody uses, among those a pass allows, transitively. */
final class Sweep {
    /** Effects that do not stop an unused instruction from being removed: reading has no consequence. */
    private static final Set<Effect> HARMLESS = EnumSet.of(Effect.READS_STATE, Effect.READS_MEMORY);

    private Sweep() {}

    /**
     * Whether instruction {@code i} may be removed when its result is unused: it has a result and writes nothing,
     * cannot fault and is no boundary. An unused get goes; an unused load stays, since it may fault.
     */
    static boolean removableWhenUnused(Block b, int i) {
        return b.type(i) != Type.VOID && HARMLESS.containsAll(b.effects(i));
    }

    /** Drops every instruction that satisfies {@code candidate} and whose value no kept instruction uses. */
    static Block removeUnused(Block b, IntPredicate candidate) {
        boolean[] live = new boolean[b.size()];
        for (Value v : b.terminal().uses()) {
            live[v.index()] = true;
        }
        for (int i = b.size() - 1; i >= 0; i--) {
            if (!live[i] && candidate.test(i) && removableWhenUnused(b, i)) {
                continue;
            }
            live[i] = true;
            for (int k = 0; k < b.argCount(i); k++) {
                live[b.arg(i, k)] = true;
            }
        }
        Rewrite r = new Rewrite(b);
        for (int i = 0; i < b.size(); i++) {
            if (live[i]) {
                r.copy(i);
            }
        }
        return r.finish();
    }
}
