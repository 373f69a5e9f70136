import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

/**
 * The busybox workloads' inputs, generated from fixed seeds into the cache directory once and reused: random
 * bytes for the hashes, and word-like text (a Zipf-distributed made-up vocabulary in sentences and lines) so that
 * gzip, bzip2 and sort do the work they do on real text. {@link Random}'s algorithm is specified by the JDK, so the
 * same seed gives the same file everywhere; the generator's version is in the file name.
 */
final class InputFiles {
    private static final String VERSION = "v1";
    private final Path cache;

    InputFiles(Path cache) {
        this.cache = cache;
    }

    /** {@code bytes} pseudo-random bytes. */
    Path randomBytes(long bytes) throws IOException {
        return cached("random-" + bytes + "-" + VERSION + ".bin", out -> {
            Random random = new Random(0x6a783836L);
            byte[] block = new byte[1 << 16];
            for (long done = 0; done < bytes; done += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, bytes - done));
            }
        });
    }

    /** {@code bytes} of prose: sentences of 6-18 words, in lines of at most 70 characters. */
    Path prose(long bytes) throws IOException {
        return cached("prose-" + bytes + "-" + VERSION + ".txt", out -> {
            Words words = new Words(new Random(0x74657874L));
            StringBuilder line = new StringBuilder();
            long written = 0;
            while (written < bytes) {
                for (String word : words.sentence().split(" ")) {
                    if (line.length() > 0 && line.length() + 1 + word.length() > 70) {
                        byte[] b = line.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
                        int n = (int) Math.min(b.length, bytes - written);
                        out.write(b, 0, n);
                        written += n;
                        line.setLength(0);
                    } else if (line.length() > 0) {
                        line.append(' ');
                    }
                    line.append(word);
                }
            }
        });
    }

    /** {@code lines} lines of 2-7 words and a number, many with a repeated start, as sort meets them in logs. */
    Path lines(int lines) throws IOException {
        return cached("lines-" + lines + "-" + VERSION + ".txt", out -> {
            Random random = new Random(0x736f7274L);
            Words words = new Words(random);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < lines; i++) {
                line.setLength(0);
                int count = 2 + random.nextInt(6);
                for (int w = 0; w < count; w++) line.append(words.next()).append(' ');
                line.append(random.nextInt(100000)).append('\n');
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The file named {@code name} in the cache, written first if it is missing (atomically, so never half). */
    private Path cached(String name, Content content) throws IOException {
        Path file = cache.resolve(name);
        if (Files.isRegularFile(file)) return file;
        Files.createDirectories(cache);
        Path partial = Files.createTempFile(cache, name, ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /**
     * A made-up vocabulary of 6000 words built from syllables, drawn with Zipf's law (the word of rank r with
     * weight 1/r), which is how word frequencies in real text fall off.
     */
    private static final class Words {
        private static final String[] SYLLABLES = {
            "a", "an", "ar", "be", "ble", "ca", "con", "de", "di", "e", "en", "er", "es", "fa", "ge", "hi", "i",
            "in", "is", "ka", "la", "le", "li", "ma", "me", "mo", "na", "ne", "no", "o", "on", "or", "pa", "per",
            "pro", "ra", "re", "ri", "ro", "sa", "se", "si", "sta", "ta", "te", "ter", "ti", "to", "tri", "u",
            "un", "ve", "vi", "x", "za"
        };
        private final Random random;
        private final String[] vocabulary = new String[6000];
        private final double[] cumulative = new double[vocabulary.length];

        Words(Random random) {
            this.random = random;
            double total = 0;
            for (int i = 0; i < vocabulary.length; i++) {
                StringBuilder word = new StringBuilder();
                int syllables = 1 + random.nextInt(i < 100 ? 2 : 4);
                for (int s = 0; s < syllables; s++) word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                vocabulary[i] = word.toString();
                total += 1.0 / (i + 1);
                cumulative[i] = total;
            }
            for (int i = 0; i < cumulative.length; i++) cumulative[i] /= total;
        }

        String next() {
            double u = random.nextDouble();
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) lo = mid + 1;
                else hi = mid;
            }
            return vocabulary[lo];
        }

        String sentence() {
            StringBuilder s = new StringBuilder();
            int count = 6 + random.nextInt(13);
            for (int w = 0; w < count; w++) {
                String word = next();
                if (w == 0) word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                s.append(word);
                if (w == count - 1) s.append(random.nextInt(8) == 0 ? '?' : '.');
                else if (random.nextInt(10) == 0) s.append(',');
                if (w < count - 1) s.append(' ');
            }
            return s.toString();
        }
    }
}
