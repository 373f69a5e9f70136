package dev.jx86.conformance.difftest;

/**
 * How a case ended, on the host or under jx86: where it stopped, why, and the state there (for a fault, the
 * state before the faulting instruction).
 *
 * @param stop {@link Stop#END} at the UD2 after the code, else the kind of fault
 * @param pc the address of the instruction it stopped at
 * @param detail for the host the signal number, for jx86 the exception vector (or -1)
 * @param note what else is known (for jx86, an exception that escaped the engine), or null
 */
record Outcome(Stop stop, long pc, int detail, MachineState state, String note) {
    /** Why a case stopped, named after the Linux signal the fault is delivered as. */
    enum Stop {
        END,
        SIGILL,
        SIGSEGV,
        SIGBUS,
        SIGFPE,
        SIGTRAP,
        TIMEOUT,
        /** jx86 returned for a reason the host has no counterpart for (a syscall, HLT). */
        OTHER
    }
}
