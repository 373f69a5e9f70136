package dev.jx86.tools.bench;

import dev.jx86.x86.decode.Decoded;
import dev.jx86.x86.decode.Decoder;
import dev.jx86.x86.decode.Mode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoder throughput on real code: a linear sweep over the .text of the largest x86-64 shared
 * library on the machine (or {@code -Djx86.bench.elf=FILE}), at most {@code -Djx86.bench.bytes}
 * bytes of it (default 16 MiB). The {@code instructions} counter is instructions decoded per second.
 * Run it with scripts/bench-decoder (docs/performance.md).
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class DecoderBenchmark {
    private static final long DEFAULT_BYTES = 16L << 20;

    private byte[] text;
    private long textAddress;
    private final Decoder decoder = new Decoder(Mode.BITS64);

    /** Instructions decoded, reported by JMH as a rate next to the sweeps per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long instructions;

        @Setup(Level.Iteration)
        public void reset() {
            instructions = 0;
        }
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        String chosen = System.getProperty("jx86.bench.elf");
        Path file = chosen != null ? Path.of(chosen) : largestLibrary();
        long limit = Long.getLong("jx86.bench.bytes", DEFAULT_BYTES);
        TextSection section = TextSection.read(file, limit);
        text = section.bytes();
        textAddress = section.address();
        System.out.printf(
                "%ndecoding %,d bytes of .text at 0x%x in %s (%,d bytes of .text in all)%n",
                text.length, textAddress, file, section.fullSize());
    }

    /** One linear sweep over the text, as a disassembler would make it. */
    @Benchmark
    public void linearSweep(Counters counters, Blackhole blackhole) {
        byte[] code = text;
        long base = textAddress;
        int count = 0;
        for (int offset = 0; offset < code.length; ) {
            Decoded decoded = decoder.decode(code, offset, base + offset);
            blackhole.consume(decoded);
            offset += Math.max(1, decoded.length());
            count++;
        }
        counters.instructions += count;
    }

    static Path largestLibrary() throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (String directory : List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64")) {
            Path dir = Path.of(directory);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.getFileName().toString().contains(".so") && Files.isRegularFile(p))
                            .forEach(candidates::add);
                }
            }
        }
        candidates.add(Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so"));
        candidates.sort(Comparator.comparingLong(DecoderBenchmark::size).reversed());
        for (Path candidate : candidates) {
            if (TextSection.isX8664Elf(candidate)) {
                return candidate;
            }
        }
        throw new IOException("no x86-64 ELF shared library found; pass -Djx86.bench.elf=FILE");
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The .text section of an ELF64 x86-64 file, read through its section headers. */
    record TextSection(byte[] bytes, long address, long fullSize) {
        private static final int EM_X86_64 = 62;

        static boolean isX8664Elf(Path file) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer header = read(channel, 0, 64);
                return header.getInt(0) == 0x464c457f && header.get(4) == 2 && header.getShort(18) == EM_X86_64;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        static TextSection read(Path file, long limit) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer header = read(channel, 0, 64);
                if (header.getInt(0) != 0x464c457f || header.get(4) != 2 || header.getShort(18) != EM_X86_64) {
                    throw new IOException(file + " is not an ELF64 x86-64 file");
                }
                long sectionHeaders = header.getLong(0x28);
                int entrySize = Short.toUnsignedInt(header.getShort(0x3a));
                int count = Short.toUnsignedInt(header.getShort(0x3c));
                int namesIndex = Short.toUnsignedInt(header.getShort(0x3e));
                ByteBuffer sections = read(channel, sectionHeaders, entrySize * count);
                int namesAt = namesIndex * entrySize;
                ByteBuffer names =
                        read(channel, sections.getLong(namesAt + 0x18), (int) sections.getLong(namesAt + 0x20));
                for (int i = 0; i < count; i++) {
                    int at = i * entrySize;
                    if (name(names, sections.getInt(at)).equals(".text")) {
                        long size = sections.getLong(at + 0x20);
                        ByteBuffer bytes = read(channel, sections.getLong(at + 0x18), (int) Math.min(size, limit));
                        byte[] text = new byte[bytes.remaining()];
                        bytes.get(text);
                        return new TextSection(text, sections.getLong(at + 0x10), size);
                    }
                }
                throw new IOException(file + " has no .text section");
            }
        }

        private static String name(ByteBuffer names, int offset) {
            int end = offset;
            while (end < names.limit() && names.get(end) != 0) {
                end++;
            }
            byte[] bytes = new byte[end - offset];
            names.get(offset, bytes);
            return new String(bytes, StandardCharsets.US_ASCII);
        }

        private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new IOException("unexpected end of file");
                }
            }
            return buffer.flip();
        }
    }
}
