package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.FloatCondition;
import dev.jx86.ir.FloatEnvironment;
import dev.jx86.ir.FloatOperation;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.runtime.tier1.Optimization;
import org.objectweb.asm.Label;

/**
 * Float and vector value ops, as calls to the IR's own semantics ({@code FloatSemantics}, {@code FloatExceptions},
 * and {@code gen.Support} which forwards V128 pairs to {@code VectorSemantics}), or inline where the IR's semantics
 * have a by-halves form ({@code Lanes}) or a constant shuffle: a compiled region cannot disagree with tier 0 on what
 * they mean (the backend's random-block tests compare them).
 */
final class FloatVectorLowering extends BlockLowering {
    /** Whether the float ops take their quiet case (below): for C2, not for the baseline compiler. */
    private final boolean quiet;

    FloatVectorLowering(Asm asm, Block b, int[] local, int scratchLocal, int tempLocal, Optimization optimization) {
        super(asm, b, local, scratchLocal, tempLocal);
        this.quiet = optimization == Optimization.OPTIMIZING;
    }

    // ---- floating point: the IR's semantics, the arithmetic ops through FloatFastPath (the host's arithmetic
    // where the environment is the default, else the same semantics)

    private static final String FAST = EVAL + "FloatFastPath";

    /** The FloatFastPath name of a float or vector-float arithmetic op, or null if it has none. */
    private static String fastPath(Op op) {
        return switch (op) {
            case FADD, VFADD -> "add";
            case FSUB, VFSUB -> "sub";
            case FMUL, VFMUL -> "mul";
            case FDIV, VFDIV -> "div";
            case FMIN -> "min";
            case FMAX -> "max";
            default -> null;
        };
    }

    private static String fastPath(FloatOperation k) {
        return switch (k) {
            case ADD -> "add";
            case SUB -> "sub";
            case MUL -> "mul";
            case DIV -> "div";
            case SQRT -> "sqrt";
            case COMPARE_QUIET -> "compareQuiet";
            case MIN_MAX, COMPARE_SIGNALING -> "compareSignaling";
            case TO_INT32 -> "toInt32";
            case TO_INT64 -> "toInt64";
            case EXTEND, NARROW, FROM_INT_TO_SINGLE, FROM_INT_TO_DOUBLE, ROUND -> null;
        };
    }

    private static String scalarSuffix(Type t) {
        return t == Type.I64 ? "64" : "32";
    }

    /** The FloatFastPath suffix for one half of a float vector: a binary64 lane or two binary32 lanes. */
    private static String laneSuffix(LaneShape shape) {
        return shape == LaneShape.F64X2 ? "64" : "32x2";
    }

    /** The float environment operand of instruction {@code i} (the last one), or 0 for an op without one. */
    private void pushEnvironment(int i) {
        if (b.op(i).takesFloatEnvironment()) {
            loadLow(b.arg(i, b.argCount(i) - 1));
        } else {
            mv.visitInsn(LCONST_0);
        }
    }

    // ---- the quiet case (ir.eval.FloatQuietCase, docs/jvm-tier.md "Float fast path"): an SSE add, subtract,
    // multiply, divide or square root whose environment, operands and result pass one check (0 or -1). The flags
    // op tests the check inline, a branch of the region's own whose rare side C2 leaves to an uncommon trap, so that
    // the flags are the constant 0, and leaves the check in a local; the value op after it, if it is the same
    // operation on the same operands, takes the check from there (C2 then drops its test, the same as the flags',
    // as dominated), else computes it again.

    private static final String QUIET = EVAL + "FloatQuietCase";

    private boolean hasQuietCase(String fast) {
        return quiet
                && switch (fast) {
                    case "add", "sub", "mul", "div", "sqrt" -> true;
                    default -> false;
                };
    }

    /** The local where a flags op leaves its check for the value op (BlockLowering's fourth and fifth free words). */
    private int checkLocal() {
        return tempLocal + 3;
    }

