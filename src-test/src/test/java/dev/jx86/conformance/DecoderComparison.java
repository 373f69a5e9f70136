package dev.jx86.conformance;

import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfHeader;
import dev.jx86.runtime.elf.ElfSection;
import dev.jx86.x86.decode.Decoded;
import dev.jx86.x86.decode.Decoder;
import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Mode;
import dev.jx86.x86.disasm.Disassembler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Compares jx86's decoder and disassembler with GNU objdump: objdump lists the instructions, jx86
 * decodes at each of objdump's addresses, and the two are compared by boundary (length) and by text
 * after {@link #normalize}. Instructions of a {@link KnownDifferences} class are counted apart.
 */
final class DecoderComparison {
    private static final Pattern COMMENT = Pattern.compile("\\s+#.*$");
    private static final Pattern SYMBOL = Pattern.compile("\\s*<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A bare hex branch target as the last operand (objdump's ELF style), which must contain a digit. */
    private static final Pattern BARE_TARGET = Pattern.compile("^(\\S.*\\s)([0-9a-f]*[0-9][0-9a-f]*)$");

    /** Words objdump prints before the mnemonic; they do not name a category. */
    private static final Set<String> PREFIXES = Set.of(
            "lock",
            "rep",
            "repz",
            "repnz",
            "repe",
            "repne",
            "data16",
            "data32",
            "addr16",
            "addr32",
            "cs",
            "ds",
            "es",
            "fs",
            "gs",
            "ss",
            "notrack",
            "bnd",
            "xacquire",
            "xrelease",
            "{vex}",
            "{vex3}",
            "{evex}");

    private final KnownDifferences known;

    DecoderComparison(KnownDifferences known) {
        this.known = known;
    }

    /** objdump's and jx86's text in one form: white space collapsed, annotations dropped, targets as 0x. */
    static String normalize(String text) {
        String t = COMMENT.matcher(text).replaceAll("");
        t = SYMBOL.matcher(t).replaceAll("");
        t = SPACES.matcher(t.strip()).replaceAll(" ");
        return BARE_TARGET.matcher(t).replaceAll("$10x$2");
    }

    /**
     * Compares the files on {@code threads} threads (objdump runs beside the decoder) into {@code tally};
     * the files' results are added in list order, so the examples do not depend on timing.
     */
    void compareElf(List<Path> files, Tally tally, int threads) throws IOException {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Tally>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> {
                    Tally one = new Tally(tally.suite(), tally.examplesPerCategory());
                    compareElf(file, one);
                    return one;
                }));
            }
            for (int i = 0; i < files.size(); i++) {
                try {
                    tally.add(results.get(i).get());
                } catch (ExecutionException e) {
                    throw new IOException(files.get(i) + ": " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
    }

    /** Compares every executable section of an x86 ELF file. */
    void compareElf(Path file, Tally tally) throws IOException {
        ElfFile elf = ElfFile.read(file);
        Mode mode = elf.header().machine() == ElfHeader.EM_X86_64 ? Mode.BITS64 : Mode.BITS32;
        Map<String, ElfSection> sections = new HashMap<>();
        Map<String, byte[]> contents = new HashMap<>();
        for (ElfSection s : elf.sections()) {
            if (s.executable() && s.hasContents()) {
                sections.put(s.name(), s);
            }
        }
        Decoder decoder = new Decoder(mode);
        Disassembler disassembler = Disassembler.objdump().withSymbols(address -> null);
        String name = file.getFileName().toString();
        for (ObjdumpListing.Line line : ObjdumpListing.elf(file)) {
            ElfSection section = sections.get(line.section());
            if (section == null) {
                continue;
            }
            byte[] code = contents.computeIfAbsent(line.section(), n -> elf.contents(section));
            long offset = line.address() - section.address();
            if (offset < 0 || offset + line.bytes().length > code.length) {
                continue;
            }
            compare(tally, mode, decoder, disassembler, code, (int) offset, line, name);
        }
    }

    /** Compares flat machine code decoded in {@code mode} from address 0. */
    void compareFlat(byte[] code, Mode mode, String name, Tally tally) throws IOException {
        Path file = Files.createTempFile("jx86-flat", ".bin");
        try {
            Files.write(file, code);
            compareFlat(file, code, mode, name, tally);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Compares a flat binary file decoded in {@code mode} from address 0. */
    void compareFlat(Path file, Mode mode, Tally tally) throws IOException {
        compareFlat(file, Files.readAllBytes(file), mode, file.getFileName().toString(), tally);
    }

    private void compareFlat(Path file, byte[] code, Mode mode, String name, Tally tally) throws IOException {
        Decoder decoder = new Decoder(mode);
        Disassembler disassembler = Disassembler.objdump();
        List<ObjdumpListing.Line> lines = ObjdumpListing.flat(file, mode);
        for (ObjdumpListing.Line line : lines) {
            if (line.address() + line.bytes().length <= code.length) {
                compare(tally, mode, decoder, disassembler, code, (int) line.address(), line, name);
            }
        }
    }

    private void compare(
            Tally tally,
            Mode mode,
            Decoder decoder,
            Disassembler disassembler,
            byte[] code,
            int offset,
            ObjdumpListing.Line line,
            String name) {
        tally.instructions++;
        String theirs = normalize(line.text());
        String hex = HexFormat.ofDelimiter(" ").formatHex(line.bytes());
        KnownDifferences.Difference difference = known.find(mode, theirs, hex);
        if (difference != null) {
            tally.known.merge(difference.id(), 1L, Long::sum);
            if (difference.compare() == KnownDifferences.Compare.NONE) {
                return;
            }
        }
        Decoded decoded;
        int length;
        String ours;
        String jx86Mnemonic;
        try {
            decoded = decoder.decode(code, offset, code.length, line.address());
            length = decoded.length();
            ours = normalize(disassembler.format(decoded));
            jx86Mnemonic = decoded instanceof Instruction i ? i.mnemonic().text() : "(bad)";
        } catch (RuntimeException e) {
            tally.exceptions++;
            tally.boundariesCompared++;
            tally.textsCompared++;
            String category = "jx86 threw " + e.getClass().getSimpleName();
            tally.mismatch(category, example(name, line, hex, theirs, e.toString(), 0));
            return;
        }
        boolean boundaryAgrees = length == line.bytes().length;
        tally.boundariesCompared++;
        if (boundaryAgrees) {
            tally.boundariesAgree++;
        } else if (!(decoded instanceof Instruction) && theirs.endsWith("(bad)")) {
            tally.bothInvalidBoundaries++;
        }
        boolean textCompared = difference == null;
        boolean textAgrees = theirs.equals(ours);
        if (textCompared) {
            tally.textsCompared++;
            if (textAgrees) {
                tally.textsAgree++;
            }
        }
        if (!boundaryAgrees || textCompared && !textAgrees) {
            String category = (boundaryAgrees ? "text: " : "length: ") + category(theirs, jx86Mnemonic);
            tally.mismatch(category, example(name, line, hex, theirs, ours, length));
        }
    }

    private static Tally.Example example(
            String name, ObjdumpListing.Line line, String hex, String theirs, String ours, int length) {
        String where =
                name + (line.section() == null ? "" : ":" + line.section()) + "@" + Long.toHexString(line.address());
        return new Tally.Example(where, hex, theirs, ours, length);
    }

    /** objdump's mnemonic (the first word that is not a prefix), or for its (bad) also jx86's. */
    static String category(String objdumpText, String jx86Mnemonic) {
        String mnemonic = objdumpText;
        for (String word : objdumpText.split(" ")) {
            if (!PREFIXES.contains(word) && !word.startsWith("rex")) {
                mnemonic = word;
                break;
            }
        }
        if (mnemonic.equals("(bad)")) {
            return "objdump (bad), jx86 " + jx86Mnemonic;
        }
        return mnemonic.isEmpty() ? "(no text)" : mnemonic;
    }
}
