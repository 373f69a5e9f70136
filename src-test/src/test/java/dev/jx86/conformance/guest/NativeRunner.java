package dev.jx86.conformance.guest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a guest binary directly on the host: the oracle the expected files were recorded with, and a
 * check that the committed binaries and expected files still agree on this machine.
 */
public final class NativeRunner implements GuestRunner {
    @Override
    public String name() {
        return "native";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public GuestResult run(GuestInvocation invocation) throws IOException, InterruptedException {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new CannotRunException("the host is " + os + "/" + arch + ", not x86-64 Linux", null);
        }
        List<String> command = new ArrayList<>();
        command.add(invocation.binary().toString());
        command.addAll(invocation.args());
        try {
            return HostProcess.run(
                    command, invocation.env(), invocation.stdin(), invocation.cwd(), invocation.timeout());
        } catch (IOException e) {
            // ProcessBuilder reports a failed exec as an IOException naming the errno text.
            if (e.getMessage() != null && e.getMessage().contains("Exec format error")) {
                throw new CannotRunException(
                        "this kernel cannot execute " + invocation.binary().getFileName() + " (no i386 support?)", e);
            }
            throw e;
        }
    }
}
