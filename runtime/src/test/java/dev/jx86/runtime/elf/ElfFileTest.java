package dev.jx86.runtime.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfFileTest {
    private static final String PROGRAM = """
            #include <stdio.h>
            int counter;
            static int __attribute__((noinline)) helper(int x) { return x * 3 + 1; }
            int main(int argc, char **argv) { counter += helper(argc); puts(argv[0]); return counter; }
            """;

    @TempDir
    static Path dir;

    private static byte[] program64;

    @BeforeAll
    static void compile() throws IOException, InterruptedException {
        program64 = gcc(dir, "t64", "-m64");
    }

    /** Compiles {@link #PROGRAM}; null when gcc is absent or cannot target the flag's ABI. */
    static byte[] gcc(Path dir, String name, String... flags) throws IOException, InterruptedException {
        Path source = dir.resolve("t.c");
        Files.writeString(source, PROGRAM);
        Path out = dir.resolve(name);
        List<String> command = new java.util.ArrayList<>(List.of("gcc", "-O1", "-o", out.toString()));
        command.addAll(List.of(flags));
        command.add(source.toString());
        Process gcc;
        try {
            gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        gcc.getInputStream().readAllBytes();
        if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            return null;
        }
        return Files.readAllBytes(out);
    }

    private static byte[] program() {
        Assumptions.assumeTrue(program64 != null, "gcc not found or failed: skipping tests on a compiled program");
        return program64;
    }

    @Test
    void readsTheHeaderOfA64BitExecutable() throws IOException {
        ElfFile elf = ElfFile.parse(program());
        assertThat(elf.bits()).isEqualTo(64);
        assertThat(elf.header().machine()).isEqualTo(ElfHeader.EM_X86_64);
        assertThat(elf.header().type()).isIn(ElfHeader.ET_EXEC, ElfHeader.ET_DYN);
        assertThat(elf.header().entry()).isNotZero();
        assertThat(elf.section(".text")).hasValueSatisfying(text -> {
            assertThat(text.executable()).isTrue();
            assertThat(text.allocated()).isTrue();
            assertThat(text.contains(elf.header().entry())).isTrue();
        });
        assertThat(elf.section(".bss")).hasValueSatisfying(bss -> {
            assertThat(bss.type()).isEqualTo(ElfSection.SHT_NOBITS);
            assertThat(elf.contents(bss)).isEmpty();
        });
        assertThat(elf.section(".data"))
                .hasValueSatisfying(data -> assertThat(data.executable()).isFalse());
    }

    @Test
    void readsSegments() throws IOException {
        ElfFile elf = ElfFile.parse(program());
        List<ElfSegment> loads = elf.segments().stream()
                .filter(s -> s.type() == ElfSegment.PT_LOAD)
                .toList();
        assertThat(loads).isNotEmpty();
        assertThat(loads)
                .anySatisfy(s -> assertThat(s.flags() & ElfSegment.PF_X).isNotZero());
        assertThat(loads).allSatisfy(s -> assertThat(s.memorySize()).isGreaterThanOrEqualTo(s.fileSize()));
        ElfSection text = elf.section(".text").orElseThrow();
        ElfSegment code = loads.stream()
                .filter(s ->
                        text.address() >= s.virtualAddress() && text.address() < s.virtualAddress() + s.memorySize())
                .findFirst()
                .orElseThrow();
        assertThat(code.flags() & ElfSegment.PF_X).isNotZero();
        byte[] fromSegment = elf.contents(code);
        int at = (int) (text.address() - code.virtualAddress());
        assertThat(Arrays.copyOfRange(fromSegment, at, at + 16)).isEqualTo(Arrays.copyOf(elf.contents(text), 16));
    }

    @Test
    void readsStaticAndDynamicSymbols() throws IOException {
        ElfFile elf = ElfFile.parse(program());
        ElfSymbol main = elf.symbols().stream()
                .filter(s -> s.name().equals("main") && !s.dynamic())
                .findFirst()
                .orElseThrow();
        assertThat(main.type()).isEqualTo(ElfSymbol.STT_FUNC);
        assertThat(main.binding()).isEqualTo(ElfSymbol.STB_GLOBAL);
        assertThat(main.size()).isPositive();
        assertThat(elf.sections().get(main.sectionIndex()).name()).isEqualTo(".text");
        assertThat(elf.symbols()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("helper");
            assertThat(s.binding()).isEqualTo(ElfSymbol.STB_LOCAL);
        });
        assertThat(elf.symbols()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("counter");
            assertThat(s.type()).isEqualTo(ElfSymbol.STT_OBJECT);
        });
        // The C library's entry, imported through .dynsym: undefined here, and without its version.
        assertThat(elf.symbols()).anySatisfy(s -> {
            assertThat(s.dynamic()).isTrue();
            assertThat(s.name()).isEqualTo("__libc_start_main");
            assertThat(s.defined()).isFalse();
        });
    }

    @Test
    void symbolizerNamesAddressesByTheNearestSymbol() throws IOException {
        ElfFile elf = ElfFile.parse(program());
        ElfSymbol main = elf.symbols().stream()
                .filter(s -> s.name().equals("main"))
                .findFirst()
                .orElseThrow();
        Symbolizer symbols = elf.symbolizer();
        assertThat(symbols.describe(main.value())).hasValue("main");
        assertThat(symbols.symbolAt(main.value())).hasValue("main");
        assertThat(symbols.describe(main.value() + 3)).hasValue("main+0x3");
        assertThat(symbols.symbolAt(main.value() + 1)).isEmpty();
        assertThat(symbols.describe(0)).isEmpty();
    }

    @Test
    void readsRelocationsAndNamesPltEntries() throws IOException {
        ElfFile elf = ElfFile.parse(program());
        assertThat(elf.relocations()).anySatisfy(r -> {
            assertThat(r.symbol()).isEqualTo("puts");
            assertThat(r.type()).isIn(ElfRelocation.R_X86_64_JUMP_SLOT, ElfRelocation.R_X86_64_GLOB_DAT);
            assertThat(r.section()).startsWith(".rela");
        });
        Symbolizer symbols = elf.symbolizer();
        long puts = -1;
        for (ElfSection s : elf.sections()) {
            if (s.name().startsWith(".plt")) {
                for (long a = s.address(); a < s.address() + s.size(); a++) {
                    if (symbols.symbolAt(a).filter("puts@plt"::equals).isPresent()) {
                        puts = a;
                    }
                }
            }
        }
        assertThat(puts).as("address of puts@plt").isPositive();
        assertThat(symbols.describe(puts + 6)).hasValue("puts@plt+0x6");
    }

    @Test
    void reads32BitExecutables() throws IOException, InterruptedException {
        byte[] program32 = gcc(dir, "t32", "-m32");
        Assumptions.assumeTrue(program32 != null, "gcc -m32 not available (no gcc-multilib): skipping 32-bit test");
        ElfFile elf = ElfFile.parse(program32);
        assertThat(elf.bits()).isEqualTo(32);
        assertThat(elf.header().machine()).isEqualTo(ElfHeader.EM_386);
        assertThat(elf.section(".text").orElseThrow().executable()).isTrue();
        assertThat(elf.symbolizer().describe(elf.header().entry())).hasValue("_start");
    }

    /** Debian's 32-bit busybox and C library, when scripts/fetch-i386-samples has fetched them. */
    @Test
    void readsReal32BitFiles() throws IOException {
        String property = System.getProperty("jx86.i386");
        Path dir = property != null
                ? Path.of(property)
                : Path.of(System.getProperty("user.home"), ".cache", "jx86", "i386");
        Path busybox = dir.resolve("bin/busybox");
        Path libc = dir.resolve("lib/libc.so.6");
        Assumptions.assumeTrue(
                Files.isRegularFile(busybox) && Files.isRegularFile(libc),
                "no 32-bit samples in " + dir + ": run scripts/fetch-i386-samples");

        ElfFile program = ElfFile.read(busybox);
        assertThat(program.bits()).isEqualTo(32);
        assertThat(program.header().machine()).isEqualTo(ElfHeader.EM_386);
        assertThat(program.section(".text")
                        .orElseThrow()
                        .contains(program.header().entry()))
                .isTrue();
        assertThat(program.segments()).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo(ElfSegment.PT_LOAD);
            assertThat(s.flags() & ElfSegment.PF_X).isNotZero();
        });

        ElfFile library = ElfFile.read(libc);
        assertThat(library.header().type()).isEqualTo(ElfHeader.ET_DYN);
        ElfSymbol printf = library.symbols().stream()
                .filter(s -> s.dynamic() && s.name().equals("printf"))
                .findFirst()
                .orElseThrow();
        assertThat(printf.function()).isTrue();
        assertThat(printf.defined()).isTrue();
        assertThat(library.symbolizer().describe(printf.value() + 2)).hasValue("printf+0x2");
    }

    @Test
    void parsesAHandMade32BitHeader() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(52 + 32 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0});
        b.putShort(16, (short) ElfHeader.ET_EXEC).putShort(18, (short) ElfHeader.EM_386);
        b.putInt(20, 1).putInt(24, 0x08048054).putInt(28, 52).putInt(32, 0);
        b.putShort(40, (short) 52).putShort(42, (short) 32).putShort(44, (short) 1);
        b.putInt(52, ElfSegment.PT_LOAD).putInt(56, 0).putInt(60, 0x08048000).putInt(64, 0x08048000);
        b.putInt(68, 88)
                .putInt(72, 0x1000)
                .putInt(76, ElfSegment.PF_R | ElfSegment.PF_X)
                .putInt(80, 0x1000);
        ElfFile elf = ElfFile.parse(b.array());
        assertThat(elf.header().entry()).isEqualTo(0x08048054L);
        assertThat(elf.sections()).isEmpty();
        assertThat(elf.segments())
                .containsExactly(
                        new ElfSegment(ElfSegment.PT_LOAD, 5, 0, 0x08048000L, 0x08048000L, 88, 0x1000, 0x1000));
    }

    @Test
    void rejectsBadMagicBigEndianAndUnknownClass() {
        assertThatThrownBy(() -> ElfFile.parse("#!/bin/sh\necho hi\n".getBytes()))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageContaining("not an ELF file");
        byte[] big = {0x7f, 'E', 'L', 'F', 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> ElfFile.parse(big))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageContaining("big-endian");
        byte[] badClass = {0x7f, 'E', 'L', 'F', 3, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> ElfFile.parse(badClass))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageContaining("class");
        assertThatThrownBy(() -> ElfFile.parse(new byte[0])).isInstanceOf(ElfFormatException.class);
    }

    @Test
    void rejectsTablesOutsideTheFile() {
        byte[] elf = program().clone();
        ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putLong(40, 0x7fff_ffff_ffff_0000L);
        assertThatThrownBy(() -> ElfFile.parse(elf))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageContaining("section header")
                .hasMessageContaining("outside the file");
        byte[] negative = program().clone();
        ByteBuffer.wrap(negative).order(ByteOrder.LITTLE_ENDIAN).putLong(32, -8);
        assertThatThrownBy(() -> ElfFile.parse(negative)).isInstanceOf(ElfFormatException.class);
    }

    @Test
    void everyTruncationFailsCleanly() {
        byte[] elf = program();
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            int length = i < 200 ? i : random.nextInt(elf.length);
            parseOrFormatError(Arrays.copyOf(elf, length), "truncated to " + length);
        }
    }

    @Test
    void corruptedBytesFailCleanly() {
        byte[] elf = program();
        Random random = new Random(2);
        for (int i = 0; i < 6000; i++) {
            byte[] bad = elf.clone();
            int flips = 1 + random.nextInt(8);
            for (int j = 0; j < flips; j++) {
                // Mostly the headers and tables, where a wrong byte changes how the rest is read.
                int at = random.nextBoolean() ? random.nextInt(64) : random.nextInt(bad.length);
                bad[at] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                long shoff = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).getLong(40);
                int at = (int) shoff + random.nextInt((int) (elf.length - shoff));
                bad[at] = (byte) random.nextInt(256);
            }
            parseOrFormatError(bad, "corruption " + i);
        }
    }

    private static void parseOrFormatError(byte[] bytes, String what) {
        try {
            ElfFile elf = ElfFile.parse(bytes);
            for (ElfSection s : elf.sections()) {
                elf.contents(s);
            }
            for (ElfSegment s : elf.segments()) {
                elf.contents(s);
            }
            elf.symbolizer().describe(elf.header().entry());
        } catch (ElfFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
            fail(what + ": " + e, e);
        }
    }
}
