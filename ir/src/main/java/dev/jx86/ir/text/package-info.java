/**
 * The text form of the IR: a deterministic printer and a parser that round-trip exactly, used by golden filetests
 * and by the CLI's IR dumps. Depends only on {@code dev.jx86.ir}.
 */
package dev.jx86.ir.text;
