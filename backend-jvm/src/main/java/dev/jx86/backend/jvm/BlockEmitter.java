package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.ExitReason;
import dev.jx86.ir.Flag;
import dev.jx86.ir.FlagCondition;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.FloatCondition;
import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Terminal;
import dev.jx86.ir.Type;
import dev.jx86.runtime.abi.StateLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the class file of one block: a final class implementing {@code CompiledBlock} whose {@code run} method is
 * the block as straight-line bytecode. Every IR value is a JVM {@code long} local (a V128 two), guest state is read
 * and written through {@code cpu.state} at the point the IR does, memory through {@code GuestMemory}, helpers
 * through static final {@code HelperFunction} fields filled from the class data. The common integer ops are inlined;
 * every other op calls the IR's own semantics ({@code dev.jx86.ir.eval}), or {@code gen.Support} for V128 operands.
 *
 * <p>The switch in {@link #emit(int)} is exhaustive over {@link Op}: a new op does not compile until it is lowered.
 */
final class BlockEmitter implements Opcodes {
    static final String PACKAGE = "dev/jx86/backend/jvm/gen/";
    private static final String IR = "dev/jx86/ir/";
    private static final String EVAL = "dev/jx86/ir/eval/";
    private static final String CPU = "dev/jx86/runtime/abi/Cpu";
    private static final String MEMORY = "dev/jx86/runtime/abi/GuestMemory";
    private static final String HELPER_FUNCTION = "dev/jx86/runtime/abi/HelperFunction";
    private static final String OUTCOME = "dev/jx86/runtime/exec/Interpreter$Outcome";
    private static final String COMPILED_BLOCK = "dev/jx86/runtime/tier1/CompiledBlock";
    private static final String SUPPORT = PACKAGE + "Support";
    private static final String RUN_DESCRIPTOR = "(L" + CPU + ";L" + OUTCOME + ";)J";

    private static final int CPU_LOCAL = 1;
    private static final int OUTCOME_LOCAL = 2;
    private static final int STATE_LOCAL = 3;
    private static final int MEMORY_LOCAL = 4;
    private static final int SCRATCH_LOCAL = 5;
    private static final int FIRST_VALUE_LOCAL = 6;

    /** The class file, the helper bodies' ids in field order, and the size of {@code run}'s code in bytes. */
    record Emitted(String className, byte[] bytes, List<Integer> helperIds, int codeSize) {}

    private final Block b;
    private final int[] local;
    private final Map<Integer, Integer> helperFields = new LinkedHashMap<>();
    private MethodVisitor mv;
    /** The pc of the last boundary passed: the instruction a fault at this point belongs to. */
    private long pc;
    /** The value {@code outcome.faultPc} holds at this point of the code, if known. */
    private long storedFaultPc;

    private boolean faultPcStored;

    private BlockEmitter(Block b) {
        this.b = b;
        this.local = new int[b.size()];
        int next = FIRST_VALUE_LOCAL;
        for (int i = 0; i < b.size(); i++) {
            local[i] = next;
            Type t = b.type(i);
            next += t == Type.VOID ? 0 : t == Type.V128 ? 4 : 2;
        }
        for (int i = 0; i < b.size(); i++) {
            if (b.op(i) == Op.CALL) {
                helperFields.putIfAbsent((int) b.aux0(i), helperFields.size());
            }
        }
    }

    /** The class of {@code block}, named after its guest pc. */
    static Emitted emit(Block block) {
        return new BlockEmitter(block).emitClass();
    }

    private Emitted emitClass() {
        String name = PACKAGE + "B_" + Long.toHexString(b.pc());
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(
                V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", new String[] {COMPILED_BLOCK});
        for (int field : helperFields.values()) {
            cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "h" + field, "L" + HELPER_FUNCTION + ";", null, null)
                    .visitEnd();
        }
        if (!helperFields.isEmpty()) {
            emitStaticInitializer(cw, name);
        }
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "run", RUN_DESCRIPTOR, null, null);
        mv.visitCode();
        emitPrologue();
        pc = b.pc();
        for (int i = 0; i < b.size(); i++) {
            emit(i);
        }
        emitTerminal(b.terminal());
        Label end = new Label();
        mv.visitLabel(end);
        int codeSize = end.getOffset();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return new Emitted(name, cw.toByteArray(), List.copyOf(new ArrayList<>(helperFields.keySet())), codeSize);
    }

    /** {@code static { Object[] h = classData(); h0 = (HelperFunction) h[0]; ... }} */
    private void emitStaticInitializer(ClassWriter cw, String name) {
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
            pushInt(m, field);
            m.visitInsn(AALOAD);
            m.visitTypeInsn(CHECKCAST, HELPER_FUNCTION);
            m.visitFieldInsn(PUTSTATIC, name, "h" + field, "L" + HELPER_FUNCTION + ";");
        }
        m.visitInsn(POP);
        m.visitInsn(RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    private void emitPrologue() {
        mv.visitVarInsn(ALOAD, CPU_LOCAL);
        mv.visitFieldInsn(GETFIELD, CPU, "state", "[J");
        mv.visitVarInsn(ASTORE, STATE_LOCAL);
        mv.visitVarInsn(ALOAD, CPU_LOCAL);
        mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "memory", "()L" + MEMORY + ";", false);
        mv.visitVarInsn(ASTORE, MEMORY_LOCAL);
        mv.visitInsn(ICONST_2);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        mv.visitVarInsn(ASTORE, SCRATCH_LOCAL);
    }

    private void emit(int i) {
        Op op = b.op(i);
        Runnable lowering = switch (op) {
            case CONST -> () -> constant(i);
            case GET -> () -> get(i);
            case SET -> () -> set(i);
            case LOAD -> () -> load(i);
            case STORE -> () -> store(i);
            case ADD, SUB, MUL, AND, OR, XOR, ANDN -> () -> binary(i);
            case NEG, NOT -> () -> unary(i);
            case SHL, LSHR, ASHR -> () -> shift(i);
            case UMULH, SMULH, UDIV, SDIV, UREM, SREM, ROTL, ROTR -> () -> integerBinaryCall(i);
            case CLZ, CTZ, POPCNT, BSWAP -> () -> integerUnaryCall(i);
            case ZEXT, SEXT, TRUNC -> () -> resize(i);
            case ICMP -> () -> compare(i);
            case SELECT -> () -> select(i);
            case EXTRACT -> () -> extract(i);
            case INSERT -> () -> insert(i);
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX -> () -> floatBinary(i);
            case FSQRT -> () -> floatSqrt(i);
            case FCMP -> () -> floatCompare(i);
            case FPEXT, FPTRUNC, SITOFP -> () -> floatConvert(i);
            case FPTOSI -> () -> floatToSigned(i);
            case FEXCEPT -> () -> floatExceptions(i);
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
                    VFCMP -> () -> vectorBinary(i);
            case VFSQRT, VCONVERT -> () -> vectorUnary(i);
            case VSHL, VLSHR, VASHR -> () -> vectorShift(i);
            case VSHUFFLE -> () -> vectorShuffle(i);
            case VMOVEMASK -> () -> moveMask(i);
            case VFEXCEPT -> () -> vectorFloatExceptions(i);
            // Lazy flags: computed eagerly through the IR's definition for now. A specialized lowering (the
            // condition a `cond` needs straight from the flags op's operands) goes here.
            case FLAGS -> () -> flags(i);
            case COND -> () -> condition(i);
            case FLAG_TEST -> () -> flagTest(i);
            case FLAGS_EXPLICIT, FLAGS_BITS -> () -> flagBits(i);
            case CALL -> () -> call(i);
            case BOUNDARY -> () -> pc = b.aux0(i);
        };
        lowering.run();
    }

    // ---- state and memory

    private void constant(int i) {
        pushLong(b.aux0(i));
        storeLow(i);
        if (b.type(i) == Type.V128) {
            pushLong(b.aux1(i));
            storeHigh(i);
        }
    }

    private void get(int i) {
        int slot = (int) b.aux0(i);
        Type t = b.type(i);
        stateLoad(slot);
        if (t != Type.FLAGS && t != Type.V128) {
            mask(t);
        }
        storeLow(i);
        if (t == Type.V128) {
            stateLoad(slot + 1);
            storeHigh(i);
        }
    }

    private void set(int i) {
        int slot = (int) b.aux0(i);
        int v = b.arg(i, 0);
        mv.visitVarInsn(ALOAD, STATE_LOCAL);
        pushInt(slot);
        loadLow(v);
        mv.visitInsn(LASTORE);
        if (b.type(v) == Type.V128) {
            mv.visitVarInsn(ALOAD, STATE_LOCAL);
            pushInt(slot + 1);
            loadHigh(v);
            mv.visitInsn(LASTORE);
        }
    }

    private void load(int i) {
        markMayFault();
        Type t = b.type(i);
        mv.visitVarInsn(ALOAD, MEMORY_LOCAL);
        loadLow(b.arg(i, 0));
        if (t == Type.V128) {
            mv.visitVarInsn(ALOAD, SCRATCH_LOCAL);
            mv.visitMethodInsn(INVOKEINTERFACE, MEMORY, "load128", "(J[J)V", true);
            storeScratch(i);
        } else {
            pushInt(t.bits() >>> 3);
            mv.visitMethodInsn(INVOKEINTERFACE, MEMORY, "load", "(JI)J", true);
            storeLow(i);
        }
    }

    private void store(int i) {
        markMayFault();
        int v = b.arg(i, 1);
        Type t = b.type(v);
        mv.visitVarInsn(ALOAD, MEMORY_LOCAL);
        loadLow(b.arg(i, 0));
        if (t == Type.V128) {
            loadLow(v);
            loadHigh(v);
            mv.visitMethodInsn(INVOKEINTERFACE, MEMORY, "store128", "(JJJ)V", true);
        } else {
            pushInt(t.bits() >>> 3);
            loadLow(v);
            mv.visitMethodInsn(INVOKEINTERFACE, MEMORY, "store", "(JIJ)V", true);
        }
    }

    // ---- integer ops, inline: operands are canonical (zero-extended), results are masked back to the width

    private void binary(int i) {
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
            pushLong(-1);
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

    private void unary(int i) {
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
        pushLong(t == Type.V128 ? -1 : t.mask());
        mv.visitInsn(LXOR);
        storeLow(i);
        if (t == Type.V128) {
            loadHigh(x);
            pushLong(-1);
            mv.visitInsn(LXOR);
            storeHigh(i);
        }
    }

    private void shift(int i) {
        Op op = b.op(i);
        Type t = b.type(i);
        loadLow(b.arg(i, 0));
        if (op == Op.ASHR) {
            signExtend(t.bits());
        }
        loadLow(b.arg(i, 1));
        mv.visitInsn(L2I);
        pushInt(t.bits() - 1);
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

    private void integerBinaryCall(int i) {
        enumConstant(Op.class, b.op(i));
        enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        mv.visitMethodInsn(
                INVOKESTATIC, EVAL + "IntegerSemantics", "binary", "(L" + IR + "Op;L" + IR + "Type;JJ)J", false);
        storeLow(i);
    }

    private void integerUnaryCall(int i) {
        enumConstant(Op.class, b.op(i));
        enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        mv.visitMethodInsn(
                INVOKESTATIC, EVAL + "IntegerSemantics", "unary", "(L" + IR + "Op;L" + IR + "Type;J)J", false);
        storeLow(i);
    }

    private void resize(int i) {
        int x = b.arg(i, 0);
        loadLow(x);
        if (b.op(i) == Op.SEXT) {
            signExtend(b.type(x).bits());
        }
        if (b.op(i) != Op.ZEXT) {
            mask(b.type(i));
        }
        storeLow(i);
    }

    private void compare(int i) {
        IntCondition cc = IntCondition.values()[(int) b.aux0(i)];
        int x = b.arg(i, 0);
        int y = b.arg(i, 1);
        int bits = b.type(x).bits();
        boolean signed =
                cc == IntCondition.SLT || cc == IntCondition.SLE || cc == IntCondition.SGT || cc == IntCondition.SGE;
        loadLow(x);
        if (signed) {
            signExtend(bits);
        }
        loadLow(y);
        if (signed) {
            signExtend(bits);
        }
        boolean unsigned = !signed && cc != IntCondition.EQ && cc != IntCondition.NE;
        if (unsigned) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
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
        booleanFromJump(jump);
        storeLow(i);
    }

    private void select(int i) {
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

    private void extract(int i) {
        int x = b.arg(i, 0);
        int offset = (int) b.aux0(i);
        Type t = b.type(i);
        if (b.type(x) != Type.V128 || offset + t.bits() <= 64) {
            loadLow(x);
            shiftRight(offset);
        } else if (offset >= 64) {
            loadHigh(x);
            shiftRight(offset - 64);
        } else {
            loadLow(x);
            shiftRight(offset);
            loadHigh(x);
            pushInt(64 - offset);
            mv.visitInsn(LSHL);
            mv.visitInsn(LOR);
        }
        mask(t);
        storeLow(i);
    }

    private void insert(int i) {
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
        pushLong(~fieldMask);
        mv.visitInsn(LAND);
        mv.visitVarInsn(LLOAD, field);
        if (by != 0) {
            pushInt(by);
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

    private void floatBinary(int i) {
        enumConstant(Op.class, b.op(i));
        enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        pushEnvironment(i);
        mv.visitMethodInsn(
                INVOKESTATIC, EVAL + "FloatSemantics", "binary", "(L" + IR + "Op;L" + IR + "Type;JJJ)J", false);
        storeLow(i);
    }

    private void floatSqrt(int i) {
        enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        pushEnvironment(i);
        mv.visitMethodInsn(INVOKESTATIC, EVAL + "FloatSemantics", "sqrt", "(L" + IR + "Type;JJ)J", false);
        storeLow(i);
    }

    private void floatCompare(int i) {
        enumConstant(FloatCondition.class, FloatCondition.values()[(int) b.aux0(i)]);
        enumConstant(Type.class, b.type(b.arg(i, 0)));
        loadLow(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        pushEnvironment(i);
        mv.visitMethodInsn(
                INVOKESTATIC,
                EVAL + "FloatSemantics",
                "compare",
                "(L" + IR + "FloatCondition;L" + IR + "Type;JJJ)Z",
                false);
        mv.visitInsn(I2L);
        storeLow(i);
    }

    private void floatConvert(int i) {
        enumConstant(Op.class, b.op(i));
        enumConstant(Type.class, b.type(b.arg(i, 0)));
        enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        pushEnvironment(i);
        mv.visitMethodInsn(
                INVOKESTATIC,
                EVAL + "FloatSemantics",
                "convert",
                "(L" + IR + "Op;L" + IR + "Type;L" + IR + "Type;JJ)J",
                false);
        storeLow(i);
    }

    private void floatToSigned(int i) {
        enumConstant(Type.class, b.type(b.arg(i, 0)));
        enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        mv.visitMethodInsn(
                INVOKESTATIC, EVAL + "FloatSemantics", "toSigned", "(L" + IR + "Type;L" + IR + "Type;J)J", false);
        storeLow(i);
    }

    private void floatExceptions(int i) {
        enumConstant(FloatOperation.class, FloatOperation.values()[(int) b.aux0(i)]);
        enumConstant(Type.class, b.type(b.arg(i, 0)));
        loadLow(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        pushEnvironment(i);
        mv.visitMethodInsn(
                INVOKESTATIC,
                EVAL + "FloatExceptions",
                "of",
                "(L" + IR + "FloatOperation;L" + IR + "Type;JJJ)I",
                false);
        mv.visitInsn(I2L);
        storeLow(i);
    }

    // ---- vectors: gen.Support, which forwards to VectorSemantics

    private void vectorBinary(int i) {
        enumConstant(Op.class, b.op(i));
        pushLong(b.aux0(i));
        pushLong(b.aux1(i));
        loadPair(b.arg(i, 0));
        loadPair(b.arg(i, 1));
        pushEnvironment(i);
        mv.visitVarInsn(ALOAD, SCRATCH_LOCAL);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "vectorBinary", "(L" + IR + "Op;JJJJJJJ[J)V", false);
        storeScratch(i);
    }

    private void vectorUnary(int i) {
        enumConstant(Op.class, b.op(i));
        pushLong(b.aux0(i));
        loadPair(b.arg(i, 0));
        pushEnvironment(i);
        mv.visitVarInsn(ALOAD, SCRATCH_LOCAL);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "vectorUnary", "(L" + IR + "Op;JJJJ[J)V", false);
        storeScratch(i);
    }

    private void vectorShift(int i) {
        enumConstant(Op.class, b.op(i));
        enumConstant(LaneShape.class, LaneShape.values()[(int) b.aux0(i)]);
        loadPair(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        mv.visitVarInsn(ALOAD, SCRATCH_LOCAL);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "vectorShift", "(L" + IR + "Op;L" + IR + "LaneShape;JJJ[J)V", false);
        storeScratch(i);
    }

    private void vectorShuffle(int i) {
        pushLong(b.aux0(i));
        pushLong(b.aux1(i));
        loadPair(b.arg(i, 0));
        loadPair(b.arg(i, 1));
        mv.visitVarInsn(ALOAD, SCRATCH_LOCAL);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "vectorShuffle", "(JJJJJJ[J)V", false);
        storeScratch(i);
    }

    private void moveMask(int i) {
        enumConstant(LaneShape.class, LaneShape.values()[(int) b.aux0(i)]);
        loadPair(b.arg(i, 0));
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "moveMask", "(L" + IR + "LaneShape;JJ)J", false);
        storeLow(i);
    }

    private void vectorFloatExceptions(int i) {
        enumConstant(FloatOperation.class, FloatOperation.values()[(int) b.aux0(i)]);
        enumConstant(LaneShape.class, LaneShape.values()[(int) b.aux1(i)]);
        loadPair(b.arg(i, 0));
        loadPair(b.arg(i, 1));
        pushEnvironment(i);
        mv.visitMethodInsn(
                INVOKESTATIC,
                SUPPORT,
                "vectorFloatExceptions",
                "(L" + IR + "FloatOperation;L" + IR + "LaneShape;JJJJJ)J",
                false);
        storeLow(i);
    }

    // ---- flags: the IR's definition (FlagsSemantics), a FLAGS value being its six bits in EFLAGS layout

    private void flags(int i) {
        enumConstant(FlagsKind.class, FlagsKind.values()[(int) b.aux0(i)]);
        pushInt(b.type(b.arg(i, 0)).bits());
        longArray(i);
        mv.visitMethodInsn(INVOKESTATIC, EVAL + "FlagsSemantics", "bits", "(L" + IR + "FlagsKind;I[J)J", false);
        storeLow(i);
    }

    private void condition(int i) {
        enumConstant(FlagCondition.class, FlagCondition.values()[(int) b.aux0(i)]);
        loadLow(b.arg(i, 0));
        mv.visitMethodInsn(INVOKESTATIC, EVAL + "FlagsSemantics", "test", "(L" + IR + "FlagCondition;J)Z", false);
        mv.visitInsn(I2L);
        storeLow(i);
    }

    private void flagTest(int i) {
        loadLow(b.arg(i, 0));
        enumConstant(Flag.class, Flag.values()[(int) b.aux0(i)]);
        mv.visitMethodInsn(INVOKESTATIC, EVAL + "FlagsSemantics", "has", "(JL" + IR + "Flag;)Z", false);
        mv.visitInsn(I2L);
        storeLow(i);
    }

    private void flagBits(int i) {
        loadLow(b.arg(i, 0));
        pushLong(Flag.ALL);
        mv.visitInsn(LAND);
        storeLow(i);
    }

    // ---- helpers

    private void call(int i) {
        // As the interpreter: RIP holds the calling instruction's pc while the helper runs.
        mv.visitVarInsn(ALOAD, STATE_LOCAL);
        pushInt(StateLayout.RIP);
        pushLong(pc);
        mv.visitInsn(LASTORE);
        markMayFault();
        int field = helperFields.get((int) b.aux0(i));
        mv.visitFieldInsn(
                GETSTATIC, PACKAGE + "B_" + Long.toHexString(b.pc()), "h" + field, "L" + HELPER_FUNCTION + ";");
        mv.visitVarInsn(ALOAD, CPU_LOCAL);
        longArray(i);
        mv.visitMethodInsn(INVOKEINTERFACE, HELPER_FUNCTION, "call", "(L" + CPU + ";[J)J", true);
        if (b.type(i) == Type.VOID) {
            mv.visitInsn(POP2);
        } else {
            storeLow(i);
        }
    }

    /** Records the current instruction's pc in {@code outcome.faultPc} unless it is there already. */
    private void markMayFault() {
        if (faultPcStored && storedFaultPc == pc) {
            return;
        }
        mv.visitVarInsn(ALOAD, OUTCOME_LOCAL);
        pushLong(pc);
        mv.visitFieldInsn(PUTFIELD, OUTCOME, "faultPc", "J");
        faultPcStored = true;
        storedFaultPc = pc;
    }

    // ---- terminals

    private void emitTerminal(Terminal terminal) {
        switch (terminal) {
            case Terminal.Jump j -> {
                outcomeKind(0);
                pushLong(j.target());
                mv.visitInsn(LRETURN);
            }
            case Terminal.Branch br -> {
                outcomeKind(0);
                Label notTaken = new Label();
                loadLow(br.condition().index());
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFEQ, notTaken);
                pushLong(br.taken());
                mv.visitInsn(LRETURN);
                mv.visitLabel(notTaken);
                pushLong(br.notTaken());
                mv.visitInsn(LRETURN);
            }
            case Terminal.JumpIndirect ji -> {
                outcomeKind(0);
                loadLow(ji.target().index());
                mv.visitInsn(LRETURN);
            }
            case Terminal.Exit e -> {
                outcomeKind(1);
                mv.visitVarInsn(ALOAD, OUTCOME_LOCAL);
                enumConstant(ExitReason.class, e.reason());
                mv.visitFieldInsn(PUTFIELD, OUTCOME, "exit", "L" + IR + "ExitReason;");
                pushLong(e.next());
                mv.visitInsn(LRETURN);
            }
            case Terminal.Raise r -> {
                outcomeKind(2);
                mv.visitVarInsn(ALOAD, OUTCOME_LOCAL);
                pushInt(r.vector());
                mv.visitFieldInsn(PUTFIELD, OUTCOME, "vector", "I");
                mv.visitVarInsn(ALOAD, OUTCOME_LOCAL);
                if (r.errorCode().isPresent()) {
                    loadLow(r.errorCode().get().index());
                } else {
                    pushLong(-1);
                }
                mv.visitFieldInsn(PUTFIELD, OUTCOME, "errorCode", "J");
                pushLong(pc);
                mv.visitInsn(LRETURN);
            }
        }
    }

    private void outcomeKind(int kind) {
        mv.visitVarInsn(ALOAD, OUTCOME_LOCAL);
        pushInt(kind);
        mv.visitFieldInsn(PUTFIELD, OUTCOME, "kind", "I");
    }

    // ---- small emitters

    private void loadLow(int v) {
        mv.visitVarInsn(LLOAD, local[v]);
    }

    private void loadHigh(int v) {
        mv.visitVarInsn(LLOAD, local[v] + 2);
    }

    private void loadPair(int v) {
        loadLow(v);
        loadHigh(v);
    }

    private void storeLow(int v) {
        mv.visitVarInsn(LSTORE, local[v]);
    }

    private void storeHigh(int v) {
        mv.visitVarInsn(LSTORE, local[v] + 2);
    }

    /** Moves {@code scratch[0..1]} into value {@code v}. */
    private void storeScratch(int v) {
        mv.visitVarInsn(ALOAD, SCRATCH_LOCAL);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(LALOAD);
        storeLow(v);
        mv.visitVarInsn(ALOAD, SCRATCH_LOCAL);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(LALOAD);
        storeHigh(v);
    }

    private void stateLoad(int slot) {
        mv.visitVarInsn(ALOAD, STATE_LOCAL);
        pushInt(slot);
        mv.visitInsn(LALOAD);
    }

    /** A new {@code long[]} holding the low words of instruction {@code i}'s operands. */
    private void longArray(int i) {
        int n = b.argCount(i);
        pushInt(n);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        for (int k = 0; k < n; k++) {
            mv.visitInsn(DUP);
            pushInt(k);
            loadLow(b.arg(i, k));
            mv.visitInsn(LASTORE);
        }
    }

    private void mask(Type t) {
        if (t.bits() < 64) {
            pushLong(t.mask());
            mv.visitInsn(LAND);
        }
    }

    private void signExtend(int bits) {
        if (bits < 64) {
            pushInt(64 - bits);
            mv.visitInsn(LSHL);
            pushInt(64 - bits);
            mv.visitInsn(LSHR);
        }
    }

    private void shiftRight(int by) {
        if (by != 0) {
            pushInt(by);
            mv.visitInsn(LUSHR);
        }
    }

    /** Turns the int comparison result on the stack into 1L or 0L. */
    private void booleanFromJump(int jump) {
        Label yes = new Label();
        Label done = new Label();
        mv.visitJumpInsn(jump, yes);
        mv.visitInsn(LCONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        mv.visitInsn(LCONST_1);
        mv.visitLabel(done);
    }

    private <E extends Enum<E>> void enumConstant(Class<E> type, E constant) {
        String owner = type.getName().replace('.', '/');
        mv.visitFieldInsn(GETSTATIC, owner, constant.name(), "L" + owner + ";");
    }

    private void pushLong(long value) {
        if (value == 0) {
            mv.visitInsn(LCONST_0);
        } else if (value == 1) {
            mv.visitInsn(LCONST_1);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    private void pushInt(int value) {
        pushInt(mv, value);
    }

    private static void pushInt(MethodVisitor m, int value) {
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
}
