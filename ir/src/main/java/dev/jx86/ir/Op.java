package dev.jx86.ir;

import static dev.jx86.ir.AuxKind.BIT_OFFSET;
import static dev.jx86.ir.AuxKind.BYTE_TABLE;
import static dev.jx86.ir.AuxKind.CONSTANT;
import static dev.jx86.ir.AuxKind.FLAG;
import static dev.jx86.ir.AuxKind.FLAGS_KIND;
import static dev.jx86.ir.AuxKind.FLAG_CONDITION;
import static dev.jx86.ir.AuxKind.FLOAT_CONDITION;
import static dev.jx86.ir.AuxKind.FLOAT_LANES;
import static dev.jx86.ir.AuxKind.FLOAT_OPERATION;
import static dev.jx86.ir.AuxKind.HELPER;
import static dev.jx86.ir.AuxKind.INT_CONDITION;
import static dev.jx86.ir.AuxKind.INT_LANES;
import static dev.jx86.ir.AuxKind.LENGTH;
import static dev.jx86.ir.AuxKind.NARROW_LANES;
import static dev.jx86.ir.AuxKind.PC;
import static dev.jx86.ir.AuxKind.SLOT;
import static dev.jx86.ir.AuxKind.VECTOR_CONVERSION;
import static dev.jx86.ir.Signature.*;
import static dev.jx86.ir.TypeClass.BITS;
import static dev.jx86.ir.TypeClass.DATA;
import static dev.jx86.ir.TypeClass.FIXED;
import static dev.jx86.ir.TypeClass.FLOAT;
import static dev.jx86.ir.TypeClass.INTEGER;
import static dev.jx86.ir.TypeClass.MEMORY;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every IR op, one row each: text name, signature, the type class of its free type, effects and aux fields. The
 * printer, parser, verifier, evaluator and passes all dispatch on this table with exhaustive switches. Semantics are
 * in {@link dev.jx86.ir.eval} and docs/ir.md.
 */
public enum Op {
    // Constants, state and memory.
    CONST("const", Signature.CONST, DATA, Fx.PURE, CONSTANT),
    GET("get", Signature.GET, TypeClass.SLOT, Fx.READS_STATE, SLOT),
    SET("set", Signature.SET, TypeClass.SLOT, Fx.WRITES_STATE, SLOT),
    LOAD("load", Signature.LOAD, MEMORY, Fx.LOAD),
    STORE("store", Signature.STORE, MEMORY, Fx.STORE),

    // Integer arithmetic; division by zero and overflow are defined (see docs/ir.md).
    ADD("add", BINARY, INTEGER, Fx.PURE),
    SUB("sub", BINARY, INTEGER, Fx.PURE),
    MUL("mul", BINARY, INTEGER, Fx.PURE),
    UMULH("umulh", BINARY, INTEGER, Fx.PURE),
    SMULH("smulh", BINARY, INTEGER, Fx.PURE),
    UDIV("udiv", BINARY, INTEGER, Fx.PURE),
    SDIV("sdiv", BINARY, INTEGER, Fx.PURE),
    UREM("urem", BINARY, INTEGER, Fx.PURE),
    SREM("srem", BINARY, INTEGER, Fx.PURE),
    NEG("neg", UNARY, INTEGER, Fx.PURE),
    AND("and", BINARY, DATA, Fx.PURE),
    OR("or", BINARY, DATA, Fx.PURE),
    XOR("xor", BINARY, DATA, Fx.PURE),
    ANDN("andn", BINARY, DATA, Fx.PURE),
    NOT("not", UNARY, DATA, Fx.PURE),
    SHL("shl", SHIFT, INTEGER, Fx.PURE),
    LSHR("lshr", SHIFT, INTEGER, Fx.PURE),
    ASHR("ashr", SHIFT, INTEGER, Fx.PURE),
    ROTL("rotl", SHIFT, INTEGER, Fx.PURE),
    ROTR("rotr", SHIFT, INTEGER, Fx.PURE),
    ZEXT("zext", WIDEN, BITS, Fx.PURE),
    SEXT("sext", WIDEN, BITS, Fx.PURE),
    TRUNC("trunc", NARROW, BITS, Fx.PURE),
    ICMP("icmp", COMPARE, BITS, Fx.PURE, INT_CONDITION),
    SELECT("select", Signature.SELECT, DATA, Fx.PURE),
    CLZ("clz", UNARY, INTEGER, Fx.PURE),
    CTZ("ctz", UNARY, INTEGER, Fx.PURE),
    POPCNT("popcnt", UNARY, INTEGER, Fx.PURE),
    BSWAP("bswap", UNARY, INTEGER, Fx.PURE),
    EXTRACT("extract", Signature.EXTRACT, BITS, Fx.PURE, BIT_OFFSET),
    INSERT("insert", Signature.INSERT, DATA, Fx.PURE, BIT_OFFSET),

