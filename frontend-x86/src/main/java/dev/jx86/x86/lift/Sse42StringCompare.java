package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.IntCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.PackedStringCompare;
import dev.jx86.runtime.abi.Sse4Helpers;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.x86.decode.Register;

/**
 * SSE4.2 string and text processing (SDM Vol. 1 12.11.1, Vol. 2 4.1): PCMPESTRI, PCMPESTRM, PCMPISTRI, PCMPISTRM
 * (and the REX.W forms with 64-bit lengths). The comparison is the {@code pcmpstr} helper; the lifter turns its
 * IntRes2 into ECX (an index) or XMM0 (a mask) and sets CF, ZF, SF and OF from it (AF and PF cleared). The memory
 * operand needs no alignment.
 */
final class Sse42StringCompare implements Semantics {
    @Override
    public void register(HandlerTable t) {
        on(t, c -> index(c, compare(c, false, false)), PCMPESTRI);
        on(t, c -> index(c, compare(c, false, true)), PCMPESTRIQ);
        on(t, c -> index(c, compare(c, true, false)), PCMPISTRI);
        on(t, c -> mask(c, compare(c, false, false)), PCMPESTRM);
        on(t, c -> mask(c, compare(c, false, true)), PCMPESTRMQ);
        on(t, c -> mask(c, compare(c, true, false)), PCMPISTRM);
    }

    /** Calls the helper and sets the flags; returns IntRes2 as an i32. */
    private static Value compare(LiftContext c, boolean implicit, boolean wide) {
        var ir = c.ir();
        int imm = SseOperands.imm8(c, 2);
        Value b = SseOperands.vector(c, 1, false);
        Value a = c.read(SseOperands.xmm(c, 0));
        Value lengthA = implicit ? c.i64(0) : length(c, StateLayout.RAX, wide);
        Value lengthB = implicit ? c.i64(0) : length(c, StateLayout.RDX, wide);
        Value control = c.constant(Type.I32, imm | (implicit ? PackedStringCompare.IMPLICIT : 0));
        Value result = c.call(
                Sse4Helpers.PCMPSTR,
                control,
                ir.extract(Type.I64, a, 0),
                ir.extract(Type.I64, a, 64),
                ir.extract(Type.I64, b, 0),
                ir.extract(Type.I64, b, 64),
                lengthA,
                lengthB);
        c.flags(ir.flagsExplicit(ir.binary(Op.LSHR, result, c.i8(PackedStringCompare.FLAGS_SHIFT))));
        return ir.and(ir.convert(Op.TRUNC, Type.I32, result), c.constant(Type.I32, 0xffff));
    }

    /** EAX sign-extended (RAX with REX.W): the helper takes its absolute value. */
    private static Value length(LiftContext c, int register, boolean wide) {
        Value r = c.gpr64(register);
        return wide ? r : c.ir().convert(Op.SEXT, Type.I64, c.ir().convert(Op.TRUNC, Type.I32, r));
    }

    /**
     * PCMPxSTRI: ECX = the index of IntRes2's least (imm[6] clear) or most significant set bit, or the element count
     * (16 or 8) when it has none.
     */
    private static void index(LiftContext c, Value intRes2) {
        var ir = c.ir();
        int imm = SseOperands.imm8(c, 2);
        int n = (imm & 1) != 0 ? 8 : 16;
        Value index;
        if ((imm & 0x40) == 0) {
            index = ir.unary(Op.CTZ, ir.or(intRes2, c.constant(Type.I32, 1L << n)));
        } else {
            Value highest = ir.binary(Op.SUB, c.constant(Type.I32, 31), ir.unary(Op.CLZ, intRes2));
            Value none = ir.icmp(IntCondition.EQ, intRes2, c.constant(Type.I32, 0));
            index = ir.select(none, c.constant(Type.I32, n), highest);
        }
        c.write(c.gpr(4, StateLayout.RCX), index);
    }

    /** PCMPxSTRM: XMM0 = IntRes2 zero-extended (imm[6] clear), or expanded to a byte or word mask. */
    private static void mask(LiftContext c, Value intRes2) {
        var ir = c.ir();
        int imm = SseOperands.imm8(c, 2);
        Value bits = SseOperands.widen(c, intRes2);
        Value result = bits;
        if ((imm & 0x40) != 0) {
            boolean words = (imm & 1) != 0;
            int[] spread = new int[16];
            long[] select = new long[2];
            for (int i = 0; i < 16; i++) {
                int element = words ? i / 2 : i;
                spread[i] = words ? (i % 2 == 0 ? 0 : 0xff) : i / 8;
                long bit = words ? (i % 2 == 0 ? 1L << element : 0) : 1L << (i % 8);
                select[i / 8] |= bit << (8 * (i % 8));
            }
            LaneShape shape = words ? LaneShape.I16X8 : LaneShape.I8X16;
            Value selector = SseOperands.constant(c, select[0], select[1]);
            Value picked = ir.and(ir.vshuffle(bits, bits, SseOperands.table(spread)), selector);
            result = ir.vicmp(IntCondition.EQ, shape, picked, selector);
        }
        c.write(Register.XMM0, result);
    }
}
