package dev.jx86.ir;

/** An SSA value: the result of the instruction at {@code index} in its block, of type {@code type}. */
public record Value(int index, Type type) {}
