package dev.jx86.conformance.guest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code src-test/guest/cases} with its inputs and the result recorded from native runs:
 * the program to run, its arguments, its whole environment, its standard input, the expected
 * standard output and exit status.
 */
public record GuestCase(
        String id,
        String program,
        List<String> args,
        Map<String, String> env,
        byte[] stdin,
        byte[] expectedStdout,
        int expectedStatus) {
    public GuestCase {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        stdin = stdin.clone();
        expectedStdout = expectedStdout.clone();
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    @Override
    public byte[] expectedStdout() {
        return expectedStdout.clone();
    }

    /** The expected standard output as text, decoded as {@link GuestResult#stdoutText()} decodes. */
    public String expectedStdoutText() {
        return new String(expectedStdout, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return id;
    }
}
