package dev.jx86.ir.eval;

import dev.jx86.ir.Block;
import dev.jx86.ir.Flag;
import dev.jx86.ir.FlagCondition;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Signature;
import dev.jx86.ir.Type;

/**
 * Computes the result of one computational instruction from its arguments' values: the single definition of what
 * every pure op means, shared by the evaluator and constant folding so that they cannot disagree. Values are held in
 * {@code low[i]}/{@code high[i]} by instruction index; a FLAGS value is its six flags in EFLAGS layout.
 */
public final class PureSemantics {
    private PureSemantics() {}

    /** Whether {@link #compute} can evaluate instruction {@code i} (not state, memory, calls or boundaries). */
    public static boolean computable(Block b, int i) {
        return switch (b.op(i).signature()) {
            case GET, SET, LOAD, STORE, CALL, BOUNDARY -> false;
            default -> true;
        };
    }

    /** Computes instruction {@code i} of {@code b} into {@code low[i]} and {@code high[i]}. */
    public static void compute(Block b, int i, long[] low, long[] high) {
        Op op = b.op(i);
        Type t = b.type(i);
        int n = b.argCount(i);
        long x = n > 0 ? low[b.arg(i, 0)] : 0;
        long y = n > 1 ? low[b.arg(i, 1)] : 0;
        long env = op.takesFloatEnvironment() ? low[b.arg(i, n - 1)] : 0;
        high[i] = 0;
        low[i] = switch (op.signature()) {
            case CONST -> {
                high[i] = b.aux1(i);
                yield b.aux0(i);
            }
            case UNARY ->
                switch (op) {
                    case FSQRT -> FloatSemantics.sqrt(t, x, env);
                    case FROUND -> FloatSemantics.round(t, x, env);
                    default -> unary(op, t, x, high[b.arg(i, 0)], high, i);
                };
            case BINARY -> binary(b, i, low, high, env);
            case SHIFT -> IntegerSemantics.binary(op, t, x, y);
            case COMPARE ->
                bit(
                        op == Op.ICMP
                                ? IntegerSemantics.compare(
                                        IntCondition.values()[(int) b.aux0(i)], b.type(b.arg(i, 0)), x, y)
                                : FloatSemantics.compare(
                                        dev.jx86.ir.FloatCondition.values()[(int) b.aux0(i)],
                                        b.type(b.arg(i, 0)),
                                        x,
                                        y,
                                        env));
            case SELECT -> {
                int chosen = b.arg(i, x != 0 ? 1 : 2);
                high[i] = high[chosen];
                yield low[chosen];
            }
            case WIDEN, NARROW, CONVERT -> convert(op, b.type(b.arg(i, 0)), t, x, env);
            case EXTRACT -> BitFields.extract(x, high[b.arg(i, 0)], (int) b.aux0(i), t.bits());
            case INSERT -> BitFields.insert(b, i, low, high);
            case FLAGS -> flags(b, i, low);
            case FLAGS_TEST ->
                bit(
                        op == Op.COND
                                ? FlagsSemantics.test(FlagCondition.values()[(int) b.aux0(i)], x)
                                : FlagsSemantics.has(x, Flag.values()[(int) b.aux0(i)]));
            case FLAGS_FROM_BITS, FLAGS_TO_BITS -> x & Flag.ALL;
            case VECTOR_UNARY, VECTOR_BINARY, VECTOR_SHIFT, VECTOR_SHUFFLE -> vector(b, i, low, high, env);
            case FLOAT_EXCEPTIONS ->
                FloatExceptions.fexcept(FloatOperation.values()[(int) b.aux0(i)], b.type(b.arg(i, 0)), x, y, env);
            case VECTOR_FLOAT_EXCEPTIONS ->
                FloatExceptions.vfexcept(
                        FloatOperation.values()[(int) b.aux0(i)],
                        LaneShape.values()[(int) b.aux1(i)],
                        pair(low, high, b.arg(i, 0)),
                        pair(low, high, b.arg(i, 1)),
                        env);
            case VECTOR_MASK ->
                VectorSemantics.moveMask(LaneShape.values()[(int) b.aux0(i)], pair(low, high, b.arg(i, 0)));
            case GET, SET, LOAD, STORE, CALL, BOUNDARY ->
                throw new IllegalArgumentException("not a computation: " + op.text());
        };
    }

