package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.Terminal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The block-entry counting of a profiled region ({@code RegionCounters}): block k's {@code Counter} object, held in
 * a {@code static final} field {@code ck} (a constant to C2), gets one more at each entry to the block. A block on a
 * cycle of the region (a loop's blocks) counts in a JVM local instead, added to its counter when the method returns
 * or rethrows a fault: an increment in memory on every iteration is a dependency from one iteration's store to the
 * next one's load (it made sieve's two-block outer loop 17% slower), a local is a register. Other blocks, run at
 * most once per entry to the region, increment their counter directly, so that a region left after one pass does
 * not pay for adding up locals. Counters are objects, not elements of a {@code long[]}, so that their stores cannot
 * alias the guest-state and TLB arrays in C2's eyes.
 */
final class EntryCounters implements Opcodes {
    private static final String COUNTER = "dev/jx86/runtime/tier1/RegionCounters$Counter";
    private static final String COUNTER_TYPE = "L" + COUNTER + ";";

    private final String className;
    private final boolean[] inLocal;
    private final int firstLocal;
    private final int locals;

    private EntryCounters(String className, boolean[] inLocal, int firstLocal) {
        this.className = className;
        this.inLocal = inLocal;
        this.firstLocal = firstLocal;
        int n = 0;
        for (boolean b : inLocal) {
            n += b ? 2 : 0;
        }
        this.locals = n;
    }

    /** Counters for {@code blocks} in class {@code className}, their locals from {@code firstLocal}. */
    static EntryCounters of(List<Block> blocks, String className, int firstLocal) {
        int n = blocks.size();
        Map<Long, Integer> index = new HashMap<>();
        for (int k = 0; k < n; k++) {
            index.put(blocks.get(k).pc(), k);
        }
        boolean[][] edge = new boolean[n][n];
        for (int j = 0; j < n; j++) {
            switch (blocks.get(j).terminal()) {
                case Terminal.Jump jump -> addEdge(edge, j, index.get(jump.target()));
                case Terminal.Branch br -> {
                    addEdge(edge, j, index.get(br.taken()));
                    addEdge(edge, j, index.get(br.notTaken()));
                }
                case Terminal.JumpIndirect ji -> {
                    for (int k = 0; k < n; k++) {
                        edge[j][k] = true; // it may go to any block of the region
                    }
                }
                case Terminal.Exit e -> {}
                case Terminal.Raise r -> {}
            }
        }
        boolean[] onCycle = new boolean[n];
        for (int k = 0; k < n; k++) {
            onCycle[k] = reaches(edge, k, k);
        }
        return new EntryCounters(className, onCycle, firstLocal);
    }

    private static void addEdge(boolean[][] edge, int from, Integer to) {
        if (to != null) {
            edge[from][to] = true;
        }
    }

    /** Whether a path of one or more edges leads from {@code from} to {@code to}. */
    private static boolean reaches(boolean[][] edge, int from, int to) {
        int n = edge.length;
        boolean[] seen = new boolean[n];
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
        work.push(from);
        while (!work.isEmpty()) {
            int j = work.pop();
            for (int k = 0; k < n; k++) {
                if (edge[j][k] && !seen[k]) {
                    if (k == to) {
                        return true;
                    }
                    seen[k] = true;
                    work.push(k);
                }
            }
        }
        return false;
    }

    /** JVM local words the counters take. */
    int locals() {
        return locals;
    }

    /** The fields {@code c0}, {@code c1}... */
    void declareFields(ClassWriter cw) {
        for (int k = 0; k < inLocal.length; k++) {
            cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, field(k), COUNTER_TYPE, null, null)
                    .visitEnd();
        }
    }

    /** In {@code <clinit>}, with the class data ({@code Object[]}) on the stack: the fields from element {@code at}. */
    void loadFields(MethodVisitor m, int at) {
        m.visitInsn(DUP);
        Asm.pushInt(m, at);
        m.visitInsn(AALOAD);
        m.visitTypeInsn(CHECKCAST, "[" + COUNTER_TYPE);
        for (int k = 0; k < inLocal.length; k++) {
            m.visitInsn(DUP);
            Asm.pushInt(m, k);
            m.visitInsn(AALOAD);
            m.visitFieldInsn(PUTSTATIC, className, field(k), COUNTER_TYPE);
        }
        m.visitInsn(POP);
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
            add(mv, k, () -> mv.visitInsn(LCONST_1));
        }
    }

    /** Adds the local counters to their counters (before the method returns or rethrows a fault). */
    void flush(MethodVisitor mv) {
        for (int k = 0; k < inLocal.length; k++) {
            if (inLocal[k]) {
                int slot = local(k);
                add(mv, k, () -> mv.visitVarInsn(LLOAD, slot));
            }
        }
    }

    /** {@code ck.count += (what push pushes)}. */
    private void add(MethodVisitor mv, int k, Runnable push) {
        mv.visitFieldInsn(GETSTATIC, className, field(k), COUNTER_TYPE);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, COUNTER, "count", "J");
        push.run();
        mv.visitInsn(LADD);
        mv.visitFieldInsn(PUTFIELD, COUNTER, "count", "J");
    }

    private static String field(int k) {
        return "c" + k;
    }

    private int local(int k) {
        int slot = firstLocal;
        for (int j = 0; j < k; j++) {
            slot += inLocal[j] ? 2 : 0;
        }
        return slot;
    }
}
