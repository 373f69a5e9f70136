package dev.jx86.ir.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.IntCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import java.util.SplittableRandom;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;

/** {@link Lanes} against the lane-by-lane {@link VectorSemantics} it stands in for, on edge-heavy random words. */
class LanesTest {
    private static final LaneShape[] INT_SHAPES = {LaneShape.I8X16, LaneShape.I16X8, LaneShape.I32X4, LaneShape.I64X2};
    private static final int CASES = 20_000;

    /** Random words whose lanes are often 0, all ones, the top bit alone, or equal to the other operand's. */
    private static long[] operands(SplittableRandom random, int w) {
        long x = random.nextLong();
        long y = random.nextLong();
        long m = w == 64 ? -1L : (1L << w) - 1;
        for (int s = 0; s < 64; s += w) {
            switch (random.nextInt(6)) {
                case 0 -> y = (y & ~(m << s)) | (x & (m << s));
                case 1 -> x &= ~(m << s);
                case 2 -> y |= m << s;
                case 3 -> x = (x & ~(m << s)) | ((1L << (w - 1)) << s);
                default -> {}
            }
        }
        return new long[] {x, y};
    }

    private static void agrees(Op op, long aux0, long aux1, int shapeIndex, LongBinaryOperator lanes) {
        var random = new SplittableRandom(op.ordinal() * 31L + aux0);
        int w = INT_SHAPES[shapeIndex].laneBits();
        long[] out = new long[2];
        for (int i = 0; i < CASES; i++) {
            long[] a = operands(random, w);
            long[] b = operands(random, w);
            VectorSemantics.binary(op, aux0, aux1, new long[] {a[0], b[0]}, new long[] {a[1], b[1]}, 0, out);
            assertThat(lanes.applyAsLong(a[0], a[1]))
                    .as("%s on %d-bit lanes of %x, %x", op, w, a[0], a[1])
                    .isEqualTo(out[0]);
            assertThat(lanes.applyAsLong(b[0], b[1]))
                    .as("%s on %d-bit lanes of %x, %x", op, w, b[0], b[1])
                    .isEqualTo(out[1]);
        }
    }

    @Test
    void addAndSubtractWrapInEveryLane() {
        for (int s = 0; s < INT_SHAPES.length; s++) {
            int w = INT_SHAPES[s].laneBits();
            agrees(Op.VADD, s, 0, s, (x, y) -> Lanes.add(x, y, w));
            agrees(Op.VSUB, s, 0, s, (x, y) -> Lanes.subtract(x, y, w));
        }
    }

    @Test
    void equalIsAllOnesPerEqualLane() {
        for (int s = 0; s < INT_SHAPES.length; s++) {
            int w = INT_SHAPES[s].laneBits();
            agrees(Op.VICMP, IntCondition.EQ.ordinal(), s, s, (x, y) -> Lanes.equal(x, y, w));
        }
    }

    @Test
    void unsignedMinimumAndMaximum() {
        for (int s = 0; s < INT_SHAPES.length; s++) {
            int w = INT_SHAPES[s].laneBits();
            agrees(Op.VMINU, s, 0, s, (x, y) -> Lanes.minUnsigned(x, y, w));
            agrees(Op.VMAXU, s, 0, s, (x, y) -> Lanes.maxUnsigned(x, y, w));
        }
    }

    @Test
    void byteMaskTakesEveryTopBit() {
        var random = new SplittableRandom(7);
        for (int i = 0; i < CASES; i++) {
            long low = random.nextLong();
            long high = i < 256 ? spread(i) : random.nextLong();
            long expected = VectorSemantics.moveMask(LaneShape.I8X16, new long[] {low, high});
            assertThat(Lanes.byteMask(low) | Lanes.byteMask(high) << 8)
                    .as("%x %x", low, high)
                    .isEqualTo(expected);
        }
    }

    /** The byte lanes' top bits set as the bits of {@code pattern} say, every other bit set too. */
    private static long spread(int pattern) {
        long x = 0x7f7f_7f7f_7f7f_7f7fL;
        for (int i = 0; i < 8; i++) {
            if ((pattern >>> i & 1) != 0) {
                x |= 0x80L << (8 * i);
            }
        }
        return x;
    }

    @Test
    void signedGreaterThanInEveryLane() {
        for (int s = 0; s < INT_SHAPES.length; s++) {
            int w = INT_SHAPES[s].laneBits();
            agrees(Op.VICMP, IntCondition.SGT.ordinal(), s, s, (x, y) -> Lanes.greaterSigned(x, y, w));
        }
    }

    @Test
    void shiftsAgreeForEveryCount() {
        var random = new SplittableRandom(23);
        long[] out = new long[2];
        Op[] ops = {Op.VSHL, Op.VLSHR, Op.VASHR};
        for (int s = 0; s < INT_SHAPES.length; s++) {
            int w = INT_SHAPES[s].laneBits();
            for (int i = 0; i < CASES / 10; i++) {
                long[] x = operands(random, w);
                long count = random.nextInt(8) == 0 ? random.nextLong() : random.nextInt(w + 3);
                for (Op op : ops) {
                    VectorSemantics.shift(op, INT_SHAPES[s], x, count, out);
                    long low = switch (op) {
                        case VSHL -> Lanes.shiftLeft(x[0], count, w);
                        case VLSHR -> Lanes.shiftRightLogical(x[0], count, w);
                        default -> Lanes.shiftRightArithmetic(x[0], count, w);
                    };
                    assertThat(low)
                            .as("%s on %d-bit lanes of %x by %d", op, w, x[0], count)
                            .isEqualTo(out[0]);
                }
            }
        }
    }

    @Test
    void shuffleByHalves() {
        var random = new SplittableRandom(29);
        long[] out = new long[2];
        for (int i = 0; i < CASES; i++) {
            long[] a = {random.nextLong(), random.nextLong()};
            long[] b = {random.nextLong(), random.nextLong()};
            long[] table = new long[2];
            for (int k = 0; k < 16; k++) {
                long index = random.nextInt(6) == 0 ? 0xff : random.nextInt(random.nextInt(4) == 0 ? 256 : 32);
                table[k >> 3] |= index << (8 * (k & 7));
            }
            VectorSemantics.shuffle(table[0], table[1], a, b, out);
            assertThat(Lanes.shuffle(a[0], a[1], b[0], b[1], table[0])).isEqualTo(out[0]);
            assertThat(Lanes.shuffle(a[0], a[1], b[0], b[1], table[1])).isEqualTo(out[1]);
        }
    }

    @Test
    void permuteIsPshufbByHalves() {
        var random = new SplittableRandom(17);
        long[] out = new long[2];
        for (int i = 0; i < CASES; i++) {
            long[] a = {random.nextLong(), random.nextLong()};
            long[] idx = {random.nextLong(), random.nextInt(4) == 0 ? 0x8f0f_8070_0102_0304L : random.nextLong()};
            VectorSemantics.permute(a, idx, out);
            assertThat(Lanes.permute(a[0], a[1], idx[0])).isEqualTo(out[0]);
            assertThat(Lanes.permute(a[0], a[1], idx[1])).isEqualTo(out[1]);
        }
    }
}
