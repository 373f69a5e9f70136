/**
 * Instruction to text in the Intel syntax of GNU objdump -M intel. Depends on the decoder only.
 */
package dev.jx86.x86.disasm;
