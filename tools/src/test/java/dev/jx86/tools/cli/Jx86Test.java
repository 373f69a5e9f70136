package dev.jx86.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class Jx86Test {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Jx86.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionNamesTheProjectAndTheJvm() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("jx86 ").contains("JVM: ");
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("disasm");
    }

    @Test
    void anUnknownFlagIsOneLineAndAHint() {
        assertThat(run("--no-such-flag")).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(2);
        assertThat(err.toString()).startsWith("jx86: Unknown option: '--no-such-flag'");
    }
}
