package dev.jx86.x86.lift;

import dev.jx86.ir.Op;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;

/**
 * SIMD floating-point exceptions (SDM Vol. 1 11.5): an instruction's exception flags (computed by the IR's
 * {@code fexcept}/{@code vfexcept}, in MXCSR's bit order) are or-ed into MXCSR's sticky flags; a flag whose mask bit
 * (flag bit + 7) is clear raises #XM instead, before anything of the instruction is written.
 */
final class SseExceptions {
    private SseExceptions() {}

    private static final long MASK_SHIFT = 7;

    /** Records the exception flags {@code flags} (an i32) of the current instruction. */
    static void record(LiftContext c, Value flags) {
        var ir = c.ir();
        Value mxcsr = SseOperands.environment(c);
        Value masks = ir.binary(Op.LSHR, mxcsr, c.i8(MASK_SHIFT));
        // the flags whose mask bit is clear: flags are within bits 0-5 (fexcept's), so that is all ~masks & flags is
        c.raiseIfAny(ir.binary(Op.ANDN, masks, flags), Vectors.XM);
        c.set(StateLayout.MXCSR, ir.or(mxcsr, flags));
    }
}
