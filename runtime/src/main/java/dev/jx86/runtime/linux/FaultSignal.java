package dev.jx86.runtime.linux;

import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.Vectors;

/** The signal Linux sends for a CPU exception in user mode (arch/x86/kernel/traps.c), and its name. */
public enum FaultSignal {
    SIGILL(4),
    SIGTRAP(5),
    SIGBUS(7),
    SIGFPE(8),
    SIGSEGV(11);

    private final int number;

    FaultSignal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The signal for exception {@code vector}. */
    public static FaultSignal of(int vector) {
        return switch (vector) {
            case Vectors.DE, Vectors.MF, Vectors.XM -> SIGFPE;
            case Vectors.UD -> SIGILL;
            case Vectors.DB, Vectors.BP -> SIGTRAP;
            case Vectors.AC -> SIGBUS;
            default -> SIGSEGV;
        };
    }

    private static final String[] NAMES = {
        null,
        "SIGHUP",
        "SIGINT",
        "SIGQUIT",
        "SIGILL",
        "SIGTRAP",
        "SIGABRT",
        "SIGBUS",
        "SIGFPE",
        "SIGKILL",
        "SIGUSR1",
        "SIGSEGV",
        "SIGUSR2",
        "SIGPIPE",
        "SIGALRM",
        "SIGTERM",
        "SIGSTKFLT",
        "SIGCHLD",
        "SIGCONT",
        "SIGSTOP",
        "SIGTSTP",
        "SIGTTIN",
        "SIGTTOU",
        "SIGURG",
        "SIGXCPU",
        "SIGXFSZ",
        "SIGVTALRM",
        "SIGPROF",
        "SIGWINCH",
        "SIGIO",
        "SIGPWR",
        "SIGSYS"
    };

    /** The name of signal {@code number} ("SIGRTMIN+n" for real-time signals). */
    static String name(int number) {
        if (number > 0 && number < NAMES.length) {
            return NAMES[number];
        }
        return number >= 34 && number <= 64 ? "SIGRTMIN+" + (number - 34) : "signal " + number;
    }

    /** The one-line description jx86 prints when the fault ends the process. */
    static String describe(GuestFault fault, long pc) {
        FaultSignal signal = of(fault.vector());
        String cause = switch (fault.vector()) {
            case Vectors.PF -> String.format("page fault at 0x%x", fault.address());
            case Vectors.GP -> "general protection fault";
            case Vectors.UD -> "invalid opcode";
            case Vectors.DE -> "divide error";
            case Vectors.BP -> "breakpoint";
            case Vectors.AC -> "alignment check";
            default -> "exception " + fault.vector();
        };
        return String.format("jx86: guest terminated by signal %s (%s, pc 0x%x)", signal, cause, pc);
    }
}
