package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Where the values of one block live in a region method: JVM locals, reused once a value is dead. */
final class ValueLocals {
    private ValueLocals() {}

    /**
     * The JVM local of each value of {@code block}, from {@code first} on, reused once a value is dead: a value's
     * locals are free after its last use (a lazily kept {@code flags.K}'s operands live as long as it does, since
     * its FLAGS set or direct condition reads them). Few locals keep ASM's frame computation and HotSpot's parser
     * small; C2 does not care which local a value had.
     */
    static int[] allocate(Block block, int first) {
        int n = block.size();
        int[] lastUse = new int[n];
        Arrays.fill(lastUse, -1);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < block.argCount(i); a++) {
                int v = block.arg(i, a);
                lastUse[v] = i;
                if (block.op(v) == Op.FLAGS) {
                    for (int o = 0; o < block.argCount(v); o++) {
                        lastUse[block.arg(v, o)] = i;
                    }
                }
            }
        }
        for (var use : block.terminal().uses()) {
            lastUse[use.index()] = n;
        }
        List<List<Integer>> dying = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            dying.add(new ArrayList<>());
        }
        for (int v = 0; v < n; v++) {
            dying.get(Math.max(lastUse[v], v)).add(v);
        }
        int[] local = new int[n];
        var freePairs = new ArrayDeque<Integer>();
        var freeQuads = new ArrayDeque<Integer>();
        int next = first;
        for (int i = 0; i < n; i++) {
            Type t = block.type(i);
            if (t == Type.VOID) {
                local[i] = -1;
            } else if (t == Type.V128) {
                local[i] = freeQuads.isEmpty() ? next : freeQuads.pop();
                next = Math.max(next, local[i] + 4);
            } else {
                local[i] = freePairs.isEmpty() ? next : freePairs.pop();
                next = Math.max(next, local[i] + 2);
            }
            for (int v : dying.get(i)) {
                if (local[v] >= 0) {
                    (block.type(v) == Type.V128 ? freeQuads : freePairs).push(local[v]);
                }
            }
        }
        return local;
    }
}
