package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.Flag;
import dev.jx86.ir.FlagCondition;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.FloatCondition;
import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Lowers the value ops of one block (everything but state, memory, helpers and terminals, which
 * {@link RegionEmitter} owns) to bytecode. Every IR value is a JVM {@code long} local (a V128 two: low, high),
 * canonical (zero-extended) as in the IR. The common integer ops, rotates, bit counts, conditions on flags and
 * multiply-high are inline; flags call {@code FlagsSemantics}' method for their kind (small, inlined by HotSpot);
 * float ops call {@code FloatSemantics}/{@code FloatExceptions}, vector ops {@code gen.Support}: the IR's own
 * definitions, so compiled code cannot disagree with tier 0 on what an op means.
 */
final class OpLowering implements Opcodes {
    private static final String IR = "dev/jx86/ir/";
    private static final String EVAL = "dev/jx86/ir/eval/";
    private static final String SUPPORT = RegionEmitter.PACKAGE + "Support";

    private final Asm asm;
    private final MethodVisitor mv;
    private final Block b;
    private final int[] local;
    private final int scratchLocal;
    private final int tempLocal;

    /**
     * {@code local[i]}: the first JVM local of value {@code i}; {@code scratchLocal}: a {@code long[2]};
     * {@code tempLocal}: three free words (a long or an int, then an int) for ops that need to name an operand twice.
     */
    OpLowering(Asm asm, Block b, int[] local, int scratchLocal, int tempLocal) {
        this.asm = asm;
        this.mv = asm.mv;
        this.b = b;
        this.local = local;
        this.scratchLocal = scratchLocal;
        this.tempLocal = tempLocal;
    }

    void constant(int i) {
        asm.pushLong(b.aux0(i));
        storeLow(i);
        if (b.type(i) == Type.V128) {
            asm.pushLong(b.aux1(i));
            storeHigh(i);
        }
    }

    // ---- integer ops: operands are canonical (zero-extended), results are masked back to the width

    void binary(int i) {
        Op op = b.op(i);
        Type t = b.type(i);
        int x = b.arg(i, 0);
        int y = b.arg(i, 1);
        binaryHalf(op, t, local[x], local[y]);
        storeLow(i);
        if (t == Type.V128) {
            binaryHalf(op, Type.I64, local[x] + 2, local[y] + 2);
            storeHigh(i);
        }
    }

    private void binaryHalf(Op op, Type t, int x, int y) {
        mv.visitVarInsn(LLOAD, x);
        if (op == Op.ANDN) {
            asm.pushLong(-1);
            mv.visitInsn(LXOR);
        }
        mv.visitVarInsn(LLOAD, y);
        switch (op) {
            case ADD -> mv.visitInsn(LADD);
            case SUB -> mv.visitInsn(LSUB);
            case MUL -> mv.visitInsn(LMUL);
            case AND, ANDN -> mv.visitInsn(LAND);
            case OR -> mv.visitInsn(LOR);
            case XOR -> mv.visitInsn(LXOR);
            default -> throw new IllegalArgumentException(op.text());
        }
        if (op == Op.ADD || op == Op.SUB || op == Op.MUL) {
            mask(t);
        }
    }

    void unary(int i) {
        Type t = b.type(i);
        int x = b.arg(i, 0);
        if (b.op(i) == Op.NEG) {
            mv.visitInsn(LCONST_0);
            loadLow(x);
            mv.visitInsn(LSUB);
            mask(t);
            storeLow(i);
            return;
        }
        loadLow(x);
        asm.pushLong(t == Type.V128 ? -1 : t.mask());
        mv.visitInsn(LXOR);
        storeLow(i);
        if (t == Type.V128) {
            loadHigh(x);
            asm.pushLong(-1);
            mv.visitInsn(LXOR);
            storeHigh(i);
        }
    }

    void shift(int i) {
        Op op = b.op(i);
        Type t = b.type(i);
        loadLow(b.arg(i, 0));
        if (op == Op.ASHR) {
            asm.signExtend(t.bits());
        }
        loadLow(b.arg(i, 1));
        mv.visitInsn(L2I);
        asm.pushInt(t.bits() - 1);
        mv.visitInsn(IAND);
        mv.visitInsn(
                switch (op) {
                    case SHL -> LSHL;
                    case LSHR -> LUSHR;
                    default -> LSHR;
                });
        if (op != Op.LSHR) {
            mask(t);
        }
        storeLow(i);
    }

