/**
 * The one place that knows EFLAGS: the flag bits and which flags each instruction reads, writes and
 * leaves undefined. Depends on the decoder's vocabulary (mnemonics) only.
 */
package dev.jx86.x86.flags;
