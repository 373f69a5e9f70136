package dev.jx86.ir.opt;

import dev.jx86.ir.Block;

/** One transformation of a block that keeps what the block computes (state writes, memory, terminal). */
public interface Pass {
    /** The pass's name in filetests and logs, e.g. {@code constant-folding}. */
    String name();

    Block run(Block b);
}
