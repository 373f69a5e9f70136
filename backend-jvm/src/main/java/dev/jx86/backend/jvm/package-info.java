/**
 * The tier-1 compiler: IR to JVM bytecode with OW2 ASM, defined as hidden classes. Sees IR and the runtime ABI only.
 */
package dev.jx86.backend.jvm;
