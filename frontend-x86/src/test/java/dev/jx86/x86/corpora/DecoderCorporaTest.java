package dev.jx86.x86.corpora;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.decode.Decoded;
import dev.jx86.x86.decode.Decoder;
import dev.jx86.x86.decode.Invalid;
import dev.jx86.x86.decode.Mode;
import dev.jx86.x86.disasm.Disassembler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compares the decoder with other decoders' test data (docs/testing.md): GNU as's objdump listings
 * (boundaries and Intel text), zydis's cases (lengths) and iced's decoder vectors (validity and
 * lengths). Each prints a summary with the largest disagreement categories and fails when agreement
 * falls under the floor committed in decoder-corpora-ratchet.properties.
 */
class DecoderCorporaTest {
    /** How many mismatch categories a summary lists; -Djx86.corpora.top=N to see more. */
    private static final int TOP = Integer.getInteger("jx86.corpora.top", 25);

    private static final Disassembler BARE_TARGETS = Disassembler.objdump().withSymbols(address -> null);

    // ---- binutils gas testsuite: objdump -M intel listings ----

    private static final Pattern OBJDUMP_OPTIONS = Pattern.compile("^#objdump:\\s*(.*)$");
    private static final Pattern LABEL = Pattern.compile("^(0\\+)?([0-9a-f]*) <.*>:\\s*$");
    /** Offset column (a literal or a regex), colon, separator, then the rest. */
    private static final Pattern LISTING = Pattern.compile(
            "^(?:\\[ \\t\\][*+]|\\\\s[*+]| +[*+]?|\\t)*([0-9a-f]+|\\[[a-f0-9-]+\\]\\+):(?:\\t|\\[ \\t\\][*+]|\\s)*(.*)$");

    /** Bytes, then the separator (a tab, or a regex for white space such as " *\t"), then the text. */
    private static final Pattern BYTES = Pattern.compile(
            "^((?:[0-9a-f]{2} )*[0-9a-f]{2})(?=$|[ \\t\\[\\\\])[ \\t]*(?:\\[ \\t\\][*+]|\\\\s[*+]|[*+])?[ \\t]*(.*)$");

    private static final Pattern RELOCATION = Pattern.compile("\\s*[0-9a-f]+: R_[A-Z0-9_]+.*$");

