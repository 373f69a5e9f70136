package dev.jx86.tools.bench;

import dev.jx86.x86.decode.Decoded;
import dev.jx86.x86.decode.Decoder;
import dev.jx86.x86.decode.Mode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The decoder's linear sweep of {@link DecoderBenchmark}, timed in the thread's CPU time instead of
 * wall-clock time: instructions decoded per CPU-second. On the shared 2-vCPU machine, where other
 * builds take the cores, the wall-clock figure of JMH moves by 30% between runs while this one moves
 * by a few percent, which is what an A/B comparison needs (docs/performance.md). Not a JMH benchmark:
 * no Blackhole, the lengths are summed instead.
 *
 * <p>{@code java -cp ... dev.jx86.tools.bench.DecoderCpuTime [sweeps]} (default 15; the first three
 * are warm-up), with {@code -Djx86.bench.elf} and {@code -Djx86.bench.bytes} as for the benchmark.
 */
public final class DecoderCpuTime {
    private static final int WARM_UP = 3;

    private DecoderCpuTime() {}

    public static void main(String[] args) throws IOException {
        int sweeps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        if (sweeps <= WARM_UP) {
            throw new IllegalArgumentException("need more than " + WARM_UP + " sweeps");
        }
        String chosen = System.getProperty("jx86.bench.elf");
        Path file = chosen != null ? Path.of(chosen) : DecoderBenchmark.largestLibrary();
        DecoderBenchmark.TextSection section =
                DecoderBenchmark.TextSection.read(file, Long.getLong("jx86.bench.bytes", 16L << 20));
        byte[] code = section.bytes();
        long base = section.address();
        Decoder decoder = new Decoder(Mode.BITS64);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] rates = new double[sweeps - WARM_UP];
        long lengths = 0;
        int instructions = 0;
        for (int sweep = 0; sweep < sweeps; sweep++) {
            long before = threads.getCurrentThreadCpuTime();
            instructions = 0;
            for (int offset = 0; offset < code.length; instructions++) {
                Decoded decoded = decoder.decode(code, offset, base + offset);
                lengths += decoded.length();
                offset += Math.max(1, decoded.length());
            }
            long nanos = threads.getCurrentThreadCpuTime() - before;
            if (sweep >= WARM_UP) {
                rates[sweep - WARM_UP] = instructions / (nanos / 1e9);
            }
        }
        Arrays.sort(rates);
        System.out.printf(
                "%s: %,d bytes, %,d instructions per sweep; instructions per CPU-second over %d sweeps:"
                        + " median %.2f M (%.2f-%.2f M) [%d]%n",
                file,
                code.length,
                instructions,
                rates.length,
                rates[rates.length / 2] / 1e6,
                rates[0] / 1e6,
                rates[rates.length - 1] / 1e6,
                lengths % 10);
    }
}
