package dev.jx86.conformance.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfSegment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Debian's busybox-static, 64-bit ({@code /bin/busybox} from the busybox-static package) and 32-bit (the i386
 * package that scripts/fetch-i386-samples unpacks): applets under jx86 give exactly the native output and exit
 * status. Neither binary was written or tuned for here.
 */
class BusyboxTest {
    static final Path BUSYBOX64 = Path.of("/bin/busybox");
    static final Path BUSYBOX32 = Path.of(
            System.getProperty("jx86.i386", System.getProperty("user.home") + "/.cache/jx86/i386"), "bin", "busybox");

    @TempDir
    static Path dir;

    /**
     * An applet with its arguments and stdin. The floating-point ones (seq, awk, printf %f, dc, sort -g) run on the
     * x87 in the i386 build, where glibc passes doubles on the x87 stack.
     */
    record Applet(String name, List<String> args, String stdin) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Applet> applets() {
        return List.of(
                new Applet("echo", List.of("echo", "hello,", "world"), ""),
                new Applet("echo -n -e", List.of("echo", "-n", "-e", "a\\tb\\n"), ""),
                new Applet("cat stdin", List.of("cat"), "line one\nline two\n"),
                new Applet("cat file", List.of("cat", "input.txt"), ""),
                new Applet("wc", List.of("wc", "input.txt"), ""),
                new Applet("wc -l stdin", List.of("wc", "-l"), "a\nb\nc\n"),
                new Applet("md5sum", List.of("md5sum", "input.txt"), ""),
                new Applet("sha1sum", List.of("sha1sum", "input.txt"), ""),
                new Applet("sha256sum", List.of("sha256sum", "input.txt"), ""),
                new Applet("sha512sum", List.of("sha512sum", "input.txt"), ""),
                new Applet("expr arithmetic", List.of("expr", "7", "*", "6", "+", "100", "/", "7"), ""),
                new Applet("expr zero", List.of("expr", "0", "+", "0"), ""),
                new Applet("expr match", List.of("expr", "hello123", ":", "[a-z]*"), ""),
                new Applet("false", List.of("false"), ""),
                new Applet("true", List.of("true"), ""),
                new Applet("head", List.of("head", "-n", "2", "input.txt"), ""),
                new Applet("tail", List.of("tail", "-n", "3", "input.txt"), ""),
                new Applet("tr", List.of("tr", "a-z", "A-Z"), "shout this\n"),
                new Applet("sort", List.of("sort", "-r"), "pear\napple\nfig\n"),
                new Applet("uniq -c", List.of("uniq", "-c"), "a\na\nb\nc\nc\nc\n"),
                new Applet("cut", List.of("cut", "-d", " ", "-f", "2,4"), "one two three four\n"),
                new Applet("od", List.of("od", "-A", "x", "-t", "x1z"), "binary\u0001\u0002\n"),
                new Applet("base64", List.of("base64"), "any carnal pleasure.\n"),
                new Applet("basename", List.of("basename", "/usr/lib/libc.so.6", ".6"), ""),
                new Applet("printf", List.of("printf", "%5d|%-4s|%x\\n", "42", "ab", "255"), ""),
                new Applet("seq", List.of("seq", "1", "3", "30"), ""),
                new Applet("seq fractions", List.of("seq", "-s", ",", "0.5", "0.25", "3"), ""),
                new Applet("seq -w", List.of("seq", "-w", "8", "12"), ""),
                new Applet("seq negative step", List.of("seq", "2.5", "-0.75", "-1"), ""),
                new Applet(
                        "awk floating point",
                        List.of(
                                "awk",
                                "BEGIN { x = 0; for (i = 1; i <= 200; i++) x += 1/i;"
                                        + " printf \"%.10f %g %e %d\\n\", x, x * 1e10, x / 7, x * 1000 }"),
                        ""),
                new Applet(
                        "awk fields",
                        List.of(
                                "awk",
                                "{ s = 0; for (i = 1; i <= NF; i++) s += $i * $i; print s, s / NF, int(s), s % 7 }"),
                        "1.5 2.25 3e3 -0.125\n"),
                new Applet(
                        "printf %f %e %g",
                        List.of("printf", "%f %e %g %.3f\\n", "3.14159", "2.5e10", "0.0001", "1.0005"), ""),
                new Applet("dc", List.of("dc"), "3 k 1 3 / p 2 v p 1.5 2.25 * p\n"),
                new Applet("sort -g", List.of("sort", "-g"), "10\n2.5\n-3e2\n0.125\n"),
                new Applet("no such file", List.of("cat", "missing.txt"), ""));
    }

    static Stream<Arguments> runs() {
        List<Arguments> all = new ArrayList<>();
        for (String tier : Jx86CommandRunner.TIERS) {
            for (String bits : List.of("64", "32")) {
                for (Applet a : applets()) {
                    all.add(Arguments.of(tier, bits, a));
                }
            }
        }
        return all.stream();
    }

    @BeforeAll
    static void input() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append("line ")
                    .append(i)
                    .append(" of the input: ")
                    .append(Integer.toHexString(i * 7919))
                    .append('\n');
        }
        Files.writeString(dir.resolve("input.txt"), text);
    }

    @ParameterizedTest(name = "tier {0}, {1}-bit: {2}")
    @MethodSource("runs")
    void appletMatchesNative(String tier, String bits, Applet applet) throws Exception {
        Path busybox = bits.equals("64") ? BUSYBOX64 : BUSYBOX32;
        assumeTrue(
                Files.isExecutable(busybox),
                busybox + " is missing (apt-get install busybox-static; scripts/fetch-i386-samples)");
        assumeTrue(
                ElfFile.read(busybox).segments().stream().noneMatch(s -> s.type() == ElfSegment.PT_INTERP),
                busybox + " is dynamically linked (install busybox-static)");
        GuestInvocation invocation = new GuestInvocation(
                busybox,
                applet.args(),
                Map.of(),
                applet.stdin().getBytes(StandardCharsets.UTF_8),
                dir,
                Duration.ofMinutes(2));
        GuestResult expected = new NativeRunner().run(invocation);
        // the first applet through the command line (a JVM of its own), the others in this JVM
        GuestRunner runner =
                applet.equals(applets().getFirst()) ? new Jx86CommandRunner(tier) : new InProcessRunner(tier);
        GuestResult actual = runner.run(invocation);
        assertThat(actual.stdoutText())
                .as("stdout; stderr was: %s", actual.stderrText())
                .isEqualTo(expected.stdoutText());
        assertThat(actual.status())
                .as("exit status; stderr was: %s", actual.stderrText())
                .isEqualTo(expected.status());
    }
}
