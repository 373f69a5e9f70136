package dev.jx86.runtime.exec;

import dev.jx86.runtime.abi.GuestFault;

/** Why the execution engine returned to its caller (the Linux personality, or a machine in system mode). */
public sealed interface Stop {
    /**
     * The guest executed SYSCALL or {@code int 0x80}; RIP already holds the instruction after it. The caller
     * services the call (by the CPU's mode: 64-bit table for SYSCALL, i386 table for {@code int 0x80}) and runs on.
     */
    record Syscall(long next) implements Stop {}

    /** A guest exception at {@code pc}; the state is that before the faulting instruction, RIP = {@code pc}. */
    record Fault(GuestFault fault, long pc) implements Stop {}

    /** HLT; RIP holds the next instruction. */
    record Halt(long next) implements Stop {}

    /** Someone asked the engine to stop ({@link Engine#requestStop()}); RIP is where to resume. */
    record Requested(long next) implements Stop {}
}
