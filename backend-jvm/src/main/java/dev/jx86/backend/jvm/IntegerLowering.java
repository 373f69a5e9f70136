package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import org.objectweb.asm.Label;

/**
 * Integer value ops inline: operands are canonical (zero-extended), results masked back to the width; rotates of 32
 * and 64 bits as shift pairs (one rotate after C2), bit counts, byte swaps and 64-bit multiply-high through their
 * JDK intrinsics; division and 8/16-bit rotates through {@code IntegerSemantics}.
 */
final class IntegerLowering extends BlockLowering {
    IntegerLowering(Asm asm, Block b, int[] local, int scratchLocal, int tempLocal) {
        super(asm, b, local, scratchLocal, tempLocal);
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

    /** Rotates of 32 and 64 bits and the high halves of products inline; the rest by IntegerSemantics. */
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
        } else if (op == Op.UMULH || op == Op.SMULH) {
            // narrower products fit in 64 bits: the high half is the product shifted right by the width
            boolean signed = op == Op.SMULH;
            for (int k = 0; k < 2; k++) {
                loadLow(b.arg(i, k));
                if (signed) {
                    asm.signExtend(bits);
                }
            }
            mv.visitInsn(LMUL);
            asm.pushInt(bits);
            mv.visitInsn(signed ? LSHR : LUSHR);
            if (signed) {
                mask(b.type(i));
            }
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
        // Narrower values are zero-extended in their longs, so they compare unsigned as they are; 64-bit ones with
        // their sign bits flipped (inline: no call for C1 or the JVM interpreter to make).
        boolean flipSign = bits == 64 && !signed && cc != IntCondition.EQ && cc != IntCondition.NE;
        loadLow(x);
        if (signed) {
            asm.signExtend(bits);
        } else if (flipSign) {
            flipSignBit();
        }
        loadLow(y);
        if (signed) {
            asm.signExtend(bits);
        } else if (flipSign) {
            flipSignBit();
        }
        mv.visitInsn(LCMP);
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

    private void flipSignBit() {
        asm.pushLong(Long.MIN_VALUE);
        mv.visitInsn(LXOR);
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
}
