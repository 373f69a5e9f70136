package dev.jx86.runtime.linux;

import java.util.Optional;

/**
 * The small per-process facts system calls keep: the heap break, umask, exit status, the addresses registered by
 * set_tid_address and set_robust_list, and the signal dispositions and mask (recorded,
 * not yet delivered).
 */
final class ProcessState {
    private final String executable;
    private final long brkStart;
    private long brk;
    private int umask = 022;
    private Integer exitStatus;
    private int killedBy;
    private long tidAddress;
    private long robustList;
    private final long[][] signalActions = new long[65][];
    private long signalMask;

    ProcessState(String executable, long brk, Abi abi) {
        this.executable = executable;
        this.brkStart = brk;
        this.brk = brk;
    }

    String executable() {
        return executable;
    }

    long brkStart() {
        return brkStart;
    }

    long brk() {
        return brk;
    }

    void brk(long value) {
        brk = value;
    }

    int umask() {
        return umask;
    }

    int umask(int mask) {
        int old = umask;
        umask = mask & 0777;
        return old;
    }

    Optional<Integer> exitStatus() {
        return Optional.ofNullable(exitStatus);
    }

    void exit(int status) {
        exitStatus = status & 0xff;
    }

    /** The signal that ended the process (0 if none). */
    int killedBy() {
        return killedBy;
    }

    /** The process dies of {@code signal}: exit status 128 + signal, as a shell reports it. */
    void killedBy(int signal) {
        killedBy = signal;
        exitStatus = 128 + signal;
    }

    long tidAddress() {
        return tidAddress;
    }

    void tidAddress(long address) {
        tidAddress = address;
    }

    void robustList(long head) {
        robustList = head;
    }

    long robustList() {
        return robustList;
    }

    /** The recorded action of {@code signal} (raw words: handler, flags, restorer, mask), or null if default. */
    long[] signalAction(int signal) {
        return signalActions[signal];
    }

    void signalAction(int signal, long[] action) {
        signalActions[signal] = action;
    }

    long signalMask() {
        return signalMask;
    }

    void signalMask(long mask) {
        // SIGKILL and SIGSTOP cannot be blocked.
        signalMask = mask & ~((1L << 8) | (1L << 18));
    }
}
