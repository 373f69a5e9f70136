package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.ANDN;
import static dev.jx86.x86.decode.Mnemonic.BEXTR;
import static dev.jx86.x86.decode.Mnemonic.BLSI;
import static dev.jx86.x86.decode.Mnemonic.BLSMSK;
import static dev.jx86.x86.decode.Mnemonic.BLSR;
import static dev.jx86.x86.decode.Mnemonic.BZHI;
import static dev.jx86.x86.decode.Mnemonic.MULX;
import static dev.jx86.x86.decode.Mnemonic.PDEP;
import static dev.jx86.x86.decode.Mnemonic.PEXT;
import static dev.jx86.x86.decode.Mnemonic.RORX;
import static dev.jx86.x86.decode.Mnemonic.SARX;
import static dev.jx86.x86.decode.Mnemonic.SHLX;
import static dev.jx86.x86.decode.Mnemonic.SHRX;

import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.IntegerHelpers;
import dev.jx86.runtime.abi.RuntimeHelper;
import dev.jx86.runtime.abi.StateLayout;

/**
 * BMI1 and BMI2 (SDM Vol. 2, their pages): VEX-encoded operations on general-purpose registers. Operands in the
 * decoder's (the SDM's) order: ANDN/PDEP/PEXT/MULX {@code dst, vvvv, r/m}; BEXTR/BZHI/SHLX/SARX/SHRX
 * {@code dst, r/m, vvvv}; BLSI/BLSMSK/BLSR {@code vvvv, r/m}. The BMI2 ones leave the flags alone; the BMI1 ones and
 * BZHI set SF and ZF from the result, clear OF, and compute CF their own way (undefined AF and PF come from the
 * logic kind).
 */
final class BitManipulation implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(BitManipulation::andn, ANDN);
        t.on(BitManipulation::bextr, BEXTR);
        t.on(c -> lowestBit(c, Op.AND, true), BLSR);
        t.on(c -> lowestBit(c, Op.XOR, true), BLSMSK);
        t.on(c -> lowestBit(c, null, false), BLSI);
        t.on(BitManipulation::bzhi, BZHI);
        t.on(BitManipulation::mulx, MULX);
        t.on(c -> helper(c, IntegerHelpers.PDEP), PDEP);
        t.on(c -> helper(c, IntegerHelpers.PEXT), PEXT);
        t.on(c -> c.write(0, c.ir().binary(Op.ROTR, c.read(1), c.resize(c.read(2), Type.I8))), RORX);
        t.on(c -> shift(c, Op.SHL), SHLX);
        t.on(c -> shift(c, Op.ASHR), SARX);
        t.on(c -> shift(c, Op.LSHR), SHRX);
    }

    /** Flags SF, ZF, PF from {@code r}, OF = 0, CF = {@code cf} (an i1). */
    private static Value logicWithCarry(LiftContext c, Value r, Value cf) {
        return BitAndByte.withCarry(c, c.ir().flags(FlagsKind.LOGIC, r), cf);
    }

    private static void andn(LiftContext c) {
        Value r = c.ir().binary(Op.ANDN, c.read(1), c.read(2));
        c.write(0, r);
        c.flags(c.ir().flags(FlagsKind.LOGIC, r));
    }

    /** BEXTR: the field of r/m at start (bits 7:0 of vvvv) and length (15:8), both saturating at the width. */
    private static void bextr(LiftContext c) {
        IrBuilder b = c.ir();
        Value src = c.read(1);
        Value control = c.read(2);
        Type t = src.type();
        int w = t.bits();
        Value start = c.resize(control, Type.I8);
        Value length = b.extract(Type.I8, control, 8);
        Value shifted =
                b.select(b.icmp(IntCondition.ULT, start, c.i8(w)), b.binary(Op.LSHR, src, start), c.constant(t, 0));
        Value r = b.select(b.icmp(IntCondition.ULT, length, c.i8(w)), b.and(shifted, lowMask(c, t, length)), shifted);
        c.write(0, r);
        c.flags(b.flags(FlagsKind.LOGIC, r));
    }

    /** The mask of the low {@code n} bits (for n below the width). */
    private static Value lowMask(LiftContext c, Type t, Value n) {
        IrBuilder b = c.ir();
        return b.sub(b.binary(Op.SHL, c.constant(t, 1), n), c.constant(t, 1));
    }

    /**
     * BLSR (src & (src-1)), BLSMSK (src ^ (src-1)): CF = (src = 0). BLSI (src & -src): CF = (src != 0).
     */
    private static void lowestBit(LiftContext c, Op op, boolean minusOne) {
        IrBuilder b = c.ir();
        Value src = c.read(1);
        Type t = src.type();
        Value zero = b.icmp(IntCondition.EQ, src, c.constant(t, 0));
        Value r;
        Value cf;
        if (minusOne) {
            r = b.binary(op, src, b.sub(src, c.constant(t, 1)));
            cf = zero;
        } else {
            r = b.and(src, b.unary(Op.NEG, src));
            cf = DataTransfer.not(c, zero);
        }
        c.write(0, r);
        c.flags(logicWithCarry(c, r, cf));
    }

    /** BZHI: r/m with the bits from index (bits 7:0 of vvvv) up cleared; CF = index beyond the width. */
    private static void bzhi(LiftContext c) {
        IrBuilder b = c.ir();
        Value src = c.read(1);
        Type t = src.type();
        Value index = c.resize(c.read(2), Type.I8);
        Value inRange = b.icmp(IntCondition.ULT, index, c.i8(t.bits()));
        Value r = b.select(inRange, b.and(src, lowMask(c, t, index)), src);
        c.write(0, r);
        c.flags(logicWithCarry(c, r, DataTransfer.not(c, inRange)));
    }

    /** MULX hi, lo, r/m: rDX * r/m unsigned; if both destinations are one register it gets the high half. */
    private static void mulx(LiftContext c) {
        IrBuilder b = c.ir();
        Value src = c.read(2);
        Value d = c.read(c.gpr(c.operandBytes(0), StateLayout.RDX));
        c.write(1, b.binary(Op.MUL, d, src));
        c.write(0, b.binary(Op.UMULH, d, src));
    }

    private static void helper(LiftContext c, RuntimeHelper helper) {
        Type t = LiftContext.type(c.operandBytes(0));
        Value r = c.call(helper, c.resize(c.read(1), Type.I64), c.resize(c.read(2), Type.I64));
        c.write(0, c.resize(r, t));
    }

    /** SHLX/SARX/SHRX dst, r/m, count: the count masked to the width (as the IR's shifts do); no flags. */
    private static void shift(LiftContext c, Op op) {
        c.write(0, c.ir().binary(op, c.read(1), c.resize(c.read(2), Type.I8)));
    }
}
