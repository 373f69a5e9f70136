package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.X87Function;
import dev.jx86.runtime.abi.X87Helpers;
import dev.jx86.runtime.abi.X87MemoryFormat;
import dev.jx86.x86.decode.Mnemonic;

/**
 * x87 comparison and classification (SDM Vol. 1 8.3.6-8.3.7): FCOM/FUCOM with their popping forms set C3 C2 C0,
 * FCOMI/FUCOMI set ZF PF CF (OF SF AF cleared) through the flags machinery, FICOM compares with an integer, FTST
 * with zero, FXAM classifies.
 */
final class X87Comparison implements Semantics {
    /** The helper's form bits: unordered compare, sets EFLAGS, pops << 2. */
    private static final int UNORDERED = 1;

    private static final int EFLAGS = 2;

    @Override
    public void register(HandlerTable t) {
        t.on(c -> compare(c, 0, 0), FCOM, FICOM);
        t.on(c -> compare(c, 0, 1 << 2), FCOMP, FICOMP);
        t.on(c -> compare(c, 0, 2 << 2), FCOMPP);
        t.on(c -> compare(c, 0, UNORDERED), FUCOM);
        t.on(c -> compare(c, 0, UNORDERED | 1 << 2), FUCOMP);
        t.on(c -> compare(c, 0, UNORDERED | 2 << 2), FUCOMPP);
        t.on(c -> compare(c, 1, EFLAGS), FCOMI);
        t.on(c -> compare(c, 1, EFLAGS | 1 << 2), FCOMIP);
        t.on(c -> compare(c, 1, UNORDERED | EFLAGS), FUCOMI);
        t.on(c -> compare(c, 1, UNORDERED | EFLAGS | 1 << 2), FUCOMIP);
        X87Constants.functions(t, X87Function.FTST, X87Function.FXAM);
    }

    /** A compare of ST(0) with operand {@code operand} (ST(1) if there is none) or memory. */
    private static void compare(LiftContext c, int operand, int form) {
        Mnemonic m = c.insn().mnemonic();
        if (c.insn().operands().size() > operand && c.isMemory(operand)) {
            X87MemoryFormat f = X87Operands.format(c);
            boolean pop = m == FCOMP || m == FICOMP;
            c.call(
                    X87Helpers.COMPARE_MEMORY,
                    X87Operands.formatValue(c, f),
                    X87Operands.low(c, f),
                    X87Operands.flag(c, pop));
            return;
        }
        int i = c.insn().operands().size() > operand ? X87Operands.stackIndex(c, operand) : 1;
        Value formValue = c.constant(Type.I8, form);
        if ((form & EFLAGS) != 0) {
            Value bits = c.call(X87Helpers.COMPARE, X87Operands.index(c, i), formValue, c.ir().flagsBits(c.flags()));
            c.flags(c.ir().flagsExplicit(bits));
        } else {
            c.call(X87Helpers.COMPARE, X87Operands.index(c, i), formValue, c.i64(0));
        }
    }
}
