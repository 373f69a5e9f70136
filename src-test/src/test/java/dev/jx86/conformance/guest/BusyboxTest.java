package dev.jx86.conformance.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfSegment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
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
                new Applet("gzip -9", List.of("gzip", "-9", "-c", "input.txt"), ""),
                new Applet("gzip -1 stdin", List.of("gzip", "-1"), "to be or not to be, ".repeat(300)),
                new Applet("gunzip", List.of("gunzip", "-c", "input.txt.gz"), ""),
                new Applet("bzip2", List.of("bzip2", "-c", "input.txt"), ""),
                new Applet("bunzip2", List.of("bunzip2", "-c", "input.txt.bz2"), ""),
                new Applet("sort -n", List.of("sort", "-n"), "10\n-2.5\n3e2\n007\n1k\n-0\n  42 apples\n9\n"),
                new Applet(
                        "sed substitute, addresses",
                        List.of("sed", "-e", "2,4s/\\([a-z]*\\) \\([0-9]*\\)/\\2-\\1/g", "-e", "/7/d", "words.txt"),
                        ""),
                new Applet("sed hold space", List.of("sed", "-n", "1!G;h;$p", "words.txt"), ""),
                new Applet(
                        "sed ranges, y, a",
                        List.of("sed", "-e", "/beta/,/delta/{s/a/A/g;y/lt/LT/}", "-e", "$a\\the end", "words.txt"),
                        ""),
                new Applet("grep -E -c", List.of("grep", "-E", "-c", "a{2}|[0-9]{3,}", "words.txt"), ""),
                new Applet("grep -v -i", List.of("grep", "-v", "-i", "ALPHA\\|Gamma", "words.txt"), ""),
                new Applet("grep -n -o", List.of("grep", "-n", "-o", "-E", "[0-9]+", "input.txt"), ""),
                new Applet(
                        "factor",
                        List.of(
                                "factor",
                                "18446744073709551615",
                                "9223372036854775807",
                                "600851475143",
                                "4294967291",
                                "1000000007"),
                        ""),
                new Applet(
                        "awk numbers and strings",
                        List.of(
                                "awk",
                                "BEGIN { print \"3.5e2abc\" + 0, \" 12.5 \" * 2, \"1e300\" * 1e10, -\"1e300\" * 1e10,"
                                        + " 10 % 3.5, -7 % 3, int(-3.7), int(\"42.9z\"), 1/3, 0.1 + 0.2, 1e16 + 1,"
                                        + " 2147483648 * 3, \"0x1A\" + 0, \".5\" + \"-.25\", 1e-320 * 1;"
                                        + " printf \"%.17g %e %g %G %.3e %5.1f|%-8.2g|%d %i %c %x %o\\n\", 0.1 * 3,"
                                        + " 1/7, 1e-5, 123456789012, -0.0005, 99.95, 0.000123456, 2147483648 + 0.5, -2.5,"
                                        + " 65, 255.9, 8 }"),
                        ""),
                new Applet(
                        "awk series",
                        List.of(
                                "awk",
                                "BEGIN { s = 0; for (k = 0; k < 3000; k++) s += (k % 2 ? -4 : 4) / (2 * k + 1);"
                                        + " x = 1; for (i = 0; i < 60; i++) x = x / 2 + 1 / x;"
                                        + " printf \"%.15f %.17g %.6e\\n\", s, x, s * 1e-300 / 1e10 }"),
                        ""),
                new Applet(
                        "awk statistics",
                        List.of(
                                "awk",
                                "{ s += $1; ss += $1 * $1; n++; if ($1 > max || n == 1) max = $1 } END { m = s / n;"
                                        + " printf \"n=%d sum=%.10g mean=%.10g var=%.10g max=%g\\n\", n, s, m,"
                                        + " ss / n - m * m, max }"),
                        "1.5\n2.25\n-3e2\n0.125\n1e-3\n7\n"),
                new Applet(
                        "printf %e %g edges",
                        List.of(
                                "printf",
                                "%e %g %g %#g %g %g %.17g %G %E %.0e %g\\n",
                                "0",
                                "1e-300",
                                "123456789",
                                "1.5",
                                "1e100",
                                "-0",
                                "0.1",
                                "1e-10",
                                "12345.678",
                                "2.5",
                                "5e-324"),
                        ""),
                new Applet(
                        "dc precision",
                        List.of("dc"),
                        "20 k 2 v p 1 7 / p 3 2 ^ p 12345678901234567890 987654321 * p 5 k 22 7 / p 2 40 ^ p\n"),
                new Applet("seq tenths", List.of("seq", "-s", " ", "0.1", "0.1", "1"), ""),
                new Applet("seq 1 0.1 2", List.of("seq", "-s", " ", "1", "0.1", "2"), ""),
                new Applet("seq negative first", List.of("seq", "-s", ",", "--", "-1", "0.25", "0.5"), ""),
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
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("input.txt.gz")))) {
            gz.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("words.txt"), "alpha 1\nbeta 22\ngamma 333\ndelta 4444\nepsilon 7\n");
    }

    /** The bzip2 file bunzip2 reads, made by the native busybox (Java has no bzip2), or not at all without one. */
    private static void bzip2Input(Path busybox) throws IOException, InterruptedException {
        Path bz2 = dir.resolve("input.txt.bz2");
        if (Files.exists(bz2)) return;
        Process p = new ProcessBuilder(busybox.toString(), "bzip2", "-k", "input.txt")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("native bzip2 -k: %s", log).isZero();
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
        bzip2Input(busybox);
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
