package dev.jx86.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfHeader;
import dev.jx86.runtime.elf.ElfSegment;
import dev.jx86.runtime.mem.AddressSpace;
import dev.jx86.runtime.mem.Mapping;
import dev.jx86.runtime.mem.Protection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfLoaderTest {
    @TempDir
    static Path dir;

    private static final List<String> ARGV = List.of("prog", "first arg", "");
    private static final List<String> ENVP = List.of("HOME=/home/guest", "LANG=C");

    private static Path build(String name, String... flags) throws IOException, InterruptedException {
        Path program = GuestPrograms.gcc(dir, name, GuestPrograms.HELLO, flags);
        Assumptions.assumeTrue(program != null, "gcc " + String.join(" ", flags) + " is not available");
        return program;
    }

    @Test
    void staticExecutable64() throws Exception {
        check(build("static64", "-static"), 0, CpuMode.LONG_64);
    }

    @Test
    void staticPie64() throws Exception {
        check(build("pie64", "-static-pie"), ElfLoader.PIE_BASE_64, CpuMode.LONG_64);
    }

    @Test
    void staticExecutable32() throws Exception {
        check(build("static32", "-m32", "-static"), 0, CpuMode.PROTECTED_32);
    }

    @Test
    void staticPie32() throws Exception {
        check(build("pie32", "-m32", "-static-pie"), ElfLoader.PIE_BASE_32, CpuMode.PROTECTED_32);
    }

    private void check(Path program, long base, CpuMode mode) throws Exception {
        ElfFile elf = ElfFile.read(program);
        LinuxProcess.Started started = LinuxProcess.start(program, ARGV, ENVP, ProcessOptions.defaults());
        try (LinuxProcess process = started.process()) {
            AddressSpace space = process.space();
            long bias = elf.header().type() == ElfHeader.ET_DYN ? base : 0;
            assertThat(started.cpu().mode()).isEqualTo(mode);
            assertThat(started.cpu().rip()).isEqualTo(elf.header().entry() + bias);
            checkSegments(elf, space, bias);
            checkStack(elf, process, started.cpu().gpr(StateLayout.RSP), bias);
        }
    }

    private static void checkSegments(ElfFile elf, AddressSpace space, long bias) {
        long highest = 0;
        for (ElfSegment s : elf.segments()) {
            if (s.type() != ElfSegment.PT_LOAD) {
                continue;
            }
            long start = s.virtualAddress() + bias;
            assertThat(space.copyIn(start, (int) s.fileSize())).isEqualTo(elf.contents(s));
            int bss = (int) (s.memorySize() - s.fileSize());
            assertThat(space.copyIn(start + s.fileSize(), bss)).isEqualTo(new byte[bss]);
            // The rest of the last file page, up to the page end, reads zero too.
            long end = start + s.memorySize();
            long pageEnd = (end + 4095) & ~4095L;
            assertThat(space.copyIn(end, (int) (pageEnd - end))).isEqualTo(new byte[(int) (pageEnd - end)]);
            int expected = (s.flags() & ElfSegment.PF_R) != 0 ? Protection.READ : 0;
            expected |= (s.flags() & ElfSegment.PF_W) != 0 ? Protection.WRITE : 0;
            expected |= (s.flags() & ElfSegment.PF_X) != 0 ? Protection.EXEC : 0;
            // Pages wholly inside the segment have exactly its permissions.
            long firstWhole = (start + 4095) & ~4095L;
            if (firstWhole + 4096 <= (end & ~4095L)) {
                Mapping m = space.mappingAt(firstWhole).orElseThrow();
                assertThat(m.protection()).as("segment at 0x%x", start).isEqualTo(expected);
            }
            highest = Math.max(highest, pageEnd);
        }
        assertThat(space.isFree(highest, 4096)).isTrue();
    }

    private static void checkStack(ElfFile elf, LinuxProcess process, long sp, long bias) {
        AddressSpace space = process.space();
        int word = process.abi().wordSize();
        assertThat(sp % 16).isZero();
        assertThat(word(space, sp, word)).isEqualTo(ARGV.size());
        long at = sp + word;
        for (String arg : ARGV) {
            assertThat(string(space, word(space, at, word))).isEqualTo(arg);
            at += word;
        }
        assertThat(word(space, at, word)).isZero();
        at += word;
        for (String env : ENVP) {
            assertThat(string(space, word(space, at, word))).isEqualTo(env);
            at += word;
        }
        assertThat(word(space, at, word)).isZero();
        at += word;
        Map<Long, Long> auxv = new HashMap<>();
        while (true) {
            long type = word(space, at, word);
            long value = word(space, at + word, word);
            at += 2L * word;
            if (type == Auxv.AT_NULL) {
                break;
            }
            assertThat(auxv.put(type, value)).as("auxv type %d once", type).isNull();
        }
        assertThat(auxv.get((long) Auxv.AT_ENTRY)).isEqualTo(elf.header().entry() + bias);
        assertThat(auxv.get((long) Auxv.AT_PAGESZ)).isEqualTo(4096);
        assertThat(auxv.get((long) Auxv.AT_PHNUM)).isEqualTo(elf.header().programHeaderCount());
        assertThat(auxv.get((long) Auxv.AT_PHENT)).isEqualTo(word == 8 ? 56 : 32);
        assertThat(auxv.get((long) Auxv.AT_BASE)).isZero();
        assertThat(auxv.get((long) Auxv.AT_SECURE)).isZero();
        assertThat(auxv.get((long) Auxv.AT_CLKTCK)).isEqualTo(100);
        assertThat(auxv.get((long) Auxv.AT_HWCAP)).isEqualTo(Auxv.HWCAP_X86);
        assertThat(string(space, auxv.get((long) Auxv.AT_PLATFORM)))
                .isEqualTo(process.abi().platform());
        assertThat(string(space, auxv.get((long) Auxv.AT_EXECFN))).isEqualTo("prog");
        assertThat(space.copyIn(auxv.get((long) Auxv.AT_RANDOM), 16)).isNotEqualTo(new byte[16]);
        // AT_PHDR points at a copy of the file's program header table.
        long phdr = auxv.get((long) Auxv.AT_PHDR);
        int tableSize = elf.header().programHeaderCount() * (word == 8 ? 56 : 32);
        byte[] image = readFile(elf);
        int offset = (int) elf.header().programHeaderOffset();
        assertThat(space.copyIn(phdr, tableSize)).isEqualTo(Arrays.copyOfRange(image, offset, offset + tableSize));
        // The strings sit above the vectors, below the stack top.
        assertThat(auxv.get((long) Auxv.AT_EXECFN)).isLessThan(InitialStack.top(process.abi()));
    }

    private static byte[] readFile(ElfFile elf) {
        for (ElfSegment s : elf.segments()) {
            if (s.type() == ElfSegment.PT_LOAD && s.offset() == 0) {
                return elf.contents(s);
            }
        }
        throw new AssertionError("no segment maps the file header");
    }

    private static long word(AddressSpace space, long address, int word) {
        byte[] b = space.copyIn(address, word);
        long v = 0;
        for (int i = word - 1; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xff);
        }
        return v;
    }

    private static String string(AddressSpace space, long address) {
        return new String(space.readCString(address, 4096), StandardCharsets.UTF_8);
    }

    @Test
    void dynamicExecutableIsRefusedWithOneLine() throws Exception {
        Path program = build("dynamic64");
        assertThatThrownBy(() -> LinuxProcess.start(program, List.of("x"), List.of(), ProcessOptions.defaults()))
                .isInstanceOf(ProgramLoadException.class)
                .hasMessageContaining("dynamically linked")
                .hasMessageContaining("ld-linux")
                .hasMessageNotContaining("\n");
    }

    @Test
    void otherMachinesAreRefused() throws Exception {
        Path program = build("arm", "-static");
        byte[] bytes = Files.readAllBytes(program);
        bytes[18] = 40; // e_machine = EM_ARM
        bytes[19] = 0;
        Path patched = dir.resolve("arm-patched");
        Files.write(patched, bytes);
        assertThatThrownBy(() -> LinuxProcess.start(patched, List.of("x"), List.of(), ProcessOptions.defaults()))
                .isInstanceOf(ProgramLoadException.class)
                .hasMessageContaining("not an x86 executable");
    }

    @Test
    void garbageIsRefused() throws Exception {
        Path junk = dir.resolve("junk");
        Files.writeString(junk, "#!/bin/sh\necho hi\n");
        assertThatThrownBy(() -> LinuxProcess.start(junk, List.of("x"), List.of(), ProcessOptions.defaults()))
                .isInstanceOf(ProgramLoadException.class)
                .hasMessageContaining("not an ELF file");
    }
}
