package dev.jx86.ir;

import java.util.Locale;

/** Why a block returns to the dispatcher instead of continuing at a pc. */
public enum ExitReason {
    /** The guest made a system call; the runtime services it, then continues at the next pc. */
    SYSCALL,
    /** The guest halted until the next interrupt. */
    HALT,
    /** A point where pending interrupts and exit requests must be checked. */
    INTERRUPT_CHECK,
    /** State that affects translation (mode bits, code pages) changed; translated code must be looked up again. */
    MODE_CHANGE,
    /**
     * Compiled code left at a memory access its fast path does not cover; the dispatcher interprets the block at the
     * pc returned (the access's instruction). Compiled code's reason only: no IR terminal has it.
     */
    MEMORY;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
