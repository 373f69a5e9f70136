package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.Effect;
import dev.jx86.ir.ExitReason;
import dev.jx86.ir.Op;
import dev.jx86.ir.Terminal;
import dev.jx86.ir.Type;
import dev.jx86.runtime.abi.CoreHelpers;
import dev.jx86.runtime.abi.Helpers;
import dev.jx86.runtime.abi.RuntimeHelper;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.tier1.Optimization;
import dev.jx86.runtime.tier1.Region;
import java.util.ArrayList;
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
 * every exit, before a helper that reads or writes state (which is reloaded after one that writes it; only the slots
 * it names if it names some, {@code RuntimeHelper.stateSlots}), and when a
 * fault leaves the method. That is exact because the lifter commits an instruction's state writes after its last
 * op that may fault: at a faulting op the locals hold the state of the instruction's start.
 *
 * <p><b>Lazy flags.</b> When the region writes the FLAGS slot, the slot is kept as the last flags op that wrote
 * it — a code for its kind and width and its operands, in locals — and its bits are computed only when observed:
 * read by a later block, written back, or needed by a condition that cannot be computed from the result alone. A
 * guest loop whose compare and branch fuse computes no flags at all.
 *
 * <p><b>Memory.</b> Loads and stores go through small static methods of {@code gen.Support} ({@link MemoryAccessors}).
 * With flat memory ({@code FlatLayout}, where the host has it) they read the page's permission byte and access host
 * memory at the memory's base plus the guest address; an access they do not cover throws {@code MemoryMiss}, which
 * the region catches at the access and leaves by ({@code ExitReason.MEMORY}, with the instruction's state written
 * back). Otherwise they probe the CPU's software TLB and call {@code GuestMemory} on a miss. HotSpot inlines them;
 * a probe written out in the region's own bytecode was 4x larger, and C1 and C2 spent their time compiling it.
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
    private static final String MISS = "dev/jx86/runtime/abi/MemoryMiss";
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
    // 9-12: MemoryAccessors' slots
    private static final int FIRST_SLOT_LOCAL = MemoryAccessors.FIRST_LOCAL + MemoryAccessors.LOCALS;

    /**
     * The class file, the helper bodies' ids in field order, the size of {@code run}'s code in bytes, whether the
     * class data ends with the region's entry counters after the helpers, and the coalesced checks in text
     * ({@link MemoryChecks#describe}).
     */
    record Emitted(
            String className, byte[] bytes, List<Integer> helperIds, int codeSize, boolean counted, String checks) {}

    /** A fault handler: for the instruction at {@code pc}, writing the state back or not. */
    private record HandlerKey(long pc, boolean writeBack) {}

    private final List<Block> blocks;
    private final String className;
    /** Whether the region counts block entries (a profiled run, {@link EntryCounters}). */
    private final boolean counted;

    private final Optimization optimization;

    private final EntryCounters counters;

    private final StateLocals state;
    private final int firstValueLocal;
    private final int tempLocal;
    /** The helpers' argument array, one per run of the method: big enough for the call with the most arguments. */
    private final int argumentsLocal;

    private int argumentsLength;
    private boolean[] needsBits;
    /** The block's {@code get.flags} ops whose uses read single flags from the kept FLAGS (FlagsLowering). */
    private boolean[] perFlag;
    /** Per block, what the lazy FLAGS locals hold where it starts ({@link KnownFlags}). */
    private final int[] flagsAtStart;

    private final Map<Integer, Integer> helperFields = new LinkedHashMap<>();
    /** Per block, per op that may fault: the start and end of its exception range, and its handler. */
    private final Label[][] rangeStart;

    private final Label[][] rangeEnd;
    private final Label[][] rangeHandler;
    /** Per block, per load or store with flat memory: where its {@code MemoryMiss} leaves the region. */
    private final Label[][] missHandler;
    /** The miss exits by the pc of their instruction. */
    private final Map<Long, Label> misses = new LinkedHashMap<>();

    private final Map<HandlerKey, Label> handlers = new LinkedHashMap<>();
    /** Which loads and stores share a check (flat memory only). */
    private final MemoryChecks checks;

    private MethodVisitor mv;
    private MemoryAccessors memory;
    private Asm asm;
    /** The lowerings of the current block's value ops; {@code lowering} also gives access to its values. */
    private IntegerLowering lowering;

    private FloatVectorLowering floatsAndVectors;
    private FlagsLowering flags;
    private Block b;
    private int blockNumber;
    private int[] local;
    /** The pc of the last boundary passed: the instruction a fault at this point belongs to. */
    private long pc;

    private RegionJumps jumps;
    private final Label exitReturn = new Label();
    private final Label exitMemory = new Label();
    private final Label faultWriteBack = new Label();
    private final Label faultRethrow = new Label();

    private RegionEmitter(Region region, Optimization optimization) {
        this.blocks = region.blocks();
        this.className = ClassNames.of(region, prefix(blocks.size(), optimization));
        this.counted = region.counters() != null;
        this.optimization = optimization;
        this.rangeStart = new Label[blocks.size()][];
        this.rangeEnd = new Label[blocks.size()][];
        this.rangeHandler = new Label[blocks.size()][];
        this.missHandler = new Label[blocks.size()][];
        for (int k = 0; k < blocks.size(); k++) {
            Block block = blocks.get(k);
            for (int i = 0; i < block.size(); i++) {
                if (block.op(i) == Op.CALL) {
                    helperFields.putIfAbsent((int) block.aux0(i), helperFields.size());
                    argumentsLength = Math.max(argumentsLength, block.argCount(i));
                }
            }
        }
        this.state = new StateLocals(blocks, FIRST_SLOT_LOCAL, STATE_LOCAL);
        this.flagsAtStart = KnownFlags.atBlockStarts(blocks, state.lazyFlags());
        this.tempLocal = state.end(); // five words (BlockLowering)
        this.argumentsLocal = tempLocal + 5;
        this.counters = EntryCounters.of(blocks, className, argumentsLocal + 1);
        this.firstValueLocal = argumentsLocal + 1 + (counted ? counters.locals() : 0);
        this.checks = MemoryAccessors.FLAT ? MemoryChecks.plan(blocks) : MemoryChecks.none(blocks);
        planFaultRanges();
    }

    /** The class of {@code region} for the host's optimizing compiler. */
    static Emitted emit(Region region) {
        return emit(region, Optimization.OPTIMIZING);
    }

    /** The class of {@code region}, named after its guest pc and {@code optimization} ({@link #prefix}). */
    static Emitted emit(Region region, Optimization optimization) {
        return new RegionEmitter(region, optimization).emitClass();
    }

    /**
     * The start of a class's simple name: {@code B_} for one block, {@code R_} for more, and {@code W_} for code for
     * the baseline compiler, which the launcher keeps from C2 by this name (its compiler directives file,
     * docs/jvm-tier.md).
     */
    static String prefix(int blocks, Optimization optimization) {
        return switch (optimization) {
            case BASELINE -> "W_";
            case OPTIMIZING -> blocks == 1 ? "B_" : "R_";
        };
    }

    /** Labels for every op that may fault and its handler: exception ranges must be declared before the code. */
    private void planFaultRanges() {
        for (int k = 0; k < blocks.size(); k++) {
            Block block = blocks.get(k);
            rangeStart[k] = new Label[block.size()];
            rangeEnd[k] = new Label[block.size()];
            rangeHandler[k] = new Label[block.size()];
            missHandler[k] = new Label[block.size()];
            long at = block.pc();
            for (int i = 0; i < block.size(); i++) {
                Op op = block.op(i);
                if (op == Op.BOUNDARY) {
                    at = block.aux0(i);
                } else if (op == Op.LOAD || op == Op.STORE || op == Op.CALL) {
                    rangeStart[k][i] = new Label();
                    rangeEnd[k][i] = new Label();
                    boolean writeBack = op != Op.CALL || !synchronizesWholeState(block, i);
                    rangeHandler[k][i] = handlers.computeIfAbsent(new HandlerKey(at, writeBack), key -> new Label());
                    if (MemoryAccessors.FLAT && op != Op.CALL) {
                        missHandler[k][i] = misses.computeIfAbsent(at, key -> new Label());
                    }
                }
            }
        }
    }

    /** Whether call {@code i} sees (some of) the state written back before it. */
    private static boolean synchronizesState(Block block, int i) {
        Set<Effect> effects = block.helper(i).effects();
        return effects.contains(Effect.READS_STATE) || effects.contains(Effect.WRITES_STATE);
    }

    /**
     * Whether call {@code i} sees all of the state written back (so a fault inside must not store it again). A helper
     * that touches only some slots ({@link RuntimeHelper#stateSlots}) sees only those; a helper that faults has
     * changed nothing, so its fault handler may store every local.
     */
    private static boolean synchronizesWholeState(Block block, int i) {
        return synchronizesState(block, i) && Helpers.byId((int) block.aux0(i)).touchesAnySlot();
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
        if (counted) {
            counters.declareFields(cw);
        }
        emitStaticInitializer(cw);
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "run", RUN_DESCRIPTOR, null, null);
        asm = new Asm(mv);
        jumps = new RegionJumps(asm, blocks, OUTCOME_LOCAL, OUTCOME, NEXT_LOCAL);
        memory = new MemoryAccessors(mv, asm, MEMORY_LOCAL);
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
        return new Emitted(
                className,
                cw.toByteArray(),
                List.copyOf(new ArrayList<>(helperFields.keySet())),
                codeSize,
                counted,
                checks.describe());
    }

    /**
     * {@code static { Object[] h = classData(); h0 = (HelperFunction) h[0]; ...; c0 = ((Counter[]) h[n])[0]...;
     * h[last] = new ThisClass(); }}
     */
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
        if (counted) {
            counters.loadFields(m, helperFields.size());
        }
        // The one instance, in the class data's last element: the definer takes it from there once the class is
        // initialized (a constructor's method handle would spin JDK classes for each region, and C2 compiles them).
        Asm.pushInt(m, helperFields.size() + (counted ? 1 : 0));
        m.visitTypeInsn(NEW, className);
        m.visitInsn(DUP);
        m.visitMethodInsn(INVOKESPECIAL, className, "<init>", "()V", false);
        m.visitInsn(AASTORE);
        m.visitInsn(RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    private void declareFaultRanges() {
        for (int k = 0; k < blocks.size(); k++) {
            for (int i = 0; i < rangeStart[k].length; i++) {
                if (rangeStart[k][i] != null) {
                    mv.visitTryCatchBlock(rangeStart[k][i], rangeEnd[k][i], rangeHandler[k][i], FAULT);
                }
                if (missHandler[k][i] != null) {
                    mv.visitTryCatchBlock(rangeStart[k][i], rangeEnd[k][i], missHandler[k][i], MISS);
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
        memory.initialize();
        mv.visitInsn(ICONST_2);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        mv.visitVarInsn(ASTORE, SCRATCH_LOCAL);
        // Helpers do not keep their argument array, so the calls share one per run of the method (a nested run has
        // its own) instead of allocating one each where C2 does not inline the helper.
        asm.pushInt(argumentsLength);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        mv.visitVarInsn(ASTORE, argumentsLocal);
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, NEXT_LOCAL);
        state.initialize(asm);
        if (counted) {
            counters.initialize(mv);
        }
    }

    private void emitBlock(int k) {
        blockNumber = k;
        b = blocks.get(k);
        local = ValueLocals.allocate(b, firstValueLocal);
        lowering = new IntegerLowering(asm, b, local, SCRATCH_LOCAL, tempLocal);
        floatsAndVectors = new FloatVectorLowering(asm, b, local, SCRATCH_LOCAL, tempLocal, optimization);
        perFlag = FlagsLowering.readPerFlag(b, state.lazyFlags());
        flags = new FlagsLowering(asm, b, local, SCRATCH_LOCAL, tempLocal, perFlag, () -> state.pushKeptFlags(asm));
        needsBits = FlagsLowering.observed(b, state.lazyFlags());
        mv.visitLabel(jumps.block(k));
        state.enterBlock(flagsAtStart[k]);
        if (counted) {
            counters.enter(mv, k);
        }
        pc = b.pc();
        for (int i = 0; i < b.size(); i++) {
            emitOp(i);
        }
        emitTerminal(b.terminal());
    }

    private void emitOp(int i) {
        IntegerLowering l = lowering;
        FloatVectorLowering fv = floatsAndVectors;
        FlagsLowering fl = flags;
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
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX -> () -> fv.floatBinary(i);
            case FSQRT, FROUND -> () -> fv.floatUnary(i);
            case FCMP -> () -> fv.floatCompare(i);
            case FPEXT, FPTRUNC, SITOFP -> () -> fv.floatConvert(i);
            case FPTOSI -> () -> fv.floatToSigned(i);
            case FEXCEPT -> () -> fv.floatExceptions(i);
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
                    VFCMP -> () -> fv.vectorBinary(i);
            case VPERMUTE -> () -> fv.vectorPermute(i);
            case VFSQRT, VFROUND, VCONVERT -> () -> fv.vectorUnary(i);
            case VSHL, VLSHR, VASHR -> () -> fv.vectorShift(i);
            case VSHUFFLE -> () -> fv.vectorShuffle(i);
            case VMOVEMASK -> () -> fv.moveMask(i);
            case VFEXCEPT -> () -> fv.vectorFloatExceptions(i);
            case FLAGS ->
                () -> {
                    if (needsBits[i]) {
                        fl.flags(i);
                    }
                };
            case COND -> () -> fl.condition(i);
            case FLAG_TEST -> () -> fl.flagTest(i);
            case FLAGS_EXPLICIT, FLAGS_BITS -> () -> fl.flagBits(i);
            case CALL -> () -> call(i);
            case BOUNDARY -> () -> pc = b.aux0(i);
        };
        lowered.run();
    }

    // ---- state: slot locals (RIP stays in cpu.state: the runtime owns it)

    private void get(int i) {
        int slot = (int) b.aux0(i);
        Type t = b.type(i);
        if (perFlag[i]) {
            return; // its uses read the kept FLAGS
        }
        state.push(asm, slot);
        if (t != Type.FLAGS && t != Type.V128) {
            asm.mask(t.bits());
        }
        lowering.storeLow(i);
        if (t == Type.V128) {
            state.push(asm, slot + 1);
            lowering.storeHigh(i);
        }
    }

    private void set(int i) {
        int slot = (int) b.aux0(i);
        int v = b.arg(i, 0);
        if (state.lazyFlags() && slot == StateLayout.FLAGS) {
            if (b.op(v) == Op.FLAGS && !needsBits[v]) {
                state.keepFlags(asm, flags.flagsCode(v), b.argCount(v), k -> lowering.loadLow(b.arg(v, k)));
            } else {
                state.keepFlagBits(asm, () -> lowering.loadLow(v));
            }
            return;
        }
        state.store(asm, slot, () -> lowering.loadLow(v));
        if (b.type(v) == Type.V128) {
            state.store(asm, slot + 1, () -> lowering.loadHigh(v));
        }
    }

    // ---- memory and helpers: the ops that may fault, each inside its exception range

    /**
     * A load through a {@code gen.Support} accessor ({@link MemoryAccessors}), inside the op's exception range: the
     * accessor's call of {@code GuestMemory.load} may fault, and with flat memory its miss leaves the region. An
     * access that a coalesced check covers ({@link MemoryChecks}) uses the accessor without a check, after the check
     * where it makes it, whose miss leaves at this instruction.
     */
    private void load(int i) {
        Type t = b.type(i);
        String accessor = accessor("load", i) + t.bits();
        checkSpan(i);
        memory.pushLeading(false);
        lowering.loadLow(b.arg(i, 0));
        startRange(i);
        if (t == Type.V128) {
            mv.visitVarInsn(ALOAD, SCRATCH_LOCAL);
            memory.invoke(accessor, "J[J)V");
            mv.visitLabel(rangeEnd[blockNumber][i]);
            lowering.storeScratch(i);
        } else {
            memory.invoke(accessor, "J)J");
            mv.visitLabel(rangeEnd[blockNumber][i]);
            lowering.storeLow(i);
        }
    }

    /** A store: as {@link #load} (code pages may not be written by the accessors, so their writes are seen). */
    private void store(int i) {
        int v = b.arg(i, 1);
        Type t = b.type(v);
        checkSpan(i);
        memory.pushLeading(true);
        lowering.loadLow(b.arg(i, 0));
        lowering.loadLow(v);
        if (t == Type.V128) {
            lowering.loadHigh(v);
        }
        startRange(i);
        if (t == Type.V128) {
            memory.invoke(accessor("store", i) + 128, "JJJ)V");
        } else {
            memory.invoke(accessor("store", i) + t.bits(), "JJ)V");
        }
        mv.visitLabel(rangeEnd[blockNumber][i]);
    }

    /** The accessor for access {@code i}: {@code kind} with its own check, or covered by a coalesced check. */
    private String accessor(String kind, int i) {
        return switch (checks.role(blockNumber, i)) {
            case OWN -> kind;
            case CHECK, COVERED -> "covered" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
        };
    }

    /** The coalesced check access {@code i} makes, if it makes one: its exception range starts before it. */
    private void checkSpan(int i) {
        if (checks.role(blockNumber, i) == MemoryChecks.Role.CHECK) {
            mv.visitLabel(rangeStart[blockNumber][i]);
            memory.check(() -> lowering.loadLow(b.arg(i, 0)), checks.check(blockNumber, i));
        }
    }

    /** The start of access {@code i}'s exception range, at its accessor's call unless its check started it. */
    private void startRange(int i) {
        if (checks.role(blockNumber, i) != MemoryChecks.Role.CHECK) {
            mv.visitLabel(rangeStart[blockNumber][i]);
        }
    }

    private void call(int i) {
        boolean synchronize = synchronizesState(b, i);
        RuntimeHelper helper = Helpers.byId((int) b.aux0(i));
        if (synchronize) {
            state.writeBack(asm, helper::touchesSlot);
        }
        // As the interpreter: RIP holds the calling instruction's pc while the helper runs.
        mv.visitVarInsn(ALOAD, STATE_LOCAL);
        asm.pushInt(StateLayout.RIP);
        asm.pushLong(pc);
        mv.visitInsn(LASTORE);
        // raise_if, raise_code_if and raise_if_any do nothing when their first argument is 0, the common case
        // (an SSE instruction's unmasked exceptions, a zero divisor): test it here rather than call.
        Label skip = null;
        if (raisesOnCondition(b.aux0(i))) {
            skip = new Label();
            lowering.loadLow(b.arg(i, 0));
            mv.visitInsn(LCONST_0);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFEQ, skip);
        }
        int field = helperFields.get((int) b.aux0(i));
        mv.visitFieldInsn(GETSTATIC, className, "h" + field, "L" + HELPER_FUNCTION + ";");
        mv.visitVarInsn(ALOAD, CPU_LOCAL);
        int n = b.argCount(i);
        mv.visitVarInsn(ALOAD, argumentsLocal);
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
            state.load(asm, helper::touchesSlot);
        }
        if (skip != null) {
            mv.visitLabel(skip);
        }
    }

    private static boolean raisesOnCondition(long helperId) {
        return helperId == CoreHelpers.RAISE_IF.id()
                || helperId == CoreHelpers.RAISE_CODE_IF.id()
                || helperId == CoreHelpers.RAISE_IF_ANY.id();
    }

    // ---- terminals and the ways out

    private void emitTerminal(Terminal terminal) {
        switch (terminal) {
            case Terminal.Jump j -> jumps.jumpTo(j.target(), blockNumber);
            case Terminal.Branch br -> {
                Label notTaken = new Label();
                lowering.loadLow(br.condition().index());
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFEQ, notTaken);
                jumps.jumpTo(br.taken(), blockNumber);
                mv.visitLabel(notTaken);
                jumps.jumpTo(br.notTaken(), blockNumber);
            }
            case Terminal.JumpIndirect ji -> {
                lowering.loadLow(ji.target().index());
                asm.storeLong(NEXT_LOCAL);
                if (blocks.size() > 1) {
                    jumps.jumpIndirectInside(blockNumber);
                }
                mv.visitJumpInsn(GOTO, jumps.exitContinue);
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

    /** The shared tails: continue (outcome CONTINUE), return (state written back), and the fault handlers. */
    private void emitTails() {
        mv.visitLabel(jumps.exitContinue);
        outcomeKind(0);
        mv.visitLabel(exitReturn);
        state.writeBack(asm);
        if (counted) {
            counters.flush(mv);
        }
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
        // A memory access the flat fast path does not cover: leave at its instruction, with the state of its start
        // (as at a fault), for the dispatcher to interpret (ExitReason.MEMORY).
        for (var entry : misses.entrySet()) {
            mv.visitLabel(entry.getValue());
            mv.visitInsn(POP);
            asm.pushLong(entry.getKey());
            asm.storeLong(NEXT_LOCAL);
            mv.visitJumpInsn(GOTO, exitMemory);
        }
        if (!misses.isEmpty()) {
            mv.visitLabel(exitMemory);
            outcomeKind(1);
            mv.visitVarInsn(ALOAD, OUTCOME_LOCAL);
            asm.enumConstant(ExitReason.class, ExitReason.MEMORY);
            mv.visitFieldInsn(PUTFIELD, OUTCOME, "exit", "L" + IR + "ExitReason;");
            mv.visitJumpInsn(GOTO, exitReturn);
        }
        if (!handlers.isEmpty()) {
            mv.visitLabel(faultWriteBack);
            state.writeBack(asm);
            mv.visitLabel(faultRethrow);
            if (counted) {
                counters.flush(mv);
            }
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
