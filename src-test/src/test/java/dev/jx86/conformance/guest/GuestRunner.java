package dev.jx86.conformance.guest;

import java.io.IOException;
import java.time.Duration;

/**
 * Runs a static x86 Linux binary and reports what it printed and how it ended: natively on the host
 * ({@link NativeRunner}, the oracle) or under jx86 ({@link Jx86CommandRunner}). The same test cases run
 * through every implementation.
 */
public interface GuestRunner {
    /** A short name for test reports. */
    String name();

    /** How long a guest program of this suite may take with this runner. */
    Duration timeout();

    /**
     * Runs the invocation to its end.
     *
     * @throws CannotRunException when this host cannot run the binary at all (not x86, no 32-bit
     *     support, no jx86 launcher): the test is skipped, not failed
     * @throws IOException on any other failure to start or to collect the output
     */
    GuestResult run(GuestInvocation invocation) throws IOException, InterruptedException;

    /** The host cannot run the binary: an exec format error, a missing launcher. */
    final class CannotRunException extends IOException {
        private static final long serialVersionUID = 1L;

        public CannotRunException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
