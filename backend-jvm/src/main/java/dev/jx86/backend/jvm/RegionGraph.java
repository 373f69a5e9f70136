package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.Terminal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A region's blocks as a control-flow graph (entry: the first block; edges: the jumps and branches that stay inside,
 * and from an indirect jump to every block), and which block runs before which within one iteration: block
 * {@code d} dominates {@code k} when every path to {@code k}, from the region's entry or from the target of a back
 * edge, passes through {@code d}. Back edges are the edges a depth-first walk from the entry finds going to a block
 * on its stack; without them the graph is acyclic, so whatever dominates {@code k} ran after the last back edge.
 */
final class RegionGraph {
    private final int[][] successors;
    private final BitSet[] dominators;
    /** Per block, the blocks reachable from it without a back edge, itself included. */
    private final BitSet[] reach;

    private final List<Integer> order = new ArrayList<>();

    RegionGraph(List<Block> blocks) {
        int n = blocks.size();
        Map<Long, Integer> index = new HashMap<>();
        for (int k = 0; k < n; k++) {
            index.putIfAbsent(blocks.get(k).pc(), k);
        }
        successors = new int[n][];
        for (int k = 0; k < n; k++) {
            successors[k] = successors(blocks.get(k).terminal(), index, n);
        }
        BitSet back = new BitSet(n * n);
        BitSet roots = new BitSet(n);
        roots.set(0);
        walk(back, roots);
        dominators = new BitSet[n];
        List<List<Integer>> predecessors = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            predecessors.add(new ArrayList<>());
        }
        for (int k = 0; k < n; k++) {
            for (int s : successors[k]) {
                if (!back.get(k * n + s)) {
                    predecessors.get(s).add(k);
                }
            }
        }
        for (int k : order) {
            BitSet d = null;
            if (!roots.get(k)) {
                for (int p : predecessors.get(k)) {
                    if (dominators[p] == null) {
                        continue; // not reachable from the entry
                    }
                    if (d == null) {
                        d = (BitSet) dominators[p].clone();
                    } else {
                        d.and(dominators[p]);
                    }
                }
            }
            d = d == null ? new BitSet(n) : d;
            d.set(k);
            dominators[k] = d;
        }
        reach = new BitSet[n];
        for (int o = order.size() - 1; o >= 0; o--) {
            int k = order.get(o);
            reach[k] = new BitSet(n);
            reach[k].set(k);
            for (int s : successors[k]) {
                if (!back.get(k * n + s)) {
                    reach[k].or(reach[s]);
                }
            }
        }
    }

    private static int[] successors(Terminal terminal, Map<Long, Integer> index, int n) {
        List<Long> targets = switch (terminal) {
            case Terminal.Jump j -> List.of(j.target());
            case Terminal.Branch br -> List.of(br.taken(), br.notTaken());
            case Terminal.JumpIndirect ji -> null;
            case Terminal.Exit e -> List.of();
            case Terminal.Raise r -> List.of();
        };
        if (targets == null) {
            int[] all = new int[n];
            for (int k = 0; k < n; k++) {
                all[k] = k;
            }
            return all;
        }
        return targets.stream()
                .filter(index::containsKey)
                .mapToInt(index::get)
                .distinct()
                .toArray();
    }

    /**
     * Depth first from the entry: the back edges (to a block on the stack) into {@code back} (as {@code from * n +
     * to}), their targets into {@code roots}, and the blocks in reverse postorder into {@link #order}, a topological
     * order of the graph without back edges.
     */
    private void walk(BitSet back, BitSet roots) {
        int n = successors.length;
        boolean[] visited = new boolean[n];
        boolean[] onStack = new boolean[n];
        int[] next = new int[n];
        int[] stack = new int[n];
        List<Integer> postorder = new ArrayList<>();
        int depth = 0;
        stack[depth++] = 0;
        visited[0] = true;
        onStack[0] = true;
        while (depth > 0) {
            int k = stack[depth - 1];
            if (next[k] < successors[k].length) {
                int s = successors[k][next[k]++];
                if (onStack[s]) {
                    back.set(k * n + s);
                    roots.set(s);
                } else if (!visited[s]) {
                    visited[s] = true;
                    onStack[s] = true;
                    stack[depth++] = s;
                }
            } else {
                onStack[k] = false;
                depth--;
                postorder.add(k);
            }
        }
        for (int k = postorder.size() - 1; k >= 0; k--) {
            order.add(postorder.get(k));
        }
    }

    /** The blocks of the region that block {@code k} may continue at (every block after an indirect jump). */
    int[] successors(int k) {
        return successors[k];
    }

    /** The blocks reachable from the entry, each after every block that dominates it. */
    List<Integer> order() {
        return order;
    }

    /** The blocks on a path from {@code d} to {@code k} within one iteration, without both ends. */
    List<Integer> between(int d, int k) {
        List<Integer> on = new ArrayList<>();
        for (int m = reach[d].nextSetBit(0); m >= 0; m = reach[d].nextSetBit(m + 1)) {
            if (m != d && m != k && reach[m].get(k)) {
                on.add(m);
            }
        }
        return on;
    }

    /** Whether {@code d} dominates {@code k} within one iteration (both reachable from the entry). */
    boolean dominates(int d, int k) {
        return dominators[k] != null && dominators[k].get(d);
    }
}
