package dev.jx86.ir.eval;

import dev.jx86.ir.ExitReason;

/** Where a block's execution ended, as its terminal resolved it. */
public sealed interface Outcome {
    /** Guest execution continues at {@code pc}. */
    record Continue(long pc) implements Outcome {}

    /** The block returned to the dispatcher for {@code reason}, to resume at {@code next}. */
    record Exited(ExitReason reason, long next) implements Outcome {}

    /** Guest exception {@code vector} at the instruction at {@code pc}; {@code errorCode} is -1 when none. */
    record Raised(int vector, long errorCode, long pc) implements Outcome {}
}
