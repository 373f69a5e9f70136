package dev.jx86.conformance;

import dev.jx86.x86.decode.Mode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs GNU objdump and parses its instruction lines. Always with {@code -w} (one line per instruction,
 * however many bytes: without it long byte lists wrap onto continuation lines) and {@code -z} (zero
 * runs are disassembled rather than elided as {@code ...}).
 */
final class ObjdumpListing {
    /** {@code <address>:<TAB><bytes><TAB><text>}; the text is missing for a lone byte objdump could not place. */
    private static final Pattern LINE =
            Pattern.compile("^ *([0-9a-f]+):\t([0-9a-f]{2}(?: [0-9a-f]{2})*) *(?:\t(.*))?$");

    private static final Pattern SECTION = Pattern.compile("^Disassembly of section (.*):$");

    /** One instruction as objdump printed it; {@code section} is null for flat binaries. */
    record Line(String section, long address, byte[] bytes, String text) {}

    private ObjdumpListing() {}

    /** Whether objdump can be run at all. */
    static boolean available() {
        return version() != null;
    }

    /** The first line of {@code objdump --version}, or null when it cannot be run. */
    static String version() {
        try {
            Process p = new ProcessBuilder("objdump", "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            return ok ? out.lines().findFirst().orElse("objdump") : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code objdump -d} of every executable section of an ELF file. */
    static List<Line> elf(Path file) throws IOException {
        return run(List.of("objdump", "-d", "-w", "-z", "-M", "intel", file.toString()));
    }

    /** {@code objdump -D -b binary} of a flat binary decoded in {@code mode} from address 0. */
    static List<Line> flat(Path file, Mode mode) throws IOException {
        String machine = switch (mode) {
            case BITS16 -> "i8086";
            case BITS32 -> "i386";
            case BITS64 -> "i386:x86-64";
        };
        return run(List.of("objdump", "-D", "-b", "binary", "-m", machine, "-w", "-z", "-M", "intel", file.toString()));
    }

    private static List<Line> run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Line> lines = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        String section = null;
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String s = in.readLine(); s != null; s = in.readLine()) {
                Matcher m = LINE.matcher(s);
                if (m.matches()) {
                    long address = Long.parseUnsignedLong(m.group(1), 16);
                    byte[] bytes = hex.parseHex(m.group(2).replace(" ", ""));
                    String text = m.group(3) == null ? "" : m.group(3);
                    lines.add(new Line(section, address, bytes, text));
                    continue;
                }
                Matcher header = SECTION.matcher(s);
                if (header.matches()) {
                    section = header.group(1);
                }
            }
        }
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException(
                        String.join(" ", command) + " failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for objdump", e);
        }
        return lines;
    }
}
