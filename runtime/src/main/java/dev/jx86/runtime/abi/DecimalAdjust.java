package dev.jx86.runtime.abi;

/**
 * The BCD adjustments DAA, DAS, AAA, AAS, AAM and AAD (SDM Vol. 2, their pages' pseudocode). Each takes AX and the
 * status flags (EFLAGS layout) and returns the new AX in bits 0-15 and the new flags in bits 16 and up.
 *
 * <p>Flags the SDM leaves undefined take the values the AMD Zen 5 host gives (checked natively over AL edge values
 * with every AF/CF combination, src/test/resources/lift/integer-native-32.txt): DAA/DAS set OF as the add/subtract
 * of the adjustment would; AAA/AAS clear OF, SF and ZF and take PF from AL after the ±6, before the mask; AAD sets
 * all six as the 8-bit add AL + AH*imm does; AAM clears OF, AF and CF.
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

    private static long parity(long v) {
        return (Long.bitCount(v & 0xff) & 1) == 0 ? 0x04 : 0;
    }

    /** OF of an 8-bit add (up) or subtract that took {@code from} to {@code to}, for a small positive operand. */
    private static long overflow(long from, long to, boolean up) {
        long changed = up ? ~from & to : from & ~to;
        return (changed & 0x80) != 0 ? 0x800 : 0;
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
        return pack(withAl(ax, r), cf | af | signZeroParity(r) | overflow(al, r, true));
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
        return pack(withAl(ax, r), cf | af | signZeroParity(r) | overflow(al, r, false));
    }

    static long aaa(long ax, long flags) {
        long r = ax;
        long carry = 0;
        if ((ax & 0xf) > 9 || (flags & AF) != 0) {
            r = ax + 0x106;
            carry = CF | AF;
        }
        long p = parity(r);
        r = (r & 0xff00) | (r & 0x0f);
        return pack(r, carry | p);
    }

    static long aas(long ax, long flags) {
        long r = ax;
        long carry = 0;
        if ((ax & 0xf) > 9 || (flags & AF) != 0) {
            r = ax - 6;
            r = ((r & 0xff00) - 0x100) | (r & 0xff);
            carry = CF | AF;
        }
        long p = parity(r);
        r = (r & 0xff00) | (r & 0x0f);
        return pack(r, carry | p);
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
        long a = ax & 0xff;
        long b = ((ax >>> 8) & 0xff) * (imm & 0xff) & 0xff;
        long sum = a + b;
        long al = sum & 0xff;
        long cf = sum > 0xff ? CF : 0;
        long af = ((a ^ b ^ sum) & 0x10) != 0 ? AF : 0;
        long of = ((a ^ al) & (b ^ al) & 0x80) != 0 ? 0x800 : 0;
        return pack(al, signZeroParity(al) | cf | af | of);
    }
}
