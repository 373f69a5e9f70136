package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.X87Function;
import dev.jx86.runtime.abi.X87Helpers;
import dev.jx86.runtime.abi.X87MemoryFormat;
import dev.jx86.x86.decode.Mnemonic;

/**
 * x87 basic arithmetic (SDM Vol. 1 8.3.5): the four operations and their reversed, popping and integer forms, square
 * root, remainders, rounding to an integer, scaling, FXTRACT, FABS and FCHS.
 */
final class X87BasicArithmetic implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(
                c -> arithmetic(c, false),
                FADD,
                FMUL,
                FSUB,
                FSUBR,
                FDIV,
                FDIVR,
                FIADD,
                FIMUL,
                FISUB,
                FISUBR,
                FIDIV,
                FIDIVR);
        t.on(c -> arithmetic(c, true), FADDP, FMULP, FSUBP, FSUBRP, FDIVP, FDIVRP);
        X87Constants.functions(t, X87Function.FSQRT, X87Function.FPREM, X87Function.FPREM1, X87Function.FRNDINT);
        X87Constants.functions(t, X87Function.FSCALE, X87Function.FXTRACT, X87Function.FABS, X87Function.FCHS);
    }

    /** The operation code the helper takes: the ModRM.reg field of the D8 opcodes. */
    private static int operation(Mnemonic m) {
        return switch (m) {
            case FADD, FADDP, FIADD -> 0;
            case FMUL, FMULP, FIMUL -> 1;
            case FSUB, FSUBP, FISUB -> 4;
            case FSUBR, FSUBRP, FISUBR -> 5;
            case FDIV, FDIVP, FIDIV -> 6;
            case FDIVR, FDIVRP, FIDIVR -> 7;
            default -> throw new IllegalArgumentException(m + " is no x87 arithmetic");
        };
    }

    private static void arithmetic(LiftContext c, boolean pop) {
        Value op = c.constant(Type.I8, operation(c.insn().mnemonic()));
        if (c.isMemory(0)) {
            X87MemoryFormat f = X87Operands.format(c);
            c.call(X87Helpers.ARITH_MEMORY, op, X87Operands.formatValue(c, f), X87Operands.low(c, f));
            return;
        }
        c.call(
                X87Helpers.ARITH,
                op,
                X87Operands.index(c, X87Operands.stackIndex(c, 0)),
                X87Operands.index(c, X87Operands.stackIndex(c, 1)),
                X87Operands.flag(c, pop));
    }
}
