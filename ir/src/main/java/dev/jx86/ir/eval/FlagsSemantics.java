package dev.jx86.ir.eval;

import dev.jx86.ir.Flag;
import dev.jx86.ir.FlagCondition;
import dev.jx86.ir.FlagsKind;

/**
 * The exact meaning of every lazy flags kind: the six status flags, in EFLAGS layout, that {@code flags.<kind>}
 * stands for, and the sixteen conditions on them. Flags that the Intel SDM leaves undefined get the value written
 * here (documented in docs/ir.md); the lifter's lazy flags, constant folding and both tiers rest on this class.
 */
public final class FlagsSemantics {
    private FlagsSemantics() {}

    /**
     * The flags of a {@code flags.<kind>} whose operation is {@code width} bits wide; {@code operands} follow the
     * kind's operand list, each a canonical (zero-extended) value.
     */
    public static long bits(FlagsKind kind, int width, long[] operands) {
        return bits(
                kind,
                width,
                operands[0],
                operands.length > 1 ? operands[1] : 0,
                operands.length > 2 ? operands[2] : 0,
                operands.length > 3 ? operands[3] : 0);
    }

    /** The same, with the operands one by one ({@code b}, {@code c}, {@code d} unused by kinds with fewer). */
    public static long bits(FlagsKind kind, int width, long res, long b, long c, long d) {
        return switch (kind) {
            case ADD -> add(width, res, b, c);
            case ADC -> adc(width, res, b, c, d);
            case SUB -> sub(width, res, b, c);
            case SBB -> sbb(width, res, b, c, d);
            case LOGIC -> logic(width, res);
            case INC -> inc(width, res, b);
            case DEC -> dec(width, res, b);
            case NEG -> neg(width, res);
            case SHL -> shl(width, res, b, c, d);
            case SHR -> shr(width, res, b, c, d);
            case SAR -> sar(width, res, b, c, d);
            case ROL -> rol(width, res, b, c);
            case ROR -> ror(width, res, b, c);
            case RCL -> rcl(width, res, b, c, d);
            case RCR -> rcr(width, res, b, c, d);
            case MUL -> mul(width, res, b);
            case IMUL -> imul(width, res, b);
        };
    }

    // One method per kind, operands as the kind lists them: what compiled code calls (small enough to inline).

    public static long add(int w, long res, long a, long b) {
        return add(w, res, a, b, false);
    }

    public static long adc(int w, long res, long a, long b, long carry) {
        return add(w, res, a, b, carry != 0);
    }

    public static long sub(int w, long res, long a, long b) {
        return sub(w, res, a, b, false);
    }

    public static long sbb(int w, long res, long a, long b, long borrow) {
        return sub(w, res, a, b, borrow != 0);
    }

    public static long logic(int w, long res) {
        return result(w, res);
    }

    public static long inc(int w, long res, long carry) {
        return result(w, res) | carry(carry != 0) | of(res == signBit(w)) | af((res & 0xF) == 0);
    }

    public static long dec(int w, long res, long carry) {
        return result(w, res) | carry(carry != 0) | of(res == signBit(w) - 1) | af((res & 0xF) == 0xF);
    }

    public static long neg(int w, long res) {
        return result(w, res) | carry(res != 0) | of(res == signBit(w)) | af((res & 0xF) != 0);
    }

    public static long shl(int w, long res, long src, long count, long prior) {
        return shift(FlagsKind.SHL, w, res, src, count, prior);
    }

    public static long shr(int w, long res, long src, long count, long prior) {
        return shift(FlagsKind.SHR, w, res, src, count, prior);
    }

    public static long sar(int w, long res, long src, long count, long prior) {
        return shift(FlagsKind.SAR, w, res, src, count, prior);
    }

    public static long rol(int w, long res, long count, long prior) {
        return rotate(FlagsKind.ROL, w, res, count, prior);
    }

    public static long ror(int w, long res, long count, long prior) {
        return rotate(FlagsKind.ROR, w, res, count, prior);
    }

    public static long rcl(int w, long res, long src, long count, long prior) {
        return rotateThroughCarry(FlagsKind.RCL, w, res, src, count, prior);
    }

    public static long rcr(int w, long res, long src, long count, long prior) {
        return rotateThroughCarry(FlagsKind.RCR, w, res, src, count, prior);
    }

    public static long mul(int w, long res, long high) {
        return result(w, res) | carry(high != 0) | of(high != 0);
    }

    public static long imul(int w, long res, long high) {
        return multiplySigned(w, res, high);
    }

    /** Whether condition {@code cc} holds for flags {@code bits}. */
    public static boolean test(FlagCondition cc, long bits) {
        boolean cf = has(bits, Flag.CF);
        boolean zf = has(bits, Flag.ZF);
        boolean sf = has(bits, Flag.SF);
        boolean of = has(bits, Flag.OF);
        return switch (cc) {
            case O -> of;
            case NO -> !of;
            case B -> cf;
            case AE -> !cf;
            case E -> zf;
            case NE -> !zf;
            case BE -> cf || zf;
            case A -> !cf && !zf;
            case S -> sf;
            case NS -> !sf;
            case P -> has(bits, Flag.PF);
            case NP -> !has(bits, Flag.PF);
            case L -> sf != of;
            case GE -> sf == of;
            case LE -> zf || sf != of;
            case G -> !zf && sf == of;
        };
    }

