package dev.jx86.tools.cli;

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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jx86 disasm}: prints the instructions of a flat binary or of hex bytes. */
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
            description = "Processor mode for --raw and --hex (default: 64).")
    int mode = 64;

    @Option(names = "--base", paramLabel = "ADDR", description = "Address of the first byte (hex; default 0).")
    String base = "0";

    @Option(names = "--hex", paramLabel = "BYTES", description = "Disassemble these hex bytes, e.g. \"48 01 c8\".")
    String hex;

    @Option(
            names = "--at-offsets",
            paramLabel = "LIST",
            description = "Decode only at the hex offsets listed one a line in LIST; print offset<TAB>text.")
    Path atOffsets;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to disassemble.")
    Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Mode decodeMode;
        long address;
        try {
            decodeMode = Mode.ofBits(mode);
            address = Long.parseUnsignedLong(base.startsWith("0x") ? base.substring(2) : base, 16);
        } catch (IllegalArgumentException e) {
            err.println(
                    "jx86 disasm: " + (e instanceof NumberFormatException ? "bad --base: " + base : e.getMessage()));
            return 2;
        }
        byte[] code;
        if (hex != null) {
            try {
                code = HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
            } catch (IllegalArgumentException e) {
                err.println("jx86 disasm: bad hex bytes: " + hex);
                return 2;
            }
        } else if (file == null) {
            err.println("jx86 disasm: give a FILE or --hex BYTES");
            return 2;
        } else {
            try {
                code = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                err.println("jx86 disasm: " + file + ": no such file");
                return 1;
            }
            if (!raw) {
                err.println("jx86 disasm: " + file + ": ELF input is not supported yet; use --raw");
                return 1;
            }
        }
        Decoder decoder = new Decoder(decodeMode);
        Disassembler disassembler = Disassembler.objdump();
        if (atOffsets != null) {
            for (String line : Files.readAllLines(atOffsets)) {
                int offset = Integer.parseInt(line.trim(), 16);
                Decoded decoded = decoder.decode(code, offset, address + offset);
                out.printf("%x\t%s%n", offset, disassembler.format(decoded));
            }
            return 0;
        }
        for (int offset = 0; offset < code.length; ) {
            Decoded decoded = decoder.decode(code, offset, address + offset);
            int length = Math.max(1, decoded.length());
            out.printf(
                    "%8x:\t%-21s\t%s%n", address + offset, bytes(code, offset, length), disassembler.format(decoded));
            offset += length;
        }
        return 0;
    }

    private static String bytes(byte[] code, int offset, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length && offset + i < code.length; i++) {
            s.append(String.format("%02x ", code[offset + i]));
        }
        return s.toString().trim();
    }
}
