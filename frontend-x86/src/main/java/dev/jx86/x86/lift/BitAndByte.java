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
import dev.jx86.x86.decode.Immediate;
import dev.jx86.x86.decode.Register;

/**
 * Bit and byte (SDM Vol. 1 7.3.6): bit tests, bit scans, SETcc, TEST, POPCNT, LZCNT, TZCNT and CRC32.
 *
 * <p>BSF/BSR with a zero source set ZF and leave the destination unchanged — all 64 bits, also for a 32-bit
 * operand: AMD documents it, Intel calls the destination undefined, and the AMD Zen 5 host does it (checked natively
 * with {@code bsf eax, ...}: RAX kept 0xffffffffffffffff). Flags the SDM leaves undefined take the host's values
 * (the native cases): the bit tests and scans keep them, LZCNT/TZCNT keep OF and clear SF, AF, PF.
 */
final class BitAndByte implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(c -> bitTest(c, null), BT);
        t.on(c -> bitTest(c, Op.OR), BTS);
        t.on(c -> bitTest(c, Op.ANDN), BTR);
        t.on(c -> bitTest(c, Op.XOR), BTC);
        t.on(c -> bitScan(c, true), BSF);
        t.on(c -> bitScan(c, false), BSR);
        t.on(
                BitAndByte::setcc,
                SETO,
                SETNO,
                SETB,
                SETAE,
                SETE,
                SETNE,
                SETBE,
                SETA,
                SETS,
                SETNS,
                SETP,
                SETNP,
                SETL,
                SETGE,
                SETLE,
                SETG);
        t.on(BitAndByte::test, TEST);
        t.on(BitAndByte::popcnt, POPCNT);
        t.on(c -> count(c, Op.CLZ), LZCNT);
        t.on(c -> count(c, Op.CTZ), TZCNT);
        t.on(BitAndByte::crc32, CRC32);
    }

    /** {@code flags} with CF replaced by {@code cf} (an i1); the other five unchanged. */
    static Value withCarry(LiftContext c, Value flags, Value cf) {
        return withFlag(c, flags, Flag.CF, cf);
    }

    /** {@code flags} with {@code flag} replaced by {@code value} (an i1); the other five unchanged. */
    static Value withFlag(LiftContext c, Value flags, Flag flag, Value value) {
        IrBuilder b = c.ir();
        Value bits = b.and(b.flagsBits(flags), c.i64(~flag.mask()));
        Value bit = b.binary(Op.SHL, c.resize(value, Type.I64), c.i8(flag.bit()));
        return b.flagsExplicit(b.or(bits, bit));
    }

    /**
     * BT/BTS/BTR/BTC: CF = the selected bit, which the modifying forms then set, clear or flip. An immediate offset and
     * a register base take the offset modulo the operand width; a register offset into memory is a signed bit index
     * from the operand's address, so it selects another operand-sized word (SDM Vol. 2A, BT).
     */
    private static void bitTest(LiftContext c, Op modify) {
        IrBuilder b = c.ir();
        int bytes = c.operandBytes(0);
        Type t = LiftContext.type(bytes);
        int w = bytes * 8;
        Value offset = c.read(1, bytes);
        Value bit = b.and(offset, c.constant(t, w - 1));
        Value address = null;
        Value word;
        if (c.isMemory(0)) {
            address = c.address(c.memory(0));
            if (!(c.insn().operand(1) instanceof Immediate)) {
                int log = Integer.numberOfTrailingZeros(w);
                Value words = b.binary(Op.ASHR, c.resizeSigned(offset, Type.I64), c.i8(log));
                address = b.add(address, b.binary(Op.SHL, words, c.i8(Integer.numberOfTrailingZeros(bytes))));
                if (!c.is64()) {
                    address = c.resize(c.resize(address, Type.I32), Type.I64);
                }
            }
            word = c.load(t, address);
        } else {
            word = c.read(0);
        }
        Value mask = b.binary(Op.SHL, c.constant(t, 1), c.resize(bit, Type.I8));
        Value cf = b.icmp(IntCondition.NE, b.and(word, mask), c.constant(t, 0));
        if (modify != null) {
            Value r = modify == Op.ANDN ? b.binary(Op.ANDN, mask, word) : b.binary(modify, word, mask);
            if (address != null) {
                c.store(address, r);
            } else {
                c.write(0, r);
            }
        }
        c.flags(withCarry(c, c.flags(), cf));
    }

    /** BSF/BSR: the index of the lowest/highest set bit; a zero source sets ZF and leaves the destination alone. */
    private static void bitScan(LiftContext c, boolean forward) {
        IrBuilder b = c.ir();
        Value src = c.read(1);
        Type t = src.type();
        Value index = forward ? b.unary(Op.CTZ, src) : b.sub(c.constant(t, t.bits() - 1), b.unary(Op.CLZ, src));
        Value zero = b.icmp(IntCondition.EQ, src, c.constant(t, 0));
        c.writeIf((Register) c.insn().operand(0), DataTransfer.not(c, zero), index);
        c.flags(withFlag(c, c.flags(), Flag.ZF, zero));
    }

    private static void setcc(LiftContext c) {
        Value holds = c.condition(ControlTransfer.conditionOf(c.insn().mnemonic(), SETO));
        c.write(0, c.resize(holds, Type.I8));
    }

    private static void test(LiftContext c) {
        Value[] v = BinaryArithmetic.readPair(c);
        c.flags(c.ir().flags(FlagsKind.LOGIC, c.ir().and(v[0], v[1])));
    }

    /** POPCNT: ZF = (source = 0), the other five flags cleared. */
    private static void popcnt(LiftContext c) {
        IrBuilder b = c.ir();
        Value src = c.read(1);
        Value zero = b.icmp(IntCondition.EQ, src, c.constant(src.type(), 0));
        c.write(0, b.unary(Op.POPCNT, src));
        c.flags(b.flagsExplicit(b.select(zero, c.i64(Flag.ZF.mask()), c.i64(0))));
    }

    /** LZCNT/TZCNT: CF = (source = 0), ZF = (result = 0); of the undefined ones OF is kept, SF, PF, AF cleared. */
    private static void count(LiftContext c, Op op) {
        IrBuilder b = c.ir();
        Value src = c.read(1);
        Type t = src.type();
        Value r = b.unary(op, src);
        Value cf = c.resize(b.icmp(IntCondition.EQ, src, c.constant(t, 0)), Type.I64);
        Value zf = c.resize(b.icmp(IntCondition.EQ, r, c.constant(t, 0)), Type.I64);
        Value of = b.and(b.flagsBits(c.flags()), c.i64(Flag.OF.mask()));
        c.write(0, r);
        c.flags(b.flagsExplicit(b.or(b.or(cf, of), b.binary(Op.SHL, zf, c.i8(Flag.ZF.bit())))));
    }

    /** CRC32 (CRC-32C, polynomial 0x11EDC6F41, bit-reflected) of the source's bytes into the 32-bit accumulator. */
    private static void crc32(LiftContext c) {
        Value crc = c.resize(c.read(0), Type.I32);
        Value data = c.resize(c.read(1), Type.I64);
        Value r = c.call(IntegerHelpers.CRC32C, crc, data, c.constant(Type.I32, c.operandBytes(1)));
        c.write(0, c.resize(r, LiftContext.type(c.operandBytes(0))));
    }
}
