/**
 * Exact x87 arithmetic in software: the 80-bit extended format ({@link dev.jx86.runtime.fpu.Extended}), rounding
 * to any precision, format and rounding mode with the x87's exception flags
 * ({@link dev.jx86.runtime.fpu.FpuContext}), the basic operations, conversions and the transcendental functions.
 * Pure integer arithmetic (no host floating point), so every result is the same on any host. Depends on nothing
 * but the JDK; the ABI's x87 helpers put it on the guest's register stack (docs/lifter-x87.md).
 */
package dev.jx86.runtime.fpu;
