package dev.jx86.x86.decode;

/**
 * The fields of a VEX prefix (C4/C5), with R, X and B already folded into the register numbers.
 *
 * @param map opcode map: 1 = 0F, 2 = 0F38, 3 = 0F3A
 * @param pp implied legacy prefix: 0 none, 1 = 66, 2 = F3, 3 = F2
 * @param w VEX.W
 * @param vectorLength 16 (VEX.L=0) or 32 (VEX.L=1) bytes
 * @param vvvv the extra register operand, already un-inverted (0-15)
 */
public record Vex(int map, int pp, boolean w, int vectorLength, int vvvv) {}
