package dev.jx86.conformance;

import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfSection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/** The inputs of the comparison suites: samples of the machine's ELF files, and seeded random bytes. */
final class Samples {
    private Samples() {}

    /**
     * A deterministic sample of the x86 ELF files ({@code machine}) directly in {@code dirs}: files are
     * taken in the order of a hash of their names (so the sample spreads over the alphabet) while
     * their executable sections total at most {@code budget} bytes; files with more code than
     * {@code maxPerFile} are passed over so that one large library cannot fill the budget. Files named
     * in {@code pinned} come first whatever their size: the C library, whose hand-written string
     * functions use every vector extension, is worth more than its share.
     */
    static List<Path> elf(List<Path> dirs, int machine, long budget, long maxPerFile, List<String> pinned)
            throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                        .filter(f -> isElf(f, machine))
                        .forEach(candidates::add);
            }
        }
        candidates.sort(Comparator.comparingLong(Samples::nameHash).thenComparing(Path::toString));
        List<Path> sample = new ArrayList<>();
        long total = 0;
        for (Path file : List.copyOf(candidates)) {
            if (pinned.contains(file.getFileName().toString())) {
                sample.add(file);
                total += codeSize(file);
                candidates.remove(file);
            }
        }
        for (Path file : candidates) {
            if (total > budget - budget / 32) {
                break;
            }
            // The file size bounds the code size: no need to parse files that cannot fit.
            if (Files.size(file) > maxPerFile * 4 && Files.size(file) > budget - total + maxPerFile * 4) {
                continue;
            }
            long code = codeSize(file);
            if (code == 0 || code > maxPerFile || total + code > budget) {
                continue;
            }
            sample.add(file);
            total += code;
        }
        return sample;
    }

    private static long nameHash(Path file) {
        CRC32 crc = new CRC32();
        crc.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static boolean isElf(Path file, int machine) {
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, 20) < 20) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return header[0] == 0x7f
                && header[1] == 'E'
                && header[2] == 'L'
                && header[3] == 'F'
                && header[5] == 1
                && (header[18] & 0xff | (header[19] & 0xff) << 8) == machine;
    }

    /** Bytes in executable sections; 0 for files the ELF reader rejects. */
    static long codeSize(Path file) {
        try {
            return ElfFile.read(file).sections().stream()
                    .filter(s -> s.executable() && s.hasContents())
                    .mapToLong(ElfSection::size)
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** {@code size} pseudo-random bytes from {@code seed}: the same on every machine and JDK. */
    static byte[] random(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
