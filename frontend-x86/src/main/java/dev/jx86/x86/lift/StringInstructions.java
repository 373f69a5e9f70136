package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.CMPS;
import static dev.jx86.x86.decode.Mnemonic.LODS;
import static dev.jx86.x86.decode.Mnemonic.MOVS;
import static dev.jx86.x86.decode.Mnemonic.SCAS;
import static dev.jx86.x86.decode.Mnemonic.STOS;

import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.RuntimeHelper;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.StringHelpers;
import dev.jx86.x86.decode.Memory;
import dev.jx86.x86.decode.Register;

/**
 * String instructions (SDM Vol. 1 7.3.9): MOVS, CMPS, SCAS, LODS, STOS, indexed by rSI/rDI of the address size,
 * stepping by the element size down when DF is set; the source segment may be overridden, the destination is
 * always ES.
 *
 * <p>Without a repeat prefix one iteration is lifted inline. With REP/REPE/REPNE the instruction is one call of a
 * bulk helper ({@link StringHelpers}) that runs the iterations through guest memory and leaves the registers (and
 * flags) exact, even when a page fault stops it midway; the block then ends with a branch to the next instruction
 * when the helper finished, or back to this one when it stopped early so the dispatcher can intervene. A zero count
 * does nothing. (F2 on MOVS, STOS and LODS repeats as F3 does.)
 */
final class StringInstructions implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(StringInstructions::movs, MOVS);
        t.on(StringInstructions::cmps, CMPS);
        t.on(StringInstructions::scas, SCAS);
        t.on(StringInstructions::lods, LODS);
        t.on(StringInstructions::stos, STOS);
    }

    private static boolean repeated(LiftContext c) {
        return c.insn().prefixes().rep() || c.insn().prefixes().repne();
    }

    /** The memory operand among the instruction's (the one at rSI or rDI). */
    private static Memory string(LiftContext c, int i) {
        return c.memory(i);
    }

    private static Value size(LiftContext c, Memory m) {
        return c.constant(Type.I32, m.size());
    }

    private static Value addressSize(LiftContext c, Memory m) {
        return c.constant(Type.I32, m.addressSize());
    }

    /** The base of the source segment: FS or GS base with an override, else 0 (flat user-mode segments). */
    private static Value sourceBase(LiftContext c, Memory m) {
        if (m.segment() == Register.FS) {
            return c.get(Type.I64, StateLayout.FS_BASE);
        }
        if (m.segment() == Register.GS) {
            return c.get(Type.I64, StateLayout.GS_BASE);
        }
        return c.i64(0);
    }

    /** Ends the block after a bulk helper: on to the next instruction if done, else this one again. */
    private static void repeat(LiftContext c, RuntimeHelper helper, Value... args) {
        Value done = c.call(helper, args);
        c.branch(done, c.next(), c.insn().address());
    }

    /** Advances index register {@code reg} (rSI or rDI at the address size) by one element, down if DF is set. */
    private static void step(LiftContext c, Memory m, int reg) {
        IrBuilder b = c.ir();
        Type t = LiftContext.type(m.addressSize());
        Value df = b.icmp(
                IntCondition.NE, b.and(c.get(Type.I64, StateLayout.RFLAGS), c.i64(StateLayout.DF_BIT)), c.i64(0));
        Value delta = b.select(df, c.constant(t, -m.size()), c.constant(t, m.size()));
        Register r = c.gpr(m.addressSize(), reg);
        c.write(r, b.add(c.read(r), delta));
    }

    private static void movs(LiftContext c) {
        Memory dst = string(c, 0);
        Memory src = string(c, 1);
        if (repeated(c)) {
            repeat(c, StringHelpers.REP_MOVS, size(c, src), addressSize(c, src), sourceBase(c, src));
            return;
        }
        c.write(0, c.read(1));
        step(c, src, StateLayout.RSI);
        step(c, dst, StateLayout.RDI);
    }

    private static void stos(LiftContext c) {
        Memory dst = string(c, 0);
        if (repeated(c)) {
            repeat(c, StringHelpers.REP_STOS, size(c, dst), addressSize(c, dst));
            return;
        }
        c.write(0, c.read(1));
        step(c, dst, StateLayout.RDI);
    }

    private static void lods(LiftContext c) {
        Memory src = string(c, 1);
        if (repeated(c)) {
            repeat(c, StringHelpers.REP_LODS, size(c, src), addressSize(c, src), sourceBase(c, src));
            return;
        }
        c.write(0, c.read(1));
        step(c, src, StateLayout.RSI);
    }

    /** CMPS compares [rSI] with [rDI] (source minus destination), as CMP does. */
    private static void cmps(LiftContext c) {
        Memory src = string(c, 0);
        Memory dst = string(c, 1);
        if (c.insn().prefixes().rep() || c.insn().prefixes().repne()) {
            Value repne = c.constant(Type.I1, c.insn().prefixes().repne() ? 1 : 0);
            repeat(c, StringHelpers.REP_CMPS, size(c, src), addressSize(c, src), sourceBase(c, src), repne);
            return;
        }
        compare(c, c.read(0), c.read(1));
        step(c, src, StateLayout.RSI);
        step(c, dst, StateLayout.RDI);
    }

    private static void scas(LiftContext c) {
        Memory dst = string(c, 1);
        if (c.insn().prefixes().rep() || c.insn().prefixes().repne()) {
            Value repne = c.constant(Type.I1, c.insn().prefixes().repne() ? 1 : 0);
            repeat(c, StringHelpers.REP_SCAS, size(c, dst), addressSize(c, dst), repne);
            return;
        }
        compare(c, c.read(0), c.read(1));
        step(c, dst, StateLayout.RDI);
    }

    private static void compare(LiftContext c, Value a, Value b) {
        c.flags(c.ir().flags(FlagsKind.SUB, c.ir().sub(a, b), a, b));
    }
}
