package dev.jx86.conformance.guest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a guest binary under jx86's command line, {@code jx86 run --tier TIER BINARY ARGS...}, in a new JVM started
 * from this test's class path (so the test runs what the build just made, without the launcher rebuilding it).
 * The guest sees exactly the case's environment.
 */
public final class Jx86CommandRunner implements GuestRunner {
    /** The tiers every end-to-end test runs under: all that {@code --tier} accepts. */
    public static final List<String> TIERS = dev.jx86.tools.cli.Engines.TIERS;

    private final String tier;

    public Jx86CommandRunner(String tier) {
        this.tier = tier;
    }

    @Override
    public String name() {
        return "jx86 --tier " + tier;
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(5);
    }

    @Override
    public GuestResult run(GuestInvocation invocation) throws IOException, InterruptedException {
        return HostProcess.run(
                command(tier, invocation.binary(), invocation.args()),
                invocation.env(),
                invocation.stdin(),
                invocation.cwd(),
                invocation.timeout());
    }

    /** The command line that runs {@code binary args} under {@code jx86 run --tier tier}. */
    public static List<String> command(String tier, Path binary, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.jx86.tools.cli.Jx86");
        command.add("run");
        command.add("--tier");
        command.add(tier);
        command.add(binary.toString());
        command.addAll(args);
        return command;
    }
}
