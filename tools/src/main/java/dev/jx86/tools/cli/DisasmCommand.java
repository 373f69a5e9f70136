package dev.jx86.tools.cli;

import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfFormatException;
import dev.jx86.runtime.elf.ElfHeader;
import dev.jx86.runtime.elf.ElfSection;
import dev.jx86.runtime.elf.Symbolizer;
import dev.jx86.x86.decode.Decoded;
import dev.jx86.x86.decode.Decoder;
import dev.jx86.x86.decode.Mode;
import dev.jx86.x86.disasm.Disassembler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jx86 disasm}: prints the instructions of an x86 ELF file (every executable section, laid out
 * like {@code objdump -d -w -M intel}), of a flat binary or of hex bytes.
 */
@Command(
        name = "disasm",
        description = "Disassemble x86 code in the Intel syntax of objdump -M intel.",
        mixinStandardHelpOptions = true)
final class DisasmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--raw", description = "FILE is flat machine code, not ELF.")
    boolean raw;

    @Option(
            names = "--mode",
            paramLabel = "16|32|64",
            description = "Processor mode for --raw and --hex (default: 64); an ELF file's machine decides its own.")
    int mode = 64;

    @Option(
            names = "--base",
            paramLabel = "ADDR",
            description = "Address of the first byte for --raw and --hex (hex; default 0).")
    String base = "0";

    @Option(names = "--hex", paramLabel = "BYTES", description = "Disassemble these hex bytes, e.g. \"48 01 c8\".")
    String hex;

    @Option(
            names = "--at-offsets",
            paramLabel = "LIST",
            description =
                    "With --raw: decode only at the hex offsets listed one a line in LIST; print offset<TAB>text.")
    Path atOffsets;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to disassemble (ELF unless --raw).")
    Path file;

    private PrintWriter out;

    /** A problem with the input or the options, reported as one line. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        Failure(int exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }
    }

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        try {
            run();
            out.flush();
            return 0;
        } catch (Failure e) {
            out.flush();
            spec.commandLine().getErr().println("jx86 disasm: " + e.getMessage());
            return e.exitCode;
        }
    }

    private void run() throws Failure {
        Mode decodeMode;
        long address;
        try {
            decodeMode = Mode.ofBits(mode);
        } catch (IllegalArgumentException e) {
            throw new Failure(2, e.getMessage());
        }
        try {
            address = Long.parseUnsignedLong(base.startsWith("0x") ? base.substring(2) : base, 16);
        } catch (NumberFormatException e) {
            throw new Failure(2, "bad --base: " + base);
        }
        if (hex != null) {
            if (file != null) {
                throw new Failure(2, "give either FILE or --hex BYTES, not both");
            }
            byte[] code;
            try {
                code = HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
            } catch (IllegalArgumentException e) {
                throw new Failure(2, "bad hex bytes: " + hex);
            }
            flat(code, decodeMode, address);
            return;
        }
        if (file == null) {
            throw new Failure(2, "give a FILE or --hex BYTES");
        }
        byte[] image = readFile(file);
        if (raw) {
            flat(image, decodeMode, address);
            return;
        }
        if (atOffsets != null) {
            throw new Failure(2, "--at-offsets needs --raw");
        }
        elf(image);
    }

    private static byte[] readFile(Path path) throws Failure {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new Failure(1, path + ": no such file");
        } catch (IOException e) {
            throw new Failure(1, path + ": cannot read: " + e.getMessage());
        }
    }

    private void flat(byte[] code, Mode decodeMode, long address) throws Failure {
        Decoder decoder = new Decoder(decodeMode);
        Disassembler disassembler = Disassembler.objdump();
        if (atOffsets != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(atOffsets);
            } catch (IOException e) {
                throw new Failure(1, atOffsets + ": cannot read: " + e.getMessage());
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.isEmpty()) {
                    continue;
                }
                int offset;
                try {
                    offset = Integer.parseInt(line, 16);
                } catch (NumberFormatException e) {
                    offset = -1;
                }
                if (offset < 0 || offset >= code.length) {
                    throw new Failure(2, atOffsets + ":" + (i + 1) + ": not an offset into the code: " + line);
                }
                Decoded decoded = decoder.decode(code, offset, address + offset);
                out.printf("%x\t%s%n", offset, disassembler.format(decoded));
            }
            return;
        }
        instructions(code, decoder, disassembler, address);
    }

    private void elf(byte[] image) throws Failure {
        ElfFile elf;
        try {
            elf = ElfFile.parse(image);
        } catch (ElfFormatException e) {
            throw new Failure(1, file + ": " + e.getMessage() + (raw ? "" : " (use --raw for flat machine code)"));
        }
        ElfHeader header = elf.header();
        if (!header.isX86()) {
            throw new Failure(1, file + ": not an x86 ELF file (machine " + header.machine() + ")");
        }
        // The machine, not the class, fixes the mode: x32 programs are ELFCLASS32 x86-64 code.
        Mode elfMode = header.machine() == ElfHeader.EM_X86_64 ? Mode.BITS64 : Mode.BITS32;
        String format = header.machine() == ElfHeader.EM_386
                ? "elf32-i386"
                : elf.bits() == 64 ? "elf64-x86-64" : "elf32-x86-64";
        Symbolizer symbols = elf.symbolizer();
        Decoder decoder = new Decoder(elfMode);
        Disassembler disassembler =
                Disassembler.objdump().withSymbols(a -> symbols.describe(a).orElse(null));
        int addressDigits = elf.bits() == 64 ? 16 : 8;
        out.printf("%n%s:     file format %s%n%n", file, format);
        for (ElfSection section : elf.sections()) {
            if (!section.executable() || !section.hasContents() || section.size() == 0) {
                continue;
            }
            out.printf("%nDisassembly of section %s:%n", section.name());
            byte[] code = elf.contents(section);
            long start = section.address();
            for (int offset = 0; offset < code.length; ) {
                long at = start + offset;
                String label = symbols.symbolAt(at).orElse(offset == 0 ? section.name() : null);
                if (label != null) {
                    out.printf("%n%0" + addressDigits + "x <%s>:%n", at, label);
                }
                offset += line(code, offset, decoder.decode(code, offset, at), disassembler);
            }
        }
    }

    private void instructions(byte[] code, Decoder decoder, Disassembler disassembler, long address) {
        for (int offset = 0; offset < code.length; ) {
            offset += line(code, offset, decoder.decode(code, offset, address + offset), disassembler);
        }
    }

    /** Prints one instruction line as objdump -w does; returns how many bytes it took. */
    private int line(byte[] code, int offset, Decoded decoded, Disassembler disassembler) {
        int length = Math.max(1, Math.min(decoded.length(), code.length - offset));
        out.printf("%8x:\t%-21s\t%s%n", decoded.address(), bytes(code, offset, length), disassembler.format(decoded));
        return length;
    }

    /** "48 01 c8 ": each byte followed by a space, as objdump prints them. */
    private static String bytes(byte[] code, int offset, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length && offset + i < code.length; i++) {
            s.append(String.format("%02x ", code[offset + i]));
        }
        return s.toString();
    }
}
