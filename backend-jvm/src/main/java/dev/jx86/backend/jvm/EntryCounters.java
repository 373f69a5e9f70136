package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.Terminal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The block-entry counting of a profiled region ({@code RegionCounters}): {@code counts[k]} of a {@code static final
 * long[]} field gets one more at each entry to block k. A loop head (a block some later block of the region, or the
 * block itself, jumps back to) counts in a JVM local instead, added to the array when the method returns or throws:
 * an increment of an array element on every iteration is a dependency through memory that made a tight loop 13%
 * slower (sieve), a local is a register. Other blocks increment the array directly, so that a region left after
 * one pass through it does not pay for adding up locals it hardly used.
 */
final class EntryCounters implements Opcodes {
    private final String className;
    private final String field;
    private final boolean[] inLocal;
    private final int firstLocal;
    private final int locals;

    private EntryCounters(String className, String field, boolean[] inLocal, int firstLocal) {
        this.className = className;
        this.field = field;
        this.inLocal = inLocal;
        this.firstLocal = firstLocal;
        int n = 0;
        for (boolean b : inLocal) {
            n += b ? 2 : 0;
        }
        this.locals = n;
    }

    /** Counters for {@code blocks} in field {@code field} of {@code className}; locals from {@code firstLocal}. */
    static EntryCounters of(List<Block> blocks, String className, String field, int firstLocal) {
        Map<Long, Integer> index = new HashMap<>();
        for (int k = 0; k < blocks.size(); k++) {
            index.put(blocks.get(k).pc(), k);
        }
        boolean[] loopHead = new boolean[blocks.size()];
        for (int j = 0; j < blocks.size(); j++) {
            switch (blocks.get(j).terminal()) {
                case Terminal.Jump jump -> markBackEdge(loopHead, index.get(jump.target()), j);
                case Terminal.Branch br -> {
                    markBackEdge(loopHead, index.get(br.taken()), j);
                    markBackEdge(loopHead, index.get(br.notTaken()), j);
                }
                case Terminal.JumpIndirect ji -> {
                    for (int k = 0; k <= j; k++) {
                        loopHead[k] = true; // it may go back to any earlier block of the region
                    }
                }
                case Terminal.Exit e -> {}
                case Terminal.Raise r -> {}
            }
        }
        return new EntryCounters(className, field, loopHead, firstLocal);
    }

    private static void markBackEdge(boolean[] loopHead, Integer target, int from) {
        if (target != null && target <= from) {
            loopHead[target] = true;
        }
    }

    /** JVM local words the counters take. */
    int locals() {
        return locals;
    }

    /** Zeroes the local counters (the method's prologue). */
    void initialize(MethodVisitor mv) {
        for (int k = 0; k < inLocal.length; k++) {
            if (inLocal[k]) {
                mv.visitInsn(LCONST_0);
                mv.visitVarInsn(LSTORE, local(k));
            }
        }
    }

    /** Counts an entry to block {@code k} (at its label). */
    void enter(MethodVisitor mv, int k) {
        if (inLocal[k]) {
            mv.visitVarInsn(LLOAD, local(k));
            mv.visitInsn(LCONST_1);
            mv.visitInsn(LADD);
            mv.visitVarInsn(LSTORE, local(k));
        } else {
            addToArray(mv, k, () -> mv.visitInsn(LCONST_1));
        }
    }

    /** Adds the local counters to the array (before the method returns or rethrows a fault). */
    void flush(MethodVisitor mv) {
        for (int k = 0; k < inLocal.length; k++) {
            if (inLocal[k]) {
                int slot = local(k);
                addToArray(mv, k, () -> mv.visitVarInsn(LLOAD, slot));
            }
        }
    }

    /** {@code counts[k] += (what push pushes)}. */
    private void addToArray(MethodVisitor mv, int k, Runnable push) {
        mv.visitFieldInsn(GETSTATIC, className, field, "[J");
        Asm.pushInt(mv, k);
        mv.visitInsn(DUP2);
        mv.visitInsn(LALOAD);
        push.run();
        mv.visitInsn(LADD);
        mv.visitInsn(LASTORE);
    }

    private int local(int k) {
        int slot = firstLocal;
        for (int j = 0; j < k; j++) {
            slot += inLocal[j] ? 2 : 0;
        }
        return slot;
    }
}
