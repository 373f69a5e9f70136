package dev.jx86.runtime.exec;

import dev.jx86.ir.Block;
import dev.jx86.ir.ExitReason;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Translator;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.runtime.tier1.BlockCompiler;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.runtime.tier1.Optimization;
import dev.jx86.runtime.tier1.Region;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** What the execution loop's tests run: a table translator, no memory, small hand-written blocks, a stand-in backend. */
final class LoopFixtures {
    private LoopFixtures() {}

    /** A translator that serves blocks from a table and counts translations. */
    static final class TableTranslator implements Translator {
        final Map<Long, LongFunction<Block>> blocks = new HashMap<>();
        final List<Long> translated = new ArrayList<>();

        @Override
        public Block translate(GuestMemory memory, long pc, CpuMode mode) {
            translated.add(pc);
            LongFunction<Block> f = blocks.get(pc);
            if (f == null) {
                throw new GuestFault(Vectors.PF, 0x14, pc);
            }
            return f.apply(pc);
        }
    }

    /** No memory: these blocks never load or store. */
    static final GuestMemory NO_MEMORY = new GuestMemory() {
        @Override
        public long load(long address, int size) {
            throw new GuestFault(Vectors.PF, 4, address);
        }

        @Override
        public void store(long address, int size, long value) {
            throw new GuestFault(Vectors.PF, 6, address);
        }

        @Override
        public int fetch(long address, byte[] buffer, int length) {
            throw new GuestFault(Vectors.PF, 0x14, address);
        }

        @Override
        public void checkWrite(long address, long length) {}

        @Override
        public void checkRead(long address, long length) {}
    };

    /** rax -= 1; loop to the same pc while rax != 0, else go on to pc + 0x10. */
    static Block countdown(long pc) {
        IrBuilder b = new IrBuilder(pc);
        b.boundary(pc, 4);
        Value rax = b.get(Type.I64, StateLayout.RAX);
        Value next = b.sub(rax, b.constant(Type.I64, 1));
        b.set(StateLayout.RAX, next);
        Value more = b.icmp(IntCondition.NE, next, b.constant(Type.I64, 0));
        return b.branch(more, pc, pc + 0x10);
    }

    static Block syscall(long pc) {
        IrBuilder b = new IrBuilder(pc);
        b.boundary(pc, 2);
        return b.exit(ExitReason.SYSCALL, pc + 2);
    }

    static Block loopHead(long pc) {
        IrBuilder b = new IrBuilder(pc);
        b.boundary(pc, 4);
        Value next = b.sub(b.get(Type.I64, StateLayout.RAX), b.constant(Type.I64, 1));
        b.set(StateLayout.RAX, next);
        return b.branch(b.icmp(IntCondition.NE, next, b.constant(Type.I64, 0)), 0x1020, 0x1010);
    }

    /** rbx += 1, back to 0x1000. */
    static Block loopBody(long pc) {
        IrBuilder b = new IrBuilder(pc);
        b.boundary(pc, 4);
        b.set(StateLayout.RBX, b.add(b.get(Type.I64, StateLayout.RBX), b.constant(Type.I64, 1)));
        return b.jump(0x1000);
    }

    /**
     * A stand-in backend whose "compiled" code interprets the region's blocks as compiled regions run them: on to the
     * next block while it is one of the region's, leaving at a back edge only when asked to.
     */
    static final class InterpretingCompiler implements BlockCompiler {
        final List<List<Long>> regions = new ArrayList<>();
        final List<Optimization> optimizations = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public CompiledBlock compile(Region region, Optimization optimization) {
            optimizations.add(optimization);
            regions.add(region.blocks().stream().map(Block::pc).toList());
            return (cpu, outcome) -> {
                Interpreter interpreter = new Interpreter();
                int k = 0;
                while (true) {
                    if (region.counters() != null) {
                        region.counters().counter(k).count++;
                    }
                    long next = interpreter.run(region.blocks().get(k), cpu, outcome);
                    int following = -1;
                    for (int j = 0; j < region.blocks().size(); j++) {
                        following = region.blocks().get(j).pc() == next ? j : following;
                    }
                    if (outcome.kind != Interpreter.Outcome.CONTINUE
                            || following < 0
                            || (following <= k && outcome.exitRequested)) {
                        return next;
                    }
                    k = following;
                }
            };
        }
    }
}
