package dev.jx86.backend.jvm;

import dev.jx86.backend.jvm.gen.Support;
import dev.jx86.ir.Block;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.FlatLayout;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.Helpers;
import dev.jx86.runtime.abi.MemoryMiss;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.TlbArrays;
import dev.jx86.runtime.exec.LogItem;
import dev.jx86.runtime.tier1.BlockCompiler;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.runtime.tier1.Optimization;
import dev.jx86.runtime.tier1.Region;
import dev.jx86.runtime.tier1.RegionCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.objectweb.asm.LimitExceededException;

/**
 * Tier 1: emits a class per block or region ({@link RegionEmitter}) and defines it as a hidden class in
 * {@code dev.jx86.backend.jvm.gen}, without {@code STRONG}, so that it is unloaded once the runtime drops the
 * {@link CompiledBlock}. A region whose method would exceed HotSpot's 8000-byte limit for JIT compilation is not
 * compiled ({@link #compile} returns {@code null}; interpreting it is faster than running a method that stays
 * interpreted). Thread-safe.
 */
public final class JvmBlockCompiler implements BlockCompiler {
    /** HotSpot's {@code HugeMethodLimit}: larger methods are never JIT-compiled. */
    public static final int HUGE_METHOD_LIMIT = 8000;

    private final MethodHandles.Lookup lookup = Support.lookup();
    private final LongAdder compiled = new LongAdder();
    private final LongAdder tooLarge = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    public JvmBlockCompiler() {}

    @Override
    public CompiledBlock compile(Region region, Optimization optimization) {
        long start = System.nanoTime();
        RegionEmitter.Emitted emitted;
        try {
            emitted = RegionEmitter.emit(region, optimization);
        } catch (LimitExceededException e) {
            // ASM's bound on the work of computing frames: a method this large is not one to compile either
            tooLarge.increment();
            return null;
        }
        if (emitted.codeSize() > HUGE_METHOD_LIMIT) {
            tooLarge.increment();
            return null;
        }
        if (DUMP_DIRECTORY != null) {
            dump(emitted);
        }
        if (LogItem.OUT_ASM.enabledAt(region.pc())) {
            LogItem.OUT_ASM.log(
                    "OUT: [{}] {}\n{}{}",
                    Long.toHexString(region.pc()),
                    region.name(),
                    emitted.checks(),
                    Bytecode.text(emitted));
        }
        var defined = define(emitted, region.counters());
        compiled.increment();
        long took = System.nanoTime() - start;
        nanos.add(took);
        if (region.counters() != null) {
            region.counters().compiled(defined.getClass().getName(), emitted.codeSize(), took);
        }
        return defined;
    }

