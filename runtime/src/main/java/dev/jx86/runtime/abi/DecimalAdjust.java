package dev.jx86.runtime.abi;

/**
 * The BCD adjustments DAA, DAS, AAA, AAS, AAM and AAD (SDM Vol. 2, their pages' pseudocode). Each takes AX and the
 * status flags (EFLAGS layout) and returns the new AX in bits 0-15 and the new flags in bits 16 and up. Flags the
 * SDM leaves undefined are: OF cleared, SF/ZF/PF from AL where the SDM does not define them, AF/CF cleared by
 * AAM/AAD.
 */
final class DecimalAdjust {
    private static final long CF = 1;
    private static final long AF = 1 << 4;

    private DecimalAdjust() {}

    private static long pack(long ax, long flags) {
        return (ax & 0xffff) | flags << 16;
    }

    /** SF, ZF and PF of the byte {@code al}. */
    private static long signZeroParity(long al) {
        long v = al & 0xff;
        long f = (v & 0x80) != 0 ? 0x80 : 0;
        f |= v == 0 ? 0x40 : 0;
        f |= (Long.bitCount(v) & 1) == 0 ? 0x04 : 0;
        return f;
    }

    private static long withAl(long ax, long al) {
        return (ax & 0xff00) | (al & 0xff);
    }

    static long daa(long ax, long flags) {
        long al = ax & 0xff;
        boolean oldCf = (flags & CF) != 0;
        long cf = 0;
        long af = 0;
        long r = al;
        if ((al & 0xf) > 9 || (flags & AF) != 0) {
            r = al + 6;
            cf = oldCf || r > 0xff ? CF : 0;
            af = AF;
        }
        if (al > 0x99 || oldCf) {
            r += 0x60;
            cf = CF;
        } else {
            cf = 0;
        }
        return pack(withAl(ax, r), cf | af | signZeroParity(r));
    }

    static long das(long ax, long flags) {
        long al = ax & 0xff;
        boolean oldCf = (flags & CF) != 0;
        long cf = 0;
        long af = 0;
        long r = al;
        if ((al & 0xf) > 9 || (flags & AF) != 0) {
            r = al - 6;
            cf = oldCf || al < 6 ? CF : 0;
            af = AF;
        }
        if (al > 0x99 || oldCf) {
            r -= 0x60;
            cf = CF;
        }
        return pack(withAl(ax, r), cf | af | signZeroParity(r));
    }

    static long aaa(long ax, long flags) {
        long r = ax;
        long carry = 0;
        if ((ax & 0xf) > 9 || (flags & AF) != 0) {
            r = ax + 0x106;
            carry = CF | AF;
        }
        r = (r & 0xff00) | (r & 0x0f);
        return pack(r, carry | signZeroParity(r));
    }

    static long aas(long ax, long flags) {
        long r = ax;
        long carry = 0;
        if ((ax & 0xf) > 9 || (flags & AF) != 0) {
            r = ax - 6;
            r = ((r & 0xff00) - 0x100) | (r & 0xff);
            carry = CF | AF;
        }
        r = (r & 0xff00) | (r & 0x0f);
        return pack(r, carry | signZeroParity(r));
    }

    /** AAM imm: AH = AL / imm, AL = AL mod imm; #DE for imm 0. */
    static long aam(long ax, long imm) {
        long base = imm & 0xff;
        if (base == 0) {
            throw new GuestFault(Vectors.DE);
        }
        long al = ax & 0xff;
        long r = (al / base) << 8 | al % base;
        return pack(r, signZeroParity(r));
    }

    /** AAD imm: AL = AL + AH * imm (mod 256), AH = 0. */
    static long aad(long ax, long imm) {
        long al = ((ax & 0xff) + ((ax >>> 8) & 0xff) * (imm & 0xff)) & 0xff;
        return pack(al, signZeroParity(al));
    }
}
