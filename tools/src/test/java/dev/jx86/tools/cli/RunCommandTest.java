package dev.jx86.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jx86 run}'s answers to bad input: one line on stderr and a failing status, never a stack trace. */
class RunCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Jx86.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aMissingProgram() {
        assertThat(run("run", dir.resolve("nope").toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("jx86: " + dir.resolve("nope") + ": no such file or directory\n");
    }

    @Test
    void aDirectory() {
        assertThat(run("run", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("jx86: " + dir + ": is a directory\n");
    }

    @Test
    void aFileThatIsNotElf() throws IOException {
        Path script = Files.writeString(dir.resolve("script"), "#!/bin/sh\necho hi\n");
        assertThat(run("run", script.toString())).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("jx86: " + script + ": not an ELF file")
                .doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void aTierThatDoesNotExist() throws IOException {
        Path script = Files.writeString(dir.resolve("script"), "x");
        assertThat(run("run", "--tier", "7", script.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("jx86: unknown --tier 7; tiers: 0, 1, mixed" + System.lineSeparator());
    }

    @Test
    void aHotThresholdBelowOne() throws IOException {
        Path script = Files.writeString(dir.resolve("script"), "x");
        assertThat(run("run", "--hot-threshold", "0", script.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("jx86: --hot-threshold must be at least 1" + System.lineSeparator());
    }

    @Test
    void anUnknownLogItem() throws IOException {
        assertThat(run("run", "-d", "everything", "prog")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("jx86: unknown -d item 'everything'; try -d help\n");
    }

    @Test
    void reportFilesWithoutAProfile() {
        assertThat(run("run", "--json", dir.resolve("p.json").toString(), "prog"))
                .isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("jx86: --json and --html write a profile: add --profile, or use 'jx86 profile'\n");
    }

    @Test
    void aBadProfileOption() {
        assertThat(run("profile", "--top", "0", "prog")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("jx86: --top must be at least 1\n");
    }

    @Test
    void aBadDfilter() {
        assertThat(run("run", "-dfilter", "0x10..zz", "prog")).isEqualTo(1);
        assertThat(err.toString()).startsWith("jx86: bad -dfilter range '0x10..zz'");
    }

    @Test
    void noProgram() {
        assertThat(run("run")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("jx86: no program to run; try 'jx86 run --help'\n");
    }

    @Test
    void optionsAfterTheProgramAreTheGuests() throws IOException {
        Path script = Files.writeString(dir.resolve("script"), "x");
        // --tier after the program is an argument of the guest, so the default tier is used and loading fails
        assertThat(run("run", script.toString(), "--tier", "7")).isEqualTo(1);
        assertThat(err.toString()).startsWith("jx86: " + script + ": not an ELF file");
    }
}
