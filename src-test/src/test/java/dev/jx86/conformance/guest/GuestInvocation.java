package dev.jx86.conformance.guest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One run of a guest binary: its arguments after {@code argv[0]} (which is the binary's path), the
 * whole environment it sees, its standard input, the working directory, and how long it may take.
 */
public record GuestInvocation(
        Path binary, List<String> args, Map<String, String> env, byte[] stdin, Path cwd, Duration timeout) {
    public GuestInvocation {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        stdin = stdin.clone();
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }
}
