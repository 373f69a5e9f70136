package dev.jx86.x86.lift;

import dev.jx86.runtime.abi.Vectors;
import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Prefixes;
import java.util.List;

/**
 * Turns decoded instructions into IR: checks what the decoder accepts but the processor rejects, then hands the
 * instruction to its mnemonic's handler. The handlers live in one semantics class per SDM category, registered
 * here; an instruction without a handler raises #UD.
 */
public final class Lifter {
    private static final HandlerTable TABLE = table();

    private Lifter() {}

    /** Every semantics category, in SDM order. */
    static List<Semantics> categories() {
        return List.of(
                new DataTransfer(),
                new BinaryArithmetic(),
                new DecimalArithmetic(),
                new Logical(),
                new ShiftRotate(),
                new BitAndByte(),
                new BitManipulation(),
                new ControlTransfer(),
                new StringInstructions(),
                new InputOutput(),
                new FlagControl(),
                new SegmentRegisters(),
                new Miscellaneous(),
                new SystemInstructions(),
                new X87Control(),
                new X87DataTransfer(),
                new X87BasicArithmetic(),
                new X87Comparison(),
                new X87Transcendental(),
                new X87Constants(),
                new SseDataTransfer(),
                new SseFloatArithmetic(),
                new SseConversion(),
                new SseIntegerArithmetic(),
                new SseShuffle(),
                new SseState(),
                new Sse3(),
                new Ssse3(),
                new Sse41Integer(),
                new Sse41Blend(),
                new Sse41Float(),
                new Sse41InsertExtract(),
                new Sse42StringCompare(),
                new AesClmul(),
                new Mmx(),
                new MmxSse(),
                new MmxSsse3());
    }

    private static HandlerTable table() {
        HandlerTable t = new HandlerTable();
        for (Semantics s : categories()) {
            s.register(t);
        }
        return t;
    }

    /** The handler table (for tests that check coverage). */
    public static HandlerTable handlers() {
        return TABLE;
    }

    /** Lifts {@code insn} into {@code c}, which may end the block. */
    static void lift(LiftContext c, Instruction insn) {
        c.begin(insn);
        if (rejectedPrefixes(insn)) {
            c.raise(Vectors.UD);
            return;
        }
        if (insn.privileged()) {
            c.raise(Vectors.GP, 0); // user mode runs at CPL 3
            return;
        }
        Handler handler = TABLE.get(insn);
        if (handler == null) {
            c.raise(Vectors.UD);
            return;
        }
        handler.lift(c);
        if (!c.ended()) {
            c.finishInstruction();
        }
    }

    /**
     * Prefixes the decoder (like objdump) accepts but the processor faults on with #UD: LOCK on an instruction
     * that is not lockable or whose destination is not memory, and 66/F2/F3/F0 or REX before a VEX prefix.
     */
    static boolean rejectedPrefixes(Instruction insn) {
        Prefixes p = insn.prefixes();
        if (p.lock() && !insn.lockable()) {
            return true;
        }
        if (p.vex() != null) {
            if (p.rex() != 0) {
                return true;
            }
            for (int i = 0; i < p.count(); i++) {
                int prefix = p.byteAt(i);
                if (prefix == 0x66 || prefix == 0xf2 || prefix == 0xf3 || prefix == 0xf0) {
                    return true;
                }
            }
        }
        return false;
    }
}
