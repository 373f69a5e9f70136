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
    /** Per value: a {@code get.flags} whose uses read their flag from the lazily kept FLAGS ({@link #readPerFlag}). */
    private final boolean[] perFlag;
    /** Pushes the lazily kept FLAGS as {@code FlagsSemantics.carry} and the others take it: code, four operands. */
    private final Runnable pushKept;

    FlagsLowering(
            Asm asm, Block b, int[] local, int scratchLocal, int tempLocal, boolean[] perFlag, Runnable pushKept) {
        super(asm, b, local, scratchLocal, tempLocal);
        this.perFlag = perFlag;
        this.pushKept = pushKept;
    }

    /**
     * Which {@code get.flags} ops of block {@code b} are read only by {@code flag} and {@code cond} ops, all before
     * anything changes FLAGS: with a lazily kept FLAGS slot each of those uses computes the one or two flags it needs
     * from the kept op (a {@code dec} needs CF of the compare before it, not all six flags) instead of the get
     * computing all six.
     */
    static boolean[] readPerFlag(Block b, boolean lazyFlags) {
        boolean[] perFlag = new boolean[b.size()];
        if (!lazyFlags) {
            return perFlag;
        }
        for (int i = 0; i < b.size(); i++) {
            if (b.op(i) != Op.GET || b.aux0(i) != StateLayout.FLAGS) {
                continue;
            }
            boolean ok = true;
            boolean changed = false;
            for (int j = i + 1; j < b.size() && ok; j++) {
                boolean uses = false;
                for (int k = 0; k < b.argCount(j); k++) {
                    uses |= b.arg(j, k) == i;
                }
                Op op = b.op(j);
                if (uses) {
                    ok = !changed && (op == Op.COND || op == Op.FLAG_TEST);
                }
                changed |= op == Op.SET && b.aux0(j) == StateLayout.FLAGS || op == Op.CALL;
            }
            perFlag[i] = ok;
        }
        return perFlag;
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
        invokeKind(asm, kind);
        storeLow(i);
    }

    /** Calls FlagsSemantics' method for {@code kind} on the width and the kind's operands pushed before. */
    static void invokeKind(Asm asm, FlagsKind kind) {
        asm.invokeStatic(
                EVAL + "FlagsSemantics",
                kind.text(),
                "(I" + "J".repeat(kind.operands().size()) + ")J");
    }

    /**
     * Whether {@code cond} {@code i} is computed from its flags op's result alone (E, NE, S, NS of a kind in
     * {@link FlagsSemantics#keepsResultFlags}), so that the op's flags need not be.
     */
    boolean isDirectCondition(int i) {
        return isDirectCondition(b, i);
    }

    /** {@link #isDirectCondition(int)} for op {@code i} of block {@code b}. */
    static boolean isDirectCondition(Block b, int i) {
        int f = b.arg(i, 0);
        if (b.op(f) != Op.FLAGS || !FlagsSemantics.keepsResultFlags(FlagsKind.values()[(int) b.aux0(f)])) {
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
        switch (cc) {
            case O, NO -> pushFlag(f, Flag.OF);
            case B, AE -> pushFlag(f, Flag.CF);
            case E, NE -> pushFlag(f, Flag.ZF);
            case S, NS -> pushFlag(f, Flag.SF);
            case P, NP -> pushFlag(f, Flag.PF);
            case BE, A -> {
                pushFlag(f, Flag.CF);
                pushFlag(f, Flag.ZF);
                mv.visitInsn(LOR);
            }
            case L, GE -> lessThan(f);
            case LE, G -> {
                lessThan(f);
                pushFlag(f, Flag.ZF);
                mv.visitInsn(LOR);
            }
        }
        if (cc.ordinal() % 2 == 1) { // the negated condition of each pair (NO, AE, NE, ...)
            asm.not1();
        }
        storeLow(i);
    }

    /** {@code SF != OF} as 0/1. */
    private void lessThan(int f) {
        pushFlag(f, Flag.SF);
        pushFlag(f, Flag.OF);
        mv.visitInsn(LXOR);
    }

    /**
     * Pushes {@code flag} of FLAGS value {@code f} as 0/1: picked out of its bits, or computed alone from the lazily
     * kept FLAGS where {@code f} is a get read per flag ({@link #readPerFlag}).
     */
    private void pushFlag(int f, Flag flag) {
        if (!perFlag[f]) {
            loadLow(f);
            asm.bit(flag.bit());
            return;
        }
        pushKept.run();
        String method = switch (flag) {
            case CF -> "carry";
            case PF -> "parity";
            case ZF -> "zero";
            case SF -> "sign";
            case OF -> "overflow";
            case AF -> null;
        };
        if (method == null) { // AF: no one-flag function; from the bits
            asm.invokeStatic(EVAL + "FlagsSemantics", "bits", "(IJJJJ)J");
            asm.bit(flag.bit());
            return;
        }
        asm.invokeStatic(EVAL + "FlagsSemantics", method, "(IJJJJ)J");
    }

    void flagTest(int i) {
        pushFlag(b.arg(i, 0), Flag.values()[(int) b.aux0(i)]);
        storeLow(i);
    }

    void flagBits(int i) {
        loadLow(b.arg(i, 0));
        asm.pushLong(Flag.ALL);
        mv.visitInsn(LAND);
        storeLow(i);
    }
}
