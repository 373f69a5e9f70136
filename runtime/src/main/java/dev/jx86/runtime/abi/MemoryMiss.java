package dev.jx86.runtime.abi;

import java.io.Serial;

/**
 * Thrown by compiled code's flat-memory accessors when an access is not one they may do by themselves (a page not
 * touched yet, a page it may not write, an address outside the flat span): the region catches it at the access, writes
 * the state of the instruction's start back and returns to the dispatcher with {@code ExitReason.MEMORY}, which then
 * interprets that instruction's block, where the memory does what the access needs (fills the page, raises the
 * fault, notes the code write). Leaving instead of calling the memory keeps calls, which make HotSpot spill every
 * live value, out of the compiled loop (docs/memory.md). Stackless and shared: throwing it allocates nothing.
 */
public final class MemoryMiss extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The one instance. */
    public static final MemoryMiss INSTANCE = new MemoryMiss();

    private MemoryMiss() {
        super(null, null, false, false);
    }
}
