package dev.jx86.conformance.difftest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ratchet of the differential test: the instruction families (mnemonics) known to mismatch, in
 * {@code difftest-known-mismatches.txt} (and {@code -32.txt} for 32-bit mode), one per line ({@code #} starts a comment). The CI run leaves them out and
 * fails on a mismatch in any other family; each listed family is also tried on its own, and the test reports the
 * ones that now agree so that they can be taken off the list.
 */
final class KnownMismatches {
    /** The list for 64-bit mode, or ({@code bits64} false) for 32-bit mode. */
    static String resource(boolean bits64) {
        return bits64 ? "/difftest-known-mismatches.txt" : "/difftest-known-mismatches-32.txt";
    }

    private final Set<String> families;

    private KnownMismatches(Set<String> families) {
        this.families = families;
    }

    static KnownMismatches load(boolean bits64) {
        String resource = resource(bits64);
        try (InputStream in = KnownMismatches.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            Set<String> families = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String family = line.replaceFirst("#.*", "").strip();
                if (!family.isEmpty()) {
                    families.add(family);
                }
            }
            return new KnownMismatches(families);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean contains(String family) {
        return families.contains(family);
    }

    Set<String> families() {
        return families;
    }

    /** Rewrites the list in the source tree ({@code -Dbless=true}) with exactly {@code now}. */
    static void bless(Path file, Collection<String> now) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Instruction families (decoder mnemonics) whose jx86 results differ from the host's in the\n");
        sb.append("# differential test (InstructionDifferentialTest). CI leaves them out; see docs/testing.md.\n");
        sb.append("# Take a family off when it is fixed; -Dbless=true rewrites this file from a run.\n");
        for (String family : new TreeSet<>(now)) {
            sb.append(family).append('\n');
        }
        Files.writeString(file, sb.toString());
    }
}
