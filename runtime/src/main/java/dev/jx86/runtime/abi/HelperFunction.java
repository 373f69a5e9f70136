package dev.jx86.runtime.abi;

/**
 * The body of a runtime helper. Arguments arrive as canonical zero-extended integers, one per parameter; helpers
 * take and return only integers (i1..i64) — a helper that works on vector registers takes their numbers and uses
 * the CPU state. A helper may throw {@link GuestFault}; it must then have changed no guest-visible state, except where the
 * instruction itself is architecturally interruptible: the REP string helpers ({@link StringHelpers}) leave the
 * registers and memory of their completed iterations. The argument array belongs to the caller: it may be longer
 * than the parameters and is reused after the call (tier 1 passes one array to all calls of a region), so a helper
 * must not keep it.
 */
@FunctionalInterface
public interface HelperFunction {
    long call(Cpu cpu, long[] args);
}
