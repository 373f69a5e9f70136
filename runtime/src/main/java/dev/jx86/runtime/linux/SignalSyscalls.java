package dev.jx86.runtime.linux;

/**
 * Signal dispositions and the mask: rt_sigaction and rt_sigprocmask record what the guest asks and report it back,
 * as Linux would; delivery is not implemented yet. kill/tgkill of the process itself with a signal whose action is
 * the default ends the process as that signal would.
 */
final class SignalSyscalls {
    static final int SIGKILL = 9;
    static final int SIGSTOP = 19;

    private static final int SIG_BLOCK = 0;
    private static final int SIG_UNBLOCK = 1;
    private static final int SIG_SETMASK = 2;
    private static final long SIG_IGN = 1;

    /** Signals whose default action is to be ignored (SIGCHLD, SIGCONT, SIGURG, SIGWINCH). */
    private static final long IGNORED_BY_DEFAULT = 1L << 17 | 1L << 18 | 1L << 23 | 1L << 28;

    private final LinuxProcess process;
    private final UserCopy user;

    SignalSyscalls(LinuxProcess process) {
        this.process = process;
        this.user = process.user();
    }

    /** The kernel's {@code struct sigaction}: handler, flags, restorer (words) and an 8-byte mask. */
    long rtSigaction(int signal, long action, long oldAction, long maskSize) {
        if (maskSize != 8) {
            return -Errno.EINVAL;
        }
        if (signal < 1 || signal > 64 || action != 0 && (signal == SIGKILL || signal == SIGSTOP)) {
            return -Errno.EINVAL;
        }
        int word = process.abi().wordSize();
        int size = 3 * word + 8;
        long[] fresh = null;
        if (action != 0) {
            GuestStruct s = new GuestStruct(user.read(action, size));
            fresh = new long[] {s.word(0, word), s.word(word, word), s.word(2 * word, word), s.u64(3 * word)};
        }
        if (oldAction != 0) {
            long[] old = process.state().signalAction(signal);
            GuestStruct s = new GuestStruct(size);
            if (old != null) {
                s.word(0, word, old[0])
                        .word(word, word, old[1])
                        .word(2 * word, word, old[2])
                        .u64(3 * word, old[3]);
            }
            user.write(oldAction, s.array());
        }
        if (fresh != null) {
            process.state().signalAction(signal, fresh);
        }
        return 0;
    }

    long rtSigprocmask(int how, long set, long oldSet, long maskSize) {
        if (maskSize != 8) {
            return -Errno.EINVAL;
        }
        ProcessState state = process.state();
        long old = state.signalMask();
        if (set != 0) {
            long mask = new GuestStruct(user.read(set, 8)).u64(0);
            switch (how) {
                case SIG_BLOCK -> state.signalMask(old | mask);
                case SIG_UNBLOCK -> state.signalMask(old & ~mask);
                case SIG_SETMASK -> state.signalMask(mask);
                default -> {
                    return -Errno.EINVAL;
                }
            }
        }
        if (oldSet != 0) {
            user.write(oldSet, new GuestStruct(8).u64(0, old).array());
        }
        return 0;
    }

    /** kill and tgkill aimed at this process. */
    long kill(long pid, int signal) {
        if (pid != ProcessSyscalls.pid() && pid != 0 && pid != -1) {
            return -Errno.ESRCH;
        }
        if (signal < 0 || signal > 64) {
            return -Errno.EINVAL;
        }
        if (signal == 0) {
            return 0;
        }
        long[] action = process.state().signalAction(signal);
        boolean ignored =
                action != null && action[0] == SIG_IGN || action == null && (IGNORED_BY_DEFAULT & (1L << signal)) != 0;
        if (ignored) {
            return 0;
        }
        if (action != null && action[0] != 0 && signal != SIGKILL && signal != SIGSTOP) {
            // A handler is installed but delivery is not implemented: say so rather than pretend.
            return -Errno.ENOSYS;
        }
        process.state().killedBy(signal);
        return 0;
    }
}
