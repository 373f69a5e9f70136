package dev.jx86.conformance.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a guest binary under jx86 through the launcher, {@code ./jx86 run [--tier N] BINARY ARGS...},
 * as a separate process. The launcher's own variables (PATH, HOME, JAVA_HOME, JX86_JAVA_OPTS) are
 * passed through because it needs them to find a JDK; the guest programs only look at the variables
 * their case sets, so the extra ones do not change their output.
 */
public final class Jx86CommandRunner implements GuestRunner {
    private static final List<String> LAUNCHER_VARIABLES = List.of("PATH", "HOME", "JAVA_HOME", "JX86_JAVA_OPTS");

    private final Path launcher;
    private final List<String> options;

    /**
     * @param launcher the {@code jx86} script at the repository's root
     * @param options options of {@code jx86 run} before the binary, such as {@code --tier 0}
     */
    public Jx86CommandRunner(Path launcher, List<String> options) {
        this.launcher = launcher;
        this.options = List.copyOf(options);
    }

    @Override
    public String name() {
        return options.isEmpty() ? "jx86" : "jx86 " + String.join(" ", options);
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(5);
    }

    @Override
    public GuestResult run(GuestInvocation invocation) throws IOException, InterruptedException {
        if (!Files.isExecutable(launcher)) {
            throw new CannotRunException("no jx86 launcher at " + launcher, null);
        }
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "run"));
        command.addAll(options);
        command.add(invocation.binary().toString());
        command.addAll(invocation.args());
        Map<String, String> env = new HashMap<>();
        for (String name : LAUNCHER_VARIABLES) {
            String value = System.getenv(name);
            if (value != null) env.put(name, value);
        }
        env.putAll(invocation.env());
        return HostProcess.run(command, env, invocation.stdin(), invocation.cwd(), invocation.timeout());
    }
}
