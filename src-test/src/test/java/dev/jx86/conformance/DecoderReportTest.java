package dev.jx86.conformance;

import dev.jx86.x86.decode.Mode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The full mismatch report for the opcode-table authors, run by {@code scripts/decoder-report}
 * (through {@code -Djx86.report=TARGET;TARGET...}); a no-op in the normal build. A target is
 * {@code elf64} or {@code elf32} (the suites' samples), {@code random16}, {@code random32},
 * {@code random64} (the suites' random bytes), {@code 16:FILE}, {@code 32:FILE}, {@code 64:FILE} (a flat
 * binary in that mode), or the path of an ELF file.
 */
@EnabledIfSystemProperty(named = "jx86.report", matches = ".+")
class DecoderReportTest {
    @Test
    void report() throws IOException {
        int top = Integer.getInteger("jx86.report.top", 40);
        int examples = Integer.getInteger("jx86.report.examples", 3);
        String outFile = System.getProperty("jx86.report.out", "");
        DecoderComparison comparison = new DecoderComparison(KnownDifferences.load());
        try (PrintStream out = outFile.isEmpty()
                ? new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8)
                : new PrintStream(new FileOutputStream(outFile), true, StandardCharsets.UTF_8)) {
            if (!ObjdumpListing.available()) {
                out.println("decoder-report: objdump not found (apt-get install binutils)");
                return;
            }
            for (String target : System.getProperty("jx86.report").split(";")) {
                if (target.isBlank()) {
                    continue;
                }
                try {
                    report(comparison, target.strip(), examples).print(out, top, examples);
                } catch (IOException e) {
                    out.println(target.strip() + ": " + e.getMessage());
                }
                out.println();
            }
        }
    }

    private static Tally report(DecoderComparison comparison, String target, int examples) throws IOException {
        Tally tally = new Tally(target, examples);
        int threads = DecoderAgreementTest.THREADS;
        switch (target) {
            case "elf64" -> comparison.compareElf(DecoderAgreementTest.elf64Files(), tally, threads);
            case "elf32" -> comparison.compareElf(DecoderAgreementTest.elf32Files(), tally, threads);
            case "random16", "random32", "random64" -> {
                Mode mode = Mode.ofBits(Integer.parseInt(target.substring(6)));
                DecoderAgreementTest.compareRandom(comparison, mode, mode.bits(), tally);
            }
            default -> {
                int colon = target.indexOf(':');
                String bits = colon > 0 ? target.substring(0, colon) : "";
                if (List.of("16", "32", "64").contains(bits)) {
                    comparison.compareFlat(
                            Path.of(target.substring(colon + 1)), Mode.ofBits(Integer.parseInt(bits)), tally);
                } else {
                    comparison.compareElf(Path.of(target), tally);
                }
            }
        }
        return tally;
    }
}
