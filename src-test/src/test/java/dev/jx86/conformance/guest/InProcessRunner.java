package dev.jx86.conformance.guest;

import dev.jx86.runtime.linux.LinuxProcess;
import dev.jx86.runtime.linux.ProcessOptions;
import dev.jx86.runtime.linux.ProgramLoadException;
import dev.jx86.runtime.linux.Stdio;
import dev.jx86.tools.cli.Engines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a guest under jx86 inside the test's JVM, as an embedder would: the process gets in-memory standard streams
 * (pipes to the guest) and the tier's engine from {@link Engines}, the same parts {@code jx86 run} wires. Much
 * faster than a new JVM per run, and the JIT's work carries over from run to run; {@link Jx86CommandRunner} checks
 * the command line itself.
 */
public final class InProcessRunner implements GuestRunner {
    /** Executions before a block is compiled as a region (tiers 1 and mixed): low, to compile much of each test. */
    static final int HOT_THRESHOLD = 50;

    private final String tier;

    public InProcessRunner(String tier) {
        this.tier = tier;
    }

    @Override
    public String name() {
        return "jx86 in-process, tier " + tier;
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(5);
    }

    @Override
    public GuestResult run(GuestInvocation invocation) throws IOException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProcessOptions options = ProcessOptions.defaults()
                .withWorkingDirectory(invocation.cwd())
                .withStdio(new Stdio(new ByteArrayInputStream(invocation.stdin()), out, err));
        List<String> argv = new ArrayList<>();
        argv.add(invocation.binary().toString());
        argv.addAll(invocation.args());
        List<String> envp = new ArrayList<>();
        for (Map.Entry<String, String> e : invocation.env().entrySet()) {
            envp.add(e.getKey() + "=" + e.getValue());
        }
        LinuxProcess.Started started;
        try {
            started = LinuxProcess.start(invocation.binary(), argv, envp, options);
        } catch (ProgramLoadException e) {
            throw new AssertionError("jx86 cannot load " + invocation.binary() + ": " + e.getMessage(), e);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "guest " + invocation.binary().getFileName());
            t.setDaemon(true); // a guest that never ends must not keep the test JVM alive
            return t;
        });
        try (LinuxProcess process = started.process()) {
            // A low hot threshold, so that even short test programs run much of their code as compiled regions.
            var engine = Engines.create(tier, HOT_THRESHOLD, false, process);
            Future<Integer> status = thread.submit(() -> process.run(engine, started.cpu()));
            try {
                int exit = status.get(invocation.timeout().toMillis(), TimeUnit.MILLISECONDS);
                return new GuestResult(out.toByteArray(), err.toByteArray(), exit);
            } catch (TimeoutException e) {
                engine.requestStop();
                throw new AssertionError("timed out after " + invocation.timeout() + ": " + invocation.binary());
            } catch (ExecutionException e) {
                throw new AssertionError("jx86 failed on " + invocation.binary(), e.getCause());
            } finally {
                engine.close();
            }
        } finally {
            thread.shutdownNow();
        }
    }
}