    /**
     * Where the flags op {@code i} has a quiet case: pushes 0 when the case holds (the or of both halves' checks, for
     * a vector) and returns the label after the op, where the stack holds the flags either way; the code that
     * follows, up to {@link #endQuiet}, pushes them otherwise. Null, and nothing emitted, where it has none.
     */
    private Label quietFlags(int i, String fast, String suffix, boolean vector) {
        if (!hasQuietCase(fast)) {
            return null;
        }
        Label slow = new Label();
        Label done = new Label();
        pushCheck(i, fast + "Check" + suffix, fast.equals("sqrt"), false);
        if (vector) {
            pushCheck(i, fast + "Check" + suffix, fast.equals("sqrt"), true);
            mv.visitInsn(LOR);
        }
        mv.visitInsn(DUP2);
        mv.visitVarInsn(LSTORE, checkLocal());
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLT, slow);
        mv.visitInsn(LCONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(slow);
        return done;
    }

    /**
     * The class whose method gives a flags op's flags: FloatFastPath's, or past a quiet case ({@code done} not null)
     * the exact ones out of line (FloatFastPath's own short test would not pay there): FloatFastFlags, which has no
     * two-lane methods, or FloatQuietCase.Fallback for those.
     */
    private static String flagsOwner(Label done, String suffix) {
        if (done == null) {
            return FAST;
        }
        return suffix.equals("32x2") ? QUIET + "$Fallback" : EVAL + "FloatFastFlags";
    }

    private void endQuiet(Label done) {
        if (done != null) {
            mv.visitLabel(done);
        }
    }

    /** Pushes {@code check} of op {@code i}'s operands (their high halves if {@code high}) and environment. */
    private void pushCheck(int i, String check, boolean unary, boolean high) {
        pushOperands(i, unary, high);
        pushEnvironment(i);
        asm.invokeStatic(QUIET, check, unary ? "(JJ)J" : "(JJJ)J");
    }

    private void pushOperands(int i, boolean unary, boolean high) {
        for (int a = 0; a < (unary ? 1 : 2); a++) {
            if (high) {
                loadHigh(b.arg(i, a));
            } else {
                loadLow(b.arg(i, a));
            }
        }
    }

    /**
     * Pushes the value of the float op {@code i} (its high half if {@code high}), FloatFastPath {@code name} plus
     * {@code suffix}: through FloatQuietCase where it has a quiet case, with the check the flags op before it left
     * where {@link #pairedFlags} finds one.
     */
    private void pushValue(int i, String name, String suffix, boolean high) {
        boolean unary = name.equals("sqrt");
        pushOperands(i, unary, high);
        pushEnvironment(i);
        String args = unary ? "JJ" : "JJJ";
        if (!hasQuietCase(name)) {
            asm.invokeStatic(FAST, name + suffix, "(" + args + ")J");
        } else if (pairedFlags(i)) {
            mv.visitVarInsn(LLOAD, checkLocal());
            asm.invokeStatic(QUIET, name + suffix, "(" + args + "J)J");
        } else {
            asm.invokeStatic(QUIET, name + suffix, "(" + args + ")J");
        }
    }

    /**
     * Whether the last flags op with a quiet case before value op {@code i} is the flags of the same operation on the
     * same operands, environment and lanes: then {@link #checkLocal} holds its check.
     */
    private boolean pairedFlags(int i) {
        Op value = b.op(i);
        boolean vector =
                value == Op.VFADD || value == Op.VFSUB || value == Op.VFMUL || value == Op.VFDIV || value == Op.VFSQRT;
        String name = value == Op.FSQRT || value == Op.VFSQRT ? "sqrt" : fastPath(value);
        for (int j = i - 1; j >= 0; j--) {
            Op op = b.op(j);
            String fast =
                    op == Op.FEXCEPT || op == Op.VFEXCEPT ? fastPath(FloatOperation.values()[(int) b.aux0(j)]) : null;
            if (fast == null || !hasQuietCase(fast)) {
                continue;
            }
            return fast.equals(name)
                    && (op == Op.VFEXCEPT) == vector
                    && (!vector || b.aux1(j) == b.aux0(i))
                    && b.arg(j, 0) == b.arg(i, 0)
                    && (name.equals("sqrt") || b.arg(j, 1) == b.arg(i, 1))
                    && b.arg(j, 2) == b.arg(i, b.argCount(i) - 1);
        }
        return false;
    }

