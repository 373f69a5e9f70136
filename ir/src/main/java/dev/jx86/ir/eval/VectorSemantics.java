package dev.jx86.ir.eval;

import dev.jx86.ir.FloatCondition;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.VectorConversion;

/**
 * Lane-wise V128 ops. A V128 is a pair of longs (low, high); lane 0 is the least significant. Results are written to
 * {@code out[0]} (low) and {@code out[1]} (high).
 */
public final class VectorSemantics {
    private VectorSemantics() {}

    /** {@code LaneShape.values()} copies its array on every call; compiled code reaches these methods per op. */
    private static final LaneShape[] SHAPES = LaneShape.values();

    /** A VECTOR_BINARY op whose aux words are {@code aux0} and {@code aux1}. */
    public static void binary(Op op, long aux0, long aux1, long[] a, long[] b, long env, long[] out) {
        if (op == Op.VNARROWS || op == Op.VNARROWU) {
            narrow(op, SHAPES[(int) aux0], a, b, out);
            return;
        }
        if (op == Op.VPERMUTE) {
            permute(a, b, out);
            return;
        }
        boolean compare = op == Op.VICMP || op == Op.VFCMP;
        LaneShape shape = SHAPES[(int) (compare ? aux1 : aux0)];
        int w = shape.laneBits();
        Type lane = Type.ofBits(w);
        long[] x = lanes(shape, a);
        long[] y = lanes(shape, b);
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (op) {
                case VADD -> IntegerSemantics.binary(Op.ADD, lane, x[i], y[i]);
                case VSUB -> IntegerSemantics.binary(Op.SUB, lane, x[i], y[i]);
                case VMUL -> IntegerSemantics.binary(Op.MUL, lane, x[i], y[i]);
                case VADDS -> saturateSigned(w, IntegerSemantics.sext(w, x[i]) + IntegerSemantics.sext(w, y[i]));
                case VSUBS -> saturateSigned(w, IntegerSemantics.sext(w, x[i]) - IntegerSemantics.sext(w, y[i]));
                case VADDUS -> saturateUnsigned(w, x[i], y[i], true);
                case VSUBUS -> saturateUnsigned(w, x[i], y[i], false);
                case VMINS -> IntegerSemantics.compare(IntCondition.SLT, lane, x[i], y[i]) ? x[i] : y[i];
                case VMINU -> IntegerSemantics.compare(IntCondition.ULT, lane, x[i], y[i]) ? x[i] : y[i];
                case VMAXS -> IntegerSemantics.compare(IntCondition.SGT, lane, x[i], y[i]) ? x[i] : y[i];
                case VMAXU -> IntegerSemantics.compare(IntCondition.UGT, lane, x[i], y[i]) ? x[i] : y[i];
                case VMULHS -> mulHigh(w, IntegerSemantics.sext(w, x[i]), IntegerSemantics.sext(w, y[i]), true);
                case VMULHU -> mulHigh(w, x[i], y[i], false);
                case VAVGU -> average(w, x[i], y[i]);
                case VICMP ->
                    IntegerSemantics.compare(IntCondition.values()[(int) aux0], lane, x[i], y[i]) ? lane.mask() : 0;
                case VFADD -> FloatSemantics.binary(Op.FADD, lane, x[i], y[i], env);
                case VFSUB -> FloatSemantics.binary(Op.FSUB, lane, x[i], y[i], env);
                case VFMUL -> FloatSemantics.binary(Op.FMUL, lane, x[i], y[i], env);
                case VFDIV -> FloatSemantics.binary(Op.FDIV, lane, x[i], y[i], env);
                case VFMIN -> FloatSemantics.binary(Op.FMIN, lane, x[i], y[i], env);
                case VFMAX -> FloatSemantics.binary(Op.FMAX, lane, x[i], y[i], env);
                case VFCMP ->
                    FloatSemantics.compare(FloatCondition.values()[(int) aux0], lane, x[i], y[i], env)
                            ? lane.mask()
                            : 0;
                default -> throw new IllegalArgumentException("not a binary vector op: " + op);
            };
        }
        pack(shape, x, out);
    }

    /** VFSQRT, VFROUND or VCONVERT. */
    public static void unary(Op op, long aux0, long[] a, long env, long[] out) {
        if (op == Op.VCONVERT) {
            VectorConversions.convert(VectorConversion.values()[(int) aux0], a, env, out);
            return;
        }
        LaneShape shape = SHAPES[(int) aux0];
        long[] x = lanes(shape, a);
        Type lane = Type.ofBits(shape.laneBits());
        for (int i = 0; i < x.length; i++) {
            x[i] = op == Op.VFROUND ? FloatSemantics.round(lane, x[i], env) : FloatSemantics.sqrt(lane, x[i], env);
        }
        pack(shape, x, out);
    }

    /** VSHL, VLSHR, VASHR: every lane by the same unsigned count; counts of the lane width or more shift all out. */
    public static void shift(Op op, LaneShape shape, long[] a, long count, long[] out) {
        int w = shape.laneBits();
        long[] x = lanes(shape, a);
        boolean all = Long.compareUnsigned(count, w) >= 0;
        int c = all ? w - 1 : (int) count;
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (op) {
                case VSHL -> all ? 0 : x[i] << c;
                case VLSHR -> all ? 0 : x[i] >>> c;
                case VASHR -> IntegerSemantics.sext(w, x[i]) >> c;
                default -> throw new IllegalArgumentException("not a vector shift: " + op);
            };
        }
        pack(shape, x, out);
    }

    /** Result byte i is byte {@code table[i]} of a (0..15) or b (16..31), or zero for any other index. */
    public static void shuffle(long tableLow, long tableHigh, long[] a, long[] b, long[] out) {
        long[] result = new long[16];
        for (int i = 0; i < 16; i++) {
            int index = (int) (((i < 8 ? tableLow : tableHigh) >>> (8 * (i & 7))) & 0xFF);
            long[] source = index < 16 ? a : b;
            result[i] = index < 32 ? lane(source, 8, index & 15) : 0;
        }
        pack(LaneShape.I8X16, result, out);
    }

    /** VPERMUTE: result byte i is byte {@code b[i] & 15} of a, or zero where the top bit of {@code b[i]} is set. */
    public static void permute(long[] a, long[] b, long[] out) {
        long[] result = new long[16];
        for (int i = 0; i < 16; i++) {
            long index = lane(b, 8, i);
            result[i] = index >= 0x80 ? 0 : lane(a, 8, (int) index & 15);
        }
        pack(LaneShape.I8X16, result, out);
    }

    /** Bit i of the result is the most significant bit of lane i. */
    public static long moveMask(LaneShape shape, long[] a) {
        long[] x = lanes(shape, a);
        long mask = 0;
        for (int i = 0; i < x.length; i++) {
            mask |= ((x[i] >>> (shape.laneBits() - 1)) & 1) << i;
        }
        return mask;
    }

    /** Narrows the lanes of a (low half of the result) and b (high half) with signed or unsigned saturation. */
    private static void narrow(Op op, LaneShape source, long[] a, long[] b, long[] out) {
        int w = source.laneBits();
        LaneShape target = SHAPES[source.ordinal() - 1];
        long[] x = lanes(source, a);
        long[] y = lanes(source, b);
        long[] result = new long[2 * x.length];
        for (int i = 0; i < result.length; i++) {
            long value = IntegerSemantics.sext(w, i < x.length ? x[i] : y[i - x.length]);
            result[i] = op == Op.VNARROWS ? saturateSigned(w / 2, value) : Math.clamp(value, 0, (1L << (w / 2)) - 1);
        }
        pack(target, result, out);
    }

    /** The high half of the 2w-bit product of two w-bit lanes (given sign- or zero-extended). */
    private static long mulHigh(int w, long x, long y, boolean signed) {
        if (w == 64) {
            return signed ? Math.multiplyHigh(x, y) : Math.unsignedMultiplyHigh(x, y);
        }
        long product = x * y; // exact: |x|, |y| < 2^32
        return (w == 32 && !signed ? product >>> 32 : product >> w)
                & Type.ofBits(w).mask();
    }

    /** The unsigned average rounded up, {@code (x + y + 1) >> 1}, without losing the carry. */
    private static long average(int w, long x, long y) {
        long sum = (x >>> 1) + (y >>> 1) + ((x | y) & 1);
        return sum & Type.ofBits(w).mask();
    }

    private static long saturateSigned(int w, long value) {
        long max = (1L << (w - 1)) - 1;
        return Math.clamp(value, -max - 1, max) & Type.ofBits(w).mask();
    }

    private static long saturateUnsigned(int w, long x, long y, boolean add) {
        long max = Type.ofBits(w).mask();
        if (add) {
            long sum = x + y;
            return w == 64 ? (Long.compareUnsigned(sum, x) < 0 ? max : sum) : Math.min(sum, max);
        }
        return Long.compareUnsigned(x, y) < 0 ? 0 : x - y;
    }

    static long lane(long[] v, int w, int i) {
        long word = v[(i * w) / 64];
        return w == 64 ? word : (word >>> ((i * w) % 64)) & ((1L << w) - 1);
    }

    static long[] lanes(LaneShape shape, long[] v) {
        long[] x = new long[shape.lanes()];
        for (int i = 0; i < x.length; i++) {
            x[i] = lane(v, shape.laneBits(), i);
        }
        return x;
    }

    static void pack(LaneShape shape, long[] x, long[] out) {
        int w = shape.laneBits();
        long low = 0;
        long high = 0;
        for (int i = 0; i < x.length; i++) {
            long bits = (w == 64 ? x[i] : x[i] & ((1L << w) - 1));
            int at = i * w;
            if (at < 64) {
                low |= bits << at;
            } else {
                high |= bits << (at - 64);
            }
        }
        out[0] = low;
        out[1] = high;
    }
}
