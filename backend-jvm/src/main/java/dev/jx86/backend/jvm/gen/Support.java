package dev.jx86.backend.jvm.gen;

import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.eval.FlagsSemantics;
import dev.jx86.ir.eval.FloatExceptions;
import dev.jx86.ir.eval.VectorSemantics;
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

    private static final FlagsKind[] KINDS = FlagsKind.values();

    /**
     * The flags a lazily kept {@code flags.K} stands for: {@code code} is K's ordinal shifted left by 8 or'ed with
     * the width in bits, the operands as K lists them (unused ones 0). Compiled regions call this only when the
     * flags are observed: read by a later block, written back at an exit, a helper or a fault.
     */
    public static long flags(int code, long res, long b, long c, long d) {
        return FlagsSemantics.bits(KINDS[code >>> 8], code & 0xff, res, b, c, d);
    }

    public static void vectorBinary(
            Op op, long aux0, long aux1, long aLow, long aHigh, long bLow, long bHigh, long env, long[] out) {
        VectorSemantics.binary(op, aux0, aux1, new long[] {aLow, aHigh}, new long[] {bLow, bHigh}, env, out);
    }

    public static void vectorUnary(Op op, long aux0, long aLow, long aHigh, long env, long[] out) {
        VectorSemantics.unary(op, aux0, new long[] {aLow, aHigh}, env, out);
    }

    public static void vectorShift(Op op, LaneShape shape, long aLow, long aHigh, long count, long[] out) {
        VectorSemantics.shift(op, shape, new long[] {aLow, aHigh}, count, out);
    }

    public static void vectorShuffle(
            long tableLow, long tableHigh, long aLow, long aHigh, long bLow, long bHigh, long[] out) {
        VectorSemantics.shuffle(tableLow, tableHigh, new long[] {aLow, aHigh}, new long[] {bLow, bHigh}, out);
    }

    public static long moveMask(LaneShape shape, long aLow, long aHigh) {
        return VectorSemantics.moveMask(shape, new long[] {aLow, aHigh});
    }

    public static long vectorFloatExceptions(
            FloatOperation k, LaneShape shape, long aLow, long aHigh, long bLow, long bHigh, long env) {
        return FloatExceptions.lanes(k, shape, new long[] {aLow, aHigh}, new long[] {bLow, bHigh}, env);
    }
}
