package dev.jx86.backend.jvm;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The small bytecode idioms every emitter of this backend uses, over one method being written. */
final class Asm implements Opcodes {
    final MethodVisitor mv;

    Asm(MethodVisitor mv) {
        this.mv = mv;
    }

    void pushLong(long value) {
        if (value == 0) {
            mv.visitInsn(LCONST_0);
        } else if (value == 1) {
            mv.visitInsn(LCONST_1);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    void pushInt(int value) {
        pushInt(mv, value);
    }

    static void pushInt(MethodVisitor m, int value) {
        if (value >= -1 && value <= 5) {
            m.visitInsn(ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            m.visitIntInsn(BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            m.visitIntInsn(SIPUSH, value);
        } else {
            m.visitLdcInsn(value);
        }
    }

    void loadLong(int local) {
        mv.visitVarInsn(LLOAD, local);
    }

    void storeLong(int local) {
        mv.visitVarInsn(LSTORE, local);
    }

    /** Keeps the low {@code bits} bits of the long on the stack. */
    void mask(int bits) {
        if (bits < 64) {
            pushLong(bits == 0 ? 0 : -1L >>> (64 - bits));
            mv.visitInsn(LAND);
        }
    }

    void signExtend(int bits) {
        if (bits < 64) {
            pushInt(64 - bits);
            mv.visitInsn(LSHL);
            pushInt(64 - bits);
            mv.visitInsn(LSHR);
        }
    }

    void shiftRight(int by) {
        if (by != 0) {
            pushInt(by);
            mv.visitInsn(LUSHR);
        }
    }

    /** {@code (long on stack >>> bit) & 1}. */
    void bit(int bit) {
        shiftRight(bit);
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LAND);
    }

    /** Flips the 0/1 long on the stack. */
    void not1() {
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LXOR);
    }

    /** Turns the int comparison result on the stack into 1L or 0L. */
    void booleanFromJump(int jump) {
        Label yes = new Label();
        Label done = new Label();
        mv.visitJumpInsn(jump, yes);
        mv.visitInsn(LCONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        mv.visitInsn(LCONST_1);
        mv.visitLabel(done);
    }

    <E extends Enum<E>> void enumConstant(Class<E> type, E constant) {
        String owner = type.getName().replace('.', '/');
        mv.visitFieldInsn(GETSTATIC, owner, constant.name(), "L" + owner + ";");
    }

    void invokeStatic(String owner, String name, String descriptor) {
        mv.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, false);
    }
}
