package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.LDS;
import static dev.jx86.x86.decode.Mnemonic.LES;
import static dev.jx86.x86.decode.Mnemonic.LFS;
import static dev.jx86.x86.decode.Mnemonic.LGS;
import static dev.jx86.x86.decode.Mnemonic.LSS;

import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.SystemHelpers;
import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.decode.Register;

/**
 * Segment register instructions (SDM Vol. 1 7.3.14): LDS, LES, LFS, LGS, LSS load a far pointer — an offset of the
 * operand size followed by a 16-bit selector — into a general-purpose register and a segment register. The selector
 * goes through {@code load_segment} (which may #GP) after both loads and before the register write.
 */
final class SegmentRegisters implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(SegmentRegisters::loadFarPointer, LDS, LES, LFS, LGS, LSS);
    }

    private static Register segmentOf(Mnemonic m) {
        return switch (m) {
            case LDS -> Register.DS;
            case LES -> Register.ES;
            case LFS -> Register.FS;
            case LGS -> Register.GS;
            default -> Register.SS;
        };
    }

    private static void loadFarPointer(LiftContext c) {
        int bytes = c.operandBytes(0);
        Value address = c.address(c.memory(1));
        Value offset = c.load(LiftContext.type(bytes), address);
        Value selector = c.load(Type.I16, c.ir().add(address, c.i64(bytes)));
        Register segment = segmentOf(c.insn().mnemonic());
        c.call(SystemHelpers.LOAD_SEGMENT, c.constant(Type.I32, segment.number()), c.resize(selector, Type.I32));
        c.write(0, offset);
    }
}
