package dev.jx86.x86.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.disasm.Disassembler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files for the decoder and disassembler: each case in {@code src/test/resources/filetests/decode/*.txt}
 * is a mode, hex bytes and the expected length and objdump-style text (docs/testing.md describes the
 * format). With {@code -Dbless=true} the expected parts are rewritten from what the decoder does now,
 * so that a change in output shows up as a diff to review instead of a failure to chase.
 */
class DecoderGoldenFilesTest {
    private static final Path DIRECTORY = Path.of("src/test/resources/filetests/decode");
    private static final Pattern CASE = Pattern.compile(
            "^(?<left>\\s*(?<mode>16|32|64):\\s*(?<hex>[0-9A-Fa-f][0-9A-Fa-f ]*?))\\s*(?:=>(?<expected>.*))?$");
    private static final long ADDRESS = 0;
    private static final int ARROW_COLUMN = 36;

    @TestFactory
    Stream<DynamicContainer> decodesAsTheGoldenFilesSay() throws IOException {
        boolean bless = Boolean.getBoolean("bless");
        List<Path> files;
        try (Stream<Path> listing = Files.list(DIRECTORY)) {
            files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).as("golden files under " + DIRECTORY.toAbsolutePath()).isNotEmpty();
        return files.stream()
                .map(file ->
                        DynamicContainer.dynamicContainer(file.getFileName().toString(), check(file, bless).stream()));
    }

    private static List<DynamicTest> check(Path file, boolean bless) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DynamicTest> tests = new ArrayList<>();
        List<String> blessed = new ArrayList<>(lines.size());
        String name = file.getFileName().toString();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = name + ":" + (i + 1);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                blessed.add(line);
                continue;
            }
            Matcher m = CASE.matcher(line);
            if (!m.matches()) {
                blessed.add(line);
                tests.add(DynamicTest.dynamicTest(where + " (malformed)", () -> {
                    throw new AssertionError(where + ": not a case (MODE: HEX => LENGTH TEXT): " + line);
                }));
                continue;
            }
            String hex = m.group("hex").strip();
            String actual = describe(Mode.ofBits(Integer.parseInt(m.group("mode"))), hex);
            String expected =
                    m.group("expected") == null ? null : m.group("expected").strip();
            blessed.add(padded(m.group("left").stripTrailing()) + " => " + actual);
            String displayName = where + "  " + m.group("mode") + ": " + hex;
            tests.add(DynamicTest.dynamicTest(displayName, () -> {
                if (!bless) {
                    assertThat(actual)
                            .as(where + " (run with -Dbless=true to accept the new output)")
                            .isEqualTo(expected);
                }
            }));
        }
        if (bless && !blessed.equals(lines)) {
            try {
                Files.write(file, blessed, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tests;
    }

    /** Lines the arrows up for reading when the bytes are short. */
    private static String padded(String left) {
        return left.length() >= ARROW_COLUMN ? left : left + " ".repeat(ARROW_COLUMN - left.length());
    }

    /** The expected part of a case: length, text, and for invalid bytes the reason. */
    static String describe(Mode mode, String hex) {
        byte[] code = HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
        Decoded decoded = new Decoder(mode).decode(code, 0, ADDRESS);
        String text = Disassembler.objdump().format(decoded).stripTrailing();
        String described = decoded.length() + " " + text;
        return decoded instanceof Invalid invalid
                ? described + " " + invalid.reason().name()
                : described;
    }
}
