package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.CLC;
import static dev.jx86.x86.decode.Mnemonic.CLD;
import static dev.jx86.x86.decode.Mnemonic.CLI;
import static dev.jx86.x86.decode.Mnemonic.CMC;
import static dev.jx86.x86.decode.Mnemonic.LAHF;
import static dev.jx86.x86.decode.Mnemonic.POPF;
import static dev.jx86.x86.decode.Mnemonic.PUSHF;
import static dev.jx86.x86.decode.Mnemonic.SAHF;
import static dev.jx86.x86.decode.Mnemonic.STC;
import static dev.jx86.x86.decode.Mnemonic.STD;
import static dev.jx86.x86.decode.Mnemonic.STI;

import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.x86.decode.Register;

/**
 * Flag control (SDM Vol. 1 7.3.13). RFLAGS is two slots: the six status flags (a flags value) and the rest
 * ({@link StateLayout#RFLAGS}); PUSHF joins them and POPF splits them.
 *
 * <p>User mode runs at CPL 3 with IOPL 0: POPF changes the status flags, TF, DF, NT, AC and ID (AC and ID only with
 * a 32/64-bit operand) and silently keeps IF and IOPL; CLI and STI are #GP(0) (the decoder marks them privileged, so
 * the lifter faults before their handler). Setting TF or AC is kept in RFLAGS but single-step traps and alignment
 * checks are not delivered (open).
 */
final class FlagControl implements Semantics {
    static final long TF = 1L << 8;
    static final long NT = 1L << 14;
    static final long AC = 1L << 18;
    static final long ID = 1L << 21;

    /** The flags LAHF and SAHF move: SF ZF AF PF CF. */
    private static final long LOW_STATUS = 0xd5;

    @Override
    public void register(HandlerTable t) {
        t.on(c -> status(c, StatusChange.SET), STC);
        t.on(c -> status(c, StatusChange.CLEAR), CLC);
        t.on(c -> status(c, StatusChange.FLIP), CMC);
        t.on(c -> direction(c, false), CLD);
        t.on(c -> direction(c, true), STD);
        t.on(FlagControl::lahf, LAHF);
        t.on(FlagControl::sahf, SAHF);
        t.on(FlagControl::pushf, PUSHF);
        t.on(FlagControl::popf, POPF);
        t.on(c -> c.raise(Vectors.GP, 0), STI, CLI);
    }

    private enum StatusChange {
        SET,
        CLEAR,
        FLIP
    }

    private static void status(LiftContext c, StatusChange op) {
        IrBuilder b = c.ir();
        Value bits = b.flagsBits(c.flags());
        Value r = switch (op) {
            case SET -> b.or(bits, c.i64(1));
            case CLEAR -> b.and(bits, c.i64(~1L));
            case FLIP -> b.xor(bits, c.i64(1));
        };
        c.flags(b.flagsExplicit(r));
    }

    private static Value rflags(LiftContext c) {
        return c.get(Type.I64, StateLayout.RFLAGS);
    }

    private static void direction(LiftContext c, boolean set) {
        Value f = rflags(c);
        c.set(
                StateLayout.RFLAGS,
                set ? c.ir().or(f, c.i64(StateLayout.DF_BIT)) : c.ir().and(f, c.i64(~StateLayout.DF_BIT)));
    }

    /** LAHF: AH = SF:ZF:0:AF:0:PF:1:CF. (64-bit mode needs CPUID's LAHF-SAHF bit, which jx86 reports.) */
    private static void lahf(LiftContext c) {
        IrBuilder b = c.ir();
        Value bits = b.or(b.and(b.flagsBits(c.flags()), c.i64(LOW_STATUS)), c.i64(2));
        c.write(Register.AH, c.resize(bits, Type.I8));
    }

    private static void sahf(LiftContext c) {
        IrBuilder b = c.ir();
        Value ah = b.and(c.resize(c.read(Register.AH), Type.I64), c.i64(LOW_STATUS));
        Value kept = b.and(b.flagsBits(c.flags()), c.i64(~LOW_STATUS));
        c.flags(b.flagsExplicit(b.or(kept, ah)));
    }

    /** PUSHF/PUSHFD/PUSHFQ: RFLAGS with RF and VM clear (neither is ever set in user mode). */
    private static void pushf(LiftContext c) {
        IrBuilder b = c.ir();
        Value all = b.or(b.flagsBits(c.flags()), rflags(c));
        c.push(c.resize(all, c.stackType()));
    }

    private static void popf(LiftContext c) {
        IrBuilder b = c.ir();
        Type type = c.stackType();
        Value v = c.resize(c.pop(type), Type.I64);
        long writable = TF | StateLayout.DF_BIT | NT | (type == Type.I16 ? 0 : AC | ID);
        Value kept = b.and(rflags(c), c.i64(~writable));
        c.set(StateLayout.RFLAGS, b.or(kept, b.and(v, c.i64(writable))));
        c.flags(b.flagsExplicit(v));
    }
}
