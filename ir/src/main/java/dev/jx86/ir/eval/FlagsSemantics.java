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

    // The masks and kind numbers as static finals, which C2 folds: an enum constant's field (Flag.CF.mask()) or an
    // enum switch's ordinal table is a memory load in compiled code.
    private static final long CF = Flag.CF.mask();
    private static final long PF = Flag.PF.mask();
    private static final long AF = Flag.AF.mask();
    private static final long ZF = Flag.ZF.mask();
    private static final long SF = Flag.SF.mask();
    private static final long OF = Flag.OF.mask();
    private static final long CF_OF_KEPT = Flag.ALL & ~CF & ~OF;
    private static final int PF_BIT = Flag.PF.bit();
    private static final int ZF_BIT = Flag.ZF.bit();
    private static final int SF_BIT = Flag.SF.bit();
    private static final int OF_BIT = Flag.OF.bit();

    private static final int ADD_KIND = FlagsKind.ADD.ordinal();
    private static final int ADC_KIND = FlagsKind.ADC.ordinal();
    private static final int SUB_KIND = FlagsKind.SUB.ordinal();
    private static final int SBB_KIND = FlagsKind.SBB.ordinal();
    private static final int LOGIC_KIND = FlagsKind.LOGIC.ordinal();
    private static final int INC_KIND = FlagsKind.INC.ordinal();
    private static final int DEC_KIND = FlagsKind.DEC.ordinal();
    private static final int NEG_KIND = FlagsKind.NEG.ordinal();
    private static final int SHL_KIND = FlagsKind.SHL.ordinal();
    private static final int SHR_KIND = FlagsKind.SHR.ordinal();
    private static final int SAR_KIND = FlagsKind.SAR.ordinal();
    private static final int ROL_KIND = FlagsKind.ROL.ordinal();
    private static final int ROR_KIND = FlagsKind.ROR.ordinal();
    private static final int RCL_KIND = FlagsKind.RCL.ordinal();
    private static final int RCR_KIND = FlagsKind.RCR.ordinal();
    private static final int MUL_KIND = FlagsKind.MUL.ordinal();
    private static final int IMUL_KIND = FlagsKind.IMUL.ordinal();

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

    /**
     * A flags op's kind and width in one int, the lazy form's code (the kind's ordinal shifted left by 8, or'ed with
     * the width in bits): what compiled regions and the FLAGS slot's lazy form keep ({@code runtime.abi.FlagsState}).
     */
    public static int code(FlagsKind kind, int width) {
        return kind.ordinal() << 8 | width;
    }

    /**
     * The flags of the op with lazy-form {@code code} ({@link #code}). Compiled code calls this with a code that is
     * often a constant along the path, so it compares the code with constants (which C2 folds) rather than indexing
     * the kinds and switching on the enum (array loads C2 cannot fold); the common kinds come first.
     */
    public static long bits(int code, long res, long b, long c, long d) {
        int kind = code >>> 8;
        int w = code & 0xff;
        if (kind == SUB_KIND) {
            return sub(w, res, b, c);
        } else if (kind == LOGIC_KIND) {
            return logic(w, res);
        } else if (kind == ADD_KIND) {
            return add(w, res, b, c);
        } else if (kind == INC_KIND) {
            return inc(w, res, b);
        } else if (kind == DEC_KIND) {
            return dec(w, res, b);
        }
        return otherBits(kind, w, res, b, c, d);
    }

    /** {@link #bits(int, long, long, long, long)} of the other kinds: apart, so that the common part stays small enough to inline. */
    private static long otherBits(int kind, int w, long res, long b, long c, long d) {
        if (kind == SHL_KIND) {
            return shl(w, res, b, c, d);
        } else if (kind == SHR_KIND) {
            return shr(w, res, b, c, d);
        } else if (kind == SAR_KIND) {
            return sar(w, res, b, c, d);
        } else if (kind == ADC_KIND) {
            return adc(w, res, b, c, d);
        } else if (kind == SBB_KIND) {
            return sbb(w, res, b, c, d);
        } else if (kind == NEG_KIND) {
            return neg(w, res);
        } else if (kind == ROL_KIND) {
            return rol(w, res, b, c);
        } else if (kind == ROR_KIND) {
            return ror(w, res, b, c);
        } else if (kind == RCL_KIND) {
            return rcl(w, res, b, c, d);
        } else if (kind == RCR_KIND) {
            return rcr(w, res, b, c, d);
        } else if (kind == MUL_KIND) {
            return mul(w, res, b);
        }
        assert kind == IMUL_KIND : kind;
        return imul(w, res, b);
    }

    // One flag of the op with lazy-form code `code` ({@link #code}), or of plain bits (code -1, the bits in `res`), as
    // 0 or 1: what a compiled region computes for a flag or condition that a block reads from the flags an earlier
    // block left, without the other five. The common kinds are spelled out (C2 folds the comparisons when the code is
    // a constant and keeps only what the flag needs); the rest take their bit from bits().

    /** CF of the op with lazy-form {@code code} ({@link #bits(int, long, long, long, long)}'s operands), 0 or 1. */
    public static long carry(int code, long res, long b, long c, long d) {
        int kind = code >>> 8;
        if (code < 0) {
            return res & CF;
        } else if (kind == SUB_KIND) {
            return subCarry(b, c, false) ? 1 : 0;
        } else if (kind == ADD_KIND) {
            return addCarry(res, b, false) ? 1 : 0;
        } else if (kind == LOGIC_KIND) {
            return 0;
        } else if (kind == INC_KIND || kind == DEC_KIND) {
            return b != 0 ? 1 : 0;
        }
        return bits(code, res, b, c, d) & CF;
    }

    /** ZF of the op with lazy-form {@code code}, 0 or 1. */
    public static long zero(int code, long res, long b, long c, long d) {
        if (code < 0) {
            return (res & ZF) >>> ZF_BIT;
        } else if (keepsResultFlags(code >>> 8)) {
            return (res & mask(code & 0xff)) == 0 ? 1 : 0;
        }
        return (bits(code, res, b, c, d) & ZF) >>> ZF_BIT;
    }

    /** SF of the op with lazy-form {@code code}, 0 or 1. */
    public static long sign(int code, long res, long b, long c, long d) {
        if (code < 0) {
            return (res & SF) >>> SF_BIT;
        } else if (keepsResultFlags(code >>> 8)) {
            return msb(code & 0xff, res) ? 1 : 0;
        }
        return (bits(code, res, b, c, d) & SF) >>> SF_BIT;
    }

    /** OF of the op with lazy-form {@code code}, 0 or 1. */
    public static long overflow(int code, long res, long b, long c, long d) {
        int kind = code >>> 8;
        int w = code & 0xff;
        if (code < 0) {
            return (res & OF) >>> OF_BIT;
        } else if (kind == SUB_KIND) {
            return subOverflow(w, res, b, c) ? 1 : 0;
        } else if (kind == ADD_KIND) {
            return addOverflow(w, res, b, c) ? 1 : 0;
        } else if (kind == LOGIC_KIND) {
            return 0;
        } else if (kind == INC_KIND) {
            return res == signBit(w) ? 1 : 0;
        } else if (kind == DEC_KIND) {
            return res == signBit(w) - 1 ? 1 : 0;
        }
        return (bits(code, res, b, c, d) & OF) >>> OF_BIT;
    }

    /** PF of the op with lazy-form {@code code}, 0 or 1. */
    public static long parity(int code, long res, long b, long c, long d) {
        long bits = code < 0 ? res : bits(code, res, b, c, d);
        return (bits & PF) >>> PF_BIT;
    }

    /** Whether ZF and SF of {@code kind} are those of its result alone, whatever the operands. */
    public static boolean keepsResultFlags(FlagsKind kind) {
        return keepsResultFlags(kind.ordinal());
    }

    /** {@link #keepsResultFlags(FlagsKind)} of a kind's ordinal. */
    private static boolean keepsResultFlags(int kind) {
        return kind == SUB_KIND
                || kind == LOGIC_KIND
                || kind == ADD_KIND
                || kind == INC_KIND
                || kind == DEC_KIND
                || kind == ADC_KIND
                || kind == SBB_KIND
                || kind == NEG_KIND
                || kind == MUL_KIND
                || kind == IMUL_KIND;
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
        boolean cf = (bits & CF) != 0;
        boolean zf = (bits & ZF) != 0;
        boolean sf = (bits & SF) != 0;
        boolean of = (bits & OF) != 0;
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
            case P -> (bits & PF) != 0;
            case NP -> (bits & PF) == 0;
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
        return result(w, res)
                | carry(addCarry(res, a, carryIn))
                | of(addOverflow(w, res, a, b))
                | af(((a ^ b ^ res) & 0x10) != 0);
    }

    private static long sub(int w, long res, long a, long b, boolean borrowIn) {
        return result(w, res)
                | carry(subCarry(a, b, borrowIn))
                | of(subOverflow(w, res, a, b))
                | af(((a ^ b ^ res) & 0x10) != 0);
    }

    private static boolean addCarry(long res, long a, boolean carryIn) {
        return carryIn ? Long.compareUnsigned(res, a) <= 0 : Long.compareUnsigned(res, a) < 0;
    }

    private static boolean subCarry(long a, long b, boolean borrowIn) {
        return borrowIn ? Long.compareUnsigned(a, b) <= 0 : Long.compareUnsigned(a, b) < 0;
    }

    private static boolean addOverflow(int w, long res, long a, long b) {
        return msb(w, (a ^ res) & (b ^ res));
    }

    private static boolean subOverflow(int w, long res, long a, long b) {
        return msb(w, (a ^ b) & (a ^ res));
    }

    /** Shifts by a masked count of 0 leave the flags alone; AF is undefined by the SDM and 0 here. */
    private static long shift(FlagsKind kind, int w, long res, long src, long count, long prior) {
        int c = maskedCount(w, count);
        if (c == 0) {
            return prior & Flag.ALL;
        }
        boolean cf;
        boolean of;
        if (kind == FlagsKind.SHL) {
            cf = msb(w, src << (c - 1));
            of = msb(w, res) != cf;
        } else if (kind == FlagsKind.SHR) {
            cf = ((src >>> (c - 1)) & 1) != 0;
            of = msb(w, src);
        } else {
            cf = ((signExtend(w, src) >> (c - 1)) & 1) != 0;
            of = false;
        }
        return result(w, res) | carry(cf) | of(of);
    }

    /** Rotates change only CF and OF, and nothing at all for a masked count of 0. */
    private static long rotate(FlagsKind kind, int w, long res, long count, long prior) {
        if (maskedCount(w, count) == 0) {
            return prior & Flag.ALL;
        }
        boolean cf = kind == FlagsKind.ROL ? (res & 1) != 0 : msb(w, res);
        boolean of = kind == FlagsKind.ROL ? msb(w, res) != cf : msb(w, res) != msb(w, res << 1);
        return (prior & CF_OF_KEPT) | carry(cf) | of(of);
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
        return (prior & CF_OF_KEPT) | carry(cf) | of(of);
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
            bits |= SF;
        }
        if ((res & mask(w)) == 0) {
            bits |= ZF;
        }
        if ((Long.bitCount(res & 0xFF) & 1) == 0) {
            bits |= PF;
        }
        return bits;
    }

    static int maskedCount(int w, long count) {
        return (int) (count & (w == 64 ? 63 : 31));
    }

    private static long carry(boolean set) {
        return set ? CF : 0;
    }

    private static long of(boolean set) {
        return set ? OF : 0;
    }

    private static long af(boolean set) {
        return set ? AF : 0;
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
