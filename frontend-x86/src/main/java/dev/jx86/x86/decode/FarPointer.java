package dev.jx86.x86.decode;

/** An immediate far pointer {@code selector:offset} (JMP ptr16:32, CALL ptr16:16). */
public record FarPointer(int selector, long offset) implements Operand {}