    private static long unary(Op op, Type t, long x, long xHigh, long[] high, int i) {
        if (t == Type.V128) {
            high[i] = ~xHigh;
            return ~x;
        }
        return IntegerSemantics.unary(op, t, x);
    }

    private static long binary(Block b, int i, long[] low, long[] high, long env) {
        Op op = b.op(i);
        Type t = b.type(i);
        int l = b.arg(i, 0);
        int r = b.arg(i, 1);
        if (t == Type.V128) {
            high[i] = IntegerSemantics.binary(op, Type.I64, high[l], high[r]);
            return IntegerSemantics.binary(op, Type.I64, low[l], low[r]);
        }
        return switch (op) {
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX -> FloatSemantics.binary(op, t, low[l], low[r], env);
            default -> IntegerSemantics.binary(op, t, low[l], low[r]);
        };
    }

    private static long convert(Op op, Type from, Type to, long x, long env) {
        return switch (op) {
            case ZEXT, TRUNC -> x & to.mask();
            case SEXT -> IntegerSemantics.sext(from.bits(), x) & to.mask();
            case FPTOSI -> FloatSemantics.toSigned(from, to, x);
            default -> FloatSemantics.convert(op, from, to, x, env);
        };
    }

    private static long flags(Block b, int i, long[] low) {
        long[] operands = new long[b.argCount(i)];
        for (int k = 0; k < operands.length; k++) {
            operands[k] = low[b.arg(i, k)];
        }
        FlagsKind kind = FlagsKind.values()[(int) b.aux0(i)];
        return FlagsSemantics.bits(kind, b.type(b.arg(i, 0)).bits(), operands);
    }

    private static long vector(Block b, int i, long[] low, long[] high, long env) {
        Op op = b.op(i);
        if (Lanes.hasForm(op, b.aux0(i), b.aux1(i))) {
            return byHalves(b, i, low, high);
        }
        long[] out = new long[2];
        long[] a = pair(low, high, b.arg(i, 0));
        switch (op.signature()) {
            case VECTOR_UNARY -> VectorSemantics.unary(op, b.aux0(i), a, env, out);
            case VECTOR_SHIFT ->
                VectorSemantics.shift(op, LaneShape.values()[(int) b.aux0(i)], a, low[b.arg(i, 1)], out);
            case VECTOR_SHUFFLE -> VectorSemantics.shuffle(b.aux0(i), b.aux1(i), a, pair(low, high, b.arg(i, 1)), out);
            default -> VectorSemantics.binary(op, b.aux0(i), b.aux1(i), a, pair(low, high, b.arg(i, 1)), env, out);
        }
        high[i] = out[1];
        return out[0];
    }

    /**
     * A vector op with a by-halves form in {@link Lanes}, computed without allocating: the interpreter runs SSE
     * string and shuffle loops through here until they are compiled. Lanes' forms are tested against VectorSemantics.
     */
    private static long byHalves(Block b, int i, long[] low, long[] high) {
        int x = b.arg(i, 0);
        int y = b.arg(i, 1);
        Op op = b.op(i);
        if (op == Op.VSHUFFLE) {
            high[i] = Lanes.shuffle(low[x], high[x], low[y], high[y], b.aux1(i));
            return Lanes.shuffle(low[x], high[x], low[y], high[y], b.aux0(i));
        }
        if (op == Op.VPERMUTE) {
            high[i] = Lanes.permute(low[x], high[x], high[y]);
            return Lanes.permute(low[x], high[x], low[y]);
        }
        int w = LaneShape.values()[(int) (op == Op.VICMP ? b.aux1(i) : b.aux0(i))].laneBits();
        if (op.signature() == Signature.VECTOR_SHIFT) {
            high[i] = Lanes.shift(op, high[x], low[y], w);
            return Lanes.shift(op, low[x], low[y], w);
        }
        high[i] = Lanes.binary(op, b.aux0(i), high[x], high[y], w);
        return Lanes.binary(op, b.aux0(i), low[x], low[y], w);
    }

    private static long[] pair(long[] low, long[] high, int index) {
        return new long[] {low[index], high[index]};
    }

    private static long bit(boolean value) {
        return value ? 1 : 0;
    }
}