    /** Rotates of 32 and 64 bits and the high half of 64-bit products inline; the rest by IntegerSemantics. */
    void integerBinary(int i) {
        Op op = b.op(i);
        int bits = b.type(i).bits();
        boolean rotate = op == Op.ROTL || op == Op.ROTR;
        if (rotate && (bits == 64 || bits == 32)) {
            // (x << n) | (x >>> -n), which HotSpot turns into one rotate; a right rotate is a left one by -n
            boolean narrow = bits == 32; // on ints
            loadLow(b.arg(i, 0));
            if (narrow) {
                mv.visitInsn(L2I);
            }
            mv.visitVarInsn(narrow ? ISTORE : LSTORE, tempLocal);
            loadLow(b.arg(i, 1));
            mv.visitInsn(L2I);
            if (op == Op.ROTR) {
                mv.visitInsn(INEG);
            }
            mv.visitVarInsn(ISTORE, tempLocal + 2);
            mv.visitVarInsn(narrow ? ILOAD : LLOAD, tempLocal);
            mv.visitVarInsn(ILOAD, tempLocal + 2);
            mv.visitInsn(narrow ? ISHL : LSHL);
            mv.visitVarInsn(narrow ? ILOAD : LLOAD, tempLocal);
            mv.visitVarInsn(ILOAD, tempLocal + 2);
            mv.visitInsn(INEG);
            mv.visitInsn(narrow ? IUSHR : LUSHR);
            mv.visitInsn(narrow ? IOR : LOR);
            if (narrow) {
                mv.visitInsn(I2L);
                mask(b.type(i));
            }
        } else if ((op == Op.UMULH || op == Op.SMULH) && bits == 64) {
            loadLow(b.arg(i, 0));
            loadLow(b.arg(i, 1));
            asm.invokeStatic("java/lang/Math", op == Op.UMULH ? "unsignedMultiplyHigh" : "multiplyHigh", "(JJ)J");
        } else {
            asm.enumConstant(Op.class, op);
            asm.enumConstant(Type.class, b.type(i));
            loadLow(b.arg(i, 0));
            loadLow(b.arg(i, 1));
            asm.invokeStatic(EVAL + "IntegerSemantics", "binary", "(L" + IR + "Op;L" + IR + "Type;JJ)J");
        }
        storeLow(i);
    }

    /** Bit counts and byte swaps inline, on canonical operands. */
    void integerUnary(int i) {
        Type t = b.type(i);
        int bits = t.bits();
        loadLow(b.arg(i, 0));
        switch (b.op(i)) {
            case CLZ -> {
                asm.invokeStatic("java/lang/Long", "numberOfLeadingZeros", "(J)I");
                asm.pushInt(64 - bits);
                mv.visitInsn(ISUB);
                mv.visitInsn(I2L);
            }
            case CTZ -> {
                // a sentinel bit just above the width makes a zero operand count to the width
                if (bits < 64) {
                    asm.pushLong(1L << bits);
                    mv.visitInsn(LOR);
                }
                asm.invokeStatic("java/lang/Long", "numberOfTrailingZeros", "(J)I");
                mv.visitInsn(I2L);
            }
            case POPCNT -> {
                asm.invokeStatic("java/lang/Long", "bitCount", "(J)I");
                mv.visitInsn(I2L);
            }
            case BSWAP -> {
                asm.invokeStatic("java/lang/Long", "reverseBytes", "(J)J");
                asm.shiftRight(64 - bits);
            }
            default -> throw new IllegalArgumentException(b.op(i).text());
        }
        mask(t);
        storeLow(i);
    }

    void resize(int i) {
        int x = b.arg(i, 0);
        loadLow(x);
        if (b.op(i) == Op.SEXT) {
            asm.signExtend(b.type(x).bits());
        }
        if (b.op(i) != Op.ZEXT) {
            mask(b.type(i));
        }
        storeLow(i);
    }

    void compare(int i) {
        IntCondition cc = IntCondition.values()[(int) b.aux0(i)];
        int x = b.arg(i, 0);
        int y = b.arg(i, 1);
        int bits = b.type(x).bits();
        boolean signed =
                cc == IntCondition.SLT || cc == IntCondition.SLE || cc == IntCondition.SGT || cc == IntCondition.SGE;
        loadLow(x);
        if (signed) {
            asm.signExtend(bits);
        }
        loadLow(y);
        if (signed) {
            asm.signExtend(bits);
        }
        boolean unsigned = !signed && cc != IntCondition.EQ && cc != IntCondition.NE;
        if (unsigned) {
            asm.invokeStatic("java/lang/Long", "compareUnsigned", "(JJ)I");
        } else {
            mv.visitInsn(LCMP);
        }
        int jump = switch (cc) {
            case EQ -> IFEQ;
            case NE -> IFNE;
            case ULT, SLT -> IFLT;
            case ULE, SLE -> IFLE;
            case UGT, SGT -> IFGT;
            case UGE, SGE -> IFGE;
        };
        asm.booleanFromJump(jump);
        storeLow(i);
    }

