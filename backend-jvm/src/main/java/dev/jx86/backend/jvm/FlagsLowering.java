package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.Flag;
import dev.jx86.ir.FlagCondition;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.eval.FlagsSemantics;
import dev.jx86.runtime.abi.StateLayout;

/**
 * Flags value ops. A FLAGS value is its six bits in EFLAGS layout, as in the interpreter and the FLAGS slot;
 * {@code flags.K} calls FlagsSemantics' method for K when its bits are needed at all (RegionEmitter keeps the op
 * lazily otherwise), and conditions are picked out of the bits inline, or taken from the result alone.
 */
final class FlagsLowering extends BlockLowering {
    FlagsLowering(Asm asm, Block b, int[] local, int scratchLocal, int tempLocal) {
        super(asm, b, local, scratchLocal, tempLocal);
    }

    // ---- flags: a FLAGS value is its six bits in EFLAGS layout, as in the interpreter and the FLAGS slot

    /** The lazy form of {@code flags.K} {@code i}: K's ordinal shifted left by 8, or'ed with the width. */
    int flagsCode(int i) {
        return FlagsSemantics.code(
                FlagsKind.values()[(int) b.aux0(i)], b.type(b.arg(i, 0)).bits());
    }

    /**
     * Whether each FLAGS value of block {@code b} is observed as bits (else its op is kept lazily when it is stored to
     * a lazily kept FLAGS slot, or not computed at all): everything but such a store and a direct condition observes.
     */
    static boolean[] observed(Block b, boolean lazyFlags) {
        boolean[] observed = new boolean[b.size()];
        for (int i = 0; i < b.size(); i++) {
            Op op = b.op(i);
            boolean lazySet = op == Op.SET && lazyFlags && b.aux0(i) == StateLayout.FLAGS;
            boolean direct = op == Op.COND && isDirectCondition(b, i);
            for (int k = 0; k < b.argCount(i); k++) {
                int v = b.arg(i, k);
                if (b.type(v) == Type.FLAGS && !lazySet && !direct) {
                    observed[v] = true;
                }
            }
        }
        return observed;
    }

    /** {@code flags.K}: FlagsSemantics' method for K, with the width and the operands as K lists them. */
    void flags(int i) {
        FlagsKind kind = FlagsKind.values()[(int) b.aux0(i)];
        asm.pushInt(b.type(b.arg(i, 0)).bits());
        int n = b.argCount(i);
        for (int k = 0; k < n; k++) {
            loadLow(b.arg(i, k));
        }
        asm.invokeStatic(EVAL + "FlagsSemantics", kind.text(), "(I" + "J".repeat(n) + ")J");
        storeLow(i);
    }

    /** Kinds whose ZF and SF are those of their result, whatever the operands. */
    private static final java.util.Set<FlagsKind> RESULT_FLAGS = java.util.EnumSet.of(
            FlagsKind.ADD,
            FlagsKind.ADC,
            FlagsKind.SUB,
            FlagsKind.SBB,
            FlagsKind.LOGIC,
            FlagsKind.INC,
            FlagsKind.DEC,
            FlagsKind.NEG,
            FlagsKind.MUL,
            FlagsKind.IMUL);

    /**
     * Whether {@code cond} {@code i} is computed from its flags op's result alone (E, NE, S, NS of a kind in
     * {@link #RESULT_FLAGS}), so that the op's flags need not be.
     */
    boolean isDirectCondition(int i) {
        return isDirectCondition(b, i);
    }

    /** {@link #isDirectCondition(int)} for op {@code i} of block {@code b}. */
    static boolean isDirectCondition(Block b, int i) {
        int f = b.arg(i, 0);
        if (b.op(f) != Op.FLAGS || !RESULT_FLAGS.contains(FlagsKind.values()[(int) b.aux0(f)])) {
            return false;
        }
        FlagCondition cc = FlagCondition.values()[(int) b.aux0(i)];
        return cc == FlagCondition.E || cc == FlagCondition.NE || cc == FlagCondition.S || cc == FlagCondition.NS;
    }

    /** {@code cond.cc}: from the flags op's result (see {@link #isDirectCondition}), or picked out of the bits. */
    void condition(int i) {
        FlagCondition cc = FlagCondition.values()[(int) b.aux0(i)];
        int f = b.arg(i, 0);
        if (isDirectCondition(i)) {
            int res = b.arg(f, 0);
            loadLow(res);
            if (cc == FlagCondition.E || cc == FlagCondition.NE) {
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                asm.booleanFromJump(cc == FlagCondition.E ? IFEQ : IFNE);
            } else {
                asm.bit(b.type(res).bits() - 1);
                if (cc == FlagCondition.NS) {
                    asm.not1();
                }
            }
            storeLow(i);
            return;
        }
        int cf = Flag.CF.bit();
        int zf = Flag.ZF.bit();
        int sf = Flag.SF.bit();
        int of = Flag.OF.bit();
        switch (cc) {
            case O, NO -> flagBit(f, of);
            case B, AE -> flagBit(f, cf);
            case E, NE -> flagBit(f, zf);
            case S, NS -> flagBit(f, sf);
            case P, NP -> flagBit(f, Flag.PF.bit());
            case BE, A -> {
                loadLow(f);
                loadLow(f);
                asm.shiftRight(zf - cf);
                mv.visitInsn(LOR);
                asm.bit(cf);
            }
            case L, GE -> lessThan(f, sf, of);
            case LE, G -> {
                lessThan(f, sf, of);
                loadLow(f);
                asm.bit(zf);
                mv.visitInsn(LOR);
            }
        }
        if (cc.ordinal() % 2 == 1) { // the negated condition of each pair (NO, AE, NE, ...)
            asm.not1();
        }
        storeLow(i);
    }

    /** {@code SF != OF} as 0/1. */
    private void lessThan(int f, int sf, int of) {
        loadLow(f);
        loadLow(f);
        asm.shiftRight(of - sf);
        mv.visitInsn(LXOR);
        asm.bit(sf);
    }

    private void flagBit(int f, int bit) {
        loadLow(f);
        asm.bit(bit);
    }

    void flagTest(int i) {
        flagBit(b.arg(i, 0), Flag.values()[(int) b.aux0(i)].bit());
        storeLow(i);
    }

    void flagBits(int i) {
        loadLow(b.arg(i, 0));
        asm.pushLong(Flag.ALL);
        mv.visitInsn(LAND);
        storeLow(i);
    }
}
