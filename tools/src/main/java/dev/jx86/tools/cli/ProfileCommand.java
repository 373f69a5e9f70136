package dev.jx86.tools.cli;

import picocli.CommandLine.Command;

/**
 * {@code jx86 profile PROG ARGS...}: {@code jx86 run --profile}. The guest runs as under {@code run} (its standard
 * streams and exit status untouched); then the profile is reported on stderr, or written to the {@code --json} and
 * {@code --html} files.
 */
@Command(
        name = "profile",
        description = "Runs a program like 'run' and reports what the translator did: hot guest code by symbol, tiers,"
                + " translation and compile cost, cache statistics, exits to the runtime, sampled call stacks.",
        mixinStandardHelpOptions = true)
final class ProfileCommand extends RunCommand {
    @Override
    boolean profiling() {
        return true;
    }
}
