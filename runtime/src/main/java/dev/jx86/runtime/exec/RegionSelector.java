package dev.jx86.runtime.exec;

import dev.jx86.ir.Block;
import dev.jx86.ir.Op;
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
 * blocks out in, so that a jump to an earlier block is a back edge. A region promoted to the optimizing compiler is
 * selected again, {@linkplain #grow grown} by the exits its code took.
 */
final class RegionSelector {
    /** An edge is hot when at least 1/EDGE_SHARE of its source block's executions take it. */
    static final int EDGE_SHARE = 16;

    /** A region's exit joins it when it is grown if at least 1/EXIT_SHARE of the region's exits take it. */
    static final int EXIT_SHARE = 64;

    /**
     * What a grown region may weigh, in estimated bytes of bytecode that HotSpot's C2 inlines into one method. Chosen
     * as C2's {@code DesiredMethodLimit}, past which the force-inlined memory accessors stayed calls; the launcher now
     * turns that cap off ({@code -XX:-ClipInlining}), and the budget bounds C2's work instead: 16000 made qsort's C2
     * time 45% longer (docs/jvm-tier.md, "Grown regions"; system property {@code jx86.inlineBudget}, for experiments).
     */
    static final int INLINE_BUDGET = Math.max(0, Integer.getInteger("jx86.inlineBudget", 8000));

    /** Bytecode per IR op: 7.7-10.5 over eight optimizing regions of hashmap, lzpack and bytevm (javap). */
    static final int BYTES_PER_OP = 10;

    /** Bytecode C2 inlines per load or store: a flat accessor, its permission check and the host access. */
    static final int BYTES_PER_ACCESS = 170;

    private final TranslationCache cache;
    private final int maxBlocks;

    RegionSelector(TranslationCache cache, int maxBlocks) {
        this.cache = cache;
        this.maxBlocks = maxBlocks;
    }

    List<Translation> select(Translation entry) {
        Members members = new Members(List.of(entry), maxBlocks, Integer.MAX_VALUE);
        var queue = new ArrayDeque<Translation>();
        queue.add(entry);
        expand(members, queue);
        return members.list;
    }

    /**
     * The blocks of {@code region}'s region grown by where its compiled code left to: the targets of its exits, hottest
     * first, each with its own region's blocks (or, for a block without one, its hot successors by tier-0 counts), and
     * their exits in turn, up to {@code limit} blocks and the {@link #INLINE_BUDGET}. The counts of the exits are
     * those of the region's compiled code, taken when the blocks it holds were already hot: this takes in what got hot
     * after the region was selected.
     */
    List<Translation> grow(Translation region, int limit) {
        Members members = new Members(region.members, limit, INLINE_BUDGET);
        var exits =
                new PriorityQueue<Exit>(Comparator.comparingLong(Exit::count).reversed());
        exitsOf(region, exits);
        while (!exits.isEmpty() && !members.full()) {
            Translation t = cache.peek(exits.poll().target(), region.mode());
            if (!members.add(t)) {
                continue;
            }
            if (t.region && t.compiled != null) {
                for (Translation m : t.members) {
                    members.add(m);
                }
                exitsOf(t, exits);
            } else {
                var queue = new ArrayDeque<Translation>();
                queue.add(t);
                expand(members, queue);
            }
        }
        return members.list;
    }

    /** The loads and stores of {@code block}: each inlines a memory accessor into the compiled region. */
    static int accesses(Block block) {
        int n = 0;
        for (int i = 0; i < block.size(); i++) {
            n += block.op(i) == Op.LOAD || block.op(i) == Op.STORE ? 1 : 0;
        }
        return n;
    }

    /** What {@code block} adds to a region's inlined bytecode, estimated. */
    static int weight(Block block) {
        return BYTES_PER_OP * block.size() + BYTES_PER_ACCESS * accesses(block);
    }

    /** The blocks chosen so far, in order, within a number of blocks and an inlining budget. */
    private static final class Members {
        final List<Translation> list;
        final int limit;
        final int budget;
        int weight;

        Members(List<Translation> initial, int limit, int budget) {
            this.list = new ArrayList<>(initial);
            this.limit = limit;
            this.budget = budget;
            for (Translation t : initial) {
                weight += weight(t.block());
            }
        }

        boolean full() {
            return list.size() >= limit;
        }

        /** Adds {@code t} if it is a valid translation not yet chosen that fits; whether it did. */
        boolean add(Translation t) {
            if (full() || t == null || !t.valid() || list.contains(t)) {
                return false;
            }
            int w = budget == Integer.MAX_VALUE ? 0 : weight(t.block());
            if (weight + w > budget) {
                return false;
            }
            weight += w;
            list.add(t);
            return true;
        }
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

    /** Adds the hot successors of the queued blocks to {@code members}, breadth-first. */
    private void expand(Members members, ArrayDeque<Translation> queue) {
        while (!queue.isEmpty() && !members.full()) {
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
                    TargetCounts targets = from.indirectTargets;
                    for (int i = 0; targets != null && i < targets.size(); i++) {
                        consider(targets.target(i), targets.count(i), runs, from, members, queue);
                    }
                }
                default -> {}
            }
        }
    }

    private void consider(
            long pc, long edge, long runs, Translation from, Members members, ArrayDeque<Translation> queue) {
        if (edge <= 0 || edge * EDGE_SHARE < runs) {
            return;
        }
        Translation t = cache.peek(pc, from.mode());
        if (members.add(t)) {
            queue.add(t);
        }
    }
}
