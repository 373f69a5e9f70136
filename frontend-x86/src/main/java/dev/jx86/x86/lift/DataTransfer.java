package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.ir.Flag;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.CoreHelpers;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.SystemHelpers;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.x86.decode.Register;

/**
 * Data transfer (SDM Vol. 1 7.3.1): moves, conditional moves, exchanges, sign and zero extension, the stack, and
 * byte swaps.
 *
 * <p>Segment registers: reading one gives its selector; writing DS, ES, SS, FS or GS (MOV, POP) goes through the
 * runtime's {@code load_segment}, which checks the selector (#GP(selector) for one user code may not load) and
 * loads FS/GS bases from the CPU's descriptors (the TLS entries of set_thread_area). Loading CS with MOV is #UD.
 *
 * <p>Atomicity: XCHG with memory is always locked, and LOCK XADD/CMPXCHG/CMPXCHG8B/16B must be atomic once guest
 * threads exist. Single-threaded, the load/compare/store below is exact; atomic IR ops (exchange, compare-and-swap)
 * will replace the load/store pairs of the memory forms.
 */
final class DataTransfer implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(DataTransfer::mov, MOV);
        t.on(DataTransfer::extendSigned, MOVSX, MOVSXD);
        t.on(c -> c.write(0, c.resize(c.read(1), c.operandType())), MOVZX);
        t.on(
                DataTransfer::cmov,
                CMOVO,
                CMOVNO,
                CMOVB,
                CMOVAE,
                CMOVE,
                CMOVNE,
                CMOVBE,
                CMOVA,
                CMOVS,
                CMOVNS,
                CMOVP,
                CMOVNP,
                CMOVL,
                CMOVGE,
                CMOVLE,
                CMOVG);
        t.on(DataTransfer::xchg, XCHG);
        t.on(DataTransfer::bswap, BSWAP);
        t.on(DataTransfer::xadd, XADD);
        t.on(DataTransfer::cmpxchg, CMPXCHG);
        t.on(DataTransfer::cmpxchgDouble, CMPXCHG8B, CMPXCHG16B);
        t.on(DataTransfer::push, PUSH);
        t.on(DataTransfer::pop, POP);
        t.on(DataTransfer::pusha, PUSHA);
        t.on(DataTransfer::popa, POPA);
        t.on(c -> extendAccumulator(c, 1), CBW);
        t.on(c -> extendAccumulator(c, 2), CWDE);
        t.on(c -> extendAccumulator(c, 4), CDQE);
        t.on(DataTransfer::signIntoDx, CWD, CDQ, CQO);
        t.on(c -> c.write(0, c.ir().unary(Op.BSWAP, c.read(1))), MOVBE);
    }

    private static void mov(LiftContext c) {
        if (c.insn().operand(0) instanceof Register r && r.kind() == Register.Kind.SEGMENT) {
            if (r == Register.CS) {
                c.raise(Vectors.UD);
                return;
            }
            writeSegment(c, r, c.resize(c.read(1), Type.I16));
        } else {
            c.write(0, c.resize(c.read(1, c.operandBytes(0)), LiftContext.type(c.operandBytes(0))));
        }
    }

    /** Loads segment register {@code r} with {@code selector} (see the class comment). */
    private static void writeSegment(LiftContext c, Register r, Value selector) {
        c.call(SystemHelpers.LOAD_SEGMENT, c.constant(Type.I32, r.number()), c.resize(selector, Type.I32));
    }

    private static void extendSigned(LiftContext c) {
        c.write(0, c.resizeSigned(c.read(1), c.operandType()));
    }

    /** CMOVcc: the source is read (and may fault) whatever the condition; a 32-bit destination is always written. */
    private static void cmov(LiftContext c) {
        Value holds = c.condition(ControlTransfer.conditionOf(c.insn().mnemonic(), CMOVO));
        Value src = c.read(1);
        c.write(0, c.ir().select(holds, src, c.read(0)));
    }

    private static void xchg(LiftContext c) {
        Value a = c.read(0);
        Value b = c.read(1);
        c.write(0, b);
        c.write(1, a);
    }

    /** BSWAP of a 16-bit register is undefined; Intel and AMD (checked on the Zen 5 host) clear it. */
    private static void bswap(LiftContext c) {
        Value v = c.read(0);
        c.write(0, v.type() == Type.I16 ? c.constant(Type.I16, 0) : c.ir().unary(Op.BSWAP, v));
    }

    private static void xadd(LiftContext c) {
        Value dst = c.read(0);
        Value src = c.read(1);
        Value sum = c.ir().add(dst, src);
        c.flags(c.ir().flags(FlagsKind.ADD, sum, dst, src));
        c.write(1, dst);
        c.write(0, sum); // after the source: xadd r, r keeps the sum
    }

    /**
     * CMPXCHG dst, src: compare the accumulator with dst; equal: dst = src, else accumulator = dst. A memory
     * destination is written either way (the processor stores the old value back); registers are written only on
     * their side of the comparison, so a 32-bit register not written keeps its upper half.
     */
    private static void cmpxchg(LiftContext c) {
        IrBuilder b = c.ir();
        int bytes = c.operandBytes(0);
        Register acc = c.gpr(bytes, StateLayout.RAX);
        Value expected = c.read(acc);
        Value dst = c.read(0);
        Value src = c.read(1);
        c.flags(b.flags(FlagsKind.SUB, b.sub(expected, dst), expected, dst));
        Value equal = b.icmp(IntCondition.EQ, expected, dst);
        if (c.isMemory(0)) {
            c.write(0, b.select(equal, src, dst));
        } else {
            c.writeIf((Register) c.insn().operand(0), equal, src);
        }
        c.writeIf(acc, not(c, equal), dst);
    }

    static Value not(LiftContext c, Value bit) {
        return c.ir().xor(bit, c.constant(Type.I1, 1));
    }

    /**
     * CMPXCHG8B/16B m: compare rDX:rAX with the memory operand; equal: store rCX:rBX, else load it into rDX:rAX. Only
     * ZF changes. CMPXCHG16B requires a 16-byte aligned operand (#GP(0)); it cannot then cross a page, so its two
     * stores fault together. CMPXCHG8B is one 8-byte access.
     */
    private static void cmpxchgDouble(LiftContext c) {
        IrBuilder b = c.ir();
        boolean wide = c.insn().mnemonic() == CMPXCHG16B;
        int half = wide ? 8 : 4;
        Type t = LiftContext.type(half);
        Value address = c.address(c.memory(0));
        Value lo;
        Value hi;
        if (wide) {
            Value misaligned = b.icmp(IntCondition.NE, b.and(address, c.i64(15)), c.i64(0));
            c.call(CoreHelpers.RAISE_CODE_IF, misaligned, c.constant(Type.I32, Vectors.GP), c.constant(Type.I32, 0));
            lo = c.load(Type.I64, address);
            hi = c.load(Type.I64, b.add(address, c.i64(8)));
        } else {
            Value whole = c.load(Type.I64, address);
            lo = c.resize(whole, t);
            hi = b.extract(t, whole, 32);
        }
        Register ax = c.gpr(half, StateLayout.RAX);
        Register dx = c.gpr(half, StateLayout.RDX);
        Value equal = b.and(b.icmp(IntCondition.EQ, lo, c.read(ax)), b.icmp(IntCondition.EQ, hi, c.read(dx)));
        Value newLo = b.select(equal, c.read(c.gpr(half, StateLayout.RBX)), lo);
        Value newHi = b.select(equal, c.read(c.gpr(half, StateLayout.RCX)), hi);
        if (wide) {
            c.store(address, newLo);
            c.store(b.add(address, c.i64(8)), newHi);
        } else {
            c.store(address, b.or(c.resize(newLo, Type.I64), b.binary(Op.SHL, c.resize(newHi, Type.I64), c.i8(32))));
        }
        c.writeIf(ax, not(c, equal), lo);
        c.writeIf(dx, not(c, equal), hi);
        Value zf = b.binary(Op.SHL, c.resize(equal, Type.I64), c.i8(Flag.ZF.bit()));
        c.flags(b.flagsExplicit(b.or(b.and(b.flagsBits(c.flags()), c.i64(~Flag.ZF.mask())), zf)));
    }

    /** PUSH: a register, segment register (zero-extended), sign-extended immediate or memory operand. */
    private static void push(LiftContext c) {
        c.push(c.read(0, c.insn().operandSize()));
    }

    /** POP: a memory destination's address uses the stack pointer after the pop (SDM Vol. 2B, POP). */
    private static void pop(LiftContext c) {
        Value v = c.pop(c.stackType());
        if (c.insn().operand(0) instanceof Register r && r.kind() == Register.Kind.SEGMENT) {
            writeSegment(c, r, c.resize(v, Type.I16));
        } else {
            c.write(0, v);
        }
    }

    private static final int[] PUSHA_ORDER = {
        StateLayout.RAX, StateLayout.RCX, StateLayout.RDX, StateLayout.RBX,
        StateLayout.RSP, StateLayout.RBP, StateLayout.RSI, StateLayout.RDI
    };

    /** PUSHA/PUSHAD (32-bit mode only): the eight registers, with the stack pointer as it was before. */
    private static void pusha(LiftContext c) {
        int bytes = c.insn().operandSize();
        Value[] values = new Value[8];
        for (int i = 0; i < 8; i++) {
            values[i] = c.read(c.gpr(bytes, PUSHA_ORDER[i]));
        }
        for (Value v : values) {
            c.push(v);
        }
    }

    /** POPA/POPAD: the reverse of PUSHA, skipping the saved stack pointer. */
    private static void popa(LiftContext c) {
        int bytes = c.insn().operandSize();
        for (int i = 7; i >= 0; i--) {
            Value v = c.pop(LiftContext.type(bytes));
            if (PUSHA_ORDER[i] != StateLayout.RSP) {
                c.write(c.gpr(bytes, PUSHA_ORDER[i]), v);
            }
        }
    }

    /** CBW, CWDE, CDQE: sign-extend the low half of the accumulator into all of it. */
    private static void extendAccumulator(LiftContext c, int fromBytes) {
        Value v = c.read(c.gpr(fromBytes, StateLayout.RAX));
        c.write(c.gpr(fromBytes * 2, StateLayout.RAX), c.resizeSigned(v, LiftContext.type(fromBytes * 2)));
    }

    /** CWD, CDQ, CQO: rDX = the sign of rAX in every bit. */
    private static void signIntoDx(LiftContext c) {
        int bytes = c.insn().operandSize();
        Value ax = c.read(c.gpr(bytes, StateLayout.RAX));
        c.write(c.gpr(bytes, StateLayout.RDX), c.ir().binary(Op.ASHR, ax, c.i8(bytes * 8 - 1)));
    }
}
