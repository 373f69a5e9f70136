package dev.jx86.ir;

/**
 * How an op's operand types relate to its result type T. The verifier checks every op against its signature; ops
 * whose result is not fixed by the signature spell T in their text name ({@code add.i64}).
 */
public enum Signature {
    /** () -> T: the value is in the aux words. */
    CONST(null),
    /** () -> T: reads a state slot. */
    GET(null),
    /** (T) -> VOID: writes a state slot. */
    SET(Type.VOID),
    /** (I64 address) -> T. */
    LOAD(null),
    /** (I64 address, T) -> VOID. */
    STORE(Type.VOID),
    /** (T) -> T. */
    UNARY(null),
    /** (T, T) -> T. */
    BINARY(null),
    /** (T, I8 count) -> T. */
    SHIFT(null),
    /** (T, T) -> I1, T from the op's type class. */
    COMPARE(Type.I1),
    /** (I1, T, T) -> T. */
    SELECT(null),
    /** (S) -> T with S narrower than T, both in the op's type class. */
    WIDEN(null),
    /** (S) -> T with S wider than T, both in the op's type class. */
    NARROW(null),
    /** (S) -> T, both in the op's type class. */
    CONVERT(null),
    /** (S) -> T: the T-wide bit field of S at the aux bit offset. */
    EXTRACT(null),
    /** (T, S) -> T: T with the S-wide bit field at the aux bit offset replaced by S. */
    INSERT(null),
    /** (operands of the flags kind) -> FLAGS. */
    FLAGS(Type.FLAGS),
    /** (FLAGS) -> I1. */
    FLAGS_TEST(Type.I1),
    /** (I64 in EFLAGS layout) -> FLAGS. */
    FLAGS_FROM_BITS(Type.FLAGS),
    /** (FLAGS) -> I64 in EFLAGS layout. */
    FLAGS_TO_BITS(Type.I64),
    /** (V128) -> V128. */
    VECTOR_UNARY(Type.V128),
    /** (V128, V128) -> V128. */
    VECTOR_BINARY(Type.V128),
    /** (V128, I64 count) -> V128. */
    VECTOR_SHIFT(Type.V128),
    /** (V128, V128) -> V128, bytes chosen by the aux byte table. */
    VECTOR_SHUFFLE(Type.V128),
    /** (V128) -> I32: one bit per lane. */
    VECTOR_MASK(Type.I32),
    /** (T, T) -> I32 exception flags, T from the op's type class (and the float environment, last). */
    FLOAT_EXCEPTIONS(Type.I32),
    /** (V128, V128) -> I32 exception flags of all lanes (and the float environment, last). */
    VECTOR_FLOAT_EXCEPTIONS(Type.I32),
    /** (helper parameters) -> helper result. */
    CALL(null),
    /** () -> VOID: the start of a guest instruction. */
    BOUNDARY(Type.VOID);

    private final Type fixedResult;

    Signature(Type fixedResult) {
        this.fixedResult = fixedResult;
    }

    /** The result type when the signature fixes it, or null when the op chooses it (or, for CALL, its helper). */
    public Type fixedResult() {
        return fixedResult;
    }
}
