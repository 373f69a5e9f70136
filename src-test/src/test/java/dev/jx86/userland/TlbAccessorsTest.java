package dev.jx86.userland;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compiled code's other memory path, the TLB accessors a host without flat memory uses (docs/memory.md): this JVM
 * has flat memory, so a child JVM asked for the TLB ({@code -Djx86.noFlatMemory=true}) runs a guest program with
 * every block compiled, and its output must be the program's native output.
 */
class TlbAccessorsTest {
    private static final Path PROGRAM = Path.of("guest/bin/glibc-static/hash");

    @Test
    void aProgramCompiledWithTheTlbAccessorsRunsAsNatively() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROGRAM), PROGRAM + " is not built (make -C src-test/guest)");
        String expected = output(List.of(PROGRAM.toString()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String actual = output(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Djx86.noFlatMemory=true",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.jx86.tools.cli.Jx86",
                "run",
                "--tier",
                "1",
                PROGRAM.toString()));
        assertThat(actual).isEqualTo(expected).contains("hash: ok");
    }

    private static String output(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("%s finished", command)
                .isTrue();
        assertThat(process.exitValue()).as("%s exit status", command).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
