import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command as a child process and measures it: wall time from before the start to after the exit
 * ({@link System#nanoTime}), the child's user+system CPU time, and a SHA-256 of its standard output, computed while
 * the pipe is drained so that no output is held in memory. Standard input is empty; standard error goes to a file
 * whose end is kept for reports. The working directory is the
 * scratch directory.
 */
final class ChildRun {
    private ChildRun() {}

    /** What one run gave. {@code cpuNanos} is -1 when it could not be read; the rest is meaningless on timeout. */
    record Result(
            long wallNanos,
            long cpuNanos,
            String stdoutSha256,
            long stdoutBytes,
            int status,
            String stderrTail,
            boolean timedOut) {}

    static Result run(List<String> command, Path scratch, int timeoutSeconds) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile(scratch, "stderr", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectError(stderr.toFile())
                    .directory(scratch.toFile());
            builder.environment().put("LC_ALL", "C");
            long cpuBefore = ChildCpuTime.reapedChildrenNanos();
            long start = System.nanoTime();
            Process process = builder.start();
            Digest digest = new Digest(process.getInputStream());
            Thread drain = Thread.ofPlatform().name("stdout of " + command.getFirst()).start(digest);
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            drain.join();
            long wall = System.nanoTime() - start;
            long cpuAfter = ChildCpuTime.reapedChildrenNanos();
            long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
            if (digest.failure != null) throw digest.failure;
            int status = finished ? process.exitValue() : -1;
            return new Result(wall, cpu, digest.hex(), digest.bytes, status, tail(stderr), !finished);
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
    }

    /** Reads a stream to its end into SHA-256, on its own thread. */
    private static final class Digest implements Runnable {
        private final InputStream in;
        private final MessageDigest sha256;
        private long bytes;
        private IOException failure;

        Digest(InputStream in) {
            this.in = in;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        @Override
        public void run() {
            byte[] buffer = new byte[1 << 16];
            try (in) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, n);
                    bytes += n;
                }
            } catch (IOException e) {
                failure = e;
            }
        }

        String hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}
