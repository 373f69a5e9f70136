package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.AAA;
import static dev.jx86.x86.decode.Mnemonic.AAD;
import static dev.jx86.x86.decode.Mnemonic.AAM;
import static dev.jx86.x86.decode.Mnemonic.AAS;
import static dev.jx86.x86.decode.Mnemonic.DAA;
import static dev.jx86.x86.decode.Mnemonic.DAS;

import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.IntegerHelpers;
import dev.jx86.runtime.abi.RuntimeHelper;
import dev.jx86.x86.decode.Immediate;
import dev.jx86.x86.decode.Register;

/**
 * Decimal arithmetic (SDM Vol. 1 7.3.3): the BCD adjustments of AL/AX, valid outside 64-bit mode only (the decoder
 * rejects them there). Each is one call of a small runtime helper that returns the new AX and flags together
 * ({@code IntegerHelpers}); AAM with a zero base raises #DE in the helper.
 */
final class DecimalArithmetic implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(c -> adjust(c, IntegerHelpers.DAA), DAA);
        t.on(c -> adjust(c, IntegerHelpers.DAS), DAS);
        t.on(c -> adjust(c, IntegerHelpers.AAA), AAA);
        t.on(c -> adjust(c, IntegerHelpers.AAS), AAS);
        t.on(c -> adjust(c, IntegerHelpers.AAM), AAM);
        t.on(c -> adjust(c, IntegerHelpers.AAD), AAD);
    }

    private static void adjust(LiftContext c, RuntimeHelper helper) {
        IrBuilder b = c.ir();
        long imm = c.insn().operands().isEmpty() ? 0 : ((Immediate) c.insn().operand(0)).value();
        Value packed = c.call(helper, c.read(Register.AX), b.flagsBits(c.flags()), c.constant(Type.I8, imm));
        c.write(Register.AX, c.resize(packed, Type.I16));
        c.flags(b.flagsExplicit(b.binary(Op.LSHR, packed, c.i8(16))));
    }
}