    void floatBinary(int i) {
        String fast = fastPath(b.op(i));
        if (fast != null) {
            pushValue(i, fast, scalarSuffix(b.type(i)), false);
            storeLow(i);
            return;
        }
        asm.enumConstant(Op.class, b.op(i));
        asm.enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        pushEnvironment(i);
        asm.invokeStatic(EVAL + "FloatSemantics", "binary", "(L" + IR + "Op;L" + IR + "Type;JJJ)J");
        storeLow(i);
    }

    /** FSQRT or FROUND. */
    void floatUnary(int i) {
        if (b.op(i) == Op.FSQRT) {
            pushValue(i, "sqrt", scalarSuffix(b.type(i)), false);
            storeLow(i);
            return;
        }
        asm.enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        pushEnvironment(i);
        String method = b.op(i) == Op.FROUND ? "round" : "sqrt";
        asm.invokeStatic(EVAL + "FloatSemantics", method, "(L" + IR + "Type;JJ)J");
        storeLow(i);
    }

    /**
     * FCMP: where DAZ is off, the host's compare of the two values (a JVM compare treats NaNs as IEEE's unordered
     * does, and -0 as +0), inline; else, and for ONE and UEQ, which need two tests, {@code FloatSemantics.compare}.
     */
    void floatCompare(int i) {
        FloatCondition cc = FloatCondition.values()[(int) b.aux0(i)];
        Type t = b.type(b.arg(i, 0));
        int jump = hostJump(cc);
        Label slow = new Label();
        Label done = new Label();
        if (jump != 0) {
            pushEnvironment(i);
            asm.pushLong(FloatEnvironment.DENORMALS_ARE_ZERO);
            mv.visitInsn(LAND);
            mv.visitInsn(LCONST_0);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFNE, slow);
            if (cc == FloatCondition.UNO || cc == FloatCondition.ORD) {
                // unordered: x != x or y != y, that is (x compared with x) + (y compared with y) != 0
                pushHostFloat(t, b.arg(i, 0));
                pushHostFloat(t, b.arg(i, 0));
                mv.visitInsn(t == Type.I64 ? DCMPL : FCMPL);
                pushHostFloat(t, b.arg(i, 1));
                pushHostFloat(t, b.arg(i, 1));
                mv.visitInsn(t == Type.I64 ? DCMPL : FCMPL);
                mv.visitInsn(IADD);
            } else {
                pushHostFloat(t, b.arg(i, 0));
                pushHostFloat(t, b.arg(i, 1));
                mv.visitInsn(hostCompare(cc, t));
            }
            asm.booleanFromJump(jump);
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(slow);
        }
        asm.enumConstant(FloatCondition.class, cc);
        asm.enumConstant(Type.class, t);
        loadLow(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        pushEnvironment(i);
        asm.invokeStatic(EVAL + "FloatSemantics", "compare", "(L" + IR + "FloatCondition;L" + IR + "Type;JJJ)Z");
        mv.visitInsn(I2L);
        mv.visitLabel(done);
        storeLow(i);
    }

    /** Pushes value {@code v}, a binary64 or binary32 of type {@code t}, as a JVM double or float. */
    private void pushHostFloat(Type t, int v) {
        loadLow(v);
        if (t == Type.I64) {
            asm.invokeStatic("java/lang/Double", "longBitsToDouble", "(J)D");
        } else {
            mv.visitInsn(L2I);
            asm.invokeStatic("java/lang/Float", "intBitsToFloat", "(I)F");
        }
    }

    /**
     * The JVM compare for {@code cc}: the {@code G} form (1 when unordered) where an unordered result must fail a
     * "less" test or pass a "greater" one, the {@code L} form (-1) otherwise.
     */
    private static int hostCompare(FloatCondition cc, Type t) {
        boolean g = switch (cc) {
            case OLT, OLE, UGT, UGE -> true;
            case OEQ, OGT, OGE, ULT, ULE, UNE, ONE, UEQ, ORD, UNO -> false;
        };
        if (t == Type.I64) {
            return g ? DCMPG : DCMPL;
        }
        return g ? FCMPG : FCMPL;
    }

