package dev.jx86.runtime.exec;

import dev.jx86.ir.Terminal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

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

    /** A region's exit joins it when it is re-selected if at least 1/EXIT_SHARE of the region's exits take it. */
    static final int EXIT_SHARE = 64;

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
        expand(members, queue, maxBlocks);
        return members;
    }

    /**
     * The blocks of {@code region}'s region grown by where its compiled code left to: the targets of its exits, hottest
     * first, each with its own region's blocks (or, for a block without one, its hot successors by tier-0 counts), and
     * their exits in turn, up to {@code limit} blocks. The counts of the exits are those of the region's compiled code,
     * taken when the blocks it holds were already hot: this takes in what got hot after the region was selected.
     */
    List<Translation> grow(Translation region, int limit) {
        List<Translation> members = new ArrayList<>(region.members);
        var exits =
                new PriorityQueue<Exit>(Comparator.comparingLong(Exit::count).reversed());
        exitsOf(region, exits);
        while (!exits.isEmpty() && members.size() < limit) {
            Exit e = exits.poll();
            Translation t = cache.peek(e.target(), region.mode());
            if (t == null || !t.valid() || members.contains(t)) {
                continue;
            }
            members.add(t);
            if (t.region && t.compiled != null) {
                for (Translation m : t.members) {
                    if (members.size() < limit && m.valid() && !members.contains(m)) {
                        members.add(m);
                    }
                }
                exitsOf(t, exits);
            } else {
                var queue = new ArrayDeque<Translation>();
                queue.add(t);
                expand(members, queue, limit);
            }
        }
        return members;
    }

    /** An exit of a region to {@code target}, taken {@code count} times. */
    private record Exit(long target, long count) {}

    /** The exits of {@code region} that at least 1 in {@link #EXIT_SHARE} of its exits took. */
    private static void exitsOf(Translation region, PriorityQueue<Exit> exits) {
        TargetCounts counts = region.exits;
        if (counts == null) {
            return;
        }
        long total = counts.total();
        for (int i = 0; i < counts.size(); i++) {
            if (counts.count(i) * EXIT_SHARE >= total) {
                exits.add(new Exit(counts.target(i), counts.count(i)));
            }
        }
    }

    /** Adds the hot successors of the queued blocks to {@code members}, breadth-first, up to {@code limit} blocks. */
    private void expand(List<Translation> members, ArrayDeque<Translation> queue, int limit) {
        while (!queue.isEmpty() && members.size() < limit) {
            Translation from = queue.poll();
            long runs = from.executions;
            switch (from.block().terminal()) {
                case Terminal.Jump j -> consider(j.target(), runs, runs, from, members, queue, limit);
                case Terminal.Branch br -> {
                    consider(br.taken(), from.taken, runs, from, members, queue, limit);
                    consider(br.notTaken(), runs - from.taken, runs, from, members, queue, limit);
                }
                case Terminal.JumpIndirect ji -> {
                    // a return or a jump through a table: its hot targets, which the region's code switches to
                    TargetCounts targets = from.indirectTargets;
                    for (int i = 0; targets != null && i < targets.size(); i++) {
                        consider(targets.target(i), targets.count(i), runs, from, members, queue, limit);
                    }
                }
                default -> {}
            }
        }
    }

    private void consider(
            long pc,
            long edge,
            long runs,
            Translation from,
            List<Translation> members,
            ArrayDeque<Translation> queue,
            int limit) {
        if (members.size() >= limit || edge <= 0 || edge * EDGE_SHARE < runs) {
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
