/**
 * The intermediate representation: typed SSA blocks of ops ending in a terminal, the op table ({@link
 * dev.jx86.ir.Op}) and the builder the lifter uses. Depends on nothing; knows the x86 flags model only as the
 * vocabulary of lazy FLAGS values, and nothing of decoding or the JVM.
 */
package dev.jx86.ir;
