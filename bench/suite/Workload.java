import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark: a static x86-64 program and its arguments, prepared on demand (a kernel built, an input
 * generated) so that listing the suite or filtering it costs nothing.
 */
record Workload(String name, String description, Setup setup) {

    /** What the runners execute: the program, and its arguments after {@code argv[0]} (stdin is empty). */
    record Command(Path program, List<String> args) {}

    /** Prepares the command, or says why this machine cannot run the workload. */
    interface Setup {
        Command prepare() throws IOException, Unavailable;
    }

    /** The workload cannot run here (no gcc, no busybox): the reason is shown, the workload skipped. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason);
        }
    }
}
