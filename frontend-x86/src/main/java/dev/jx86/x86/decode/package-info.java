/**
 * The x86 decoder: bytes to Instruction, driven by opcode tables in the Intel SDM's notation.
 * {@link dev.jx86.x86.decode.Decoder} tries the plain reader (PlainReader over PlainTable: the common
 * encodings in one pass) and falls back to the general one (InstructionReader over OperandReader and
 * ByteCursor, with PrefixRun, Addressing and PrefixAccounting), which decodes everything; both give
 * equal results. Depends on nothing else in jx86.
 */
package dev.jx86.x86.decode;
