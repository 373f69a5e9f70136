package dev.jx86.runtime.tier1;

/**
 * How hard the host should work on compiled code: what a region costs to compile against how fast it then runs.
 * The runtime compiles a region that got hot for the {@link #BASELINE} first and recompiles it for the
 * {@link #OPTIMIZING} host compiler only once it has run long enough to pay for that (docs/jvm-tier.md).
 */
public enum Optimization {
    /** Quick to compile, slower to run: code most of a program's run never returns to. */
    BASELINE,
    /** The host's optimizing compiler: for the few regions where the guest spends its time. */
    OPTIMIZING
}
