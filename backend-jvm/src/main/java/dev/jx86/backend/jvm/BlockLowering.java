package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.Type;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the lowerings of one block's value ops share: the block, the JVM local of each value (a {@code long}, a V128
 * two: low, high; canonical zero-extended as in the IR), a {@code long[2]} scratch array for results that come back
 * in one, and five free words for ops that must name an operand twice and for a float op's quiet check. {@link RegionEmitter} owns state, memory,
 * helpers and terminals; {@link IntegerLowering}, {@link FloatVectorLowering} and {@link FlagsLowering} the rest.
 */
abstract class BlockLowering implements Opcodes {
    static final String IR = "dev/jx86/ir/";
    static final String EVAL = "dev/jx86/ir/eval/";
    static final String SUPPORT = RegionEmitter.PACKAGE + "Support";

    final Asm asm;
    final MethodVisitor mv;
    final Block b;
    final int[] local;
    final int scratchLocal;
    final int tempLocal;

    /**
     * {@code local[i]}: the first JVM local of value {@code i}; {@code scratchLocal}: a {@code long[2]};
     * {@code tempLocal}: five free words, three (a long or an int, then an int) for ops that need to name an operand
     * twice, then a long that a float op's flags leave for its value ({@link FloatVectorLowering}).
     */
    BlockLowering(Asm asm, Block b, int[] local, int scratchLocal, int tempLocal) {
        this.asm = asm;
        this.mv = asm.mv;
        this.b = b;
        this.local = local;
        this.scratchLocal = scratchLocal;
        this.tempLocal = tempLocal;
    }

    // ---- values

    void loadLow(int v) {
        mv.visitVarInsn(LLOAD, local[v]);
    }

    void loadHigh(int v) {
        mv.visitVarInsn(LLOAD, local[v] + 2);
    }

    void loadPair(int v) {
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

    void mask(Type t) {
        if (t != Type.V128) {
            asm.mask(t.bits());
        }
    }
}
