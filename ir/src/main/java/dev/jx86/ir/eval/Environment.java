package dev.jx86.ir.eval;

import dev.jx86.ir.Helper;
import dev.jx86.ir.Type;

/**
 * What the reference evaluator needs from the world: state slots, memory and helpers. Values cross this interface
 * as (low, high) pairs in a {@code long[2]}; only V128 uses the high word, and a FLAGS value is its EFLAGS bits. A
 * fault is an unchecked exception thrown by load, store or call; the evaluator lets it through.
 */
public interface Environment {
    /** Reads slot {@code slot} as {@code type} into {@code out}. */
    void get(int slot, Type type, long[] out);

    void set(int slot, Type type, long low, long high);

    /** Reads a {@code type}-sized little-endian value at {@code address} into {@code out}. */
    void load(long address, Type type, long[] out);

    void store(long address, Type type, long low, long high);

    /** Calls {@code helper} with argument pairs {@code args[k][0..1]}; writes the result (if any) into {@code out}. */
    void call(Helper helper, long[][] args, long[] out);

    /** Told when execution reaches the start of a guest instruction. */
    default void boundary(long pc, int length) {}
}
