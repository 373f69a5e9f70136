package dev.jx86.ir;

import java.util.EnumSet;
import java.util.Set;

/** The set of types an op's free type may take, e.g. the T of {@code add.T}. */
public enum TypeClass {
    /** I8, I16, I32, I64: arithmetic. */
    INTEGER(EnumSet.of(Type.I8, Type.I16, Type.I32, Type.I64)),
    /** I1..I64: compares, widening and narrowing. */
    BITS(EnumSet.of(Type.I1, Type.I8, Type.I16, Type.I32, Type.I64)),
    /** I1..I64 and V128: bitwise logic, constants, select. */
    DATA(EnumSet.of(Type.I1, Type.I8, Type.I16, Type.I32, Type.I64, Type.V128)),
    /** I8..I64 and V128: what memory holds. */
    MEMORY(EnumSet.of(Type.I8, Type.I16, Type.I32, Type.I64, Type.V128)),
    /** I32 (binary32) and I64 (binary64): floating point held as bit patterns. */
    FLOAT(EnumSet.of(Type.I32, Type.I64)),
    /** Every type but VOID: what a state slot may hold. */
    SLOT(EnumSet.of(Type.I1, Type.I8, Type.I16, Type.I32, Type.I64, Type.V128, Type.FLAGS)),
    /** The op's result type is fixed by its signature. */
    FIXED(EnumSet.noneOf(Type.class));

    private final Set<Type> types;

    TypeClass(Set<Type> types) {
        this.types = types;
    }

    public boolean contains(Type type) {
        return types.contains(type);
    }

    public Set<Type> types() {
        return java.util.Collections.unmodifiableSet(types);
    }
}
