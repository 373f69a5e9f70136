package dev.jx86.runtime.tier1;

import dev.jx86.ir.Block;
import java.util.HashSet;
import java.util.List;

/**
 * What tier 1 compiles as one unit: an entry block and the blocks it reaches directly that are hot enough to join it
 * (found from tier-0 counts). Compiled, a jump between two blocks of the region stays inside the compiled code — a
 * guest loop becomes a host loop — and any other jump leaves it with the target pc. All blocks were translated in
 * the same CPU mode; their guest pcs are distinct.
 *
 * @param blocks the blocks, entry first
 * @param name the guest symbol of the entry ({@code function+0x1c}), or empty: the compiled class is named after it,
 *     so that JVM profilers show guest functions
 * @param counters null, or where the compiled code counts the entries of each block and tier 1 reports what it made
 *     (a profiled run)
 */
public record Region(List<Block> blocks, String name, RegionCounters counters) {
    public Region {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a region needs an entry block");
        }
        var pcs = new HashSet<Long>();
        for (Block b : blocks) {
            if (!pcs.add(b.pc())) {
                throw new IllegalArgumentException("block " + Long.toHexString(b.pc()) + " twice in a region");
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("a region's name is empty, not null");
        }
        if (counters != null && counters.blocks() != blocks.size()) {
            throw new IllegalArgumentException(
                    "counters for " + counters.blocks() + " blocks, region of " + blocks.size());
        }
    }

    /** A region without a name and without counters. */
    public Region(List<Block> blocks) {
        this(blocks, "", null);
    }

    /** The region of one block. */
    public static Region of(Block block) {
        return new Region(List.of(block));
    }

    public Block entry() {
        return blocks.getFirst();
    }

    public long pc() {
        return entry().pc();
    }

    /** IR ops over all blocks. */
    public int size() {
        return blocks.stream().mapToInt(Block::size).sum();
    }
}
