package dev.jx86.ir;

/**
 * What an op may do besides computing its result. An op with no effects is pure: it may be removed when unused,
 * folded, or reordered.
 */
public enum Effect {
    /** Reads guest state slots. */
    READS_STATE,
    /** Writes guest state slots. */
    WRITES_STATE,
    /** Reads guest memory. */
    READS_MEMORY,
    /** Writes guest memory. */
    WRITES_MEMORY,
    /** May raise a guest fault, which observes the state committed at the last boundary. */
    MAY_FAULT,
    /** Marks the start of a guest instruction. */
    BOUNDARY
}
