package dev.jx86.tools.bench;

import dev.jx86.backend.jvm.JvmBlockCompiler;
import dev.jx86.ir.Block;
import dev.jx86.ir.Op;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfSection;
import dev.jx86.runtime.linux.ElfLoader;
import dev.jx86.runtime.linux.LoadedImage;
import dev.jx86.runtime.mem.AddressSpace;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.runtime.tier1.Region;
import dev.jx86.x86.lift.X86Translator;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What it costs to make a block runnable, on real code: the basic blocks of Debian's static {@code /bin/busybox}
 * (or {@code -Djx86.bench.busybox=FILE}), a fixed sample of {@value #BLOCKS} found by linear sweeps with the
 * translator itself ({@value #SWEEP} consecutive blocks from each of {@value #WINDOWS} points spread evenly over
 * .text, after {@value #RESYNC} blocks that let the sweep fall into step with the instruction stream). The image is
 * mapped into an {@link AddressSpace} by {@link ElfLoader}, as for a real process. Each benchmark reports
 * microseconds per block (per region for the region cases):
 *
 * <ul>
 *   <li>{@code translate}: decode, lift and the IR passes ({@link X86Translator#translate});
 *   <li>{@code emit}: the class file of a pre-translated block ({@link JvmBlockCompiler#classFile(Block)});
 *   <li>{@code define}: tier 1's whole compile, emit plus hidden class definition and instantiation
 *       ({@link JvmBlockCompiler#compile(Block)}); the result is dropped at once, so the class can be unloaded;
 *   <li>{@code emitRegion}, {@code defineRegion}: the same for regions of {@value #REGION_BLOCKS} consecutive
 *       blocks of a sweep, {@value #REGIONS} of them.
 * </ul>
 *
 * After each iteration the JVM's loaded and unloaded class counts are printed. {@code -p keepClasses=true} keeps
 * every compiled block of {@code define} and {@code defineRegion} reachable until the end of the trial, to see what
 * classes that cannot be unloaded do to the cost of defining more. Run it with
 * {@code scripts/bench-jmh TranslationCostBenchmark} (docs/performance.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class TranslationCostBenchmark {
    static final int WINDOWS = 50;
    static final int SWEEP = 40;
    static final int RESYNC = 3;
    static final int BLOCKS = WINDOWS * SWEEP;
    static final int REGION_BLOCKS = 4;
    static final int REGIONS = BLOCKS / REGION_BLOCKS;

    /** Whether {@code define} and {@code defineRegion} keep what they compile (its classes cannot be unloaded). */
    @Param({"false"})
    public boolean keepClasses;

    private final List<CompiledBlock> kept = new ArrayList<>();
    private final X86Translator translator = new X86Translator();
    private final JvmBlockCompiler compiler = new JvmBlockCompiler();
    private AddressSpace space;
    private GuestMemory memory;
    private long[] pcs;
    private Block[] blocks;
    private Region[] regions;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path file = Path.of(System.getProperty("jx86.bench.busybox", "/bin/busybox"));
        if (!Files.isRegularFile(file)) {
            throw new NoInput("TranslationCostBenchmark needs " + file
                    + " (Debian's busybox-static, a static x86-64 executable) or -Djx86.bench.busybox=FILE; not run");
        }
        ElfFile elf = ElfFile.read(file);
        ElfSection text =
                elf.section(".text").orElseThrow(() -> new IllegalStateException(file + " has no .text section"));
        space = new AddressSpace(AddressSpace.LIMIT_64);
        LoadedImage image = ElfLoader.load(elf, file.toString(), space);
        memory = space.newView();
        long textStart = text.address() + image.bias();

        pcs = new long[BLOCKS];
        blocks = new Block[BLOCKS];
        int n = 0;
        for (int w = 0; w < WINDOWS; w++) {
            long pc = textStart + text.size() / WINDOWS * w;
            for (int k = 0; k < RESYNC + SWEEP; k++) {
                Block block = translator.translate(memory, pc, CpuMode.LONG_64);
                if (k >= RESYNC) {
                    pcs[n] = pc;
                    blocks[n++] = block;
                }
                pc = end(block);
            }
        }
        regions = new Region[REGIONS];
        for (int r = 0; r < REGIONS; r++) {
            regions[r] = new Region(Arrays.asList(blocks).subList(r * REGION_BLOCKS, (r + 1) * REGION_BLOCKS));
        }
        describe(file, textStart, text.size());
    }

    /** Prints what the sample is: block sizes in guest instructions, IR ops and class-file bytes. */
    private void describe(Path file, long textStart, long textSize) {
        int instructions = 0;
        int ops = 0;
        for (Block b : blocks) {
            ops += b.size();
            for (int i = 0; i < b.size(); i++) {
                instructions += b.op(i) == Op.BOUNDARY ? 1 : 0;
            }
        }
        long classBytes = 0;
        long codeBytes = 0;
        int largestBlock = 0;
        for (Block b : blocks) {
            classBytes += JvmBlockCompiler.classFile(b).length;
            int codeSize = JvmBlockCompiler.codeSize(b);
            codeBytes += codeSize;
            largestBlock = Math.max(largestBlock, codeSize);
        }
        System.out.printf(
                "%n%d blocks of %s (.text 0x%x, %,d bytes): per block %.1f guest instructions, %.1f IR ops,"
                        + " a class file of %,d bytes with %,d bytes of bytecode in run%n",
                BLOCKS,
                file,
                textStart,
                textSize,
                instructions / (double) BLOCKS,
                ops / (double) BLOCKS,
                classBytes / BLOCKS,
                codeBytes / BLOCKS);
        long regionClassBytes = 0;
        int tooLarge = 0;
        for (Region region : regions) {
            regionClassBytes += JvmBlockCompiler.classFile(region).length;
            tooLarge += JvmBlockCompiler.codeSize(region) > JvmBlockCompiler.HUGE_METHOD_LIMIT ? 1 : 0;
        }
        System.out.printf(
                "%d regions of %d blocks: a class file of %,d bytes on average, %d over the %,d-byte limit"
                        + " (the largest single block has %,d bytes of bytecode)%n",
                REGIONS,
                REGION_BLOCKS,
                regionClassBytes / REGIONS,
                tooLarge,
                JvmBlockCompiler.HUGE_METHOD_LIMIT,
                largestBlock);
    }

    /** The input is missing: JMH reports the benchmark as failed with this message and no stack trace. */
    private static final class NoInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoInput(String message) {
            super(message, null, false, false);
        }
    }

    /** The address after the block's last guest instruction: where a linear sweep goes on. */
    private static long end(Block b) {
        long end = b.pc() + 1;
        for (int i = 0; i < b.size(); i++) {
            if (b.op(i) == Op.BOUNDARY) {
                end = Math.max(end, b.aux0(i) + b.aux1(i));
            }
        }
        return end;
    }

    @TearDown(Level.Iteration)
    public void classes() {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        System.out.printf(
                "  [%,d classes loaded, %,d unloaded so far; %,d compiled, %,d too large]",
                classes.getLoadedClassCount(),
                classes.getUnloadedClassCount(),
                compiler.compiledCount(),
                compiler.tooLargeCount());
    }

    @TearDown(Level.Trial)
    public void close() {
        kept.clear();
        space.close();
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public void translate(Blackhole blackhole) {
        for (long pc : pcs) {
            blackhole.consume(translator.translate(memory, pc, CpuMode.LONG_64));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public void emit(Blackhole blackhole) {
        for (Block block : blocks) {
            blackhole.consume(JvmBlockCompiler.classFile(block));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public void define(Blackhole blackhole) {
        for (Block block : blocks) {
            keep(blackhole, compiler.compile(block));
        }
    }

    @Benchmark
    @OperationsPerInvocation(REGIONS)
    public void emitRegion(Blackhole blackhole) {
        for (Region region : regions) {
            blackhole.consume(JvmBlockCompiler.classFile(region));
        }
    }

    @Benchmark
    @OperationsPerInvocation(REGIONS)
    public void defineRegion(Blackhole blackhole) {
        for (Region region : regions) {
            keep(blackhole, compiler.compile(region));
        }
    }

    private void keep(Blackhole blackhole, CompiledBlock compiled) {
        if (keepClasses) {
            kept.add(compiled);
        } else {
            blackhole.consume(compiled);
        }
    }
}
