package dev.jx86.x86.corpora;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * One .tar.xz archive of the external oracle data ({@code jx86.oracles}/decoder), unpacked with the
 * system's tar into target/oracles once. A test that needs it is skipped, with the reason, when the
 * data or tar/xz is missing: a fresh clone has no oracle data.
 */
final class OracleArchive {
    private static final Path UNPACKED = Path.of("target", "oracles");

    private OracleArchive() {}

    /** Skips the calling test, saying why on the console too: assumption messages are easy to miss. */
    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            skip(reason);
        }
    }

    private static void skip(String reason) {
        System.err.println("decoder corpus test skipped: " + reason);
        Assumptions.abort(reason);
    }

    /** The directory the archive's files are unpacked into; aborts the calling test when that is impossible. */
    static Path unpack(String fileName) {
        String oracles = System.getProperty("jx86.oracles");
        skipUnless(
                oracles != null && !oracles.isBlank(),
                "system property jx86.oracles is not set (the parent pom sets it to ../shared/oracles/data)");
        Path archive = Path.of(oracles, "decoder", fileName);
        skipUnless(
                Files.isRegularFile(archive),
                "oracle data not found: " + archive.toAbsolutePath().normalize()
                        + " (pass -Djx86.oracles=/path/to/shared/oracles/data)");
        Path directory = UNPACKED.resolve(fileName.replace(".tar.xz", ""));
        Path done = directory.resolve(".unpacked");
        try {
            if (Files.exists(done)
                    && Files.getLastModifiedTime(done).compareTo(Files.getLastModifiedTime(archive)) >= 0) {
                return directory;
            }
            Files.createDirectories(directory);
            Process tar = new ProcessBuilder(
                            "tar", "-xJf", archive.toAbsolutePath().toString(), "-C", directory.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(tar.getInputStream().readAllBytes());
            boolean finished = tar.waitFor(120, TimeUnit.SECONDS);
            skipUnless(
                    finished && tar.exitValue() == 0,
                    "could not unpack " + archive + " with tar -xJ: " + output.strip());
            Files.writeString(done, archive.toString());
            return directory;
        } catch (IOException e) {
            skip("could not run tar -xJ (are tar and xz installed?): " + e.getMessage());
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            skip("interrupted while unpacking " + archive);
            throw new AssertionError(e);
        }
    }
}
