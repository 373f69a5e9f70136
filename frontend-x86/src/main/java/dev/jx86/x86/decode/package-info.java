/**
 * The x86 decoder: bytes to Instruction, driven by opcode tables in the Intel SDM's notation. Depends on nothing else in jx86.
 */
package dev.jx86.x86.decode;
