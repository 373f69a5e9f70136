package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.RCL;
import static dev.jx86.x86.decode.Mnemonic.RCR;
import static dev.jx86.x86.decode.Mnemonic.ROL;
import static dev.jx86.x86.decode.Mnemonic.ROR;
import static dev.jx86.x86.decode.Mnemonic.SAR;
import static dev.jx86.x86.decode.Mnemonic.SHL;
import static dev.jx86.x86.decode.Mnemonic.SHLD;
import static dev.jx86.x86.decode.Mnemonic.SHR;
import static dev.jx86.x86.decode.Mnemonic.SHRD;

import dev.jx86.ir.Flag;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;

/**
 * Shift and rotate (SDM Vol. 1 7.3.5). The count is masked to 5 bits (6 for 64-bit operands) as x86 does, so 8- and
 * 16-bit shifts can shift everything out: they are computed at 32 bits. RCL/RCR rotate through CF, a (w+1)-bit
 * rotation (count mod 9 or 17 for 8/16 bits). Every flags kind here takes the incoming flags as {@code prior}, which
 * it returns unchanged for a masked count of 0.
 *
 * <p>SHLD/SHRD of 16-bit operands with a count above 16 are undefined in the SDM; this lifts what the AMD Zen 5 host
 * computes (checked natively for every count 0-31 with dst 0x1234, src 0xabcd): SHLD shifts the 48-bit
 * {@code dst:src:src} left and keeps the top 16 bits, SHRD shifts {@code src:src:dst} right and keeps the low 16
 * (Intel's P6 family uses {@code dst:src:dst}; the differential tester masks these results).
 */
