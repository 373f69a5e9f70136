package dev.jx86.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DisasmCommandTest {
    private static final int EM_386 = 3;
    private static final int EM_X86_64 = 62;
    private static final int EM_AARCH64 = 183;

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

    private Path write(String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, bytes);
        return path;
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** f: call g; ret. g: jmp f+1 (into the middle of f); then a truncated call. */
    private static final String CODE = "e8 01 00 00 00 c3 e9 f6 ff ff ff e8 00";

    @Test
    void disassemblesA64BitElfLikeObjdump() throws IOException {
        Path elf = write(
                "t64",
                new TinyElf(64, EM_X86_64, 0x401000, hex(CODE))
                        .function("f", 0x401000)
                        .function("g", 0x401006)
                        .bytes());
        assertThat(run("disasm", elf.toString())).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .contains(elf + ":     file format elf64-x86-64")
                .contains("Disassembly of section .text:")
                .contains("0000000000401000 <f>:\n")
                .contains("  401000:\te8 01 00 00 00       \tcall   401006 <g>\n")
                .contains("  401005:\tc3                   \tret\n")
                .contains("\n0000000000401006 <g>:\n")
                .contains("  401006:\te9 f6 ff ff ff       \tjmp    401001 <f+0x1>\n")
                .contains("  40100b:\te8 00                \t(bad)\n");
    }

    @Test
    void disassemblesA32BitElfIn32BitMode() throws IOException {
        // In 32-bit mode 40 is inc eax, not a REX prefix.
        Path elf = write(
                "t32",
                new TinyElf(32, EM_386, 0x8048000, hex("40 66 50 e8 f8 ff ff ff"))
                        .function("_start", 0x8048000)
                        .bytes());
        assertThat(run("disasm", elf.toString())).isZero();
        assertThat(out.toString())
                .contains("file format elf32-i386")
                .contains("08048000 <_start>:\n")
                .contains(" 8048000:\t40                   \tinc    eax\n")
                .contains(" 8048001:\t66 50                \tpush   ax\n")
                .contains("\tcall   8048000 <_start>\n");
    }

    @Test
    void labelsASectionWithoutSymbolsByItsName() throws IOException {
        Path elf = write("bare", new TinyElf(64, EM_X86_64, 0x1000, hex("90 c3")).bytes());
        assertThat(run("disasm", elf.toString())).isZero();
        assertThat(out.toString()).contains("0000000000001000 <.text>:\n").contains("    1001:\tc3");
    }

    @Test
    void disassemblesHexAndRawFiles() throws IOException {
        assertThat(run("disasm", "--mode", "32", "--hex", "0f a2 c3")).isZero();
        assertThat(out.toString())
                .isEqualTo("       0:\t0f a2                \tcpuid\n       2:\tc3                   \tret\n");
        Path raw = write("code.bin", hex("48 01 c8"));
        out.getBuffer().setLength(0);
        assertThat(run("disasm", "--raw", "--base", "0x1000", raw.toString())).isZero();
        assertThat(out.toString()).isEqualTo("    1000:\t48 01 c8             \tadd    rax,rcx\n");
    }

    @Test
    void longInstructionsKeepAllTheirBytesOnOneLine() {
        assertThat(run("disasm", "--hex", "66 2e 0f 1f 84 00 00 00 00 00")).isZero();
        assertThat(out.toString())
                .isEqualTo("       0:\t66 2e 0f 1f 84 00 00 00 00 00 \tcs nop WORD PTR [rax+rax*1+0x0]\n");
    }

    @Test
    void ripRelativeDisplacementsAreUnsignedAsObjdumpPrintsThem() {
        assertThat(run("disasm", "--hex", "48 8d 05 b5 ff ff ff")).isZero();
        assertThat(out.toString())
                .isEqualTo(
                        "       0:\t48 8d 05 b5 ff ff ff \tlea    rax,[rip+0xffffffffffffffb5]        # 0xffffffffffffffbc\n");
    }

    @Test
    void decodesAtListedOffsets() throws IOException {
        Path raw = write("code.bin", hex("90 48 01 c8"));
        Path offsets = write("offsets", "1\n0\n".getBytes());
        assertThat(run("disasm", "--raw", "--at-offsets", offsets.toString(), raw.toString()))
                .isZero();
        assertThat(out.toString()).isEqualTo("1\tadd    rax,rcx\n0\tnop\n");
        Path bad = write("bad-offsets", "zz\n".getBytes());
        assertThat(run("disasm", "--raw", "--at-offsets", bad.toString(), raw.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("jx86 disasm: " + bad + ":1: not an offset into the code: zz\n");
    }

    @Test
    void aMissingFileIsOneLine() {
        assertThat(run("disasm", dir.resolve("nope").toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("jx86 disasm: " + dir.resolve("nope") + ": no such file\n");
    }

    @Test
    void aFileThatIsNotElfIsOneLineWithAHint() throws IOException {
        Path text = write("script", "#!/bin/sh\n".getBytes());
        assertThat(run("disasm", text.toString())).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo(
                        "jx86 disasm: " + text + ": not an ELF file (bad magic) (use --raw for flat machine code)\n");
    }

    @Test
    void aTruncatedElfIsOneLine() throws IOException {
        byte[] elf = new TinyElf(64, EM_X86_64, 0x1000, hex("90")).bytes();
        Path cut = write("cut", java.util.Arrays.copyOf(elf, elf.length - 10));
        assertThat(run("disasm", cut.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("jx86 disasm: " + cut + ": section header table");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void anotherMachineIsOneLine() throws IOException {
        Path arm = write("arm", new TinyElf(64, EM_AARCH64, 0x1000, hex("1f 20 03 d5")).bytes());
        assertThat(run("disasm", arm.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("jx86 disasm: " + arm + ": not an x86 ELF file (machine 183)\n");
    }

    @Test
    void aDirectoryIsOneLine() {
        assertThat(run("disasm", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("jx86 disasm: " + dir + ": cannot read");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void badHexModeAndBaseAreOneLine() {
        assertThat(run("disasm", "--hex", "0g")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("jx86 disasm: bad hex bytes: 0g\n");
        err.getBuffer().setLength(0);
        assertThat(run("disasm", "--mode", "8", "--hex", "90")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("jx86 disasm: mode must be 16, 32 or 64, not 8\n");
        err.getBuffer().setLength(0);
        assertThat(run("disasm", "--base", "xyz", "--hex", "90")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("jx86 disasm: bad --base: xyz\n");
        err.getBuffer().setLength(0);
        assertThat(run("disasm")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("jx86 disasm: give a FILE or --hex BYTES\n");
    }
}
