/**
 * The runtime hub: CPU state, memory, execution loop and the SPIs that translators, compilers and devices implement. Depends on the IR only.
 */
package dev.jx86.runtime;
