package dev.jx86.backend.jvm;

import dev.jx86.backend.jvm.gen.Support;
import dev.jx86.ir.Block;
import dev.jx86.runtime.abi.Helpers;
import dev.jx86.runtime.tier1.BlockCompiler;
import dev.jx86.runtime.tier1.CompiledBlock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tier 1, one block at a time: emits a class per block ({@link BlockEmitter}) and defines it as a hidden class in
 * {@code dev.jx86.backend.jvm.gen}, without {@code STRONG}, so that it is unloaded once the runtime drops the
 * {@link CompiledBlock}. A block whose method would exceed HotSpot's 8000-byte limit for JIT compilation is not
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
    public CompiledBlock compile(Block block) {
        long start = System.nanoTime();
        BlockEmitter.Emitted emitted = BlockEmitter.emit(block);
        if (emitted.codeSize() > HUGE_METHOD_LIMIT) {
            tooLarge.increment();
            return null;
        }
        CompiledBlock result = define(emitted);
        compiled.increment();
        nanos.add(System.nanoTime() - start);
        return result;
    }

    /** The class file {@link #compile} would define for {@code block} (for tests and dumps). */
    public static byte[] classFile(Block block) {
        return BlockEmitter.emit(block).bytes();
    }

    /** The size in bytes of the {@code run} method's code for {@code block}. */
    public static int codeSize(Block block) {
        return BlockEmitter.emit(block).codeSize();
    }

    private CompiledBlock define(BlockEmitter.Emitted emitted) {
        List<Integer> ids = emitted.helperIds();
        Object[] helpers = new Object[ids.size()];
        for (int k = 0; k < helpers.length; k++) {
            helpers[k] = Helpers.byId(ids.get(k)).body();
        }
        try {
            MethodHandles.Lookup hidden = lookup.defineHiddenClassWithClassData(emitted.bytes(), helpers, true);
            return (CompiledBlock) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
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
