package dev.jx86.x86.decode;

/**
 * The target of a relative branch, already resolved: next instruction's address plus the
 * displacement, wrapped to the operand size as the processor does.
 *
 * @param displacementSize bytes of displacement encoded (1 for Jb, 2 or 4 for Jz)
 */
public record RelativeTarget(long target, int displacementSize) implements Operand {}
