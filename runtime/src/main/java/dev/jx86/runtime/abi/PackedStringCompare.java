package dev.jx86.runtime.abi;

/**
 * The comparison core of SSE4.2's PCMPESTRI, PCMPESTRM, PCMPISTRI and PCMPISTRM (Intel SDM Vol. 2, 4.1): the
 * elements of the first operand (a, XMM1) are compared with those of the second (b, XMM2/m128) as the immediate
 * says — bytes or words, signed or unsigned (bits 1:0); equal any, ranges, equal each or equal ordered (bits 3:2);
 * polarity (bits 5:4) — with the SDM's rules for elements past a string's end, giving IntRes2 and the flags. The
 * lifter turns IntRes2 into an index or a mask (bit 6). Operands are 128-bit values as two longs (low, high); nothing
 * is allocated, since glibc's SSE4.2 string functions call this in their loops.
 */
public final class PackedStringCompare {
    private PackedStringCompare() {}

    /** Set in the control word when the lengths are implicit (PCMPISTRx: up to the first zero element). */
    public static final int IMPLICIT = 0x100;

    /** Where the flags start in {@link #compare}'s result (EFLAGS layout: CF 0, ZF 6, SF 7, OF 11). */
    public static final int FLAGS_SHIFT = 16;

    private static final int CF = 1;
    private static final int ZF = 1 << 6;
    private static final int SF = 1 << 7;
    private static final int OF = 1 << 11;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long TOPS = 0x8080_8080_8080_8080L;

    /**
     * Compares a and b under {@code control} (the immediate, plus {@link #IMPLICIT}); the explicit lengths are the
     * signed values of EAX/RAX ({@code lengthA}) and EDX/RDX ({@code lengthB}). Returns IntRes2 in bits 15:0 and the
     * flags (CF, ZF, SF, OF; the others clear) shifted by {@link #FLAGS_SHIFT}.
     */
    public static long compare(int control, long aLow, long aHigh, long bLow, long bHigh, long lengthA, long lengthB) {
        boolean words = (control & 1) != 0;
        int n = words ? 8 : 16;
        boolean implicit = (control & IMPLICIT) != 0;
        int la = implicit ? implicitLength(aLow, aHigh, words) : explicitLength(lengthA, n);
        int lb = implicit ? implicitLength(bLow, bHigh, words) : explicitLength(lengthB, n);
        int intRes1 = switch ((control >> 2) & 3) {
            case 0 ->
                words
                        ? equalAny(control, aLow, aHigh, bLow, bHigh, la, lb)
                        : equalAnyBytes(aLow, aHigh, bLow, bHigh, la, lb);
            case 1 -> ranges(control, aLow, aHigh, bLow, bHigh, la, lb);
            case 2 -> equalEach(control, aLow, aHigh, bLow, bHigh, la, lb);
            default -> equalOrdered(control, aLow, aHigh, bLow, bHigh, la, lb);
        };
        int all = (1 << n) - 1;
        int intRes2 = switch ((control >> 4) & 3) {
            case 1 -> ~intRes1 & all;
            case 3 -> intRes1 ^ ((1 << lb) - 1);
            default -> intRes1;
        };
        int flags = (intRes2 != 0 ? CF : 0) | (lb < n ? ZF : 0) | (la < n ? SF : 0) | ((intRes2 & 1) != 0 ? OF : 0);
        return intRes2 | (long) flags << FLAGS_SHIFT;
    }

    /** Equal any on bytes (signedness does not matter): each valid byte of a compared with b's bytes at once. */
    private static int equalAnyBytes(long aLow, long aHigh, long bLow, long bHigh, int la, int lb) {
        long low = 0;
        long high = 0;
        for (int i = 0; i < la; i++) {
            long broadcast = element(aLow, aHigh, i, 0) * ONES;
            low |= equalBytes(bLow, broadcast);
            high |= equalBytes(bHigh, broadcast);
        }
        return (byteMask(low) | byteMask(high) << 8) & ((1 << lb) - 1);
    }

