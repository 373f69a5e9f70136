package dev.jx86.backend.jvm.gen;

import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.eval.FlagsSemantics;
import dev.jx86.ir.eval.FloatExceptions;
import dev.jx86.ir.eval.VectorSemantics;
import dev.jx86.runtime.abi.FlatLayout;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.HostMemory;
import dev.jx86.runtime.abi.MemoryMiss;
import dev.jx86.runtime.abi.TlbArrays;
import java.lang.invoke.MethodHandles;

/**
 * What generated blocks call for the ops they do not inline, with the V128 operands passed as pairs of longs, and
 * the lookup whose package the blocks are defined in. Each method forwards to the IR's own semantics, so a compiled
 * block means exactly what the interpreter means. Results of V128 ops go to {@code out[0]} (low) and {@code out[1]}.
 */
public final class Support {
    private Support() {}

    /** A full-privilege lookup in this package: generated blocks become hidden classes here. */
    public static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
    }

    private static final int PAGE = TlbArrays.PAGE_SIZE;
    private static final int SPAN_BITS = Long.numberOfTrailingZeros(FlatLayout.SPAN);

    // ---- guest memory: the TLB probe and the host access on a hit (TlbArrays: tag at 2i, addend at 2i + 1), the
    // GuestMemory call on a miss. Small, so that HotSpot inlines them into the region.

    public static long load8(long[] tlb, GuestMemory memory, long address) {
        long page = address >>> TlbArrays.PAGE_SHIFT;
        int i = ((int) page & TlbArrays.MASK) << 1;
        if (HostMemory.entry(tlb, i) == page) {
            return HostMemory.getByte(HostMemory.entry(tlb, i + 1) + address);
        }
        return memory.load(address, 1);
    }

    public static long load16(long[] tlb, GuestMemory memory, long address) {
        long page = address >>> TlbArrays.PAGE_SHIFT;
        int i = ((int) page & TlbArrays.MASK) << 1;
        if (HostMemory.entry(tlb, i) == page && ((int) address & (PAGE - 1)) <= PAGE - 2) {
            return HostMemory.getShort(HostMemory.entry(tlb, i + 1) + address);
        }
        return memory.load(address, 2);
    }

    public static long load32(long[] tlb, GuestMemory memory, long address) {
        long page = address >>> TlbArrays.PAGE_SHIFT;
        int i = ((int) page & TlbArrays.MASK) << 1;
        if (HostMemory.entry(tlb, i) == page && ((int) address & (PAGE - 1)) <= PAGE - 4) {
            return HostMemory.getInt(HostMemory.entry(tlb, i + 1) + address);
        }
        return memory.load(address, 4);
    }

    public static long load64(long[] tlb, GuestMemory memory, long address) {
        long page = address >>> TlbArrays.PAGE_SHIFT;
        int i = ((int) page & TlbArrays.MASK) << 1;
        if (HostMemory.entry(tlb, i) == page && ((int) address & (PAGE - 1)) <= PAGE - 8) {
            return HostMemory.getLong(HostMemory.entry(tlb, i + 1) + address);
        }
        return memory.load(address, 8);
    }

    /** 16 bytes into {@code out[0]} (low) and {@code out[1]}. */
    public static void load128(long[] tlb, GuestMemory memory, long address, long[] out) {
        long page = address >>> TlbArrays.PAGE_SHIFT;
        int i = ((int) page & TlbArrays.MASK) << 1;
        if (HostMemory.entry(tlb, i) == page && ((int) address & (PAGE - 1)) <= PAGE - 16) {
            long host = HostMemory.entry(tlb, i + 1) + address;
            out[0] = HostMemory.getLong(host);
            out[1] = HostMemory.getLong(host + 8);
            return;
        }
        memory.load128(address, out);
    }

    public static void store8(long[] tlb, GuestMemory memory, long address, long value) {
        long page = address >>> TlbArrays.PAGE_SHIFT;
        int i = ((int) page & TlbArrays.MASK) << 1;
        if (HostMemory.entry(tlb, i) == page) {
            HostMemory.putByte(HostMemory.entry(tlb, i + 1) + address, value);
            return;
        }
        memory.store(address, 1, value);
    }

    public static void store16(long[] tlb, GuestMemory memory, long address, long value) {
        long page = address >>> TlbArrays.PAGE_SHIFT;
        int i = ((int) page & TlbArrays.MASK) << 1;
        if (HostMemory.entry(tlb, i) == page && ((int) address & (PAGE - 1)) <= PAGE - 2) {
            HostMemory.putShort(HostMemory.entry(tlb, i + 1) + address, value);
            return;
        }
        memory.store(address, 2, value);
    }

    public static void store32(long[] tlb, GuestMemory memory, long address, long value) {
        long page = address >>> TlbArrays.PAGE_SHIFT;
        int i = ((int) page & TlbArrays.MASK) << 1;
        if (HostMemory.entry(tlb, i) == page && ((int) address & (PAGE - 1)) <= PAGE - 4) {
            HostMemory.putInt(HostMemory.entry(tlb, i + 1) + address, value);
            return;
        }
        memory.store(address, 4, value);
    }

    public static void store64(long[] tlb, GuestMemory memory, long address, long value) {
        long page = address >>> TlbArrays.PAGE_SHIFT;
        int i = ((int) page & TlbArrays.MASK) << 1;
        if (HostMemory.entry(tlb, i) == page && ((int) address & (PAGE - 1)) <= PAGE - 8) {
            HostMemory.putLong(HostMemory.entry(tlb, i + 1) + address, value);
            return;
        }
        memory.store(address, 8, value);
    }

    public static void store128(long[] tlb, GuestMemory memory, long address, long low, long high) {
        long page = address >>> TlbArrays.PAGE_SHIFT;
        int i = ((int) page & TlbArrays.MASK) << 1;
        if (HostMemory.entry(tlb, i) == page && ((int) address & (PAGE - 1)) <= PAGE - 16) {
            long host = HostMemory.entry(tlb, i + 1) + address;
            HostMemory.putLong(host, low);
            HostMemory.putLong(host + 8, high);
            return;
        }
        memory.store128(address, low, high);
    }

    // ---- flat guest memory (runtime/abi/FlatLayout): the span check and the permission bytes of the access's first
    // and last pages (flat frames are contiguous, so an access crossing pages is one host access), then the host
    // access at base + address, whose address depends on no load. Anything else throws MemoryMiss, and the region
    // leaves for the interpreter at the access (docs/memory.md); a memory that is not flat (the verifier's copy)
    // is called instead.

    /** Whether {@code size} bytes at {@code address} may be accessed as {@code bit} says without asking the memory. */
    private static boolean allowed(long permissions, long address, int size, int bit) {
        long last = address + size - 1;
        return ((address | last) >>> SPAN_BITS) == 0
                && (HostMemory.getByte(permissions + (address >>> FlatLayout.PAGE_SHIFT))
                                & HostMemory.getByte(permissions + (last >>> FlatLayout.PAGE_SHIFT))
                                & bit)
                        != 0;
    }

    public static long flatLoad8(long permissions, long base, GuestMemory memory, long address) {
        if (allowed(permissions, address, 1, FlatLayout.READ)) {
            return HostMemory.getByte(base + address);
        }
        leaveIfFlat(permissions);
        return memory.load(address, 1);
    }

    public static long flatLoad16(long permissions, long base, GuestMemory memory, long address) {
        if (allowed(permissions, address, 2, FlatLayout.READ)) {
            return HostMemory.getShort(base + address);
        }
        leaveIfFlat(permissions);
        return memory.load(address, 2);
    }

    public static long flatLoad32(long permissions, long base, GuestMemory memory, long address) {
        if (allowed(permissions, address, 4, FlatLayout.READ)) {
            return HostMemory.getInt(base + address);
        }
        leaveIfFlat(permissions);
        return memory.load(address, 4);
    }

    public static long flatLoad64(long permissions, long base, GuestMemory memory, long address) {
        if (allowed(permissions, address, 8, FlatLayout.READ)) {
            return HostMemory.getLong(base + address);
        }
        leaveIfFlat(permissions);
        return memory.load(address, 8);
    }

    /** 16 bytes into {@code out[0]} (low) and {@code out[1]}. */
    public static void flatLoad128(long permissions, long base, GuestMemory memory, long address, long[] out) {
        if (allowed(permissions, address, 16, FlatLayout.READ)) {
            out[0] = HostMemory.getLong(base + address);
            out[1] = HostMemory.getLong(base + address + 8);
            return;
        }
        leaveIfFlat(permissions);
        memory.load128(address, out);
    }

    public static void flatStore8(long permissions, long base, GuestMemory memory, long address, long value) {
        if (allowed(permissions, address, 1, FlatLayout.WRITE)) {
            HostMemory.putByte(base + address, value);
            return;
        }
        leaveIfFlat(permissions);
        memory.store(address, 1, value);
    }

    public static void flatStore16(long permissions, long base, GuestMemory memory, long address, long value) {
        if (allowed(permissions, address, 2, FlatLayout.WRITE)) {
            HostMemory.putShort(base + address, value);
            return;
        }
        leaveIfFlat(permissions);
        memory.store(address, 2, value);
    }

    public static void flatStore32(long permissions, long base, GuestMemory memory, long address, long value) {
        if (allowed(permissions, address, 4, FlatLayout.WRITE)) {
            HostMemory.putInt(base + address, value);
            return;
        }
        leaveIfFlat(permissions);
        memory.store(address, 4, value);
    }

    public static void flatStore64(long permissions, long base, GuestMemory memory, long address, long value) {
        if (allowed(permissions, address, 8, FlatLayout.WRITE)) {
            HostMemory.putLong(base + address, value);
            return;
        }
        leaveIfFlat(permissions);
        memory.store(address, 8, value);
    }

    public static void flatStore128(
            long permissions, long base, GuestMemory memory, long address, long low, long high) {
        if (allowed(permissions, address, 16, FlatLayout.WRITE)) {
            HostMemory.putLong(base + address, low);
            HostMemory.putLong(base + address + 8, high);
            return;
        }
        leaveIfFlat(permissions);
        memory.store128(address, low, high);
    }

    // ---- coalesced checks (docs/memory.md, "Coalesced checks"): one check of the span a group of accesses touches,
    // at the first of them, then each access to host memory without a check of its own. With a memory that is not
    // flat the check passes nothing and each access calls the memory, as the accessors above do.

    /** Whether bytes {@code first..last} (at most a page apart, so on at most two pages) may be accessed as {@code bit} says. */
    private static boolean allowed(long permissions, long first, long last, int bit) {
        return ((first | last) >>> SPAN_BITS) == 0
                && (HostMemory.getByte(permissions + (first >>> FlatLayout.PAGE_SHIFT))
                                & HostMemory.getByte(permissions + (last >>> FlatLayout.PAGE_SHIFT))
                                & bit)
                        != 0;
    }

    /** The check of a group: leaves the region (MemoryMiss) unless bytes {@code first..last} allow {@code bit}. */
    public static void flatCheck(long permissions, long first, long last, int bit) {
        if (!allowed(permissions, first, last, bit)) {
            leaveIfFlat(permissions);
        }
    }

    public static long flatCoveredLoad8(long permissions, long base, GuestMemory memory, long address) {
        return permissions != FlatLayout.NO_PERMISSIONS ? HostMemory.getByte(base + address) : memory.load(address, 1);
    }

    public static long flatCoveredLoad16(long permissions, long base, GuestMemory memory, long address) {
        return permissions != FlatLayout.NO_PERMISSIONS ? HostMemory.getShort(base + address) : memory.load(address, 2);
    }

    public static long flatCoveredLoad32(long permissions, long base, GuestMemory memory, long address) {
        return permissions != FlatLayout.NO_PERMISSIONS ? HostMemory.getInt(base + address) : memory.load(address, 4);
    }

    public static long flatCoveredLoad64(long permissions, long base, GuestMemory memory, long address) {
        return permissions != FlatLayout.NO_PERMISSIONS ? HostMemory.getLong(base + address) : memory.load(address, 8);
    }

    public static void flatCoveredLoad128(long permissions, long base, GuestMemory memory, long address, long[] out) {
        if (permissions != FlatLayout.NO_PERMISSIONS) {
            out[0] = HostMemory.getLong(base + address);
            out[1] = HostMemory.getLong(base + address + 8);
        } else {
            memory.load128(address, out);
        }
    }

    public static void flatCoveredStore8(long permissions, long base, GuestMemory memory, long address, long value) {
        if (permissions != FlatLayout.NO_PERMISSIONS) {
            HostMemory.putByte(base + address, value);
        } else {
            memory.store(address, 1, value);
        }
    }

    public static void flatCoveredStore16(long permissions, long base, GuestMemory memory, long address, long value) {
        if (permissions != FlatLayout.NO_PERMISSIONS) {
            HostMemory.putShort(base + address, value);
        } else {
            memory.store(address, 2, value);
        }
    }

    public static void flatCoveredStore32(long permissions, long base, GuestMemory memory, long address, long value) {
        if (permissions != FlatLayout.NO_PERMISSIONS) {
            HostMemory.putInt(base + address, value);
        } else {
            memory.store(address, 4, value);
        }
    }

    public static void flatCoveredStore64(long permissions, long base, GuestMemory memory, long address, long value) {
        if (permissions != FlatLayout.NO_PERMISSIONS) {
            HostMemory.putLong(base + address, value);
        } else {
            memory.store(address, 8, value);
        }
    }

    public static void flatCoveredStore128(
            long permissions, long base, GuestMemory memory, long address, long low, long high) {
        if (permissions != FlatLayout.NO_PERMISSIONS) {
            HostMemory.putLong(base + address, low);
            HostMemory.putLong(base + address + 8, high);
        } else {
            memory.store128(address, low, high);
        }
    }

    /** An access the fast path does not cover leaves the region; a memory that is not flat is called instead. */
    private static void leaveIfFlat(long permissions) {
        if (permissions != FlatLayout.NO_PERMISSIONS) {
            throw MemoryMiss.INSTANCE;
        }
    }

    /**
     * The flags a lazily kept {@code flags.K} stands for: {@code code} is K's ordinal shifted left by 8 or'ed with
     * the width in bits, the operands as K lists them (unused ones 0). Compiled regions call this only when the
     * flags are observed: read by a later block, written back at an exit, a helper or a fault.
     */
    public static long flags(int code, long res, long b, long c, long d) {
        return FlagsSemantics.bits(code, res, b, c, d);
    }

    public static void vectorBinary(
            Op op, long aux0, long aux1, long aLow, long aHigh, long bLow, long bHigh, long env, long[] out) {
        VectorSemantics.binary(op, aux0, aux1, new long[] {aLow, aHigh}, new long[] {bLow, bHigh}, env, out);
    }

    public static void vectorUnary(Op op, long aux0, long aLow, long aHigh, long env, long[] out) {
        VectorSemantics.unary(op, aux0, new long[] {aLow, aHigh}, env, out);
    }

    public static long moveMask(LaneShape shape, long aLow, long aHigh) {
        return VectorSemantics.moveMask(shape, new long[] {aLow, aHigh});
    }

    public static long vectorFloatExceptions(
            FloatOperation k, LaneShape shape, long aLow, long aHigh, long bLow, long bHigh, long env) {
        return FloatExceptions.vfexcept(k, shape, new long[] {aLow, aHigh}, new long[] {bLow, bHigh}, env);
    }
}
