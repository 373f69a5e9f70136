package dev.jx86.x86.decode;

/**
 * The target of a relative branch, already resolved: next instruction's address plus the
 * displacement, wrapped to the operand size as the processor does.
 */
public record RelativeTarget(long target) implements Operand {}
