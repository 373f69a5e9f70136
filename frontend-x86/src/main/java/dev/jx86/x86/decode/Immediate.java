package dev.jx86.x86.decode;

/**
 * An immediate operand.
 *
 * @param value the operand in its low {@code size} bytes, sign-extended above them
 * @param size the size in bytes of the operand it acts as (1, 2, 4 or 8)
 * @param encodedSize bytes the instruction encodes it in (a sign-extended imm8 has 1)
 */
public record Immediate(long value, int size, int encodedSize) implements Operand {}
