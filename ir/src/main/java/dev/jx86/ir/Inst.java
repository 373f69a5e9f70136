package dev.jx86.ir;

import java.util.List;

/**
 * A read-only view of one instruction of a block, for passes and tools; interpreters read the block's arrays
 * through {@link Block} instead.
 */
public record Inst(int index, Op op, Type type, List<Value> args, long aux0, long aux1) {
    public Inst {
        args = List.copyOf(args);
    }

    /** The value this instruction defines (VOID-typed for ops without a result). */
    public Value value() {
        return new Value(index, type);
    }
}
