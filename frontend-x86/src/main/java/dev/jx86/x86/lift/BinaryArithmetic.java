package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.ir.Flag;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.IntegerHelpers;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.x86.decode.Register;

/**
 * Binary arithmetic (SDM Vol. 1 7.3.2): add, subtract, compare, multiply, divide, increment, decrement, negate, and
 * ADX's carry-chain adds. Flags go through the IR's lazy kinds only.
 *
 * <p>A LOCK-prefixed read-modify-write here is lifted as load, operate, store: exact while one guest thread runs.
 * When guest threads arrive, the memory forms need atomic IR ops (compare-and-swap loops or fetch-and-op) in place of
 * the load/store pair; {@link #readModifyWrite} is the one place that would change.
 */
final class BinaryArithmetic implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(c -> addLike(c, false), ADD);
        t.on(c -> addLike(c, true), ADC);
        t.on(c -> subLike(c, false, true), SUB);
        t.on(c -> subLike(c, true, true), SBB);
        t.on(c -> subLike(c, false, false), CMP);
        t.on(BinaryArithmetic::inc, INC);
        t.on(BinaryArithmetic::dec, DEC);
        t.on(BinaryArithmetic::neg, NEG);
        t.on(BinaryArithmetic::mul, MUL);
        t.on(BinaryArithmetic::imul, IMUL);
        t.on(c -> divide(c, false), DIV);
        t.on(c -> divide(c, true), IDIV);
        t.on(c -> carryChain(c, Flag.CF), ADCX);
        t.on(c -> carryChain(c, Flag.OF), ADOX);
    }

    /** Operand 0 and operand 1 read at operand 0's size (an immediate sign-extended to it). */
    static Value[] readPair(LiftContext c) {
        return new Value[] {c.read(0), c.read(1, c.operandBytes(0))};
    }

    /** Writes the result of a read-modify-write of operand 0 (where a LOCKed form would become atomic). */
    static void readModifyWrite(LiftContext c, Value result) {
        c.write(0, result);
    }

    /** The carry flag as an i1. */
    static Value carry(LiftContext c) {
        return c.ir().flag(Flag.CF, c.flags());
    }

    private static void addLike(LiftContext c, boolean withCarry) {
        IrBuilder b = c.ir();
        Value[] v = readPair(c);
        Value r = b.add(v[0], v[1]);
        if (withCarry) {
            Value cin = carry(c);
            r = b.add(r, c.resize(cin, r.type()));
            c.flags(b.flags(FlagsKind.ADC, r, v[0], v[1], cin));
        } else {
            c.flags(b.flags(FlagsKind.ADD, r, v[0], v[1]));
        }
        readModifyWrite(c, r);
    }

    private static void subLike(LiftContext c, boolean withBorrow, boolean store) {
        IrBuilder b = c.ir();
        Value[] v = readPair(c);
        Value r = b.sub(v[0], v[1]);
        if (withBorrow) {
            Value cin = carry(c);
            r = b.sub(r, c.resize(cin, r.type()));
            c.flags(b.flags(FlagsKind.SBB, r, v[0], v[1], cin));
        } else {
            c.flags(b.flags(FlagsKind.SUB, r, v[0], v[1]));
        }
        if (store) {
            readModifyWrite(c, r);
        }
    }

    private static void inc(LiftContext c) {
        Value a = c.read(0);
        Value r = c.ir().add(a, c.constant(a.type(), 1));
        c.flags(c.ir().flags(FlagsKind.INC, r, carry(c)));
        readModifyWrite(c, r);
    }

    private static void dec(LiftContext c) {
        Value a = c.read(0);
        Value r = c.ir().sub(a, c.constant(a.type(), 1));
        c.flags(c.ir().flags(FlagsKind.DEC, r, carry(c)));
        readModifyWrite(c, r);
    }

    private static void neg(LiftContext c) {
        Value r = c.ir().unary(Op.NEG, c.read(0));
        c.flags(c.ir().flags(FlagsKind.NEG, r));
        readModifyWrite(c, r);
    }

    /** MUL r/m: AX = AL * src, or rDX:rAX = rAX * src. */
    private static void mul(LiftContext c) {
        IrBuilder b = c.ir();
        int bytes = c.operandBytes(0);
        Value src = c.read(0);
        Value acc = c.read(c.gpr(bytes, StateLayout.RAX));
        Value lo = b.binary(Op.MUL, acc, src);
        Value hi = b.binary(Op.UMULH, acc, src);
        writeDouble(c, bytes, hi, lo);
        c.flags(b.flags(FlagsKind.MUL, lo, hi));
    }

    /** IMUL in its three forms: rDX:rAX = rAX * src; dst *= src; dst = src * imm. */
    private static void imul(LiftContext c) {
        IrBuilder b = c.ir();
        int operands = c.insn().operands().size();
        int bytes = c.operandBytes(0);
        Value x;
        Value y;
        if (operands == 1) {
            x = c.read(c.gpr(bytes, StateLayout.RAX));
            y = c.read(0);
        } else {
            x = c.read(operands - 2, bytes);
            y = c.read(operands - 1, bytes);
        }
        Value lo = b.binary(Op.MUL, x, y);
        Value hi = b.binary(Op.SMULH, x, y);
        if (operands == 1) {
            writeDouble(c, bytes, hi, lo);
        } else {
            c.write(0, lo);
        }
        c.flags(b.flags(FlagsKind.IMUL, lo, hi));
    }

    /** Writes a double-width result: AH:AL (as AX) for bytes, else rDX:rAX. */
    private static void writeDouble(LiftContext c, int bytes, Value hi, Value lo) {
        if (bytes == 1) {
            IrBuilder b = c.ir();
            Value ax = b.or(c.resize(lo, Type.I16), b.binary(Op.SHL, c.resize(hi, Type.I16), c.i8(8)));
            c.write(Register.AX, ax);
        } else {
            c.write(c.gpr(bytes, StateLayout.RAX), lo);
            c.write(c.gpr(bytes, StateLayout.RDX), hi);
        }
    }

    /**
     * DIV and IDIV: the double-width dividend (AX, or rDX:rAX) by the operand, #DE when the divisor is zero or the
     * quotient does not fit. Up to 32-bit operands divide in the IR at twice the width; 64-bit operands need a
     * 128-by-64 division, a runtime helper.
     */
    private static void divide(LiftContext c, boolean signed) {
        int bytes = c.operandBytes(0);
        Value divisor = c.read(0);
        if (bytes == 8) {
            divide128(c, divisor, signed);
            return;
        }
        IrBuilder b = c.ir();
        Type t = LiftContext.type(bytes);
        Type wide = LiftContext.type(bytes * 2);
        Value dividend;
        if (bytes == 1) {
            dividend = c.read(Register.AX);
        } else {
            Value hi = c.resize(c.read(c.gpr(bytes, StateLayout.RDX)), wide);
            Value lo = c.resize(c.read(c.gpr(bytes, StateLayout.RAX)), wide);
            dividend = b.or(b.binary(Op.SHL, hi, c.i8(bytes * 8)), lo);
        }
        Value d = signed ? c.resizeSigned(divisor, wide) : c.resize(divisor, wide);
        Value q = b.binary(signed ? Op.SDIV : Op.UDIV, dividend, d);
        Value rem = b.binary(signed ? Op.SREM : Op.UREM, dividend, d);
        Value narrowQ = c.resize(q, t);
        Value fits = b.icmp(IntCondition.EQ, signed ? c.resizeSigned(narrowQ, wide) : c.resize(narrowQ, wide), q);
        Value zero = b.icmp(IntCondition.EQ, divisor, c.constant(t, 0));
        c.raiseIf(b.or(zero, b.xor(fits, c.constant(Type.I1, 1))), Vectors.DE);
        writeDouble(c, bytes, c.resize(rem, t), narrowQ);
    }

    private static void divide128(LiftContext c, Value divisor, boolean signed) {
        Value hi = c.gpr64(StateLayout.RDX);
        Value lo = c.gpr64(StateLayout.RAX);
        Value q = c.call(signed ? IntegerHelpers.IDIV128 : IntegerHelpers.DIV128, hi, lo, divisor);
        Value r = c.call(signed ? IntegerHelpers.IREM128 : IntegerHelpers.REM128, hi, lo, divisor);
        c.set(StateLayout.gpr(StateLayout.RAX), q);
        c.set(StateLayout.gpr(StateLayout.RDX), r);
    }

    /**
     * ADCX and ADOX: an add with carry that reads and writes only CF (ADCX) or only OF (ADOX, which uses OF as the
     * carry), so that two carry chains can interleave.
     */
    private static void carryChain(LiftContext c, Flag flag) {
        IrBuilder b = c.ir();
        Value[] v = readPair(c);
        Value oldBits = b.flagsBits(c.flags());
        Value cin = b.flag(flag, c.flags());
        Value r = b.add(b.add(v[0], v[1]), c.resize(cin, v[0].type()));
        Value cout = b.flag(Flag.CF, b.flags(FlagsKind.ADC, r, v[0], v[1], cin));
        Value bit = b.binary(Op.SHL, c.resize(cout, Type.I64), c.i8(flag.bit()));
        Value bits = b.or(b.and(oldBits, c.i64(~(1L << flag.bit()))), bit);
        c.flags(b.flagsExplicit(bits));
        c.write(0, r);
    }
}
