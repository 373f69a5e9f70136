package dev.jx86.runtime.tier1;

/**
 * A profiled region's counters: compiled code adds one to {@link #counter(int) counter(k)} each time it enters block
 * k of the {@link Region} (from the dispatcher or by a jump inside), and the compiler reports the class it made. Each
 * block has a {@link Counter} object of its own rather than an element of a {@code long[]}: a JIT compiler cannot
 * tell an array element from the guest-state and TLB arrays the same code reads (all {@code long[]}), while a field
 * of its own class it can. Increments are plain (not atomic): a CPU thread's own counts are exact, concurrent CPUs
 * may lose a few.
 */
public final class RegionCounters {
    /** One block's entry count, incremented by compiled code. */
    public static final class Counter {
        public long count;

        public Counter() {}
    }

    private final Counter[] counters;
    private volatile String className = "";
    private volatile int bytecodeBytes = -1;
    private volatile long compileNanos;

    public RegionCounters(int blocks) {
        counters = new Counter[blocks];
        for (int k = 0; k < blocks; k++) {
            counters[k] = new Counter();
        }
    }

    /** The counter of block {@code k}: shared with compiled code. */
    public Counter counter(int k) {
        return counters[k];
    }

    /** The counters, block by block (what a compiler hands its code). */
    public Counter[] counters() {
        return counters.clone();
    }

    /** The entry counts now, block by block. */
    public long[] entries() {
        long[] entries = new long[counters.length];
        for (int k = 0; k < entries.length; k++) {
            entries[k] = counters[k].count;
        }
        return entries;
    }

    public int blocks() {
        return counters.length;
    }

    /** Called by the compiler once the region's code is made: its class, its method's bytecode size, the time taken. */
    public void compiled(String className, int bytecodeBytes, long compileNanos) {
        this.className = className;
        this.bytecodeBytes = bytecodeBytes;
        this.compileNanos = compileNanos;
    }

    /** The compiled class's name, or empty before {@link #compiled}. */
    public String className() {
        return className;
    }

    /** Bytes of bytecode of the region's method, or -1 before {@link #compiled}. */
    public int bytecodeBytes() {
        return bytecodeBytes;
    }

    public long compileNanos() {
        return compileNanos;
    }
}