    /** The top bit of every byte of x that equals the same byte of y. */
    private static long equalBytes(long x, long y) {
        long d = x ^ y;
        return ~(((d & ~TOPS) + ~TOPS) | d) & TOPS;
    }

    /** The top bits of the 8 bytes as an 8-bit mask (bit i from byte i). */
    private static int byteMask(long tops) {
        return (int) ((tops >>> 7) * 0x0102_0408_1020_4080L >>> 56);
    }

    /** Equal any: bit j when b[j] is valid and equals a valid element of a. */
    private static int equalAny(int control, long aLow, long aHigh, long bLow, long bHigh, int la, int lb) {
        int result = 0;
        for (int j = 0; j < lb; j++) {
            int y = element(bLow, bHigh, j, control);
            for (int i = 0; i < la; i++) {
                if (element(aLow, aHigh, i, control) == y) {
                    result |= 1 << j;
                    break;
                }
            }
        }
        return result;
    }

    /** Ranges: bit j when b[j] is valid and lies in a[0]..a[1], a[2]..a[3]... (a pair with an invalid end never holds). */
    private static int ranges(int control, long aLow, long aHigh, long bLow, long bHigh, int la, int lb) {
        int result = 0;
        for (int j = 0; j < lb; j++) {
            int y = element(bLow, bHigh, j, control);
            for (int i = 0; i + 1 < la; i += 2) {
                if (element(aLow, aHigh, i, control) <= y && y <= element(aLow, aHigh, i + 1, control)) {
                    result |= 1 << j;
                    break;
                }
            }
        }
        return result;
    }

    /** Equal each: bit i when both elements are valid and equal, or both are invalid. */
    private static int equalEach(int control, long aLow, long aHigh, long bLow, long bHigh, int la, int lb) {
        int n = (control & 1) != 0 ? 8 : 16;
        int result = 0;
        for (int i = 0; i < n; i++) {
            boolean bit = i >= la && i >= lb
                    || i < la && i < lb && element(aLow, aHigh, i, control) == element(bLow, bHigh, i, control);
            result |= bit ? 1 << i : 0;
        }
        return result;
    }

    /**
     * Equal ordered: bit j when a (up to its length) occurs in b at j; a's invalid elements match anything, b's
     * invalid ones nothing, and a may run past b's last element.
     */
    private static int equalOrdered(int control, long aLow, long aHigh, long bLow, long bHigh, int la, int lb) {
        int n = (control & 1) != 0 ? 8 : 16;
        int result = 0;
        for (int j = 0; j < n; j++) {
            boolean bit = true;
            for (int k = 0; k < la && j + k < n && bit; k++) {
                bit = j + k < lb && element(aLow, aHigh, k, control) == element(bLow, bHigh, j + k, control);
            }
            result |= bit ? 1 << j : 0;
        }
        return result;
    }

    /** Element i: a byte or word (control bit 0), sign-extended or not (bit 1). */
    private static int element(long low, long high, int i, int control) {
        boolean words = (control & 1) != 0;
        int bit = words ? 16 * i : 8 * i;
        long v = (bit < 64 ? low : high) >>> (bit & 63);
        if ((control & 2) != 0) {
            return words ? (short) v : (byte) v;
        }
        return words ? (int) v & 0xffff : (int) v & 0xff;
    }

    private static int implicitLength(long low, long high, boolean words) {
        int n = words ? 8 : 16;
        int length = 0;
        while (length < n && element(low, high, length, words ? 1 : 0) != 0) {
            length++;
        }
        return length;
    }

    /** The absolute value of the length register, at most n. */
    private static int explicitLength(long value, int n) {
        long magnitude = Math.abs(value);
        return magnitude < 0 || magnitude > n ? n : (int) magnitude;
    }
}
