package dev.jx86.conformance.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guest programs of {@code src-test/guest} in every flavour: natively, to check that the committed
 * binaries and the expected files agree on this host, and under jx86, whose standard output and exit
 * status must equal the native ones. Each run gets a fresh, empty working directory (the files program
 * works in it) and must leave it empty.
 */
class GuestProgramsTest {
    private static final GuestSuite SUITE = GuestSuite.locate();
    private static final GuestRunner NATIVE = new NativeRunner();

    static Stream<Arguments> runs() {
        List<String> flavours = SUITE.flavours();
        return SUITE.cases().stream()
                .flatMap(c -> flavours.stream()
                        .filter(flavour -> SUITE.has(flavour, c.program()))
                        .map(flavour -> Arguments.of(flavour, SUITE.forFlavour(c, flavour))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNativeRecording(String flavour, GuestCase guestCase, @TempDir Path cwd) throws Exception {
        check(NATIVE, flavour, guestCase, cwd);
    }

    static Stream<Arguments> tieredRuns() {
        return Jx86CommandRunner.TIERS.stream()
                .flatMap(tier -> runs().map(a -> Arguments.of(tier, a.get()[0], a.get()[1])));
    }

    @ParameterizedTest(name = "tier {0}: {1} {2}")
    @MethodSource("tieredRuns")
    void matchesUnderJx86(String tier, String flavour, GuestCase guestCase, @TempDir Path cwd) throws Exception {
        check(new InProcessRunner(tier), flavour, guestCase, cwd);
    }

    /** The first case of each flavour through the command line, in a JVM of its own, as a user runs it. */
    static Stream<Arguments> commandLineRuns() {
        return Jx86CommandRunner.TIERS.stream()
                .flatMap(tier -> SUITE.flavours().stream()
                        .flatMap(flavour -> SUITE.cases().stream()
                                .filter(c -> SUITE.has(flavour, c.program()))
                                .limit(1)
                                .map(c -> Arguments.of(tier, flavour, SUITE.forFlavour(c, flavour)))));
    }

    @ParameterizedTest(name = "tier {0}: {1} {2}")
    @MethodSource("commandLineRuns")
    void matchesUnderJx86CommandLine(String tier, String flavour, GuestCase guestCase, @TempDir Path cwd)
            throws Exception {
        check(new Jx86CommandRunner(tier), flavour, guestCase, cwd);
    }

    @Test
    void everyCaseRunsInSomeFlavour() {
        assertThat(SUITE.cases()).isNotEmpty();
        for (GuestCase c : SUITE.cases()) {
            assertThat(SUITE.flavours())
                    .as("flavours that have %s (case %s)", c.program(), c.id())
                    .anyMatch(flavour -> SUITE.has(flavour, c.program()));
        }
    }

    private static void check(GuestRunner runner, String flavour, GuestCase guestCase, Path cwd)
            throws IOException, InterruptedException {
        GuestInvocation invocation = new GuestInvocation(
                SUITE.binary(flavour, guestCase.program()),
                guestCase.args(),
                guestCase.env(),
                guestCase.stdin(),
                cwd,
                runner.timeout());
        GuestResult result;
        try {
            result = runner.run(invocation);
        } catch (GuestRunner.CannotRunException e) {
            Assumptions.abort(runner.name() + " cannot run " + flavour + ": " + e.getMessage());
            return;
        }
        assertThat(result.stdoutText())
                .as(
                        "%s standard output of %s (%s); its stderr: %s",
                        runner.name(), guestCase, flavour, result.stderrText())
                .isEqualTo(guestCase.expectedStdoutText());
        assertThat(result.status())
                .as("%s exit status of %s (%s); its stderr: %s", runner.name(), guestCase, flavour, result.stderrText())
                .isEqualTo(guestCase.expectedStatus());
        try (Stream<Path> left = Files.list(cwd)) {
            assertThat(left)
                    .as("files %s left in its working directory", guestCase)
                    .isEmpty();
        }
    }
}
