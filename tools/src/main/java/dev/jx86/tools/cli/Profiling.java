package dev.jx86.tools.cli;

import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.exec.ExecutionLoop;
import dev.jx86.runtime.exec.ProfileRecorder;
import dev.jx86.runtime.linux.LinuxProcess;
import dev.jx86.runtime.profile.Profile;
import dev.jx86.runtime.profile.StackSampler;
import dev.jx86.tools.profile.HtmlReport;
import dev.jx86.tools.profile.JsonReport;
import dev.jx86.tools.profile.ProfileReport;
import dev.jx86.tools.profile.TextReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One profiled run: starts the recorder and the stack sampler before the guest runs, and when it has ended writes
 * the report — text on stderr, or the {@code --json} and {@code --html} files.
 */
final class Profiling {
    private final ExecutionLoop loop;
    private final LinuxProcess.Started started;
    private final ProfileOptions options;
    private final ProfileRecorder recorder;
    private final StackSampler sampler;

    private Profiling(ExecutionLoop loop, LinuxProcess.Started started, ProfileOptions options) {
        this.loop = loop;
        this.started = started;
        this.options = options;
        this.recorder = loop.recordProfile();
        this.sampler = new StackSampler(
                started.cpu(),
                started.process().space(),
                started.cpu().mode() == CpuMode.LONG_64,
                Math.round(options.sampleIntervalMillis * 1e6),
                recorder::phase);
    }

    static Profiling start(ExecutionLoop loop, LinuxProcess.Started started, ProfileOptions options) {
        Profiling p = new Profiling(loop, started, options);
        p.sampler.start();
        return p;
    }

    /** Stops sampling and writes the report of the run that ended as {@code run} says. */
    void finish(ProfileReport.Run run) {
        sampler.stop();
        Profile profile = recorder.profile(
                loop, started.cpu(), sampler.stacks(), started.process().symbols());
        ProfileReport report = ProfileReport.of(run, profile);
        if (options.json != null) {
            write(options.json, JsonReport.of(report));
        }
        if (options.html != null) {
            write(options.html, HtmlReport.of(report, options.top));
        }
        if (!options.toFiles()) {
            System.err.print(TextReport.of(report, options.top));
            System.err.flush();
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
