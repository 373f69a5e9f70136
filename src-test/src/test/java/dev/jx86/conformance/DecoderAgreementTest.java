package dev.jx86.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.elf.ElfHeader;
import dev.jx86.x86.decode.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decoder and disassembler against GNU objdump, suite by suite: samples of the machine's 64-bit
 * and 32-bit ELF files and seeded random bytes in each mode. Each suite prints its summary and top
 * mismatch categories and must reach the floors of {@code decoder-agreement.properties}.
 * {@code scripts/decoder-report} prints the full picture.
 */
class DecoderAgreementTest {
    /** Bytes of code in the ELF samples: about 250,000 instructions a megabyte. */
    static final long ELF64_BUDGET = 4 << 20;

    static final long ELF32_BUDGET = 3 << 20;

    static final long ELF_MAX_PER_FILE = 3 << 20;
    static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final int RANDOM_SIZE = 384 << 10;
    static final List<Path> ELF64_DIRS = List.of(Path.of("/usr/bin"), Path.of("/usr/lib/x86_64-linux-gnu"));

    private static final Ratchet RATCHET = new Ratchet();
    private final DecoderComparison comparison = new DecoderComparison(KnownDifferences.load());

    @BeforeAll
    static void needObjdump() {
        String version = ObjdumpListing.version();
        Assumptions.assumeTrue(
                version != null, "objdump not found (apt-get install binutils): skipping the comparison with objdump");
        // The texts are those of binutils 2.40; another version may print some instructions differently.
        System.out.println("decoder comparison with " + version);
    }

    /** Where {@code scripts/fetch-i386-samples} unpacked 32-bit x86 ELF files. */
    static Path i386Dir() {
        String dir = System.getProperty("jx86.i386");
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".cache", "jx86", "i386");
    }

    static List<Path> elf32Files() throws IOException {
        Path dir = i386Dir();
        return Samples.elf(
                List.of(dir.resolve("bin"), dir.resolve("lib")),
                ElfHeader.EM_386,
                ELF32_BUDGET,
                ELF_MAX_PER_FILE,
                List.of("libc.so.6", "busybox"));
    }

    static List<Path> elf64Files() throws IOException {
        return Samples.elf(ELF64_DIRS, ElfHeader.EM_X86_64, ELF64_BUDGET, ELF_MAX_PER_FILE, List.of("libc.so.6"));
    }

    @Test
    void elf64() throws IOException {
        List<Path> files = elf64Files();
        Assumptions.assumeFalse(files.isEmpty(), "no x86-64 ELF files in " + ELF64_DIRS);
        printSample("elf64", files);
        Tally tally = new Tally("elf64", 3);
        comparison.compareElf(files, tally, THREADS);
        check(tally);
    }

    @Test
    void elf32() throws IOException {
        List<Path> files = Files.isDirectory(i386Dir()) ? elf32Files() : List.of();
        Assumptions.assumeFalse(
                files.isEmpty(),
                "no 32-bit x86 ELF files in " + i386Dir() + ": run scripts/fetch-i386-samples (.ci/run does)");
        printSample("elf32", files);
        Tally tally = new Tally("elf32", 3);
        comparison.compareElf(files, tally, THREADS);
        check(tally);
    }

    @Test
    void random16() throws IOException {
        random(Mode.BITS16, 16);
    }

    @Test
    void random32() throws IOException {
        random(Mode.BITS32, 32);
    }

    @Test
    void random64() throws IOException {
        random(Mode.BITS64, 64);
    }

    private void random(Mode mode, long seed) throws IOException {
        Tally tally = new Tally("random" + mode.bits(), 3);
        compareRandom(comparison, mode, seed, tally);
        check(tally);
    }

    /**
     * The random suite of {@code mode}. 16-bit code is compared in 64 KiB pieces, each from address 0:
     * an instruction pointer has 16 bits there, and objdump prints targets beyond 64 KiB of a flat
     * file in its own way (keeping the address's upper bits), which real 16-bit code never meets.
     */
    static void compareRandom(DecoderComparison comparison, Mode mode, long seed, Tally tally) throws IOException {
        byte[] bytes = Samples.random(seed, RANDOM_SIZE);
        int piece = mode == Mode.BITS16 ? 1 << 16 : bytes.length;
        for (int at = 0; at < bytes.length; at += piece) {
            byte[] code = java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + piece));
            String name = "random" + mode.bits() + (piece < bytes.length ? "." + at / piece : "");
            comparison.compareFlat(code, mode, name, tally);
        }
    }

    private static void printSample(String suite, List<Path> files) {
        System.out.println(suite + " sample: " + files.size() + " files, "
                + files.stream().mapToLong(Samples::codeSize).sum() / 1024 + " KiB of code: "
                + String.join(
                        " ", files.stream().map(f -> f.getFileName().toString()).toList()));
    }

    private static void check(Tally tally) {
        tally.print(System.out, 8, 1);
        assertThat(tally.exceptions).as(tally.suite() + ": jx86 must not throw").isZero();
        assertThat(tally.boundaryAgreement())
                .as(tally.suite() + " boundaries (floor in decoder-agreement.properties)")
                .isGreaterThanOrEqualTo(RATCHET.floor(tally.suite(), "boundaries"));
        assertThat(tally.textAgreement())
                .as(tally.suite() + " texts (floor in decoder-agreement.properties)")
                .isGreaterThanOrEqualTo(RATCHET.floor(tally.suite(), "texts"));
    }
}
