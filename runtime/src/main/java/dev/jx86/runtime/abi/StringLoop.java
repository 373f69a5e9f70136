package dev.jx86.runtime.abi;

import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.eval.FlagsSemantics;

/**
 * One run of a REP-prefixed string instruction for {@link StringHelpers}: up to {@link #LIMIT} iterations through
 * the CPU's memory, with the count and index registers (CX/ECX/RCX, SI.., DI.. by the address size) in locals that
 * are written back when it stops — also when an access faults, so that the registers then describe exactly the
 * completed iterations and the instruction restarts where it stopped (SDM Vol. 1 7.3.9.3). A failed access changes
 * nothing (GuestMemory's contract), so an element is either done or not.
 *
 * <p>Forward byte/word/dword MOVS and STOS move 8 bytes at a time where source and destination cannot overlap
 * within the 8 bytes; when such a wide access faults, the elements it covered run one by one, which faults at the
 * exact element.
 */
final class StringLoop {
    /** Iterations per helper call, so that a long REP returns to the dispatcher now and then. */
    static final long LIMIT = 1 << 20;

    private final Cpu cpu;
    private final GuestMemory memory;
    private final int size;
    private final int addressBytes;
    private final long addressMask;
    private final long step;
    private final boolean usesSource;
    private final boolean usesDestination;
    private long count;
    private long si;
    private long di;
    private long iterations;

    StringLoop(Cpu cpu, int size, int addressBytes, boolean usesSource, boolean usesDestination) {
        this.cpu = cpu;
        this.memory = cpu.memory();
        this.size = size;
        this.addressBytes = addressBytes;
        this.addressMask = addressBytes == 8 ? -1L : (1L << 8 * addressBytes) - 1;
        this.step = (cpu.state[StateLayout.RFLAGS] & StateLayout.DF_BIT) != 0 ? -size : size;
        this.usesSource = usesSource;
        this.usesDestination = usesDestination;
        this.count = cpu.gpr(StateLayout.RCX) & addressMask;
        this.si = cpu.gpr(StateLayout.RSI) & addressMask;
        this.di = cpu.gpr(StateLayout.RDI) & addressMask;
    }

    private long sizeMask() {
        return size == 8 ? -1L : (1L << 8 * size) - 1;
    }

    /** A linear address: segment base plus offset, wrapped to 32 bits outside 64-bit mode. */
    private long linear(long base, long offset) {
        long a = base + offset;
        return cpu.mode() == CpuMode.LONG_64 ? a : a & 0xffffffffL;
    }

    private boolean more() {
        return count != 0 && iterations < LIMIT;
    }

    /** Counts one completed iteration. */
    private void advance(int elements) {
        if (usesSource) {
            si = (si + step * elements) & addressMask;
        }
        if (usesDestination) {
            di = (di + step * elements) & addressMask;
        }
        count = (count - elements) & addressMask;
        iterations += elements;
    }

    /** Whether an 8-byte chunk of {@code elements} forward elements fits without wrapping the offsets. */
    private boolean chunkable(long elements) {
        return step > 0
                && size < 8
                && Long.compareUnsigned(count, elements) >= 0
                && (!usesSource || addressBytes == 8 || si + 8 <= addressMask)
                && (!usesDestination || addressBytes == 8 || di + 8 <= addressMask);
    }

    private void writeIndex(int register, long value) {
        switch (addressBytes) {
            case 8 -> cpu.gpr(register, value);
            case 4 -> cpu.gpr(register, value & 0xffffffffL);
            default -> cpu.gpr(register, (cpu.gpr(register) & ~0xffffL) | (value & 0xffff));
        }
    }

    /** Writes the registers of the completed iterations (none if there were none). */
    private void commit() {
        if (iterations == 0) {
            return;
        }
        writeIndex(StateLayout.RCX, count);
        if (usesSource) {
            writeIndex(StateLayout.RSI, si);
        }
        if (usesDestination) {
            writeIndex(StateLayout.RDI, di);
        }
    }

    /** The result of a helper (the registers are already written back): 1 if the instruction is complete, 0 if it must run again. */
    private long finished(boolean terminated) {
        return terminated || count == 0 ? 1 : 0;
    }

    long movs(long sourceBase) {
        long perChunk = 8 / size;
        try {
            long singles = 0;
            while (more()) {
                long src = linear(sourceBase, si);
                long dst = linear(0, di);
                if (singles == 0 && chunkable(perChunk) && (dst - src >= 8 || dst - src <= -8)) {
                    try {
                        memory.store(dst, 8, memory.load(src, 8));
                        advance((int) perChunk);
                        continue;
                    } catch (GuestFault fault) {
                        singles = perChunk;
                    }
                }
                memory.store(dst, size, memory.load(src, size));
                advance(1);
                singles = Math.max(0, singles - 1);
            }
        } finally {
            commit();
        }
        return finished(false);
    }

    long stos() {
        long value = cpu.gpr(StateLayout.RAX) & sizeMask();
        long wide = value;
        for (int shift = size * 8; shift < 64; shift *= 2) {
            wide |= wide << shift;
        }
        long perChunk = 8 / size;
        try {
            long singles = 0;
            while (more()) {
                long dst = linear(0, di);
                if (singles == 0 && chunkable(perChunk)) {
                    try {
                        memory.store(dst, 8, wide);
                        advance((int) perChunk);
                        continue;
                    } catch (GuestFault fault) {
                        singles = perChunk;
                    }
                }
                memory.store(dst, size, value);
                advance(1);
                singles = Math.max(0, singles - 1);
            }
        } finally {
            commit();
        }
        return finished(false);
    }

    long lods(long sourceBase) {
        long value = 0;
        try {
            while (more()) {
                value = memory.load(linear(sourceBase, si), size);
                advance(1);
            }
        } finally {
            if (iterations > 0) {
                writeAccumulator(value);
            }
            commit();
        }
        return finished(false);
    }

    private void writeAccumulator(long value) {
        long rax = cpu.gpr(StateLayout.RAX);
        cpu.gpr(
                StateLayout.RAX,
                switch (size) {
                    case 1 -> (rax & ~0xffL) | value;
                    case 2 -> (rax & ~0xffffL) | value;
                    default -> value;
                });
    }

    /** CMPS (sourceBase given) or SCAS (accumulator against ES:rDI); REPE stops on unequal, REPNE on equal. */
    long compare(long sourceBase, boolean scan, boolean repne) {
        long flags = FlagsState.bits(cpu.state);
        boolean terminated = false;
        long accumulator = cpu.gpr(StateLayout.RAX) & sizeMask();
        try {
            while (more()) {
                long a = scan ? accumulator : memory.load(linear(sourceBase, si), size);
                long b = memory.load(linear(0, di), size);
                advance(1);
                flags = FlagsSemantics.bits(FlagsKind.SUB, size * 8, new long[] {(a - b) & sizeMask(), a, b});
                if (repne == (a == b)) {
                    terminated = true;
                    break;
                }
            }
        } finally {
            if (iterations > 0) {
                cpu.state[StateLayout.FLAGS] = flags;
            }
            commit();
        }
        return finished(terminated);
    }
}