final class ShiftRotate implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(c -> shift(c, Op.SHL, FlagsKind.SHL), SHL);
        t.on(c -> shift(c, Op.LSHR, FlagsKind.SHR), SHR);
        t.on(c -> shift(c, Op.ASHR, FlagsKind.SAR), SAR);
        t.on(c -> rotate(c, Op.ROTL, FlagsKind.ROL), ROL);
        t.on(c -> rotate(c, Op.ROTR, FlagsKind.ROR), ROR);
        t.on(c -> rotateThroughCarry(c, true), RCL);
        t.on(c -> rotateThroughCarry(c, false), RCR);
        t.on(c -> doubleShift(c, true), SHLD);
        t.on(c -> doubleShift(c, false), SHRD);
    }

    /** The incoming flags in EFLAGS layout, for the kinds that keep them when the count is 0. */
    private static Value prior(LiftContext c) {
        return c.ir().flagsBits(c.flags());
    }

    /** The count operand {@code i} as an i8, before masking. */
    private static Value count(LiftContext c, int i) {
        return c.resize(c.read(i), Type.I8);
    }

    /** {@code count} masked as x86 masks it for a {@code w}-bit operand. */
    static Value maskedCount(LiftContext c, Value count, int w) {
        return c.ir().and(count, c.i8(w == 64 ? 63 : 31));
    }

    private static void shift(LiftContext c, Op op, FlagsKind kind) {
        IrBuilder b = c.ir();
        Value a = c.read(0);
        Value n = count(c, 1);
        int w = a.type().bits();
        Value m = maskedCount(c, n, w);
        Value r;
        if (w < 32) {
            Value wide = op == Op.ASHR ? c.resizeSigned(a, Type.I32) : c.resize(a, Type.I32);
            r = c.resize(b.binary(op, wide, m), a.type());
        } else {
            r = b.binary(op, a, m);
        }
        c.flags(b.flags(kind, r, a, n, prior(c)));
        BinaryArithmetic.readModifyWrite(c, r);
    }

    private static void rotate(LiftContext c, Op op, FlagsKind kind) {
        Value a = c.read(0);
        Value n = count(c, 1);
        Value r = c.ir().binary(op, a, n); // the IR masks to w-1, which is x86's count mod w
        c.flags(c.ir().flags(kind, r, n, prior(c)));
        BinaryArithmetic.readModifyWrite(c, r);
    }

    /**
     * RCL/RCR: rotate the (w+1)-bit value CF:dst. Up to 32 bits it is formed in an i64 and rotated by shifts; for 64
     * bits the three parts are shifted separately, with a select for count 0 (where a shift by 64 would be needed).
     */
    private static void rotateThroughCarry(LiftContext c, boolean left) {
        IrBuilder b = c.ir();
        Value a = c.read(0);
        Value n = count(c, 1);
        int w = a.type().bits();
        Value m = maskedCount(c, n, w);
        Value cf = BinaryArithmetic.carry(c);
        Value r;
        if (w <= 32) {
            Value rr = w < 32 ? b.binary(Op.UREM, m, c.i8(w + 1)) : m;
            Value x = b.or(b.binary(Op.SHL, c.resize(cf, Type.I64), c.i8(w)), c.resize(a, Type.I64));
            Value back = b.sub(c.i8(w + 1), rr);
            Value rotated = left
                    ? b.or(b.binary(Op.SHL, x, rr), b.binary(Op.LSHR, x, back))
                    : b.or(b.binary(Op.LSHR, x, rr), b.binary(Op.SHL, x, back));
            r = c.resize(rotated, a.type());
        } else {
            Value cf64 = c.resize(cf, Type.I64);
            Value back = b.sub(c.i8(64), m);
            Value rotated = left
                    ? b.or(
                            b.or(b.binary(Op.SHL, a, m), b.binary(Op.SHL, cf64, b.sub(m, c.i8(1)))),
                            b.binary(Op.LSHR, b.binary(Op.LSHR, a, c.i8(1)), back))
                    : b.or(
                            b.or(b.binary(Op.LSHR, a, m), b.binary(Op.SHL, cf64, back)),
                            b.binary(Op.SHL, b.binary(Op.SHL, a, c.i8(1)), back));
            r = b.select(b.icmp(IntCondition.EQ, m, c.i8(0)), a, rotated);
        }
        c.flags(b.flags(left ? FlagsKind.RCL : FlagsKind.RCR, r, a, n, prior(c)));
        BinaryArithmetic.readModifyWrite(c, r);
    }

    /** SHLD/SHRD dst, src, count: shift dst, filling from src. */
    private static void doubleShift(LiftContext c, boolean left) {
        IrBuilder b = c.ir();
        Value dst = c.read(0);
        Value src = c.read(1);
        Value n = count(c, 2);
        int w = dst.type().bits();
        Value m = maskedCount(c, n, w);
        Value r;
        if (w == 16) {
            Value d = c.resize(dst, Type.I64);
            Value s = c.resize(src, Type.I64);
            Value ss = b.or(b.binary(Op.SHL, s, c.i8(16)), s);
            if (left) {
                Value x = b.or(b.binary(Op.SHL, d, c.i8(32)), ss);
                r = c.resize(b.binary(Op.LSHR, x, b.sub(c.i8(32), m)), Type.I16);
            } else {
                Value x = b.or(b.binary(Op.SHL, ss, c.i8(16)), d);
                r = c.resize(b.binary(Op.LSHR, x, m), Type.I16);
            }
        } else {
            Value back = b.sub(c.i8(w), m);
            Value shifted = left
                    ? b.or(b.binary(Op.SHL, dst, m), b.binary(Op.LSHR, src, back))
                    : b.or(b.binary(Op.LSHR, dst, m), b.binary(Op.SHL, src, back));
            r = b.select(b.icmp(IntCondition.EQ, m, c.i8(0)), dst, shifted);
        }
        Value prior = prior(c);
        if (left) {
            c.flags(b.flags(FlagsKind.SHL, r, dst, n, prior));
        } else {
            // flags.shr's OF is SHR's (the old sign); SHRD's is whether the sign changed.
            Value bits = b.flagsBits(b.flags(FlagsKind.SHR, r, dst, n, prior));
            Value signChanged = c.resize(b.extract(Type.I1, b.xor(r, dst), w - 1), Type.I64);
            Value of = b.binary(Op.SHL, signChanged, c.i8(Flag.OF.bit()));
            Value fixed = b.or(b.and(bits, c.i64(~Flag.OF.mask())), of);
            c.flags(b.flagsExplicit(b.select(b.icmp(IntCondition.EQ, m, c.i8(0)), prior, fixed)));
        }
        BinaryArithmetic.readModifyWrite(c, r);
    }
}
