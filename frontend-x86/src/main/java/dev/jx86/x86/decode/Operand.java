package dev.jx86.x86.decode;

/** An operand of a decoded instruction, in the order the Intel SDM lists them (destination first). */
public sealed interface Operand permits Register, Memory, Immediate, RelativeTarget, FarPointer {}