    /**
     * Takes every {@link Support} accessor through its TLB-miss path as well as its hit path, a few thousand times,
     * before any region runs. Regions inline the accessors and C2 compiles them with the accessors' own branch
     * profile, which all regions share: a miss path that profile has never seen taken is compiled as an uncommon
     * trap, and the first miss in a region then deoptimizes it and has it compiled again (docs/jvm-tier.md).
     */
    @Override
    public void warmUp(Cpu cpu) {
        GuestMemory memory = cpu.memory();
        TlbArrays tlb = memory.tlb();
        if (tlb == TlbArrays.NONE) {
            return;
        }
        long address = (cpu.gpr(StateLayout.RSP) - 64) & ~15L;
        long[] pair = new long[2];
        try {
            memory.load(address, 8);
            memory.store(address, 8, memory.load(address, 8));
        } catch (GuestFault fault) {
            return; // no writable stack: nothing to warm up with
        }
        if (FlatLayout.ENABLED) {
            warmUpFlat(tlb, memory, address);
            return;
        }
        int i = (int) ((address >>> TlbArrays.PAGE_SHIFT) & TlbArrays.MASK) << 1;
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (int miss = 0; miss < 2; miss++) {
                boolean forget = miss == 1;
                forgetEntry(tlb, i, forget);
                Support.store8(tlb.write, memory, address, Support.load8(tlb.read, memory, address));
                forgetEntry(tlb, i, forget);
                Support.store16(tlb.write, memory, address, Support.load16(tlb.read, memory, address));
                forgetEntry(tlb, i, forget);
                Support.store32(tlb.write, memory, address, Support.load32(tlb.read, memory, address));
                forgetEntry(tlb, i, forget);
                Support.store64(tlb.write, memory, address, Support.load64(tlb.read, memory, address));
                forgetEntry(tlb, i, forget);
                Support.load128(tlb.read, memory, address, pair);
                Support.store128(tlb.write, memory, address, pair[0], pair[1]);
            }
        }
    }

    /**
     * {@link #warmUp} of the flat accessors: the hit path at {@code address} (its page was just touched, so it may be
     * read and written, and each store writes back what was read) and the miss path, which throws, beyond the span;
     * loads and stores each take both, and so does the coalesced check (whose covered accessors have no miss path). The path that calls a memory that is not flat stays cold, so that C2 leaves
     * it out of regions.
     */
    private static void warmUpFlat(TlbArrays tlb, GuestMemory memory, long address) {
        if (tlb.permissions == FlatLayout.NO_PERMISSIONS) {
            return; // not flat: every access calls the memory, nothing to warm up
        }
        long outside = FlatLayout.SPAN + address;
        long[] pair = new long[2];
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (int bytes : FLAT_SIZES) {
                warmUpFlat(tlb, memory, address, bytes, pair);
                warmUpFlat(tlb, memory, outside, bytes, pair);
                warmUpCovered(tlb, memory, address, bytes, pair);
            }
            try {
                Support.flatCheck(tlb.permissions, outside, outside + 8, FlatLayout.READ);
            } catch (MemoryMiss expected) {
                // the coalesced check's miss path
            }
        }
    }

    private static final int[] FLAT_SIZES = {1, 2, 4, 8, 16};

    /** The coalesced check's hit path at {@code at} and the covered accessors there (stores write back what was read). */
    private static void warmUpCovered(TlbArrays tlb, GuestMemory memory, long at, int bytes, long[] pair) {
        long p = tlb.permissions;
        long b = tlb.base;
        Support.flatCheck(p, at, at + bytes - 1, FlatLayout.READ);
        Support.flatCheck(p, at, at + bytes - 1, FlatLayout.WRITE);
        switch (bytes) {
            case 1 -> Support.flatCoveredStore8(p, b, memory, at, Support.flatCoveredLoad8(p, b, memory, at));
            case 2 -> Support.flatCoveredStore16(p, b, memory, at, Support.flatCoveredLoad16(p, b, memory, at));
            case 4 -> Support.flatCoveredStore32(p, b, memory, at, Support.flatCoveredLoad32(p, b, memory, at));
            case 8 -> Support.flatCoveredStore64(p, b, memory, at, Support.flatCoveredLoad64(p, b, memory, at));
            default -> {
                Support.flatCoveredLoad128(p, b, memory, at, pair);
                Support.flatCoveredStore128(p, b, memory, at, pair[0], pair[1]);
            }
        }
    }

    /** One load and one store of {@code bytes} at {@code at} through the flat accessors; a miss is caught. */
    private static void warmUpFlat(TlbArrays tlb, GuestMemory memory, long at, int bytes, long[] pair) {
        long p = tlb.permissions;
        long b = tlb.base;
        try {
            pair[0] = switch (bytes) {
                case 1 -> Support.flatLoad8(p, b, memory, at);
                case 2 -> Support.flatLoad16(p, b, memory, at);
                case 4 -> Support.flatLoad32(p, b, memory, at);
                case 8 -> Support.flatLoad64(p, b, memory, at);
                default -> {
                    Support.flatLoad128(p, b, memory, at, pair);
                    yield pair[0];
                }
            };
        } catch (MemoryMiss expected) {
            // the miss path, as a region leaves by it
        }
        try {
            switch (bytes) {
                case 1 -> Support.flatStore8(p, b, memory, at, pair[0]);
                case 2 -> Support.flatStore16(p, b, memory, at, pair[0]);
                case 4 -> Support.flatStore32(p, b, memory, at, pair[0]);
                case 8 -> Support.flatStore64(p, b, memory, at, pair[0]);
                default -> Support.flatStore128(p, b, memory, at, pair[0], pair[1]);
            }
        } catch (MemoryMiss expected) {
            // likewise
        }
    }

    /** Empties TLB entry {@code i} when {@code forget}, so that the next access takes the miss path. */
    private static void forgetEntry(TlbArrays tlb, int i, boolean forget) {
        if (forget) {
            tlb.read[i] = TlbArrays.INVALID;
            tlb.write[i] = TlbArrays.INVALID;
        }
    }

    private static final int WARM_UP_ROUNDS = 2000;

    /** Where to write every class file defined, for {@code javap}: system property {@code jx86.dumpClasses}. */
    private static final String DUMP_DIRECTORY = System.getProperty("jx86.dumpClasses");

    private static void dump(RegionEmitter.Emitted emitted) {
        Path file = Path.of(
                DUMP_DIRECTORY,
                emitted.className().substring(emitted.className().lastIndexOf('/') + 1) + ".class");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, emitted.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot dump " + file, e);
        }
    }

    /** The class file {@link #compile} would define for {@code region} (for tests and dumps). */
    public static byte[] classFile(Region region) {
        return RegionEmitter.emit(region).bytes();
    }

    /** The class file of a region of {@code block} alone. */
    public static byte[] classFile(Block block) {
        return classFile(Region.of(block));
    }

    /** The size in bytes of the {@code run} method's code for {@code region}. */
    public static int codeSize(Region region) {
        return RegionEmitter.emit(region).codeSize();
    }

    /** The size in bytes of the {@code run} method's code for a region of {@code block} alone. */
    public static int codeSize(Block block) {
        return codeSize(Region.of(block));
    }

    /** Defines the class with its class data: the helper bodies in field order, then the entry counters if counted. */
    private CompiledBlock define(RegionEmitter.Emitted emitted, RegionCounters counters) {
        List<Integer> ids = emitted.helperIds();
        // The helpers' bodies, the entry counters if counted, then a slot where the class's initializer leaves its
        // one instance.
        Object[] data = new Object[ids.size() + (emitted.counted() ? 1 : 0) + 1];
        for (int k = 0; k < ids.size(); k++) {
            data[k] = Helpers.byId(ids.get(k)).body();
        }
        if (emitted.counted()) {
            data[ids.size()] = counters.counters();
        }
        try {
            MethodHandles.Lookup hidden = lookup.defineHiddenClassWithClassData(emitted.bytes(), data, false);
            hidden.ensureInitialized(hidden.lookupClass());
            return (CompiledBlock) data[data.length - 1];
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot define the class of block " + emitted.className(), e);
        }
    }

    /** Blocks compiled so far. */
    public long compiledCount() {
        return compiled.sum();
    }

    /** Blocks refused because their method would exceed {@link #HUGE_METHOD_LIMIT}. */
    public long tooLargeCount() {
        return tooLarge.sum();
    }

    /** Total time spent compiling (emitting and defining), in nanoseconds. */
    public long compileNanos() {
        return nanos.sum();
    }
}
