package dev.jx86.conformance.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The guest program suite on disk ({@code src-test/guest}, see its README.md): the cases with their
 * inputs and expected results, and the flavours, each a directory {@code bin/FLAVOUR} with one entry
 * per program it has (in the multi-call flavours, links to one binary).
 */
public final class GuestSuite {
    private final Path root;

    public GuestSuite(Path root) {
        this.root = root;
    }

    /**
     * The suite of this source tree: {@code -Djx86.guests=DIR} if given, else {@code guest} in the
     * working directory (surefire runs in the module's directory), else under {@code -Djx86.root}.
     */
    public static GuestSuite locate() {
        String configured = System.getProperty("jx86.guests");
        if (configured != null) return new GuestSuite(Path.of(configured));
        Path local = Path.of("guest");
        if (Files.isRegularFile(local.resolve("cases"))) return new GuestSuite(local.toAbsolutePath());
        String repository = System.getProperty("jx86.root", ".");
        return new GuestSuite(Path.of(repository, "src-test", "guest").toAbsolutePath());
    }

    public Path root() {
        return root;
    }

    /** The flavour directories' names, sorted. */
    public List<String> flavours() {
        try (Stream<Path> dirs = Files.list(root.resolve("bin"))) {
            return dirs.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path binary(String flavour, String program) {
        return root.resolve("bin").resolve(flavour).resolve(program);
    }

    public boolean has(String flavour, String program) {
        return Files.isRegularFile(binary(flavour, program));
    }

    /** Every case of the {@code cases} file, in its order. */
    public List<GuestCase> cases() {
        try {
            List<GuestCase> cases = new ArrayList<>();
            for (String line : Files.readAllLines(root.resolve("cases"))) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
                String[] fields = trimmed.split("\\s+");
                boolean byFlavour = fields.length == 3 && fields[2].equals("by-flavour");
                if (fields.length != 2 && !byFlavour) {
                    throw new IOException("cases: expected CASE PROGRAM [by-flavour], got: " + line);
                }
                cases.add(load(fields[0], fields[1], byFlavour));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code c} as {@code flavour} must run it: a by-flavour case's expected output is {@code
     * expected/CASE.FLAVOUR.out}.
     */
    public GuestCase forFlavour(GuestCase c, String flavour) {
        Path own = root.resolve("expected").resolve(c.id() + "." + flavour + ".out");
        if (!Files.exists(own)) {
            return c;
        }
        try {
            return new GuestCase(
                    c.id(), c.program(), c.args(), c.env(), c.stdin(), Files.readAllBytes(own), c.expectedStatus());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private GuestCase load(String id, String program, boolean byFlavour) throws IOException {
        Path input = root.resolve("input");
        Path expected = root.resolve("expected");
        List<String> args = lines(input.resolve(id + ".args"));
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : lines(input.resolve(id + ".env"))) {
            int eq = entry.indexOf('=');
            if (eq <= 0) throw new IOException(id + ".env: not NAME=VALUE: " + entry);
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        Path stdinFile = input.resolve(id + ".stdin");
        byte[] stdin = Files.exists(stdinFile) ? Files.readAllBytes(stdinFile) : new byte[0];
        // A by-flavour case has no shared expected output; forFlavour supplies each flavour's.
        byte[] stdout = byFlavour ? new byte[0] : Files.readAllBytes(expected.resolve(id + ".out"));
        int status = Integer.parseInt(
                Files.readString(expected.resolve(id + ".status")).strip());
        return new GuestCase(id, program, args, env, stdin, stdout, status);
    }

    /** The lines of a file as bash's {@code mapfile -t} reads them; none when the file is absent. */
    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }
}
