package dev.jx86.runtime.tier1;

/**
 * A profiled region's counters: compiled code adds one to {@link #entries()}[k] each time it enters block k of the
 * {@link Region} (from the dispatcher or by a jump inside), and the compiler reports the class it made. Increments
 * are plain (not atomic): a CPU thread's own counts are exact, concurrent CPUs may lose a few.
 */
public final class RegionCounters {
    private final long[] entries;
    private volatile String className = "";
    private volatile int bytecodeBytes = -1;
    private volatile long compileNanos;

    public RegionCounters(int blocks) {
        this.entries = new long[blocks];
    }

    /** The array compiled code increments: shared, not a copy. */
    public long[] entries() {
        return entries;
    }

    public int blocks() {
        return entries.length;
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
