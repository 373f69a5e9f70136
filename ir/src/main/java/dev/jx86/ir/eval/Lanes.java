package dev.jx86.ir.eval;

import dev.jx86.ir.IntCondition;
import dev.jx86.ir.Op;

/**
 * Vector ops on one 64-bit half of a V128, without splitting it into lanes or allocating: the same results as
 * {@link VectorSemantics} for the ops SSE code uses most (SSE2 string and memory routines compare, subtract and take
 * byte masks; shuffles, PSHUFB and lane shifts), in a few ALU instructions each. Compiled code calls them inline, and
 * the interpreter through {@link PureSemantics}. Lane widths are 8, 16, 32 or 64 bits; lane 0 is the least
 * significant.
 */
public final class Lanes {
    private Lanes() {}

    /**
     * Whether the vector op (with its aux words) has a by-halves form here: VSHUFFLE, VPERMUTE, the lane shifts, and
     * on integer lanes VADD, VSUB, VMINU, VMAXU and VICMP with EQ or SGT.
     */
    public static boolean hasForm(Op op, long aux0, long aux1) {
        return switch (op) {
            case VSHUFFLE, VPERMUTE, VSHL, VLSHR, VASHR, VADD, VSUB, VMINU, VMAXU -> true;
            case VICMP -> aux0 == IntCondition.EQ.ordinal() || aux0 == IntCondition.SGT.ordinal();
            default -> false;
        };
    }

    /** A binary op {@link #hasForm} accepts (not a shuffle or shift) on one half of w-bit lanes. */
    static long binary(Op op, long aux0, long x, long y, int w) {
        return switch (op) {
            case VADD -> add(x, y, w);
            case VSUB -> subtract(x, y, w);
            case VMINU -> minUnsigned(x, y, w);
            case VMAXU -> maxUnsigned(x, y, w);
            case VICMP -> aux0 == IntCondition.EQ.ordinal() ? equal(x, y, w) : greaterSigned(x, y, w);
            default -> throw new IllegalArgumentException("no by-halves form: " + op);
        };
    }

    /** VSHL, VLSHR or VASHR on one half of w-bit lanes. */
    static long shift(Op op, long x, long count, int w) {
        return switch (op) {
            case VSHL -> shiftLeft(x, count, w);
            case VLSHR -> shiftRightLogical(x, count, w);
            default -> shiftRightArithmetic(x, count, w);
        };
    }

    /** The top bit of every lane. */
    private static long top(int w) {
        return switch (w) {
            case 8 -> 0x8080_8080_8080_8080L;
            case 16 -> 0x8000_8000_8000_8000L;
            case 32 -> 0x8000_0000_8000_0000L;
            default -> Long.MIN_VALUE;
        };
    }

    /** Lane-wise wrapping addition: the low bits add without carrying into the top bit, which is then xor'ed in. */
    public static long add(long x, long y, int w) {
        long h = top(w);
        return ((x & ~h) + (y & ~h)) ^ ((x ^ y) & h);
    }

    /** Lane-wise wrapping subtraction: every lane borrows from its own top bit, never from the next lane. */
    public static long subtract(long x, long y, int w) {
        long h = top(w);
        return ((x | h) - (y & ~h)) ^ ((x ^ ~y) & h);
    }

    /** All ones in the lanes where x and y are equal, zeros elsewhere. */
    public static long equal(long x, long y, int w) {
        if (w == 64) {
            return x == y ? -1L : 0L;
        }
        long h = top(w);
        long d = x ^ y;
        long nonzero = (((d & ~h) + ~h) | d) & h; // a lane's top bit: set iff the lane of d is not zero
        return ((nonzero ^ h) >>> (w - 1)) * ((1L << w) - 1);
    }

    /**
     * All ones in the lanes where x is greater than y as signed integers: with the top bits flipped the comparison is
     * unsigned.
     */
    public static long greaterSigned(long x, long y, int w) {
        if (w == 64) {
            return x > y ? -1L : 0L;
        }
        long h = top(w);
        return greaterUnsigned(x ^ h, y ^ h, w);
    }

