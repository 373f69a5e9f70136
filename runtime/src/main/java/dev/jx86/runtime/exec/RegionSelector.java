package dev.jx86.runtime.exec;

import dev.jx86.ir.Terminal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the blocks of a region: from a hot entry, the successors reached by direct jumps and branches (and the
 * remembered targets of an indirect jump, such as a return or a switch) that are already translated and that the
 * counts say are taken often — at least one in {@link #EDGE_SHARE} of the exits of
 * the block that leads there (a branch's taken count is recorded by the loop, the other side is the rest) —
 * breadth-first, up to a number of blocks. The entry comes first; the order is the order the compiled code lays the
 * blocks out in, so that a jump to an earlier block is a back edge.
 */
final class RegionSelector {
    /** An edge is hot when at least 1/EDGE_SHARE of its source block's executions take it. */
    static final int EDGE_SHARE = 16;

    private final TranslationCache cache;
    private final int maxBlocks;

    RegionSelector(TranslationCache cache, int maxBlocks) {
        this.cache = cache;
        this.maxBlocks = maxBlocks;
    }

    List<Translation> select(Translation entry) {
        List<Translation> members = new ArrayList<>();
        members.add(entry);
        var queue = new ArrayDeque<Translation>();
        queue.add(entry);
        while (!queue.isEmpty() && members.size() < maxBlocks) {
            Translation from = queue.poll();
            long runs = from.executions;
            switch (from.block().terminal()) {
                case Terminal.Jump j -> consider(j.target(), runs, runs, from, members, queue);
                case Terminal.Branch br -> {
                    consider(br.taken(), from.taken, runs, from, members, queue);
                    consider(br.notTaken(), runs - from.taken, runs, from, members, queue);
                }
                case Terminal.JumpIndirect ji -> {
                    // a return or a jump through a table: its hot targets, which the region's code switches to
                    long[] targets = from.indirectTargets;
                    for (int i = 0; targets != null && i < targets.length && targets[i] != -1; i++) {
                        consider(targets[i], from.indirectCounts[i], runs, from, members, queue);
                    }
                }
                default -> {}
            }
        }
        return members;
    }

    private void consider(
            long pc, long edge, long runs, Translation from, List<Translation> members, ArrayDeque<Translation> queue) {
        if (members.size() >= maxBlocks || edge <= 0 || edge * EDGE_SHARE < runs) {
            return;
        }
        Translation t = cache.peek(pc, from.mode());
        if (t == null || !t.valid() || members.contains(t)) {
            return;
        }
        members.add(t);
        queue.add(t);
    }
}
