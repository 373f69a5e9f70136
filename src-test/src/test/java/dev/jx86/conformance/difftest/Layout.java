package dev.jx86.conformance.difftest;

/**
 * Where a differential test case lives in the guest address space, on the host and under jx86 alike: case
 * {@code i} of a batch is code at {@code CODE_BASE + i * SLOT}, followed by UD2; the data buffer is two pages at
 * {@code DATA_BASE}, RBX points at the page boundary in its middle (generated code never writes RBX) and RSP into the
 * upper page. The numbers are repeated in {@code difftest-harness.c}.
 */
final class Layout {
    static final long CODE_BASE = 0x4000_0000L;
    static final int SLOT = 256;
    static final long DATA_BASE = 0x5000_0000L;
    static final int DATA_SIZE = 0x2000;
    static final long RBX = DATA_BASE + 0x1000;
    static final long RSP = DATA_BASE + 0x1c00;

    /** Code bytes a case may have: the slot without the UD2 that ends it. */
    static final int MAX_CODE = SLOT - 2;

    private Layout() {}

    static long codeAddress(int slot) {
        return CODE_BASE + (long) slot * SLOT;
    }
}
