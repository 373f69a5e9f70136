package dev.jx86.runtime.abi;

/**
 * The comparison core of SSE4.2's PCMPESTRI, PCMPESTRM, PCMPISTRI and PCMPISTRM (Intel SDM Vol. 2, 4.1): the
 * elements of the first operand (a, XMM1) are compared with those of the second (b, XMM2/m128) as the immediate
 * says — bytes or words, signed or unsigned (bits 1:0); equal any, ranges, equal each or equal ordered (bits 3:2);
 * polarity (bits 5:4) — with the SDM's rules for elements past a string's end, giving IntRes2 and the flags. The
 * lifter turns IntRes2 into an index or a mask (bit 6).
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

    /**
     * Compares a and b (two longs each, low first) under {@code control} (the immediate, plus {@link #IMPLICIT}); the
     * explicit lengths are the signed values of EAX/RAX ({@code lengthA}) and EDX/RDX ({@code lengthB}). Returns
     * IntRes2 in bits 15:0 and the flags (CF, ZF, SF, OF; the others clear) shifted by {@link #FLAGS_SHIFT}.
     */
    public static long compare(int control, long[] a, long[] b, long lengthA, long lengthB) {
        boolean words = (control & 1) != 0;
        int n = words ? 8 : 16;
        int[] x = elements(a, control);
        int[] y = elements(b, control);
        int la = (control & IMPLICIT) != 0 ? implicitLength(x) : explicitLength(lengthA, n);
        int lb = (control & IMPLICIT) != 0 ? implicitLength(y) : explicitLength(lengthB, n);
        int intRes1 = aggregate((control >> 2) & 3, x, y, la, lb);
        int all = (1 << n) - 1;
        int intRes2 = switch ((control >> 4) & 3) {
            case 1 -> ~intRes1 & all;
            case 3 -> intRes1 ^ ((1 << lb) - 1);
            default -> intRes1;
        };
        int flags = (intRes2 != 0 ? CF : 0) | (lb < n ? ZF : 0) | (la < n ? SF : 0) | ((intRes2 & 1) != 0 ? OF : 0);
        return intRes2 | (long) flags << FLAGS_SHIFT;
    }

    /** IntRes1: bit j for element j of b (element i of a for equal each). */
    private static int aggregate(int mode, int[] x, int[] y, int la, int lb) {
        int n = x.length;
        int result = 0;
        for (int j = 0; j < n; j++) {
            boolean bit = switch (mode) {
                case 0 -> equalAny(x, y, la, lb, j);
                case 1 -> inRanges(x, y, la, lb, j);
                case 2 -> j >= la && j >= lb || j < la && j < lb && x[j] == y[j];
                default -> substringAt(x, y, la, lb, j);
            };
            result |= bit ? 1 << j : 0;
        }
        return result;
    }

    private static boolean equalAny(int[] x, int[] y, int la, int lb, int j) {
        if (j >= lb) {
            return false;
        }
        for (int i = 0; i < la; i++) {
            if (x[i] == y[j]) {
                return true;
            }
        }
        return false;
    }

    /** Whether b[j] lies in one of the ranges a[0]..a[1], a[2]..a[3]... (a pair with an invalid end never holds). */
    private static boolean inRanges(int[] x, int[] y, int la, int lb, int j) {
        if (j >= lb) {
            return false;
        }
        for (int i = 0; i + 1 < la; i += 2) {
            if (x[i] <= y[j] && y[j] <= x[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether a (up to its length) occurs in b at j; a's invalid elements match anything, b's invalid ones nothing. */
    private static boolean substringAt(int[] x, int[] y, int la, int lb, int j) {
        for (int k = 0; k + j < x.length; k++) {
            if (k >= la) {
                return true;
            }
            if (j + k >= lb || x[k] != y[j + k]) {
                return false;
            }
        }
        return true;
    }

    private static int[] elements(long[] v, int control) {
        boolean words = (control & 1) != 0;
        boolean signed = (control & 2) != 0;
        int width = words ? 16 : 8;
        int[] e = new int[128 / width];
        for (int i = 0; i < e.length; i++) {
            long bits = v[(i * width) >> 6] >>> ((i * width) & 63);
            e[i] = words ? (signed ? (short) bits : (int) bits & 0xffff) : (signed ? (byte) bits : (int) bits & 0xff);
        }
        return e;
    }

    private static int implicitLength(int[] e) {
        int length = 0;
        while (length < e.length && e[length] != 0) {
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