    @Test
    void gasTestsuiteIntelListings() throws IOException {
        Path directory =
                OracleArchive.unpack("binutils-2.40-gas-i386-d-files.tar.xz").resolve("i386");
        Tally tally = new Tally("gas");
        int files = 0;
        int skipped = 0;
        List<Path> listings;
        try (Stream<Path> list = Files.list(directory)) {
            listings = list.filter(p -> p.toString().endsWith(".d")).sorted().toList();
        }
        for (Path file : listings) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            Mode mode = gasMode(file.getFileName().toString(), lines);
            if (mode == null) {
                skipped++;
                continue;
            }
            files++;
            compareListing(file.getFileName().toString(), lines, mode, tally);
        }
        tally.note(files + " listings disassembled with exactly -M intel (i386/x86-64), " + skipped
                + " others skipped (AT&T syntax, -M suffix/intel64/i8086/addr16/data16, no disassembly)");
        finish(tally);
    }

    /** The mode of a listing for plain -M intel disassembly, or null when it is anything else. */
    private static Mode gasMode(String name, List<String> lines) {
        String options = null;
        String as = "";
        String title = "";
        for (String line : lines) {
            Matcher m = OBJDUMP_OPTIONS.matcher(line);
            if (m.matches()) {
                options = m.group(1);
            } else if (line.startsWith("#as:")) {
                as = line.substring(4);
            } else if (line.startsWith("#name:")) {
                title = line.substring(6);
            }
        }
        if (options == null) {
            return null;
        }
        boolean disassembles = false;
        boolean intel = false;
        for (String token : options.trim().split("\\s+")) {
            if (!token.startsWith("-") || token.startsWith("--")) {
                return null;
            }
            String flags = token.substring(1);
            int m = flags.indexOf('M');
            String machineOptions = m < 0 ? null : flags.substring(m + 1);
            flags = m < 0 ? flags : flags.substring(0, m);
            if (!flags.matches("[dDrwz]*")) {
                return null;
            }
            disassembles |= flags.contains("d") || flags.contains("D");
            if (machineOptions != null) {
                if (!machineOptions.equals("intel")) {
                    return null;
                }
                intel = true;
            }
        }
        if (!disassembles || !intel) {
            return null;
        }
        // The listings do not name the object's class; the file names and titles do.
        boolean x64 = name.startsWith("x86-64")
                || name.startsWith("x86_64")
                || name.endsWith("64.d")
                || title.contains("x86-64")
                || title.contains("64-bit")
                || as.contains("--64")
                || as.contains("--x32");
        return x64 && !as.contains("--32") ? Mode.BITS64 : Mode.BITS32;
    }

    private static void compareListing(String name, List<String> lines, Mode mode, Tally tally) {
        Decoder decoder = new Decoder(mode);
        Long address = null;
        String pendingText = null;
        StringBuilder pendingBytes = new StringBuilder();
        int pendingLine = 0;
        Long pendingAddress = null;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            Matcher listing = i < lines.size() && !line.startsWith("#") ? LISTING.matcher(line) : null;
            Matcher bytes = listing != null && listing.matches() ? BYTES.matcher(listing.group(2)) : null;
            boolean isInstruction = bytes != null
                    && bytes.matches()
                    && !listing.group(2).contains("R_X86_64")
                    && !listing.group(2).contains("R_386");
            if (isInstruction && bytes.group(2).isEmpty() && pendingText != null) {
                pendingBytes.append(' ').append(bytes.group(1));
                continue;
            }
            if (pendingText != null) {
                byte[] code = HexFormat.of().parseHex(pendingBytes.toString().replace(" ", ""));
                compareInstruction(name + ":" + pendingLine, decoder, code, pendingAddress, pendingText, mode, tally);
                address = pendingAddress == null ? null : Long.valueOf(pendingAddress + code.length);
                pendingText = null;
            }
            if (i == lines.size()) {
                break;
            }
            Matcher label = LABEL.matcher(line);
            if (label.matches()) {
                address = label.group(2).isEmpty() ? 0L : Long.parseUnsignedLong(label.group(2), 16);
                continue;
            }
            if (!isInstruction) {
                if (line.startsWith("Disassembly of section")) {
                    address = 0L;
                }
                continue;
            }
            if (bytes.group(2).isEmpty()) {
                continue;
            }
            String offset = listing.group(1);
            pendingAddress = offset.startsWith("[") ? address : Long.valueOf(Long.parseUnsignedLong(offset, 16));
            pendingBytes.setLength(0);
            pendingBytes.append(bytes.group(1));
            pendingText = bytes.group(2);
            pendingLine = i + 1;
        }
    }

    private static void compareInstruction(
            String where, Decoder decoder, byte[] code, Long address, String expected, Mode mode, Tally tally) {
        Decoded decoded = decoder.decode(code, 0, address == null ? 0 : address);
        String key = OpcodeKey.of(code, mode);
        String expectedText = normalizeExpected(expected);
        boolean objdumpBad = expectedText.equals("\\(bad\\)") || expectedText.equals("(bad)");
        boolean unsupported =
                decoded instanceof Invalid invalid && invalid.reason() == Invalid.Reason.UNSUPPORTED_EXTENSION;
        boolean valid = !(decoded instanceof Invalid) || unsupported;
        boolean boundary = decoded.length() == code.length && valid != objdumpBad;
        tally.count("boundary", boundary);
        tally.count(isEvex(code, mode) ? "boundary.evex" : "boundary.nonEvex", boundary);
        String ours = normalize(BARE_TARGETS.format(decoded));
        String example = String.format(
                Locale.ROOT,
                "%s  %d: %s  objdump: %s  jx86: %d %s%s",
                where,
                mode.bits(),
                hex(code),
                expected.strip(),
                decoded.length(),
                ours,
                decoded instanceof Invalid invalid ? " " + invalid.reason().name() : "");
        if (!boundary) {
            tally.mismatch((valid ? "length   " : "invalid  ") + key, example);
            return;
        }
        if (isEvex(code, mode)) {
            return;
        }
        // Some listings match the "# address <symbol>" comment with a regex of their own: try it whole too.
        String whole = BARE_TARGETS.format(decoded).replaceAll("\\s+", " ").strip();
        String expectedWhole = RELOCATION
                .matcher(expected)
                .replaceAll("")
                .replaceAll("\\s+", " ")
                .strip();
        boolean text = matches(expectedText, ours) || matches(expectedWhole, whole);
        tally.count("text.nonEvex", text);
        if (!text) {
            tally.mismatch("text     " + key, example);
        }
    }

    private static String normalizeExpected(String text) {
        String t = RELOCATION.matcher(text).replaceAll("");
        t = t.replaceAll("\\s*#.*$", "").replaceAll("\\s*<[^>]*>", "");
        t = t.replaceAll("(\\[ \\t\\][*+])+", " ");
        return t.replaceAll("\\s+", " ").strip();
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s*#.*$", "")
                .replaceAll("\\s*<[^>]*>", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** objdump's expected text is a regex with escapes; a literal comparison comes first. */
    private static boolean matches(String expected, String ours) {
        if (expected.replaceAll("\\\\(.)", "$1").equals(ours)) {
            return true;
        }
        try {
            // A literal blank stands for objdump's padding; a blank with a quantifier is already a regex.
            return Pattern.compile(expected.replaceAll(" (?![*+?{])", " +"))
                    .matcher(ours)
                    .matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** EVEX (and MVEX): 62 after the legacy prefixes, in 64-bit mode or with a register-form second byte. */
    private static boolean isEvex(byte[] code, Mode mode) {
        int i = 0;
        while (i < code.length && isLegacyPrefix(code[i] & 0xff)) {
            i++;
        }
        return i + 1 < code.length && (code[i] & 0xff) == 0x62 && (mode == Mode.BITS64 || (code[i + 1] & 0xc0) == 0xc0);
    }

    private static boolean isLegacyPrefix(int b) {
        return b == 0x26 || b == 0x2e || b == 0x36 || b == 0x3e || b == 0x64 || b == 0x65 || b == 0x66 || b == 0x67
                || b == 0xf0 || b == 0xf2 || b == 0xf3;
    }

    // ---- zydis test cases: lengths ----

    private static final Pattern ZYDIS_LENGTH = Pattern.compile("^\\s*LENGTH:\\s*(\\d+)\\s*$", Pattern.MULTILINE);

    @Test
    void zydisCaseLengths() throws IOException {
        Path directory =
                OracleArchive.unpack("zydis-85d7518d-tests-cases.tar.xz").resolve("tests/cases");
        Tally tally = new Tally("zydis");
        List<Path> inputs;
        try (Stream<Path> list = Files.list(directory)) {
            inputs = list.filter(p -> p.toString().endsWith(".in")).sorted().toList();
        }
        int knightsCorner = 0;
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            List<String> args = List.of(Files.readString(input).strip().split("\\s+"));
            if (args.contains("-knc")) {
                knightsCorner++;
                continue;
            }
            Mode mode = args.contains("-16") ? Mode.BITS16 : args.contains("-32") ? Mode.BITS32 : Mode.BITS64;
            byte[] code = HexFormat.of().parseHex(args.getLast());
            String out = Files.readString(input.resolveSibling(name.replace(".in", ".out")));
            Matcher length = ZYDIS_LENGTH.matcher(out);
            int expected = length.find() ? Integer.parseInt(length.group(1)) : -1;
            Decoded decoded = new Decoder(mode).decode(code, 0, 0);
            String group = name.substring(0, name.lastIndexOf('_'));
            compareLength(tally, group, name, mode, code, expected, decoded);
        }
        tally.note((inputs.size() - knightsCorner) + " cases (" + knightsCorner
                + " Knights Corner MVEX cases, -knc, skipped: not an objdump mode); EVEX counted as agreeing when jx86 reports the same length for"
                + " its unsupported-extension result");
        finish(tally);
    }

    /** Counts length agreement overall and for the group; expected -1 means the bytes are invalid. */
    private static void compareLength(
            Tally tally, String group, String where, Mode mode, byte[] code, int expected, Decoded decoded) {
        boolean unsupported =
                decoded instanceof Invalid invalid && invalid.reason() == Invalid.Reason.UNSUPPORTED_EXTENSION;
        boolean valid = !(decoded instanceof Invalid) || unsupported;
        boolean agree = expected < 0 ? !valid : valid && decoded.length() == expected;
        tally.count("length", agree);
        tally.count("length." + group, agree);
        if (!agree) {
            String kind = expected < 0 ? "valid    " : valid ? "length   " : "invalid  ";
            tally.mismatch(
                    kind + OpcodeKey.of(code, mode),
                    String.format(
                            Locale.ROOT,
                            "%s  %d: %s  expected %s  jx86: %d %s",
                            where,
                            mode.bits(),
                            hex(code),
                            expected < 0 ? "invalid" : "length " + expected,
                            decoded.length(),
                            decoded instanceof Invalid invalid
                                    ? "(bad) " + invalid.reason().name()
                                    : normalize(Disassembler.objdump().format(decoded))));
        }
    }

    // ---- iced decoder vectors: validity and lengths ----

    private static final List<String> ICED_FILES = List.of(
            "DecoderTest16.txt",
            "DecoderTest32.txt",
            "DecoderTestMisc16.txt",
            "DecoderTestMisc32.txt",
            "DecoderTestMisc64.txt",
            "MemoryTest16.txt",
            "MemoryTest32.txt",
            "MemoryTest64.txt");

    @Test
    void icedDecoderVectors() throws IOException {
        Path directory =
                OracleArchive.unpack("iced-8cfc5f57-unittests-intel.tar.xz").resolve("src/UnitTests/Intel/Decoder");
        Tally tally = new Tally("iced");
        int cases = 0;
        int withOptions = 0;
        for (String fileName : ICED_FILES) {
            Path file = directory.resolve(fileName);
            if (!Files.exists(file)) {
                tally.note("missing: " + fileName);
                continue;
            }
            Mode mode = Mode.ofBits(Integer.parseInt(fileName.replaceAll("\\D", "")));
            Decoder decoder = new Decoder(mode);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(",", 3);
                if (fields.length < 2) {
                    continue;
                }
                if (line.contains("decopt=")) {
                    withOptions++;
                    continue;
                }
                cases++;
                byte[] code = HexFormat.of().parseHex(fields[0].replaceAll("\\s+", ""));
                boolean icedValid = !fields[1].strip().equals("INVALID");
                Decoded decoded = decoder.decode(code, 0, 0);
                String group = isEvex(code, mode) ? "evex" : "nonEvex";
                compareLength(
                        tally, group, fileName + ":" + (i + 1), mode, code, icedValid ? code.length : -1, decoded);
            }
        }
        tally.note(cases + " vectors compared; " + withOptions
                + " that need non-default iced decoder options (decopt=) skipped; a valid vector's length is all"
                + " its bytes");
        tally.note("length: both valid with the same length, or both invalid; jx86's unsupported-extension"
                + " result (EVEX, XOP, 3DNow!) counts as valid");
        finish(tally);
    }

    private static void finish(Tally tally) {
        System.out.println(tally.summary(TOP));
        assertThat(tally.belowFloor())
                .as("agreement floors (decoder-corpora-ratchet.properties)")
                .isEmpty();
    }

    private static String hex(byte[] code) {
        return HexFormat.ofDelimiter(" ").formatHex(code);
    }
}