    /** The jump that takes the host compare's result to "holds", or 0 where one compare cannot tell (ONE, UEQ). */
    private static int hostJump(FloatCondition cc) {
        return switch (cc) {
            case OEQ, ORD -> IFEQ;
            case OGT, UGT -> IFGT;
            case OGE, UGE -> IFGE;
            case OLT, ULT -> IFLT;
            case OLE, ULE -> IFLE;
            case UNE, UNO -> IFNE;
            case ONE, UEQ -> 0;
        };
    }

    /** SITOFP from i32 or i64 through FloatFastPath (the host's conversion in round to nearest), else the reference. */
    void floatConvert(int i) {
        Type source = b.type(b.arg(i, 0));
        if (b.op(i) == Op.SITOFP && (source == Type.I64 || source == Type.I32)) {
            String from = scalarSuffix(source);
            String to = b.type(i) == Type.I64 ? "Double" : "Single";
            loadLow(b.arg(i, 0));
            pushEnvironment(i);
            asm.invokeStatic(FAST, "fromInt" + from + "To" + to, "(JJ)J");
            storeLow(i);
            return;
        }
        asm.enumConstant(Op.class, b.op(i));
        asm.enumConstant(Type.class, b.type(b.arg(i, 0)));
        asm.enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        pushEnvironment(i);
        asm.invokeStatic(EVAL + "FloatSemantics", "convert", "(L" + IR + "Op;L" + IR + "Type;L" + IR + "Type;JJ)J");
        storeLow(i);
    }

    /** FPTOSI between the float and integer widths SSE has through FloatFastPath (the host's in range). */
    void floatToSigned(int i) {
        Type from = b.type(b.arg(i, 0));
        Type to = b.type(i);
        if ((from == Type.I64 || from == Type.I32) && (to == Type.I64 || to == Type.I32)) {
            loadLow(b.arg(i, 0));
            String source = from == Type.I64 ? "double" : "single";
            asm.invokeStatic(FAST, source + "ToInt" + to.bits(), "(J)J");
            storeLow(i);
            return;
        }
        asm.enumConstant(Type.class, b.type(b.arg(i, 0)));
        asm.enumConstant(Type.class, b.type(i));
        loadLow(b.arg(i, 0));
        asm.invokeStatic(EVAL + "FloatSemantics", "toSigned", "(L" + IR + "Type;L" + IR + "Type;J)J");
        storeLow(i);
    }

