package dev.jx86.ir.opt;

import dev.jx86.ir.Block;
import dev.jx86.ir.Effect;
import dev.jx86.ir.Op;
import dev.jx86.ir.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * Forwards state through the block: a get of a slot whose value is known (set or read earlier, with no call that
 * may write state in between) uses that value; then a set that a later set of the same slot overwrites before
 * anything can observe it (see {@link StateObservers}) is removed.
 */
public final class GetSetForwarding implements Pass {
    public GetSetForwarding() {}

    @Override
    public String name() {
        return "get-set-forwarding";
    }

    @Override
    public Block run(Block b) {
        return removeDeadSets(forwardGets(b));
    }

    private static Block forwardGets(Block b) {
        Rewrite r = new Rewrite(b);
        Map<Long, Value> known = new HashMap<>();
        for (int i = 0; i < b.size(); i++) {
            long slot = b.aux0(i);
            if (b.op(i) == Op.GET && known.containsKey(slot) && known.get(slot).type() == b.type(i)) {
                r.replace(i, known.get(slot));
                continue;
            }
            Value v = r.copy(i);
            if (b.op(i) == Op.GET) {
                known.put(slot, v);
            } else if (b.op(i) == Op.SET) {
                known.put(slot, r.mapped(b.arg(i, 0)));
            } else if (b.effects(i).contains(Effect.WRITES_STATE)) {
                known.clear();
            }
        }
        return r.finish();
    }

    private static Block removeDeadSets(Block b) {
        Rewrite r = new Rewrite(b);
        for (int i = 0; i < b.size(); i++) {
            if (!(b.op(i) == Op.SET && StateObservers.deadSet(b, i))) {
                r.copy(i);
            }
        }
        return r.finish();
    }
}
