package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.AND;
import static dev.jx86.x86.decode.Mnemonic.NOT;
import static dev.jx86.x86.decode.Mnemonic.OR;
import static dev.jx86.x86.decode.Mnemonic.XOR;

import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.Op;
import dev.jx86.ir.Value;

/** Logical (SDM Vol. 1 7.3.4): AND, OR, XOR (CF = OF = 0, SF ZF PF from the result) and NOT (no flags). */
final class Logical implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(c -> logic(c, Op.AND), AND);
        t.on(c -> logic(c, Op.OR), OR);
        t.on(c -> logic(c, Op.XOR), XOR);
        t.on(Logical::not, NOT);
    }

    private static void logic(LiftContext c, Op op) {
        Value[] v = BinaryArithmetic.readPair(c);
        Value r = c.ir().binary(op, v[0], v[1]);
        c.flags(c.ir().flags(FlagsKind.LOGIC, r));
        BinaryArithmetic.readModifyWrite(c, r);
    }

    private static void not(LiftContext c) {
        BinaryArithmetic.readModifyWrite(c, c.ir().unary(Op.NOT, c.read(0)));
    }
}