    // Scalar floating point on I32 (binary32) and I64 (binary64) bit patterns.
    FADD("fadd", BINARY, FLOAT, Fx.PURE),
    FSUB("fsub", BINARY, FLOAT, Fx.PURE),
    FMUL("fmul", BINARY, FLOAT, Fx.PURE),
    FDIV("fdiv", BINARY, FLOAT, Fx.PURE),
    FMIN("fmin", BINARY, FLOAT, Fx.PURE),
    FMAX("fmax", BINARY, FLOAT, Fx.PURE),
    FSQRT("fsqrt", UNARY, FLOAT, Fx.PURE),
    FROUND("fround", UNARY, FLOAT, Fx.PURE),
    FCMP("fcmp", COMPARE, FLOAT, Fx.PURE, FLOAT_CONDITION),
    FPEXT("fpext", WIDEN, FLOAT, Fx.PURE),
    FPTRUNC("fptrunc", NARROW, FLOAT, Fx.PURE),
    SITOFP("sitofp", CONVERT, FLOAT, Fx.PURE),
    FPTOSI("fptosi", CONVERT, FLOAT, Fx.PURE),
    FEXCEPT("fexcept", FLOAT_EXCEPTIONS, FLOAT, Fx.PURE, FLOAT_OPERATION),

    // V128 lane-wise ops.
    VADD("vadd", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VSUB("vsub", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VMUL("vmul", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VADDS("vadds", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VADDUS("vaddus", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VSUBS("vsubs", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VSUBUS("vsubus", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VMINS("vmins", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VMINU("vminu", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VMAXS("vmaxs", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VMAXU("vmaxu", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VMULHS("vmulhs", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VMULHU("vmulhu", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VAVGU("vavgu", VECTOR_BINARY, FIXED, Fx.PURE, INT_LANES),
    VICMP("vicmp", VECTOR_BINARY, FIXED, Fx.PURE, INT_CONDITION, INT_LANES),
    VSHL("vshl", VECTOR_SHIFT, FIXED, Fx.PURE, INT_LANES),
    VLSHR("vlshr", VECTOR_SHIFT, FIXED, Fx.PURE, INT_LANES),
    VASHR("vashr", VECTOR_SHIFT, FIXED, Fx.PURE, INT_LANES),
    VNARROWS("vnarrows", VECTOR_BINARY, FIXED, Fx.PURE, NARROW_LANES),
    VNARROWU("vnarrowu", VECTOR_BINARY, FIXED, Fx.PURE, NARROW_LANES),
    VSHUFFLE("vshuffle", Signature.VECTOR_SHUFFLE, FIXED, Fx.PURE, BYTE_TABLE),
    VPERMUTE("vpermute", VECTOR_BINARY, FIXED, Fx.PURE),
    VMOVEMASK("vmovemask", VECTOR_MASK, FIXED, Fx.PURE, INT_LANES),
    VFADD("vfadd", VECTOR_BINARY, FIXED, Fx.PURE, FLOAT_LANES),
    VFSUB("vfsub", VECTOR_BINARY, FIXED, Fx.PURE, FLOAT_LANES),
    VFMUL("vfmul", VECTOR_BINARY, FIXED, Fx.PURE, FLOAT_LANES),
    VFDIV("vfdiv", VECTOR_BINARY, FIXED, Fx.PURE, FLOAT_LANES),
    VFMIN("vfmin", VECTOR_BINARY, FIXED, Fx.PURE, FLOAT_LANES),
    VFMAX("vfmax", VECTOR_BINARY, FIXED, Fx.PURE, FLOAT_LANES),
    VFSQRT("vfsqrt", VECTOR_UNARY, FIXED, Fx.PURE, FLOAT_LANES),
    VFROUND("vfround", VECTOR_UNARY, FIXED, Fx.PURE, FLOAT_LANES),
    VFCMP("vfcmp", VECTOR_BINARY, FIXED, Fx.PURE, FLOAT_CONDITION, FLOAT_LANES),
    VCONVERT("vconvert", VECTOR_UNARY, FIXED, Fx.PURE, VECTOR_CONVERSION),
    VFEXCEPT("vfexcept", VECTOR_FLOAT_EXCEPTIONS, FIXED, Fx.PURE, FLOAT_OPERATION, FLOAT_LANES),

    // Lazy flags.
    FLAGS("flags", Signature.FLAGS, FIXED, Fx.PURE, FLAGS_KIND),
    COND("cond", FLAGS_TEST, FIXED, Fx.PURE, FLAG_CONDITION),
    FLAG_TEST("flag", FLAGS_TEST, FIXED, Fx.PURE, FLAG),
    FLAGS_EXPLICIT("flags.explicit", FLAGS_FROM_BITS, FIXED, Fx.PURE),
    FLAGS_BITS("flags.bits", FLAGS_TO_BITS, FIXED, Fx.PURE),

    // Calls and instruction boundaries.
    CALL("call", Signature.CALL, FIXED, Fx.PURE, HELPER),
    BOUNDARY("boundary", Signature.BOUNDARY, FIXED, Fx.BOUNDARY, PC, LENGTH);

    private final String text;
    private final Signature signature;
    private final TypeClass types;
    private final Set<Effect> effects;
    private final List<AuxKind> aux;

    Op(String text, Signature signature, TypeClass types, Set<Effect> effects, AuxKind... aux) {
        this.text = text;
        this.signature = signature;
        this.types = types;
        this.effects = effects;
        this.aux = List.of(aux);
    }

    /**
     * Whether the op takes the float environment ({@link FloatEnvironment}, an I32) as one more operand after those
     * of its signature: every float op but float-to-int truncation, whose result no environment changes.
     */
    public boolean takesFloatEnvironment() {
        return switch (this) {
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX, FSQRT, FROUND, FCMP, FPEXT, FPTRUNC, SITOFP, FEXCEPT -> true;
            case VFADD, VFSUB, VFMUL, VFDIV, VFMIN, VFMAX, VFSQRT, VFROUND, VFCMP, VCONVERT, VFEXCEPT -> true;
            default -> false;
        };
    }

    /** The text name, before any suffixes: {@code add}, {@code flags.explicit}. */
    public String text() {
        return text;
    }

    public Signature signature() {
        return signature;
    }

    /** The types the op's free type may take (FIXED when the signature fixes it). */
    public TypeClass types() {
        return types;
    }

    /** The op's own effects; a CALL's effects come from its helper (see {@link Block#effects(int)}). */
    public Set<Effect> effects() {
        return effects;
    }

    /** The aux fields, in order; together they use at most two aux words. */
    public List<AuxKind> aux() {
        return aux;
    }

    /** Whether the text name carries the result type ({@code add.i64}): the signature does not fix it. */
    public boolean spellsType() {
        return signature.fixedResult() == null && signature != Signature.CALL;
    }

    /** The effect sets the table uses. */
    private static final class Fx {
        static final Set<Effect> PURE = Set.of();
        static final Set<Effect> READS_STATE = Set.of(Effect.READS_STATE);
        static final Set<Effect> WRITES_STATE = Set.of(Effect.WRITES_STATE);
        static final Set<Effect> LOAD = EnumSet.of(Effect.READS_MEMORY, Effect.MAY_FAULT);
        static final Set<Effect> STORE = EnumSet.of(Effect.WRITES_MEMORY, Effect.MAY_FAULT);
        static final Set<Effect> BOUNDARY = Set.of(Effect.BOUNDARY);
    }
}
