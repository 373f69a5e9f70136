package dev.jx86.runtime.profile;

import java.util.List;

/**
 * One unit of tier-1 code a profiled run installed: a region of blocks (or a single block) compiled into one JVM
 * class, with how often its code entered each block.
 *
 * @param pc the entry block's guest address
 * @param className the hidden class's name, as JVM profilers show it
 * @param blocks its blocks, entry first
 * @param bytecodeBytes bytes of bytecode of its {@code run} method
 * @param compileNanos time to emit and define the class
 */
public record RegionStats(long pc, String className, List<Member> blocks, int bytecodeBytes, long compileNanos) {
    /** A block of the region: its guest code and how often compiled code entered it. */
    public record Member(long pc, int guestBytes, int irOps, long executions) {}

    public RegionStats {
        blocks = List.copyOf(blocks);
    }

    /** Block executions in compiled code, over all its blocks. */
    public long executions() {
        return blocks.stream().mapToLong(Member::executions).sum();
    }

    public int guestBytes() {
        return blocks.stream().mapToInt(Member::guestBytes).sum();
    }

    public int irOps() {
        return blocks.stream().mapToInt(Member::irOps).sum();
    }
}
