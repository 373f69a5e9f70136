package dev.jx86.conformance.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a host command the way the guest tests need: a chosen environment, standard input from bytes,
 * standard output and error collected through files (no pipe can fill up and stall the child), and a
 * time limit after which the process and its children are killed.
 */
final class HostProcess {
    private HostProcess() {}

    static GuestResult run(List<String> command, Map<String, String> env, byte[] stdin, Path cwd, Duration timeout)
            throws IOException, InterruptedException {
        Path io = Files.createTempDirectory("jx86-guest-io");
        try {
            Path in = Files.write(io.resolve("stdin"), stdin);
            Path out = io.resolve("stdout");
            Path err = io.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(cwd.toFile())
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IOException(command.getFirst() + " did not finish within " + timeout);
            }
            return new GuestResult(Files.readAllBytes(out), Files.readAllBytes(err), process.exitValue());
        } finally {
            for (String name : List.of("stdin", "stdout", "stderr")) Files.deleteIfExists(io.resolve(name));
            Files.deleteIfExists(io);
        }
    }
}
