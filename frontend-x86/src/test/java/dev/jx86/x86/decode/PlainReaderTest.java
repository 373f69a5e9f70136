package dev.jx86.x86.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfSection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plain reader (the decoder's fast path) against the general reader: wherever the plain reader
 * decodes, at every byte offset of real and random code, both give equal instructions. The other
 * decoder tests mostly decode short byte strings, which the plain reader leaves alone (it wants
 * {@link Decoder#MAX_LENGTH} bytes), so this is where its results are checked; the objdump agreement
 * tests check both through whole binaries.
 */
class PlainReaderTest {
    private static final int MAX_BYTES = 1 << 20;
    private static final Path GOLDEN_FILES = Path.of("src/test/resources/filetests/decode");

    @Test
    void agreesWithTheGeneralReaderOnRealCode64() throws IOException {
        Path libjvm = Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so");
        assumeThat(Files.isRegularFile(libjvm)).as("the JDK's libjvm.so").isTrue();
        Tally tally = compareEveryOffset(Mode.BITS64, text(libjvm));
        // Most of compiled x86-64 code is plain: a run where the plain reader decodes little tests little.
        assertThat(tally.plainShare()).as(tally.toString()).isGreaterThan(0.5);
    }

    @Test
    void agreesWithTheGeneralReaderOnRealCode32() throws IOException {
        Path libc = List.of(
                        Path.of("/usr/lib32/libc.so.6"),
                        Path.of("/usr/lib/i386-linux-gnu/libc.so.6"),
                        Path.of(System.getProperty("user.home"), ".cache/jx86/i386/lib/libc.so.6"))
                .stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(null);
        assumeThat(libc).as("a 32-bit libc.so.6 (gcc-multilib)").isNotNull();
        byte[] code = text(libc);
        Tally tally = compareEveryOffset(Mode.BITS32, code);
        assertThat(tally.plainShare()).as(tally.toString()).isGreaterThan(0.5);
        // No 16-bit corpus at hand: the same bytes read as 16-bit code still have its operand and
        // address sizes, its ModRM forms and its prefixes.
        Tally as16 = compareEveryOffset(Mode.BITS16, code);
        assertThat(as16.plainShare()).as("16-bit " + as16).isGreaterThan(0.3);
    }

    @Test
    void agreesWithTheGeneralReaderOnRandomBytes() {
        for (Mode mode : Mode.values()) {
            byte[] code = new byte[1 << 20];
            new Random(mode.bits()).nextBytes(code);
            Tally tally = compareEveryOffset(mode, code);
            assertThat(tally.plainShare()).as(mode + " " + tally).isGreaterThan(0.2);
        }
    }

    @Test
    void agreesOnTheGoldenCasesPadded() throws IOException {
        // The golden files' byte strings are exactly one instruction long, so only the general reader
        // decodes them there. With the bytes of an instruction followed by 15 more, the decoder must
        // give the same instruction, through the plain reader where it takes it.
        Pattern goldenCase = Pattern.compile("^\\s*(16|32|64):\\s*([0-9A-Fa-f][0-9A-Fa-f ]*?)\\s*(?:=>.*)?$");
        List<Path> files;
        try (Stream<Path> listing = Files.list(GOLDEN_FILES)) {
            files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        int instructions = 0;
        int plain = 0;
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = goldenCase.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                Mode mode = Mode.ofBits(Integer.parseInt(m.group(1)));
                byte[] code = HexFormat.of().parseHex(m.group(2).replaceAll("\\s+", ""));
                Decoder decoder = new Decoder(mode);
                if (!(decoder.decode(code, 0, 0x1000) instanceof Instruction exact)) {
                    continue; // an invalid encoding may read on into the padding (TRUNCATED before)
                }
                byte[] padded = Arrays.copyOf(code, code.length + Decoder.MAX_LENGTH);
                assertThat(decoder.decode(padded, 0, 0x1000))
                        .as("%s: %s", file.getFileName(), line.strip())
                        .isEqualTo(exact);
                instructions++;
                if (PlainReader.read(PlainTable.of(mode), padded, 0, 0x1000) != null) {
                    plain++;
                }
            }
        }
        assertThat(instructions).isGreaterThan(300);
        assertThat(plain).as("golden instructions the plain reader decodes").isGreaterThan(100);
    }

    @Test
    void leavesShortInputToTheGeneralReader() {
        // 48 8b 45 f8 (mov rax, [rbp-8]) is plain, but with fewer than 15 bytes the general reader decodes it.
        byte[] code = {0x48, (byte) 0x8b, 0x45, (byte) 0xf8};
        Decoded decoded = new Decoder(Mode.BITS64).decode(code, 0, 0x1000);
        assertThat(decoded).isEqualTo(new InstructionReader(Mode.BITS64, code, 0, code.length, 0x1000).read());
        assertThat(decoded.length()).isEqualTo(4);
    }

    /** Decodes at every offset both ways, with exactly {@link Decoder#MAX_LENGTH} bytes available. */
    private static Tally compareEveryOffset(Mode mode, byte[] code) {
        PlainTable table = PlainTable.of(mode);
        Tally tally = new Tally();
        for (int offset = 0; offset + Decoder.MAX_LENGTH <= code.length; offset++) {
            long address = 0x401000L + offset;
            int end = offset + Decoder.MAX_LENGTH;
            Instruction plain = PlainReader.read(table, code, offset, address);
            Decoded general = new InstructionReader(mode, code, offset, end, address).read();
            tally.offsets++;
            if (plain != null) {
                tally.plain++;
                if (!plain.equals(general)) {
                    String bytes = HexFormat.ofDelimiter(" ").formatHex(code, offset, end);
                    assertThat(plain)
                            .as("%s at offset %d: %s", mode, offset, bytes)
                            .isEqualTo(general);
                }
            }
        }
        return tally;
    }

    private static byte[] text(Path file) throws IOException {
        ElfFile elf = ElfFile.read(file);
        ElfSection text = elf.section(".text").orElseThrow(() -> new IOException(file + " has no .text"));
        byte[] bytes = elf.contents(text);
        return bytes.length > MAX_BYTES ? Arrays.copyOf(bytes, MAX_BYTES) : bytes;
    }

    private static final class Tally {
        long offsets;
        long plain;

        double plainShare() {
            return offsets == 0 ? 0 : (double) plain / offsets;
        }

        @Override
        public String toString() {
            return plain + " of " + offsets + " offsets decoded by the plain reader";
        }
    }
}
