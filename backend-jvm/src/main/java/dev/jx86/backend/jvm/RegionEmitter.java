package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.Effect;
import dev.jx86.ir.ExitReason;
import dev.jx86.ir.Op;
import dev.jx86.ir.Terminal;
import dev.jx86.ir.Type;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.TlbArrays;
import dev.jx86.runtime.tier1.Region;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the class file of one region: a final class implementing {@code CompiledBlock} whose {@code run} method
 * holds the region's blocks one after the other. A jump to a block of the region is a {@code goto} (a guest loop is
 * a JVM loop); a jump elsewhere, an indirect jump, an exit or a raise leaves the method.
 *
 * <p><b>Guest state in locals.</b> Every state slot the region reads or writes (except RIP) lives in a JVM
 * {@code long} local, loaded once on entry. The slots the region writes are stored back to {@code cpu.state} at
 * every exit, before a helper that reads or writes state (which is reloaded after one that writes it), and when a
 * fault leaves the method. That is exact because the lifter commits an instruction's state writes after its last
 * op that may fault: at a faulting op the locals hold the state of the instruction's start.
 *
 * <p><b>Lazy flags.</b> When the region writes the FLAGS slot, the slot is kept as the last flags op that wrote
 * it — a code for its kind and width and its operands, in locals — and its bits are computed only when observed:
 * read by a later block, written back, or needed by a condition that cannot be computed from the result alone. A
 * guest loop whose compare and branch fuse computes no flags at all.
 *
 * <p><b>Memory.</b> Loads and stores probe the CPU's software TLB inline ({@code GuestMemory.tlb()}) and access the
 * frame directly on a hit; a miss calls {@code GuestMemory}.
 *
 * <p><b>Faults.</b> Nothing is stored on the fast path: each op that may fault (load, store, call) is covered by an
 * exception-table entry whose handler records the instruction's pc in {@code outcome.faultPc}, writes the state
 * back (unless a helper already saw it written back and may have changed it) and rethrows.
 *
 * <p>The switch in {@link #emitOp} is exhaustive over {@link Op}: a new op does not compile until it is lowered.
 */
final class RegionEmitter implements Opcodes {
    static final String PACKAGE = "dev/jx86/backend/jvm/gen/";
    private static final String IR = "dev/jx86/ir/";
    private static final String CPU = "dev/jx86/runtime/abi/Cpu";
    private static final String MEMORY = "dev/jx86/runtime/abi/GuestMemory";
    private static final String FAULT = "dev/jx86/runtime/abi/GuestFault";
    private static final String TLB = "dev/jx86/runtime/abi/TlbArrays";
    private static final String SEGMENT = "java/lang/foreign/MemorySegment";
    private static final String HELPER_FUNCTION = "dev/jx86/runtime/abi/HelperFunction";
    private static final String OUTCOME = "dev/jx86/runtime/exec/Interpreter$Outcome";
    private static final String COMPILED_BLOCK = "dev/jx86/runtime/tier1/CompiledBlock";
    private static final String RUN_DESCRIPTOR = "(L" + CPU + ";L" + OUTCOME + ";)J";

    private static final int CPU_LOCAL = 1;
    private static final int OUTCOME_LOCAL = 2;
    private static final int STATE_LOCAL = 3;
    private static final int MEMORY_LOCAL = 4;
    private static final int SCRATCH_LOCAL = 5;
    private static final int NEXT_LOCAL = 6; // a long: 6 and 7
    private static final int EXCEPTION_LOCAL = 8;
    private static final int READ_TAG_LOCAL = 9;
    private static final int READ_FRAME_LOCAL = 10;
    private static final int WRITE_TAG_LOCAL = 11;
    private static final int WRITE_FRAME_LOCAL = 12;
    private static final int ADDRESS_LOCAL = 13; // a long: 13 and 14
    private static final int INDEX_LOCAL = 15;
    private static final int OFFSET_LOCAL = 16;
    private static final int FIRST_SLOT_LOCAL = 17;

    /** The class file, the helper bodies' ids in field order, and the size of {@code run}'s code in bytes. */
    record Emitted(String className, byte[] bytes, List<Integer> helperIds, int codeSize) {}

    /** A fault handler: for the instruction at {@code pc}, writing the state back or not. */
    private record HandlerKey(long pc, boolean writeBack) {}

    private final List<Block> blocks;
    private final String className;
    private final Map<Long, Integer> blockIndex = new HashMap<>();
    private final Label[] blockLabels;
    /** The JVM local of each state slot kept in one, or -1. */
    private final int[] slotLocal = new int[StateLayout.SIZE];
    /** Slots the region writes: stored back on the way out. */
    private final BitSet written = new BitSet();

    private final List<Integer> cachedSlots = new ArrayList<>();
    private final int firstValueLocal;
    /** Whether the FLAGS slot is kept lazily (the region writes it): then in the locals below, not a slot local. */
    private final boolean lazyFlags;

    private final int flagsCodeLocal;
    private final int flagsOperandLocal;
    private final int tempLocal;
    private boolean[] needsBits;
    private final Map<Integer, Integer> helperFields = new LinkedHashMap<>();
    /** Per block, per op that may fault: the start and end of its exception range. */
    private final Label[][] rangeStart;

    private final Label[][] rangeEnd;
    private final Map<HandlerKey, Label> handlers = new LinkedHashMap<>();

    private MethodVisitor mv;
    private Asm asm;
    private OpLowering lowering;
    private Block b;
    private int blockNumber;
    private int[] local;
    /** The pc of the last boundary passed: the instruction a fault at this point belongs to. */
    private long pc;

    private final Label exitContinue = new Label();
    private final Label exitReturn = new Label();
    private final Label faultWriteBack = new Label();
    private final Label faultRethrow = new Label();

    private RegionEmitter(Region region) {
        this.blocks = region.blocks();
        this.className = PACKAGE + (blocks.size() == 1 ? "B_" : "R_") + Long.toHexString(region.pc());
        this.blockLabels = new Label[blocks.size()];
        this.rangeStart = new Label[blocks.size()][];
        this.rangeEnd = new Label[blocks.size()][];
        java.util.Arrays.fill(slotLocal, -1);
        BitSet used = new BitSet();
        for (int k = 0; k < blocks.size(); k++) {
            Block block = blocks.get(k);
            blockIndex.put(block.pc(), k);
            blockLabels[k] = new Label();
            for (int i = 0; i < block.size(); i++) {
                Op op = block.op(i);
                if (op == Op.GET || op == Op.SET) {
                    int slot = (int) block.aux0(i);
                    Type t = op == Op.GET ? block.type(i) : block.type(block.arg(i, 0));
                    if (slot != StateLayout.RIP) {
                        used.set(slot, slot + (t == Type.V128 ? 2 : 1));
                        if (op == Op.SET) {
                            written.set(slot, slot + (t == Type.V128 ? 2 : 1));
                        }
                    }
                } else if (op == Op.CALL) {
                    helperFields.putIfAbsent((int) block.aux0(i), helperFields.size());
                }
            }
        }
        lazyFlags = written.get(StateLayout.FLAGS);
        if (lazyFlags) {
            used.clear(StateLayout.FLAGS);
            written.clear(StateLayout.FLAGS);
        }
        int next = FIRST_SLOT_LOCAL;
        for (int slot = used.nextSetBit(0); slot >= 0; slot = used.nextSetBit(slot + 1)) {
            slotLocal[slot] = next;
            cachedSlots.add(slot);
            next += 2;
        }
        flagsCodeLocal = next;
        flagsOperandLocal = next + 1; // four longs
        tempLocal = next + 9; // three words
        this.firstValueLocal = next + 12;
        planFaultRanges();
    }

    /** The class of {@code region}, named after its guest pc ({@code B_} for one block, {@code R_} for more). */
    static Emitted emit(Region region) {
        return new RegionEmitter(region).emitClass();
    }

    /** Labels for every op that may fault and its handler: exception ranges must be declared before the code. */
    private void planFaultRanges() {
        for (int k = 0; k < blocks.size(); k++) {
            Block block = blocks.get(k);
            rangeStart[k] = new Label[block.size()];
            rangeEnd[k] = new Label[block.size()];
            long at = block.pc();
            for (int i = 0; i < block.size(); i++) {
                Op op = block.op(i);
                if (op == Op.BOUNDARY) {
                    at = block.aux0(i);
                } else if (op == Op.LOAD || op == Op.STORE || op == Op.CALL) {
                    rangeStart[k][i] = new Label();
                    rangeEnd[k][i] = new Label();
                    boolean writeBack = op != Op.CALL || !synchronizesState(block, i);
                    handlers.computeIfAbsent(new HandlerKey(at, writeBack), key -> new Label());
                }
            }
        }
    }

    /** Whether call {@code i} sees the state written back before it (so a fault inside must not store it again). */
    private static boolean synchronizesState(Block block, int i) {
        Set<Effect> effects = block.helper(i).effects();
        return effects.contains(Effect.READS_STATE) || effects.contains(Effect.WRITES_STATE);
    }

    private Emitted emitClass() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, "java/lang/Object", new String[] {
            COMPILED_BLOCK
        });
        for (int field : helperFields.values()) {
            cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "h" + field, "L" + HELPER_FUNCTION + ";", null, null)
                    .visitEnd();
        }
        if (!helperFields.isEmpty()) {
            emitStaticInitializer(cw);
        }
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "run", RUN_DESCRIPTOR, null, null);
        asm = new Asm(mv);
        mv.visitCode();
        declareFaultRanges();
        emitPrologue();
        for (int k = 0; k < blocks.size(); k++) {
            emitBlock(k);
        }
        emitTails();
        Label end = new Label();
        mv.visitLabel(end);
        int codeSize = end.getOffset();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return new Emitted(className, cw.toByteArray(), List.copyOf(new ArrayList<>(helperFields.keySet())), codeSize);
    }

    /** {@code static { Object[] h = classData(); h0 = (HelperFunction) h[0]; ... }} */
    private void emitStaticInitializer(ClassWriter cw) {
        MethodVisitor m = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        m.visitCode();
        m.visitMethodInsn(
                INVOKESTATIC,
                "java/lang/invoke/MethodHandles",
                "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;",
                false);
        m.visitLdcInsn("_");
        m.visitLdcInsn(org.objectweb.asm.Type.getType("[Ljava/lang/Object;"));
        m.visitMethodInsn(
                INVOKESTATIC,
                "java/lang/invoke/MethodHandles",
                "classData",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
                false);
        m.visitTypeInsn(CHECKCAST, "[Ljava/lang/Object;");
        for (int field : helperFields.values()) {
            m.visitInsn(DUP);
            Asm.pushInt(m, field);
            m.visitInsn(AALOAD);
            m.visitTypeInsn(CHECKCAST, HELPER_FUNCTION);
            m.visitFieldInsn(PUTSTATIC, className, "h" + field, "L" + HELPER_FUNCTION + ";");
        }
        m.visitInsn(POP);
        m.visitInsn(RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    private void declareFaultRanges() {
        for (int k = 0; k < blocks.size(); k++) {
            Block block = blocks.get(k);
            long at = block.pc();
            for (int i = 0; i < block.size(); i++) {
                if (block.op(i) == Op.BOUNDARY) {
                    at = block.aux0(i);
                }
                if (rangeStart[k][i] != null) {
                    boolean writeBack = block.op(i) != Op.CALL || !synchronizesState(block, i);
                    Label handler = handlers.get(new HandlerKey(at, writeBack));
                    mv.visitTryCatchBlock(rangeStart[k][i], rangeEnd[k][i], handler, FAULT);
                }
            }
        }
    }

    private void emitPrologue() {
        mv.visitVarInsn(ALOAD, CPU_LOCAL);
        mv.visitFieldInsn(GETFIELD, CPU, "state", "[J");
        mv.visitVarInsn(ASTORE, STATE_LOCAL);
        mv.visitVarInsn(ALOAD, CPU_LOCAL);
        mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "memory", "()L" + MEMORY + ";", false);
        mv.visitVarInsn(ASTORE, MEMORY_LOCAL);
        mv.visitVarInsn(ALOAD, MEMORY_LOCAL);
        mv.visitMethodInsn(INVOKEINTERFACE, MEMORY, "tlb", "()L" + TLB + ";", true);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, TLB, "readTag", "[J");
        mv.visitVarInsn(ASTORE, READ_TAG_LOCAL);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, TLB, "readFrame", "[L" + SEGMENT + ";");
        mv.visitVarInsn(ASTORE, READ_FRAME_LOCAL);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, TLB, "writeTag", "[J");
        mv.visitVarInsn(ASTORE, WRITE_TAG_LOCAL);
        mv.visitFieldInsn(GETFIELD, TLB, "writeFrame", "[L" + SEGMENT + ";");
        mv.visitVarInsn(ASTORE, WRITE_FRAME_LOCAL);
        mv.visitInsn(ICONST_2);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        mv.visitVarInsn(ASTORE, SCRATCH_LOCAL);
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, NEXT_LOCAL);
        if (lazyFlags) {
            for (int k = 1; k < 4; k++) {
                mv.visitInsn(LCONST_0);
                asm.storeLong(flagsOperandLocal + 2 * k);
            }
        }
        loadSlots();
    }

    /** Every cached slot from {@code cpu.state} into its local (lazy flags: as bits). */
    private void loadSlots() {
        for (int slot : cachedSlots) {
            stateLoad(slot);
            asm.storeLong(slotLocal[slot]);
        }
        if (lazyFlags) {
            mv.visitInsn(ICONST_M1);
            mv.visitVarInsn(ISTORE, flagsCodeLocal);
            stateLoad(StateLayout.FLAGS);
            asm.storeLong(flagsOperandLocal);
        }
    }

    /** Every written slot from its local back to {@code cpu.state}. */
    private void writeBack() {
        for (int slot = written.nextSetBit(0); slot >= 0; slot = written.nextSetBit(slot + 1)) {
            mv.visitVarInsn(ALOAD, STATE_LOCAL);
            asm.pushInt(slot);
            asm.loadLong(slotLocal[slot]);
            mv.visitInsn(LASTORE);
        }
        if (lazyFlags) {
            mv.visitVarInsn(ALOAD, STATE_LOCAL);
            asm.pushInt(StateLayout.FLAGS);
            pushLazyFlags();
            mv.visitInsn(LASTORE);
        }
    }

    /** Pushes the bits of the lazily kept FLAGS slot: as they are, or computed from the kept op. */
    private void pushLazyFlags() {
        Label bits = new Label();
        Label done = new Label();
        mv.visitVarInsn(ILOAD, flagsCodeLocal);
        mv.visitJumpInsn(IFLT, bits);
        mv.visitVarInsn(ILOAD, flagsCodeLocal);
        for (int k = 0; k < 4; k++) {
            asm.loadLong(flagsOperandLocal + 2 * k);
        }
        asm.invokeStatic(PACKAGE + "Support", "flags", "(IJJJJ)J");
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(bits);
        asm.loadLong(flagsOperandLocal);
        mv.visitLabel(done);
    }

    /** Whether each FLAGS value of the block is observed as bits (else its op is kept lazily, or not at all). */
    private boolean[] flagsObserved() {
        boolean[] observed = new boolean[b.size()];
        for (int i = 0; i < b.size(); i++) {
            Op op = b.op(i);
            boolean lazySet = op == Op.SET && lazyFlags && b.aux0(i) == StateLayout.FLAGS;
            boolean direct = op == Op.COND && lowering.isDirectCondition(i);
            for (int k = 0; k < b.argCount(i); k++) {
                int v = b.arg(i, k);
                if (b.type(v) == Type.FLAGS && !lazySet && !direct) {
                    observed[v] = true;
                }
            }
        }
        return observed;
    }

    private void emitBlock(int k) {
        blockNumber = k;
        b = blocks.get(k);
        local = allocateValueLocals(b, firstValueLocal);
        lowering = new OpLowering(asm, b, local, SCRATCH_LOCAL, tempLocal);
        needsBits = flagsObserved();
        mv.visitLabel(blockLabels[k]);
        pc = b.pc();
        for (int i = 0; i < b.size(); i++) {
            emitOp(i);
        }
        emitTerminal(b.terminal());
    }

    /**
     * The JVM local of each value of {@code block}, from {@code first} on, reused once a value is dead: a value's
     * locals are free after its last use (a lazily kept {@code flags.K}'s operands live as long as it does, since
     * its FLAGS set or direct condition reads them). Few locals keep ASM's frame computation and HotSpot's parser
     * small; C2 does not care which local a value had.
     */
    private static int[] allocateValueLocals(Block block, int first) {
        int n = block.size();
        int[] lastUse = new int[n];
        java.util.Arrays.fill(lastUse, -1);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < block.argCount(i); a++) {
                int v = block.arg(i, a);
                lastUse[v] = i;
                if (block.op(v) == Op.FLAGS) {
                    for (int o = 0; o < block.argCount(v); o++) {
                        lastUse[block.arg(v, o)] = i;
                    }
                }
            }
        }
        for (var use : block.terminal().uses()) {
            lastUse[use.index()] = n;
        }
        List<List<Integer>> dying = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            dying.add(new ArrayList<>());
        }
        for (int v = 0; v < n; v++) {
            dying.get(Math.max(lastUse[v], v)).add(v);
        }
        int[] local = new int[n];
        var freePairs = new java.util.ArrayDeque<Integer>();
        var freeQuads = new java.util.ArrayDeque<Integer>();
        int next = first;
        for (int i = 0; i < n; i++) {
            Type t = block.type(i);
            if (t == Type.VOID) {
                local[i] = -1;
            } else if (t == Type.V128) {
                local[i] = freeQuads.isEmpty() ? next : freeQuads.pop();
                next = Math.max(next, local[i] + 4);
            } else {
                local[i] = freePairs.isEmpty() ? next : freePairs.pop();
                next = Math.max(next, local[i] + 2);
            }
            for (int v : dying.get(i)) {
                if (local[v] >= 0) {
                    (block.type(v) == Type.V128 ? freeQuads : freePairs).push(local[v]);
                }
            }
        }
        return local;
    }

    private void emitOp(int i) {
        OpLowering l = lowering;
        Runnable lowered = switch (b.op(i)) {
            case CONST -> () -> l.constant(i);
            case GET -> () -> get(i);
            case SET -> () -> set(i);
            case LOAD -> () -> load(i);
            case STORE -> () -> store(i);
            case ADD, SUB, MUL, AND, OR, XOR, ANDN -> () -> l.binary(i);
            case NEG, NOT -> () -> l.unary(i);
            case SHL, LSHR, ASHR -> () -> l.shift(i);
            case UMULH, SMULH, UDIV, SDIV, UREM, SREM, ROTL, ROTR -> () -> l.integerBinary(i);
            case CLZ, CTZ, POPCNT, BSWAP -> () -> l.integerUnary(i);
            case ZEXT, SEXT, TRUNC -> () -> l.resize(i);
            case ICMP -> () -> l.compare(i);
            case SELECT -> () -> l.select(i);
            case EXTRACT -> () -> l.extract(i);
            case INSERT -> () -> l.insert(i);
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX -> () -> l.floatBinary(i);
            case FSQRT -> () -> l.floatSqrt(i);
            case FCMP -> () -> l.floatCompare(i);
            case FPEXT, FPTRUNC, SITOFP -> () -> l.floatConvert(i);
            case FPTOSI -> () -> l.floatToSigned(i);
            case FEXCEPT -> () -> l.floatExceptions(i);
            case VADD,
                    VSUB,
                    VMUL,
                    VADDS,
                    VADDUS,
                    VSUBS,
                    VSUBUS,
                    VMINS,
                    VMINU,
                    VMAXS,
                    VMAXU,
                    VMULHS,
                    VMULHU,
                    VAVGU,
                    VICMP,
                    VNARROWS,
                    VNARROWU,
                    VFADD,
                    VFSUB,
                    VFMUL,
                    VFDIV,
                    VFMIN,
                    VFMAX,
                    VFCMP -> () -> l.vectorBinary(i);
            case VFSQRT, VCONVERT -> () -> l.vectorUnary(i);
            case VSHL, VLSHR, VASHR -> () -> l.vectorShift(i);
            case VSHUFFLE -> () -> l.vectorShuffle(i);
            case VMOVEMASK -> () -> l.moveMask(i);
            case VFEXCEPT -> () -> l.vectorFloatExceptions(i);
            case FLAGS ->
                () -> {
                    if (needsBits[i]) {
                        l.flags(i);
                    }
                };
            case COND -> () -> l.condition(i);
            case FLAG_TEST -> () -> l.flagTest(i);
            case FLAGS_EXPLICIT, FLAGS_BITS -> () -> l.flagBits(i);
            case CALL -> () -> call(i);
            case BOUNDARY -> () -> pc = b.aux0(i);
        };
        lowered.run();
    }

    // ---- state: slot locals (RIP stays in cpu.state: the runtime owns it)

    private void get(int i) {
        int slot = (int) b.aux0(i);
        Type t = b.type(i);
        if (lazyFlags && slot == StateLayout.FLAGS) {
            pushLazyFlags();
            lowering.storeLow(i);
            return;
        }
        slotValue(slot);
        if (t != Type.FLAGS && t != Type.V128) {
            asm.mask(t.bits());
        }
        lowering.storeLow(i);
        if (t == Type.V128) {
            slotValue(slot + 1);
            lowering.storeHigh(i);
        }
    }

    private void set(int i) {
        int slot = (int) b.aux0(i);
        int v = b.arg(i, 0);
        if (lazyFlags && slot == StateLayout.FLAGS) {
            setLazyFlags(v);
            return;
        }
        setSlot(slot, () -> lowering.loadLow(v));
        if (b.type(v) == Type.V128) {
            setSlot(slot + 1, () -> lowering.loadHigh(v));
        }
    }

    /** FLAGS := value {@code v}: its op's code and operands when its bits were not computed, else the bits. */
    private void setLazyFlags(int v) {
        if (b.op(v) == Op.FLAGS && !needsBits[v]) {
            asm.pushInt(lowering.flagsCode(v));
            mv.visitVarInsn(ISTORE, flagsCodeLocal);
            for (int k = 0; k < b.argCount(v); k++) {
                lowering.loadLow(b.arg(v, k));
                asm.storeLong(flagsOperandLocal + 2 * k);
            }
        } else {
            mv.visitInsn(ICONST_M1);
            mv.visitVarInsn(ISTORE, flagsCodeLocal);
            lowering.loadLow(v);
            asm.storeLong(flagsOperandLocal);
        }
    }

    private void slotValue(int slot) {
        if (slotLocal[slot] >= 0) {
            asm.loadLong(slotLocal[slot]);
        } else {
            stateLoad(slot);
        }
    }

    private void setSlot(int slot, Runnable pushValue) {
        if (slotLocal[slot] >= 0) {
            pushValue.run();
            asm.storeLong(slotLocal[slot]);
        } else {
            mv.visitVarInsn(ALOAD, STATE_LOCAL);
            asm.pushInt(slot);
            pushValue.run();
            mv.visitInsn(LASTORE);
        }
    }

    private void stateLoad(int slot) {
        mv.visitVarInsn(ALOAD, STATE_LOCAL);
        asm.pushInt(slot);
        mv.visitInsn(LALOAD);
    }

    // ---- memory and helpers: the ops that may fault, each inside its exception range

    /**
     * A load: the TLB probed inline (tag, then an access that stays inside the page), the frame read on a hit; on a
     * miss {@code GuestMemory.load}, the one part that may fault.
     */
    private void load(int i) {
        Type t = b.type(i);
        int size = t == Type.V128 ? 16 : t.bits() >>> 3;
        Label slow = new Label();
        Label done = new Label();
        probe(b.arg(i, 0), size, READ_TAG_LOCAL, slow);
        if (t == Type.V128) {
            frameGet(READ_FRAME_LOCAL, 8, 0);
            lowering.storeLow(i);
            frameGet(READ_FRAME_LOCAL, 8, 8);
            lowering.storeHigh(i);
        } else {
            frameGet(READ_FRAME_LOCAL, size, 0);
            lowering.storeLow(i);
        }
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(slow);
        mv.visitVarInsn(ALOAD, MEMORY_LOCAL);
        asm.loadLong(ADDRESS_LOCAL);
        mv.visitLabel(rangeStart[blockNumber][i]);
        if (t == Type.V128) {
            mv.visitVarInsn(ALOAD, SCRATCH_LOCAL);
            mv.visitMethodInsn(INVOKEINTERFACE, MEMORY, "load128", "(J[J)V", true);
            mv.visitLabel(rangeEnd[blockNumber][i]);
            lowering.storeScratch(i);
        } else {
            asm.pushInt(size);
            mv.visitMethodInsn(INVOKEINTERFACE, MEMORY, "load", "(JI)J", true);
            mv.visitLabel(rangeEnd[blockNumber][i]);
            lowering.storeLow(i);
        }
        mv.visitLabel(done);
    }

    /** A store: as {@link #load}, through the write entries (code pages have none, so their writes are seen). */
    private void store(int i) {
        int v = b.arg(i, 1);
        Type t = b.type(v);
        int size = t == Type.V128 ? 16 : t.bits() >>> 3;
        Label slow = new Label();
        Label done = new Label();
        probe(b.arg(i, 0), size, WRITE_TAG_LOCAL, slow);
        if (t == Type.V128) {
            frameSet(8, 0, () -> lowering.loadLow(v));
            frameSet(8, 8, () -> lowering.loadHigh(v));
        } else {
            frameSet(size, 0, () -> lowering.loadLow(v));
        }
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(slow);
        mv.visitVarInsn(ALOAD, MEMORY_LOCAL);
        asm.loadLong(ADDRESS_LOCAL);
        if (t == Type.V128) {
            lowering.loadLow(v);
            lowering.loadHigh(v);
            mv.visitLabel(rangeStart[blockNumber][i]);
            mv.visitMethodInsn(INVOKEINTERFACE, MEMORY, "store128", "(JJJ)V", true);
        } else {
            asm.pushInt(size);
            lowering.loadLow(v);
            mv.visitLabel(rangeStart[blockNumber][i]);
            mv.visitMethodInsn(INVOKEINTERFACE, MEMORY, "store", "(JIJ)V", true);
        }
        mv.visitLabel(rangeEnd[blockNumber][i]);
        mv.visitLabel(done);
    }

    /**
     * Puts the address in ADDRESS, the entry index in INDEX, the page offset in OFFSET, and jumps to {@code slow}
     * unless the entry's tag is the page and the {@code size} bytes lie inside it.
     */
    private void probe(int address, int size, int tagLocal, Label slow) {
        lowering.loadLow(address);
        asm.storeLong(ADDRESS_LOCAL);
        asm.loadLong(ADDRESS_LOCAL);
        asm.pushInt(TlbArrays.PAGE_SHIFT);
        mv.visitInsn(LUSHR);
        mv.visitInsn(L2I);
        asm.pushInt(TlbArrays.MASK);
        mv.visitInsn(IAND);
        mv.visitVarInsn(ISTORE, INDEX_LOCAL);
        mv.visitVarInsn(ALOAD, tagLocal);
        mv.visitVarInsn(ILOAD, INDEX_LOCAL);
        mv.visitInsn(LALOAD);
        asm.loadLong(ADDRESS_LOCAL);
        asm.pushInt(TlbArrays.PAGE_SHIFT);
        mv.visitInsn(LUSHR);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFNE, slow);
        asm.loadLong(ADDRESS_LOCAL);
        mv.visitInsn(L2I);
        asm.pushInt(TlbArrays.PAGE_SIZE - 1);
        mv.visitInsn(IAND);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ISTORE, OFFSET_LOCAL);
        asm.pushInt(TlbArrays.PAGE_SIZE - size);
        mv.visitJumpInsn(IF_ICMPGT, slow);
    }

    /** Pushes the zero-extended {@code size}-byte value at OFFSET + {@code plus} of the entry's frame. */
    private void frameGet(int frameLocal, int size, int plus) {
        frameAt(frameLocal, size, plus);
        String layout = layoutDescriptor(size);
        mv.visitMethodInsn(INVOKEINTERFACE, SEGMENT, "get", "(" + layout + "J)" + primitive(size), true);
        if (size < 8) {
            mv.visitInsn(I2L);
            asm.mask(size * 8);
        }
    }

    private void frameSet(int size, int plus, Runnable pushValue) {
        frameAt(WRITE_FRAME_LOCAL, size, plus);
        pushValue.run();
        if (size < 8) {
            mv.visitInsn(L2I);
        }
        if (size == 1) {
            mv.visitInsn(I2B);
        } else if (size == 2) {
            mv.visitInsn(I2S);
        }
        mv.visitMethodInsn(
                INVOKEINTERFACE, SEGMENT, "set", "(" + layoutDescriptor(size) + "J" + primitive(size) + ")V", true);
    }

    /** Pushes the frame, the layout and the long offset of an access. */
    private void frameAt(int frameLocal, int size, int plus) {
        mv.visitVarInsn(ALOAD, frameLocal);
        mv.visitVarInsn(ILOAD, INDEX_LOCAL);
        mv.visitInsn(AALOAD);
        if (size == 1) {
            mv.visitFieldInsn(GETSTATIC, "java/lang/foreign/ValueLayout", "JAVA_BYTE", layoutDescriptor(1));
        } else {
            mv.visitFieldInsn(GETSTATIC, TLB, "U" + size * 8, layoutDescriptor(size));
        }
        mv.visitVarInsn(ILOAD, OFFSET_LOCAL);
        if (plus != 0) {
            asm.pushInt(plus);
            mv.visitInsn(IADD);
        }
        mv.visitInsn(I2L);
    }

    private static String layoutDescriptor(int size) {
        return "Ljava/lang/foreign/ValueLayout$"
                + switch (size) {
                    case 1 -> "OfByte";
                    case 2 -> "OfShort";
                    case 4 -> "OfInt";
                    default -> "OfLong";
                }
                + ";";
    }

    private static String primitive(int size) {
        return switch (size) {
            case 1 -> "B";
            case 2 -> "S";
            case 4 -> "I";
            default -> "J";
        };
    }

    private void call(int i) {
        boolean synchronize = synchronizesState(b, i);
        if (synchronize) {
            writeBack();
        }
        // As the interpreter: RIP holds the calling instruction's pc while the helper runs.
        mv.visitVarInsn(ALOAD, STATE_LOCAL);
        asm.pushInt(StateLayout.RIP);
        asm.pushLong(pc);
        mv.visitInsn(LASTORE);
        int field = helperFields.get((int) b.aux0(i));
        mv.visitFieldInsn(GETSTATIC, className, "h" + field, "L" + HELPER_FUNCTION + ";");
        mv.visitVarInsn(ALOAD, CPU_LOCAL);
        int n = b.argCount(i);
        asm.pushInt(n);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        for (int k = 0; k < n; k++) {
            mv.visitInsn(DUP);
            asm.pushInt(k);
            lowering.loadLow(b.arg(i, k));
            mv.visitInsn(LASTORE);
        }
        mv.visitLabel(rangeStart[blockNumber][i]);
        mv.visitMethodInsn(INVOKEINTERFACE, HELPER_FUNCTION, "call", "(L" + CPU + ";[J)J", true);
        mv.visitLabel(rangeEnd[blockNumber][i]);
        if (b.type(i) == Type.VOID) {
            mv.visitInsn(POP2);
        } else {
            lowering.storeLow(i);
        }
        if (b.helper(i).effects().contains(Effect.WRITES_STATE)) {
            loadSlots();
        }
    }

    // ---- terminals and the ways out

    private void emitTerminal(Terminal terminal) {
        switch (terminal) {
            case Terminal.Jump j -> jumpTo(j.target());
            case Terminal.Branch br -> {
                Label notTaken = new Label();
                lowering.loadLow(br.condition().index());
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFEQ, notTaken);
                jumpTo(br.taken());
                mv.visitLabel(notTaken);
                jumpTo(br.notTaken());
            }
            case Terminal.JumpIndirect ji -> {
                lowering.loadLow(ji.target().index());
                asm.storeLong(NEXT_LOCAL);
                mv.visitJumpInsn(GOTO, exitContinue);
            }
            case Terminal.Exit e -> {
                outcomeKind(1);
                mv.visitVarInsn(ALOAD, OUTCOME_LOCAL);
                asm.enumConstant(ExitReason.class, e.reason());
                mv.visitFieldInsn(PUTFIELD, OUTCOME, "exit", "L" + IR + "ExitReason;");
                asm.pushLong(e.next());
                asm.storeLong(NEXT_LOCAL);
                mv.visitJumpInsn(GOTO, exitReturn);
            }
            case Terminal.Raise r -> {
                outcomeKind(2);
                mv.visitVarInsn(ALOAD, OUTCOME_LOCAL);
                asm.pushInt(r.vector());
                mv.visitFieldInsn(PUTFIELD, OUTCOME, "vector", "I");
                mv.visitVarInsn(ALOAD, OUTCOME_LOCAL);
                if (r.errorCode().isPresent()) {
                    lowering.loadLow(r.errorCode().get().index());
                } else {
                    asm.pushLong(-1);
                }
                mv.visitFieldInsn(PUTFIELD, OUTCOME, "errorCode", "J");
                asm.pushLong(pc);
                asm.storeLong(NEXT_LOCAL);
                mv.visitJumpInsn(GOTO, exitReturn);
            }
        }
    }

    /**
     * Continues at guest {@code target}: a {@code goto} when it is a block of the region (on a back edge, after
     * checking {@code outcome.exitRequested}), else a return to the dispatcher.
     */
    private void jumpTo(long target) {
        Integer k = blockIndex.get(target);
        if (k != null) {
            if (k <= blockNumber) {
                Label stay = new Label();
                mv.visitVarInsn(ALOAD, OUTCOME_LOCAL);
                mv.visitFieldInsn(GETFIELD, OUTCOME, "exitRequested", "Z");
                mv.visitJumpInsn(IFEQ, stay);
                leaveFor(target);
                mv.visitLabel(stay);
            }
            mv.visitJumpInsn(GOTO, blockLabels[k]);
        } else {
            leaveFor(target);
        }
    }

    private void leaveFor(long target) {
        asm.pushLong(target);
        asm.storeLong(NEXT_LOCAL);
        mv.visitJumpInsn(GOTO, exitContinue);
    }

    /** The shared tails: continue (outcome CONTINUE), return (state written back), and the fault handlers. */
    private void emitTails() {
        mv.visitLabel(exitContinue);
        outcomeKind(0);
        mv.visitLabel(exitReturn);
        writeBack();
        asm.loadLong(NEXT_LOCAL);
        mv.visitInsn(LRETURN);

        for (var entry : handlers.entrySet()) {
            mv.visitLabel(entry.getValue());
            mv.visitVarInsn(ASTORE, EXCEPTION_LOCAL);
            mv.visitVarInsn(ALOAD, OUTCOME_LOCAL);
            asm.pushLong(entry.getKey().pc());
            mv.visitFieldInsn(PUTFIELD, OUTCOME, "faultPc", "J");
            mv.visitJumpInsn(GOTO, entry.getKey().writeBack() ? faultWriteBack : faultRethrow);
        }
        if (!handlers.isEmpty()) {
            mv.visitLabel(faultWriteBack);
            writeBack();
            mv.visitLabel(faultRethrow);
            mv.visitVarInsn(ALOAD, EXCEPTION_LOCAL);
            mv.visitInsn(ATHROW);
        }
    }

    private void outcomeKind(int kind) {
        mv.visitVarInsn(ALOAD, OUTCOME_LOCAL);
        asm.pushInt(kind);
        mv.visitFieldInsn(PUTFIELD, OUTCOME, "kind", "I");
    }
}