    public static boolean has(long bits, Flag flag) {
        return (bits & flag.mask()) != 0;
    }

    private static long add(int w, long res, long a, long b, boolean carryIn) {
        boolean cf = carryIn ? Long.compareUnsigned(res, a) <= 0 : Long.compareUnsigned(res, a) < 0;
        return result(w, res) | carry(cf) | of(msb(w, (a ^ res) & (b ^ res))) | af(((a ^ b ^ res) & 0x10) != 0);
    }

    private static long sub(int w, long res, long a, long b, boolean borrowIn) {
        boolean cf = borrowIn ? Long.compareUnsigned(a, b) <= 0 : Long.compareUnsigned(a, b) < 0;
        return result(w, res) | carry(cf) | of(msb(w, (a ^ b) & (a ^ res))) | af(((a ^ b ^ res) & 0x10) != 0);
    }

    /** Shifts by a masked count of 0 leave the flags alone; AF is undefined by the SDM and 0 here. */
    private static long shift(FlagsKind kind, int w, long res, long src, long count, long prior) {
        int c = maskedCount(w, count);
        if (c == 0) {
            return prior & Flag.ALL;
        }
        boolean cf = switch (kind) {
            case SHL -> msb(w, src << (c - 1));
            case SHR -> ((src >>> (c - 1)) & 1) != 0;
            default -> ((signExtend(w, src) >> (c - 1)) & 1) != 0;
        };
        boolean of = switch (kind) {
            case SHL -> msb(w, res) != cf;
            case SHR -> msb(w, src);
            default -> false;
        };
        return result(w, res) | carry(cf) | of(of);
    }

    /** Rotates change only CF and OF, and nothing at all for a masked count of 0. */
    private static long rotate(FlagsKind kind, int w, long res, long count, long prior) {
        if (maskedCount(w, count) == 0) {
            return prior & Flag.ALL;
        }
        boolean cf = kind == FlagsKind.ROL ? (res & 1) != 0 : msb(w, res);
        boolean of = kind == FlagsKind.ROL ? msb(w, res) != cf : msb(w, res) != msb(w, res << 1);
        return (prior & (Flag.ALL & ~Flag.CF.mask() & ~Flag.OF.mask())) | carry(cf) | of(of);
    }

    /** RCL/RCR rotate through CF: a {@code w+1}-bit rotation by the masked count modulo {@code w+1}. */
    private static long rotateThroughCarry(FlagsKind kind, int w, long res, long src, long count, long prior) {
        int c = maskedCount(w, count);
        if (c == 0) {
            return prior & Flag.ALL;
        }
        int r = w < 32 ? c % (w + 1) : c;
        boolean oldCf = (prior & 1) != 0;
        boolean cf;
        boolean of;
        if (kind == FlagsKind.RCL) {
            cf = r == 0 ? oldCf : ((src >>> (w - r)) & 1) != 0;
            of = msb(w, res) != cf;
        } else {
            cf = r == 0 ? oldCf : ((src >>> (r - 1)) & 1) != 0;
            of = msb(w, src) != oldCf;
        }
        return (prior & (Flag.ALL & ~Flag.CF.mask() & ~Flag.OF.mask())) | carry(cf) | of(of);
    }

    /** CF and OF say whether the high half differs from the sign extension of the low half. */
    private static long multiplySigned(int w, long low, long high) {
        long extension = msb(w, low) ? mask(w) : 0;
        return result(w, low) | carry(high != extension) | of(high != extension);
    }

    /** SF, ZF and PF of a result; CF, OF and AF clear. */
    private static long result(int w, long res) {
        long bits = 0;
        if (msb(w, res)) {
            bits |= Flag.SF.mask();
        }
        if ((res & mask(w)) == 0) {
            bits |= Flag.ZF.mask();
        }
        if ((Long.bitCount(res & 0xFF) & 1) == 0) {
            bits |= Flag.PF.mask();
        }
        return bits;
    }

    static int maskedCount(int w, long count) {
        return (int) (count & (w == 64 ? 63 : 31));
    }

    private static long carry(boolean set) {
        return set ? Flag.CF.mask() : 0;
    }

    private static long of(boolean set) {
        return set ? Flag.OF.mask() : 0;
    }

    private static long af(boolean set) {
        return set ? Flag.AF.mask() : 0;
    }

    private static boolean msb(int w, long value) {
        return ((value >>> (w - 1)) & 1) != 0;
    }

    private static long signBit(int w) {
        return 1L << (w - 1);
    }

    private static long mask(int w) {
        return w == 64 ? -1L : (1L << w) - 1;
    }

    private static long signExtend(int w, long value) {
        return (value << (64 - w)) >> (64 - w);
    }
}
