package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.ir.ExitReason;
import dev.jx86.ir.FlagCondition;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.x86.decode.Immediate;
import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.decode.RelativeTarget;

/** Control transfer (SDM Vol. 1 7.3.8): jumps, conditional jumps, loops, calls, returns, software interrupts. */
final class ControlTransfer implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(ControlTransfer::jmp, JMP);
        t.on(ControlTransfer::jcc, JO, JNO, JB, JAE, JE, JNE, JBE, JA, JS, JNS, JP, JNP, JL, JGE, JLE, JG);
        t.on(ControlTransfer::jcxz, JCXZ, JECXZ, JRCXZ);
        t.on(ControlTransfer::loop, LOOP, LOOPE, LOOPNE);
        t.on(ControlTransfer::call, CALL);
        t.on(ControlTransfer::ret, RET);
        t.on(ControlTransfer::enter, ENTER);
        t.on(ControlTransfer::leave, LEAVE);
        t.on(ControlTransfer::softwareInterrupt, INT);
        t.on(c -> c.raise(Vectors.BP), INT3);
        t.on(c -> c.raise(Vectors.DB), INT1);
        t.on(ControlTransfer::into, INTO);
    }

    /** The condition of a Jcc, SETcc or CMOVcc whose first form is {@code first} (the x86 cc order: O, NO, ... G). */
    static FlagCondition conditionOf(Mnemonic m, Mnemonic first) {
        return FlagCondition.values()[m.ordinal() - first.ordinal()];
    }

    /** The target of a branch: a resolved relative target, or a register/memory operand of the operand size. */
    private static Value target(LiftContext c) {
        if (c.insn().operand(0) instanceof RelativeTarget t) {
            return c.i64(t.target());
        }
        return c.resize(c.read(0), Type.I64);
    }

    private static void jmp(LiftContext c) {
        if (c.insn().operand(0) instanceof RelativeTarget t) {
            c.jump(t.target());
        } else {
            c.jumpIndirect(target(c));
        }
    }

    private static void jcc(LiftContext c) {
        long taken = ((RelativeTarget) c.insn().operand(0)).target();
        c.branch(c.condition(conditionOf(c.insn().mnemonic(), JO)), taken, c.next());
    }

    /** The count register of LOOP and JCXZ: CX, ECX or RCX by the address size. */
    private static int countBytes(LiftContext c) {
        return c.insn().addressSize();
    }

    private static void jcxz(LiftContext c) {
        Value count = c.read(c.gpr(countBytes(c), StateLayout.RCX));
        Value zero = c.ir().icmp(IntCondition.EQ, count, c.constant(count.type(), 0));
        c.branch(zero, ((RelativeTarget) c.insn().operand(0)).target(), c.next());
    }

    private static void loop(LiftContext c) {
        var counter = c.gpr(countBytes(c), StateLayout.RCX);
        Value count = c.ir().sub(c.read(counter), c.constant(LiftContext.type(countBytes(c)), 1));
        c.write(counter, count);
        Value taken = c.ir().icmp(IntCondition.NE, count, c.constant(count.type(), 0));
        Mnemonic m = c.insn().mnemonic();
        if (m == LOOPE || m == LOOPNE) {
            Value zf = c.condition(m == LOOPE ? FlagCondition.E : FlagCondition.NE);
            taken = c.ir().and(taken, zf);
        }
        c.branch(taken, ((RelativeTarget) c.insn().operand(0)).target(), c.next());
    }

    private static void call(LiftContext c) {
        Value target = target(c);
        c.push(c.constant(c.stackType(), c.next()));
        if (c.insn().operand(0) instanceof RelativeTarget t) {
            c.jump(t.target());
        } else {
            c.jumpIndirect(target);
        }
    }

    private static void ret(LiftContext c) {
        Value target = c.resize(c.pop(c.stackType()), Type.I64);
        if (!c.insn().operands().isEmpty() && c.insn().operand(0) instanceof Immediate imm) {
            Value sp = c.ir().add(c.stackPointer(), c.i64(imm.value() & 0xffff));
            c.stackPointer(c.is64() ? sp : c.resize(c.resize(sp, Type.I32), Type.I64));
        }
        c.jumpIndirect(target);
    }

    /** ENTER size, level (SDM Vol. 2A, ENTER): push the frame pointer, copy level-1 outer frame pointers. */
    private static void enter(LiftContext c) {
        long size = ((Immediate) c.insn().operand(0)).value() & 0xffff;
        int level = (int) (((Immediate) c.insn().operand(1)).value() & 0x1f);
        Type type = c.stackType();
        var bp = c.gpr(type.bits() / 8, StateLayout.RBP);
        Value oldBp = c.read(bp);
        c.push(oldBp);
        Value frame = c.stackPointer();
        Value outer = c.resize(oldBp, Type.I64);
        for (int i = 1; i < level; i++) {
            outer = c.ir().sub(outer, c.i64(type.bits() / 8));
            c.push(c.load(type, outer));
        }
        if (level > 0) {
            c.push(c.resize(frame, type));
        }
        c.write(bp, c.resize(frame, type));
        Value sp = c.ir().sub(c.stackPointer(), c.i64(size));
        c.stackPointer(c.is64() ? sp : c.resize(c.resize(sp, Type.I32), Type.I64));
    }

    private static void leave(LiftContext c) {
        Type type = c.stackType();
        var bp = c.gpr(type.bits() / 8, StateLayout.RBP);
        c.stackPointer(c.resize(c.read(c.gpr(c.is64() ? 8 : 4, StateLayout.RBP)), Type.I64));
        c.write(bp, c.pop(type));
    }

    /**
     * INT n. Linux lets user code use only {@code int 0x80} (the i386 system call; in 64-bit mode too, through the
     * i386 table, which the runtime decides by mode) and {@code int3}; any other vector is a gate user code may not
     * use: #GP with the error code of an IDT entry (vector * 8 + 2).
     */
    private static void softwareInterrupt(LiftContext c) {
        int vector = (int) (((Immediate) c.insn().operand(0)).value() & 0xff);
        if (vector == 0x80) {
            c.exit(ExitReason.SYSCALL, c.next());
        } else if (vector == 3) {
            c.raise(Vectors.BP);
        } else {
            c.raise(Vectors.GP, vector * 8 + 2);
        }
    }

    private static void into(LiftContext c) {
        c.raiseIf(c.condition(FlagCondition.O), Vectors.OF);
    }
}