    void floatExceptions(int i) {
        FloatOperation k = FloatOperation.values()[(int) b.aux0(i)];
        if (k == FloatOperation.FROM_INT_TO_SINGLE || k == FloatOperation.FROM_INT_TO_DOUBLE) {
            String to = k == FloatOperation.FROM_INT_TO_SINGLE ? "Single" : "Double";
            loadLow(b.arg(i, 0));
            loadLow(b.arg(i, 1));
            pushEnvironment(i);
            asm.invokeStatic(FAST, "fromInt" + scalarSuffix(b.type(b.arg(i, 0))) + "To" + to + "Flags", "(JJJ)I");
            mv.visitInsn(I2L);
            storeLow(i);
            return;
        }
        String fast = fastPath(k);
        if (fast != null) {
            String suffix = scalarSuffix(b.type(b.arg(i, 0)));
            Label done = quietFlags(i, fast, suffix, false);
            loadLow(b.arg(i, 0));
            loadLow(b.arg(i, 1));
            pushEnvironment(i);
            asm.invokeStatic(flagsOwner(done, suffix), fast + "Flags" + suffix, "(JJJ)I");
            mv.visitInsn(I2L);
            endQuiet(done);
            storeLow(i);
            return;
        }
        asm.enumConstant(FloatOperation.class, FloatOperation.values()[(int) b.aux0(i)]);
        asm.enumConstant(Type.class, b.type(b.arg(i, 0)));
        loadLow(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        pushEnvironment(i);
        asm.invokeStatic(EVAL + "FloatExceptions", "fexcept", "(L" + IR + "FloatOperation;L" + IR + "Type;JJJ)I");
        mv.visitInsn(I2L);
        storeLow(i);
    }

    // ---- vectors: integer lanes' common ops and PSHUFB's permutation inline by halves (ir.eval.Lanes), constant
    // shuffles as shifts and masks of the operand words, the rest through gen.Support, which forwards to
    // VectorSemantics

    void vectorBinary(int i) {
        String fast = fastPath(b.op(i));
        if (fast != null) {
            String suffix = laneSuffix(LaneShape.values()[(int) b.aux0(i)]);
            pushValue(i, fast, suffix, false);
            pushValue(i, fast, suffix, true);
            storeHigh(i);
            storeLow(i);
            return;
        }
        String lanes = lanesMethod(i);
        if (lanes != null) {
            int w = LaneShape.values()[(int) (b.op(i) == Op.VICMP ? b.aux1(i) : b.aux0(i))].laneBits();
            loadLow(b.arg(i, 0));
            loadLow(b.arg(i, 1));
            asm.pushInt(w);
            asm.invokeStatic(EVAL + "Lanes", lanes, "(JJI)J");
            storeLow(i);
            loadHigh(b.arg(i, 0));
            loadHigh(b.arg(i, 1));
            asm.pushInt(w);
            asm.invokeStatic(EVAL + "Lanes", lanes, "(JJI)J");
            storeHigh(i);
            return;
        }
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
        if (b.op(i) == Op.VFSQRT) {
            String suffix = laneSuffix(LaneShape.values()[(int) b.aux0(i)]);
            pushValue(i, "sqrt", suffix, false);
            pushValue(i, "sqrt", suffix, true);
            storeHigh(i);
            storeLow(i);
            return;
        }
        asm.enumConstant(Op.class, b.op(i));
        asm.pushLong(b.aux0(i));
        loadPair(b.arg(i, 0));
        pushEnvironment(i);
        mv.visitVarInsn(ALOAD, scratchLocal);
        asm.invokeStatic(SUPPORT, "vectorUnary", "(L" + IR + "Op;JJJJ[J)V");
        storeScratch(i);
    }

    /** VSHL, VLSHR, VASHR inline by halves ({@code Lanes}), the count read for each half. */
    void vectorShift(int i) {
        String method = switch (b.op(i)) {
            case VSHL -> "shiftLeft";
            case VLSHR -> "shiftRightLogical";
            default -> "shiftRightArithmetic";
        };
        int w = LaneShape.values()[(int) b.aux0(i)].laneBits();
        loadLow(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        asm.pushInt(w);
        asm.invokeStatic(EVAL + "Lanes", method, "(JJI)J");
        loadHigh(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        asm.pushInt(w);
        asm.invokeStatic(EVAL + "Lanes", method, "(JJI)J");
        storeHigh(i);
        storeLow(i);
    }

    /**
     * VSHUFFLE inline: each result half is an or of its operands' words, each shifted so that a run of its bytes
     * lands in place and masked to that run. Both halves are computed before either is stored, since the result
     * may reuse an operand's locals.
     */
    void vectorShuffle(int i) {
        shuffleHalf(i, b.aux0(i));
        shuffleHalf(i, b.aux1(i));
        storeHigh(i);
        storeLow(i);
    }

    /** Pushes the half of VSHUFFLE {@code i}'s result whose eight table bytes are {@code table}. */
    private void shuffleHalf(int i, long table) {
        long[] masks = new long[4 * 15]; // by source word (a low, a high, b low, b high) and byte shift -7..7
        for (int j = 0; j < 8; j++) {
            int source = (int) (table >>> (8 * j)) & 0xff;
            if (source < 32) {
                masks[(source >> 3) * 15 + (j - (source & 7)) + 7] |= 0xffL << (8 * j);
            }
        }
        boolean first = true;
        for (int k = 0; k < masks.length; k++) {
            if (masks[k] == 0) {
                continue;
            }
            int word = k / 15;
            int shift = 8 * (k % 15 - 7);
            int operand = b.arg(i, word >> 1);
            if ((word & 1) == 0) {
                loadLow(operand);
            } else {
                loadHigh(operand);
            }
            if (shift != 0) {
                asm.pushInt(Math.abs(shift));
                mv.visitInsn(shift > 0 ? LSHL : LUSHR);
            }
            if (masks[k] != -1L) {
                asm.pushLong(masks[k]);
                mv.visitInsn(LAND);
            }
            if (!first) {
                mv.visitInsn(LOR);
            }
            first = false;
        }
        if (first) {
            mv.visitInsn(LCONST_0);
        }
    }

    /** VPERMUTE (PSHUFB) inline: {@code Lanes.permute} per half, both computed before either is stored. */
    void vectorPermute(int i) {
        loadPair(b.arg(i, 0));
        loadLow(b.arg(i, 1));
        asm.invokeStatic(EVAL + "Lanes", "permute", "(JJJ)J");
        loadPair(b.arg(i, 0));
        loadHigh(b.arg(i, 1));
        asm.invokeStatic(EVAL + "Lanes", "permute", "(JJJ)J");
        storeHigh(i);
        storeLow(i);
    }

    /** The {@code Lanes} method for a binary vector op on integer lanes, or null if it has none. */
    private String lanesMethod(int i) {
        Op op = b.op(i);
        if (op == Op.VICMP) {
            if (b.aux1(i) > LaneShape.I64X2.ordinal()) {
                return null;
            }
            if (b.aux0(i) == IntCondition.EQ.ordinal()) {
                return "equal";
            }
            return b.aux0(i) == IntCondition.SGT.ordinal() ? "greaterSigned" : null;
        }
        if (b.aux0(i) > LaneShape.I64X2.ordinal()) {
            return null;
        }
        return switch (op) {
            case VADD -> "add";
            case VSUB -> "subtract";
            case VMINU -> "minUnsigned";
            case VMAXU -> "maxUnsigned";
            default -> null;
        };
    }

    void moveMask(int i) {
        if (b.aux0(i) == LaneShape.I8X16.ordinal()) {
            loadLow(b.arg(i, 0));
            asm.invokeStatic(EVAL + "Lanes", "byteMask", "(J)J");
            loadHigh(b.arg(i, 0));
            asm.invokeStatic(EVAL + "Lanes", "byteMask", "(J)J");
            asm.pushInt(8);
            mv.visitInsn(LSHL);
            mv.visitInsn(LOR);
            storeLow(i);
            return;
        }
        asm.enumConstant(LaneShape.class, LaneShape.values()[(int) b.aux0(i)]);
        loadPair(b.arg(i, 0));
        asm.invokeStatic(SUPPORT, "moveMask", "(L" + IR + "LaneShape;JJ)J");
        storeLow(i);
    }

    void vectorFloatExceptions(int i) {
        String fast = fastPath(FloatOperation.values()[(int) b.aux0(i)]);
        if (fast != null) {
            String suffix = laneSuffix(LaneShape.values()[(int) b.aux1(i)]);
            Label done = quietFlags(i, fast, suffix, true);
            String method = fast + "Flags" + suffix;
            String owner = flagsOwner(done, suffix);
            loadLow(b.arg(i, 0));
            loadLow(b.arg(i, 1));
            pushEnvironment(i);
            asm.invokeStatic(owner, method, "(JJJ)I");
            loadHigh(b.arg(i, 0));
            loadHigh(b.arg(i, 1));
            pushEnvironment(i);
            asm.invokeStatic(owner, method, "(JJJ)I");
            mv.visitInsn(IOR);
            mv.visitInsn(I2L);
            endQuiet(done);
            storeLow(i);
            return;
        }
        asm.enumConstant(FloatOperation.class, FloatOperation.values()[(int) b.aux0(i)]);
        asm.enumConstant(LaneShape.class, LaneShape.values()[(int) b.aux1(i)]);
        loadPair(b.arg(i, 0));
        loadPair(b.arg(i, 1));
        pushEnvironment(i);
        asm.invokeStatic(SUPPORT, "vectorFloatExceptions", "(L" + IR + "FloatOperation;L" + IR + "LaneShape;JJJJJ)J");
        storeLow(i);
    }
}
