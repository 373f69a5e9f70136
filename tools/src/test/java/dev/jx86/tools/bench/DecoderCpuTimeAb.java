package dev.jx86.tools.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Paired comparison of decoder builds in one JVM, in thread CPU time: each build (a copy of {@code
 * frontend-x86/target/classes}) gets a class loader of its own, and the sweeps of {@link
 * DecoderCpuTime} alternate between the builds, so that all of them meet the same contention from
 * other processes. On the shared 2-vCPU machine, separate JVMs run minutes apart differed by more
 * than the changes being measured (docs/performance.md).
 *
 * <p>{@code java -cp ... dev.jx86.tools.bench.DecoderCpuTimeAb SWEEPS DIR...}, with {@code
 * -Djx86.bench.elf} and {@code -Djx86.bench.bytes} as for the benchmark; run by {@code
 * scripts/bench-decoder-ab}.
 */
public final class DecoderCpuTimeAb {
    private static final int WARM_UP = 5;

    private DecoderCpuTimeAb() {}

    /** The sweep, loaded once into each build's class loader, so that it calls that build's decoder. */
    public static final class Sweep {
        private static final dev.jx86.x86.decode.Decoder DECODER =
                new dev.jx86.x86.decode.Decoder(dev.jx86.x86.decode.Mode.BITS64);

        private Sweep() {}

        /** One linear sweep over {@code code} at {@code base}; returns the instructions decoded. */
        public static long run(byte[] code, long base) {
            long instructions = 0;
            for (int offset = 0; offset < code.length; instructions++) {
                int length = DECODER.decode(code, offset, base + offset).length();
                offset += Math.max(1, length);
            }
            return instructions;
        }
    }

    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: DecoderCpuTimeAb SWEEPS CLASSES-DIR...");
        }
        int sweeps = Integer.parseInt(args[0]);
        String chosen = System.getProperty("jx86.bench.elf");
        Path file = chosen != null ? Path.of(chosen) : DecoderBenchmark.largestLibrary();
        DecoderBenchmark.TextSection section =
                DecoderBenchmark.TextSection.read(file, Long.getLong("jx86.bench.bytes", 16L << 20));
        URL sweepClasses =
                DecoderCpuTimeAb.class.getProtectionDomain().getCodeSource().getLocation();
        int builds = args.length - 1;
        Method[] run = new Method[builds];
        for (int b = 0; b < builds; b++) {
            URL classes = Path.of(args[b + 1]).toUri().toURL();
            ClassLoader loader = new URLClassLoader(new URL[] {classes, sweepClasses}, null);
            run[b] = loader.loadClass(Sweep.class.getName()).getMethod("run", byte[].class, long.class);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] rates = new double[builds][sweeps];
        long instructions = 0;
        for (int sweep = 0; sweep < WARM_UP + sweeps; sweep++) {
            for (int b = 0; b < builds; b++) {
                long before = threads.getCurrentThreadCpuTime();
                instructions = sweep(run[b], section);
                long nanos = threads.getCurrentThreadCpuTime() - before;
                if (sweep >= WARM_UP) {
                    rates[b][sweep - WARM_UP] = instructions / (nanos / 1e9);
                }
            }
        }
        System.out.printf(
                "%s: %,d bytes, %,d instructions per sweep; %d sweeps per build, alternating%n",
                file, section.bytes().length, instructions, sweeps);
        for (int b = 0; b < builds; b++) {
            double[] sorted = rates[b].clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "  %s: median %.2f M instructions per CPU-second (quartiles %.2f-%.2f M, best %.2f M)%n",
                    args[b + 1],
                    sorted[sweeps / 2] / 1e6,
                    sorted[sweeps / 4] / 1e6,
                    sorted[3 * sweeps / 4] / 1e6,
                    sorted[sweeps - 1] / 1e6);
        }
    }

    private static long sweep(Method run, DecoderBenchmark.TextSection section) throws IllegalAccessException {
        try {
            return (long) run.invoke(null, section.bytes(), section.address());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the sweep failed", e.getCause());
        }
    }
}