    /** All ones in the lanes where x is greater than y as unsigned integers: where y - x borrows out of the lane. */
    public static long greaterUnsigned(long x, long y, int w) {
        if (w == 64) {
            return Long.compareUnsigned(x, y) > 0 ? -1L : 0L;
        }
        long borrow = ((~y & x) | (~(y ^ x) & subtract(y, x, w))) & top(w);
        return (borrow >>> (w - 1)) * ((1L << w) - 1);
    }

    /** Lane-wise unsigned minimum. */
    public static long minUnsigned(long x, long y, int w) {
        long m = greaterUnsigned(x, y, w);
        return (x & ~m) | (y & m);
    }

    /** Lane-wise unsigned maximum. */
    public static long maxUnsigned(long x, long y, int w) {
        long m = greaterUnsigned(x, y, w);
        return (x & m) | (y & ~m);
    }

    /** Every lane shifted left by the unsigned {@code count}; a count of the lane width or more clears it. */
    public static long shiftLeft(long x, long count, int w) {
        if (Long.compareUnsigned(count, w) >= 0) {
            return 0;
        }
        int c = (int) count;
        return (x << c) & repeat(laneMask(w) << c & laneMask(w), w);
    }

    /** Every lane shifted right by the unsigned {@code count}, zeros in; a count of the width or more clears it. */
    public static long shiftRightLogical(long x, long count, int w) {
        if (Long.compareUnsigned(count, w) >= 0) {
            return 0;
        }
        int c = (int) count;
        return (x >>> c) & repeat(laneMask(w) >>> c, w);
    }

    /**
     * Every lane shifted right by the unsigned {@code count}, copies of its sign in; a count of the width or more
     * leaves only the sign. The sign fill of each negative lane, bits w-c..w-1, is 2^w - 2^(w-c) for that lane: one
     * subtraction for all lanes, since the ranges are disjoint.
     */
    public static long shiftRightArithmetic(long x, long count, int w) {
        int c = Long.compareUnsigned(count, w) >= 0 ? w - 1 : (int) count;
        if (w == 64 || c == 0) {
            return w == 64 ? x >> c : x;
        }
        long signs = x & top(w);
        long fill = (signs << 1) - (signs >>> (c - 1));
        return shiftRightLogical(x, c, w) | fill;
    }

    private static long laneMask(int w) {
        return w == 64 ? -1L : (1L << w) - 1;
    }

    /** The w-bit {@code lane} in every lane of a long. */
    private static long repeat(long lane, int w) {
        long r = 0;
        for (int s = 0; s < 64; s += w) {
            r |= lane << s;
        }
        return r;
    }

    /**
     * Eight bytes of PSHUFB's result ({@link VectorSemantics#permute}): byte j is byte {@code indices[j] & 15} of the
     * V128 (low, high), or zero where the index byte's top bit is set.
     */
    public static long permute(long low, long high, long indices) {
        long r = 0;
        for (int j = 0; j < 64; j += 8) {
            long index = indices >>> j;
            long word = (index & 8) == 0 ? low : high;
            long value = (word >>> ((index & 7) << 3)) & 0xff;
            r |= (index & 0x80) == 0 ? value << j : 0;
        }
        return r;
    }

    /**
     * Eight bytes of VSHUFFLE's result ({@link VectorSemantics#shuffle}): byte j is byte {@code table[j]} of (a, b),
     * 0..15 from a and 16..31 from b, or zero for any larger index.
     */
    public static long shuffle(long aLow, long aHigh, long bLow, long bHigh, long table) {
        long r = 0;
        for (int j = 0; j < 64; j += 8) {
            int index = (int) (table >>> j) & 0xff;
            if (index < 32) {
                long word = switch (index >> 3) {
                    case 0 -> aLow;
                    case 1 -> aHigh;
                    case 2 -> bLow;
                    default -> bHigh;
                };
                r |= ((word >>> ((index & 7) << 3)) & 0xff) << j;
            }
        }
        return r;
    }

    /** The top bits of the 8 byte lanes as an 8-bit mask (bit i from lane i): a multiply gathers them. */
    public static long byteMask(long x) {
        return ((x & 0x8080_8080_8080_8080L) >>> 7) * 0x0102_0408_1020_4080L >>> 56;
    }
}
