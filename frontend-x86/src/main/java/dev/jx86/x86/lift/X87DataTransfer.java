package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.ir.FlagCondition;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.X87Helpers;
import dev.jx86.runtime.abi.X87MemoryFormat;
import dev.jx86.x86.decode.Mnemonic;

/**
 * x87 data transfer (SDM Vol. 1 8.3.3): loads and stores of every memory format, register copies, FXCH and FCMOVcc.
 * Each is one helper call; a load reads its operand in IR first.
 */
final class X87DataTransfer implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(X87DataTransfer::load, FLD, FILD, FBLD);
        t.on(c -> store(c, false, false), FST, FIST);
        t.on(c -> store(c, true, false), FSTP, FISTP, FBSTP);
        t.on(c -> store(c, true, true), FISTTP);
        t.on(c -> c.call(X87Helpers.EXCHANGE, X87Operands.index(c, X87Operands.stackIndex(c, 0))), FXCH);
        t.on(X87DataTransfer::conditionalMove, FCMOVB, FCMOVE, FCMOVBE, FCMOVU, FCMOVNB, FCMOVNE, FCMOVNBE, FCMOVNU);
    }

    private static void load(LiftContext c) {
        if (!c.isMemory(0)) {
            c.call(X87Helpers.LOAD_REGISTER, X87Operands.index(c, X87Operands.stackIndex(c, 0)));
            return;
        }
        X87MemoryFormat f = X87Operands.format(c);
        Value low = X87Operands.low(c, f);
        Value high = X87Operands.high(c, f);
        c.call(X87Helpers.LOAD, X87Operands.formatValue(c, f), low, high);
    }

    private static void store(LiftContext c, boolean pop, boolean truncate) {
        if (!c.isMemory(0)) {
            c.call(
                    X87Helpers.STORE_REGISTER,
                    X87Operands.index(c, X87Operands.stackIndex(c, 0)),
                    X87Operands.flag(c, pop));
            return;
        }
        X87MemoryFormat f = X87Operands.format(c);
        c.call(
                X87Helpers.STORE,
                X87Operands.formatValue(c, f),
                c.address(c.memory(0)),
                X87Operands.flag(c, pop),
                X87Operands.flag(c, truncate));
    }

    private static void conditionalMove(LiftContext c) {
        c.call(
                X87Helpers.CONDITIONAL_MOVE,
                c.condition(condition(c.insn().mnemonic())),
                X87Operands.index(c, X87Operands.stackIndex(c, 1)));
    }

    private static FlagCondition condition(Mnemonic m) {
        return switch (m) {
            case FCMOVB -> FlagCondition.B;
            case FCMOVE -> FlagCondition.E;
            case FCMOVBE -> FlagCondition.BE;
            case FCMOVU -> FlagCondition.P;
            case FCMOVNB -> FlagCondition.AE;
            case FCMOVNE -> FlagCondition.NE;
            case FCMOVNBE -> FlagCondition.A;
            case FCMOVNU -> FlagCondition.NP;
            default -> throw new IllegalArgumentException(m + " is no FCMOVcc");
        };
    }
}
