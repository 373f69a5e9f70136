package dev.jx86.x86.lift;

import dev.jx86.ir.IntCondition;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.runtime.abi.X87MemoryFormat;
import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.decode.Register;

/**
 * Operand machinery shared by the x87 semantics classes: stack positions of register operands, memory operands'
 * formats from their size and the mnemonic, memory values loaded in IR (so that their faults stay precise before
 * the helper changes anything), and the helper arguments.
 */
final class X87Operands {
    private X87Operands() {}

    /** The stack position of register operand {@code i} (ST is ST(0)). */
    static int stackIndex(LiftContext c, int i) {
        return ((Register) c.insn().operand(i)).number();
    }

    static Value index(LiftContext c, int i) {
        return c.constant(Type.I8, i);
    }

    static Value flag(LiftContext c, boolean b) {
        return c.constant(Type.I1, b ? 1 : 0);
    }

    /** The format of memory operand 0: integer for FI* mnemonics, BCD for FBLD/FBSTP, else by size. */
    static X87MemoryFormat format(LiftContext c) {
        int bytes = c.operandBytes(0);
        String name = c.insn().mnemonic().name();
        if (c.insn().mnemonic() == Mnemonic.FBLD || c.insn().mnemonic() == Mnemonic.FBSTP) {
            return X87MemoryFormat.PACKED_BCD;
        }
        if (name.startsWith("FI")) {
            return switch (bytes) {
                case 2 -> X87MemoryFormat.WORD_INTEGER;
                case 4 -> X87MemoryFormat.SHORT_INTEGER;
                default -> X87MemoryFormat.LONG_INTEGER;
            };
        }
        return switch (bytes) {
            case 4 -> X87MemoryFormat.SINGLE;
            case 8 -> X87MemoryFormat.DOUBLE;
            default -> X87MemoryFormat.EXTENDED;
        };
    }

    static Value formatValue(LiftContext c, X87MemoryFormat f) {
        return c.constant(Type.I8, f.ordinal());
    }

    /**
     * The #MF check of a waiting instruction, in IR: it must come before the instruction's memory operand is read
     * (a pending exception wins over a page fault), and the helper's own check comes only after the load.
     */
    static void waitBeforeMemory(LiftContext c) {
        Value status = c.get(Type.I64, StateLayout.FPU_STATUS);
        Value control = c.get(Type.I64, StateLayout.FPU_CONTROL);
        Value pending = c.ir().and(c.ir().and(status, c.ir().xor(control, c.i64(-1))), c.i64(0x3f));
        c.raiseIf(c.ir().icmp(IntCondition.NE, pending, c.i64(0)), Vectors.MF);
    }

    /** The low 8 bytes (or fewer, zero-extended) of memory operand 0, after the #MF check. */
    static Value low(LiftContext c, X87MemoryFormat f) {
        waitBeforeMemory(c);
        Value address = c.address(c.memory(0));
        int bytes = Math.min(f.bytes(), 8);
        return c.resize(c.load(LiftContext.type(bytes), address), Type.I64);
    }

    /** Bytes 8-9 of a 10-byte memory operand 0 (loaded after the low part), zero-extended; 0 for others. */
    static Value high(LiftContext c, X87MemoryFormat f) {
        if (f.bytes() != 10) {
            return c.i64(0);
        }
        Value address = c.ir().add(c.address(c.memory(0)), c.i64(8));
        return c.resize(c.load(Type.I16, address), Type.I64);
    }
}
