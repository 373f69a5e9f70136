package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Control transfer in a region's method: a jump to a guest pc is a {@code goto} to that block's label when the block
 * is in the region (on a back edge, after testing {@code outcome.exitRequested}), else it stores the pc in NEXT and
 * goes to {@link #exitContinue}, where the region returns to the dispatcher; an indirect jump switches on its target.
 */
final class RegionJumps implements Opcodes {
    private final Asm asm;
    private final MethodVisitor mv;
    private final List<Block> blocks;
    private final Map<Long, Integer> blockIndex = new HashMap<>();
    private final Label[] blockLabels;
    private final int outcomeLocal;
    private final String outcome;
    private final int nextLocal;

    /** Where the region continues at the pc in NEXT outside it: the dispatcher's outcome CONTINUE. */
    final Label exitContinue = new Label();

    /** {@code outcome}: the internal name of the outcome class, in local {@code outcomeLocal}; NEXT is a long. */
    RegionJumps(Asm asm, List<Block> blocks, int outcomeLocal, String outcome, int nextLocal) {
        this.asm = asm;
        this.mv = asm.mv;
        this.blocks = blocks;
        this.blockLabels = new Label[blocks.size()];
        for (int k = 0; k < blocks.size(); k++) {
            blockIndex.put(blocks.get(k).pc(), k);
            blockLabels[k] = new Label();
        }
        this.outcomeLocal = outcomeLocal;
        this.outcome = outcome;
        this.nextLocal = nextLocal;
    }

    /** The label of block {@code k}, where its code starts. */
    Label block(int k) {
        return blockLabels[k];
    }

    /** Continues at guest {@code target} from block {@code from}: inside the region if it holds the target. */
    void jumpTo(long target, int from) {
        Integer k = blockIndex.get(target);
        if (k != null) {
            if (k <= from) {
                Label stay = new Label();
                mv.visitVarInsn(ALOAD, outcomeLocal);
                mv.visitFieldInsn(GETFIELD, outcome, "exitRequested", "Z");
                mv.visitJumpInsn(IFEQ, stay);
                leaveFor(target);
                mv.visitLabel(stay);
            }
            mv.visitJumpInsn(GOTO, blockLabels[k]);
        } else {
            leaveFor(target);
        }
    }

    /**
     * An indirect jump from block {@code from} (its target in NEXT) whose target is a block of the region stays
     * inside: a switch on the target's low 32 bits, then the whole pc compared, then as {@link #jumpTo}. Falls through
     * when it leaves.
     */
    void jumpIndirectInside(int from) {
        var byLow = new TreeMap<Integer, List<Integer>>();
        for (int k = 0; k < blocks.size(); k++) {
            byLow.computeIfAbsent((int) blocks.get(k).pc(), key -> new ArrayList<>())
                    .add(k);
        }
        Label outside = new Label();
        int[] keys = byLow.keySet().stream().mapToInt(Integer::intValue).toArray();
        Label[] cases = new Label[keys.length];
        for (int c = 0; c < cases.length; c++) {
            cases[c] = new Label();
        }
        asm.loadLong(nextLocal);
        mv.visitInsn(L2I);
        mv.visitLookupSwitchInsn(outside, keys, cases);
        for (int c = 0; c < cases.length; c++) {
            mv.visitLabel(cases[c]);
            for (int k : byLow.get(keys[c])) {
                Label other = new Label();
                asm.loadLong(nextLocal);
                asm.pushLong(blocks.get(k).pc());
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFNE, other);
                jumpTo(blocks.get(k).pc(), from);
                mv.visitLabel(other);
            }
            mv.visitJumpInsn(GOTO, outside);
        }
        mv.visitLabel(outside);
    }

    private void leaveFor(long target) {
        asm.pushLong(target);
        asm.storeLong(nextLocal);
        mv.visitJumpInsn(GOTO, exitContinue);
    }
}