    void select(int i) {
        Type t = b.type(i);
        Label otherwise = new Label();
        Label done = new Label();
        loadLow(b.arg(i, 0));
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFEQ, otherwise);
        copy(b.arg(i, 1), i, t);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(otherwise);
        copy(b.arg(i, 2), i, t);
        mv.visitLabel(done);
    }

    private void copy(int from, int to, Type t) {
        loadLow(from);
        storeLow(to);
        if (t == Type.V128) {
            loadHigh(from);
            storeHigh(to);
        }
    }

    void extract(int i) {
        int x = b.arg(i, 0);
        int offset = (int) b.aux0(i);
        Type t = b.type(i);
        if (b.type(x) != Type.V128 || offset + t.bits() <= 64) {
            loadLow(x);
            asm.shiftRight(offset);
        } else if (offset >= 64) {
            loadHigh(x);
            asm.shiftRight(offset - 64);
        } else {
            loadLow(x);
            asm.shiftRight(offset);
            loadHigh(x);
            asm.pushInt(64 - offset);
            mv.visitInsn(LSHL);
            mv.visitInsn(LOR);
        }
        mask(t);
        storeLow(i);
    }

    void insert(int i) {
        int d = b.arg(i, 0);
        int f = b.arg(i, 1);
        int offset = (int) b.aux0(i);
        long fieldMask = b.type(f).mask();
        int fieldBits = b.type(f).bits();
        if (b.type(i) != Type.V128) {
            insertWord(local[d], local[f], fieldMask << offset, offset, LSHL);
            storeLow(i);
            return;
        }
        if (offset < 64) {
            insertWord(local[d], local[f], fieldMask << offset, offset, LSHL);
        } else {
            loadLow(d);
        }
        storeLow(i);
        if (offset >= 64) {
            insertWord(local[d] + 2, local[f], fieldMask << (offset - 64), offset - 64, LSHL);
        } else if (offset + fieldBits > 64) {
            insertWord(local[d] + 2, local[f], fieldMask >>> (64 - offset), 64 - offset, LUSHR);
        } else {
            loadHigh(d);
        }
        storeHigh(i);
    }

    /** {@code (word & ~fieldMask) | (field SHIFT by)}, the field's bits already inside {@code fieldMask}. */
    private void insertWord(int word, int field, long fieldMask, int by, int shiftOpcode) {
        mv.visitVarInsn(LLOAD, word);
        asm.pushLong(~fieldMask);
        mv.visitInsn(LAND);
        mv.visitVarInsn(LLOAD, field);
        if (by != 0) {
            asm.pushInt(by);
            mv.visitInsn(shiftOpcode);
        }
        mv.visitInsn(LOR);
    }

    // ---- floating point: the IR's semantics

    /** The float environment operand of instruction {@code i} (the last one), or 0 for an op without one. */
    private void pushEnvironment(int i) {
        if (b.op(i).takesFloatEnvironment()) {
            loadLow(b.arg(i, b.argCount(i) - 1));
        } else {
            mv.visitInsn(LCONST_0);
        }
    }

    void floatBinary(int i) {
        asm.enumConstant(Op.class, b.op(i));
        asm.enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        pushEnvironment(i);
        asm.invokeStatic(EVAL + "FloatSemantics", "binary", "(L" + IR + "Op;L" + IR + "Type;JJJ)J");
        storeLow(i);
    }

    void floatSqrt(int i) {
        asm.enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        pushEnvironment(i);
        asm.invokeStatic(EVAL + "FloatSemantics", "sqrt", "(L" + IR + "Type;JJ)J");
        storeLow(i);
    }

    void floatCompare(int i) {
        asm.enumConstant(FloatCondition.class, FloatCondition.values()[(int) b.aux0(i)]);
        asm.enumConstant(Type.class, b.type(b.arg(i, 0)));
        loadLow(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        pushEnvironment(i);
        asm.invokeStatic(EVAL + "FloatSemantics", "compare", "(L" + IR + "FloatCondition;L" + IR + "Type;JJJ)Z");
        mv.visitInsn(I2L);
        storeLow(i);
    }

    void floatConvert(int i) {
        asm.enumConstant(Op.class, b.op(i));
        asm.enumConstant(Type.class, b.type(b.arg(i, 0)));
        asm.enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        pushEnvironment(i);
        asm.invokeStatic(EVAL + "FloatSemantics", "convert", "(L" + IR + "Op;L" + IR + "Type;L" + IR + "Type;JJ)J");
        storeLow(i);
    }

    void floatToSigned(int i) {
        asm.enumConstant(Type.class, b.type(b.arg(i, 0)));
        asm.enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        asm.invokeStatic(EVAL + "FloatSemantics", "toSigned", "(L" + IR + "Type;L" + IR + "Type;J)J");
        storeLow(i);
    }

    void floatExceptions(int i) {
        asm.enumConstant(FloatOperation.class, FloatOperation.values()[(int) b.aux0(i)]);
        asm.enumConstant(Type.class, b.type(b.arg(i, 0)));
        loadLow(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        pushEnvironment(i);
        asm.invokeStatic(EVAL + "FloatExceptions", "of", "(L" + IR + "FloatOperation;L" + IR + "Type;JJJ)I");
        mv.visitInsn(I2L);
        storeLow(i);
    }

    // ---- vectors: gen.Support, which forwards to VectorSemantics

    void vectorBinary(int i) {
        asm.enumConstant(Op.class, b.op(i));
        asm.pushLong(b.aux0(i));
        asm.pushLong(b.aux1(i));
        loadPair(b.arg(i, 0));
        loadPair(b.arg(i, 1));
        pushEnvironment(i);
        mv.visitVarInsn(ALOAD, scratchLocal);
        asm.invokeStatic(SUPPORT, "vectorBinary", "(L" + IR + "Op;JJJJJJJ[J)V");
        storeScratch(i);
    }

    void vectorUnary(int i) {
        asm.enumConstant(Op.class, b.op(i));
        asm.pushLong(b.aux0(i));
        loadPair(b.arg(i, 0));
        pushEnvironment(i);
        mv.visitVarInsn(ALOAD, scratchLocal);
        asm.invokeStatic(SUPPORT, "vectorUnary", "(L" + IR + "Op;JJJJ[J)V");
        storeScratch(i);
    }

    void vectorShift(int i) {
        asm.enumConstant(Op.class, b.op(i));
        asm.enumConstant(LaneShape.class, LaneShape.values()[(int) b.aux0(i)]);
        loadPair(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        mv.visitVarInsn(ALOAD, scratchLocal);
        asm.invokeStatic(SUPPORT, "vectorShift", "(L" + IR + "Op;L" + IR + "LaneShape;JJJ[J)V");
        storeScratch(i);
    }

    void vectorShuffle(int i) {
        asm.pushLong(b.aux0(i));
        asm.pushLong(b.aux1(i));
        loadPair(b.arg(i, 0));
        loadPair(b.arg(i, 1));
        mv.visitVarInsn(ALOAD, scratchLocal);
        asm.invokeStatic(SUPPORT, "vectorShuffle", "(JJJJJJ[J)V");
        storeScratch(i);
    }

    void moveMask(int i) {
        asm.enumConstant(LaneShape.class, LaneShape.values()[(int) b.aux0(i)]);
        loadPair(b.arg(i, 0));
        asm.invokeStatic(SUPPORT, "moveMask", "(L" + IR + "LaneShape;JJ)J");
        storeLow(i);
    }

    void vectorFloatExceptions(int i) {
        asm.enumConstant(FloatOperation.class, FloatOperation.values()[(int) b.aux0(i)]);
        asm.enumConstant(LaneShape.class, LaneShape.values()[(int) b.aux1(i)]);
        loadPair(b.arg(i, 0));
        loadPair(b.arg(i, 1));
        pushEnvironment(i);
        asm.invokeStatic(SUPPORT, "vectorFloatExceptions", "(L" + IR + "FloatOperation;L" + IR + "LaneShape;JJJJJ)J");
        storeLow(i);
    }

    // ---- flags: a FLAGS value is its six bits in EFLAGS layout, as in the interpreter and the FLAGS slot

    /** The lazy form of {@code flags.K} {@code i}: K's ordinal shifted left by 8, or'ed with the width. */
    int flagsCode(int i) {
        return (int) b.aux0(i) << 8 | b.type(b.arg(i, 0)).bits();
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

    // ---- values

    void loadLow(int v) {
        mv.visitVarInsn(LLOAD, local[v]);
    }

    void loadHigh(int v) {
        mv.visitVarInsn(LLOAD, local[v] + 2);
    }

    private void loadPair(int v) {
        loadLow(v);
        loadHigh(v);
    }

    void storeLow(int v) {
        mv.visitVarInsn(LSTORE, local[v]);
    }

    void storeHigh(int v) {
        mv.visitVarInsn(LSTORE, local[v] + 2);
    }

    /** Moves {@code scratch[0..1]} into value {@code v}. */
    void storeScratch(int v) {
        mv.visitVarInsn(ALOAD, scratchLocal);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(LALOAD);
        storeLow(v);
        mv.visitVarInsn(ALOAD, scratchLocal);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(LALOAD);
        storeHigh(v);
    }

    private void mask(Type t) {
        if (t != Type.V128) {
            asm.mask(t.bits());
        }
    }
}
