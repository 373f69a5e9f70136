package dev.jx86.tools.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of a profiled run ({@code jx86 profile}, {@code jx86 run --profile}): where the report goes. */
final class ProfileOptions {
    @Option(names = "--json", paramLabel = "FILE", description = "Write the profile as JSON to FILE.")
    Path json;

    @Option(
            names = "--html",
            paramLabel = "FILE",
            description = "Write the profile as a self-contained HTML page (tables, flame view) to FILE.")
    Path html;

    @Option(
            names = "--top",
            defaultValue = "20",
            paramLabel = "N",
            description = "Rows per table in the text and HTML reports. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(
            names = "--sample-interval",
            defaultValue = "10",
            paramLabel = "MS",
            description = "Milliseconds between two samples of the guest's call stack (each costs the sampler thread"
                    + " some 60 us of CPU). Default: ${DEFAULT-VALUE}, as JFR's and async-profiler's.")
    double sampleIntervalMillis;

    void check() {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1");
        }
        if (!(sampleIntervalMillis >= 0.1 && sampleIntervalMillis <= 10_000)) {
            throw new IllegalArgumentException("--sample-interval must be between 0.1 and 10000 ms");
        }
    }

    /** Whether the report goes to files only (else it is printed on stderr). */
    boolean toFiles() {
        return json != null || html != null;
    }
}
