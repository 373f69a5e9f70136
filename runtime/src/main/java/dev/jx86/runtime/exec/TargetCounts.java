package dev.jx86.runtime.exec;

import java.util.Arrays;

/**
 * Where control went from one place, and how often: the first {@link #CAPACITY} distinct targets with a count each
 * (later new targets are not counted). The dispatcher keeps one per block that ends in an indirect jump (its cases,
 * its callers) and one per region (the pcs it left to), and the region selector reads them.
 */
final class TargetCounts {
    /** Distinct targets remembered. */
    static final int CAPACITY = 16;

    private final long[] targets = new long[CAPACITY];
    private final long[] counts = new long[CAPACITY];
    private int size;

    /** Counts one transfer to {@code target}. */
    void record(long target) {
        for (int i = 0; i < size; i++) {
            if (targets[i] == target) {
                counts[i]++;
                return;
            }
        }
        if (size < CAPACITY) {
            targets[size] = target;
            counts[size++] = 1;
        }
    }

    int size() {
        return size;
    }

    long target(int i) {
        return targets[i];
    }

    long count(int i) {
        return counts[i];
    }

    /** All transfers counted. */
    long total() {
        return Arrays.stream(counts, 0, size).sum();
    }
}
