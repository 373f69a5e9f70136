package dev.jx86.runtime.profile;

import java.util.List;

/**
 * Guest call stacks sampled while a profiled run ran ({@link StackSampler}), identical stacks merged.
 *
 * @param stacks the distinct stacks with their sample counts
 * @param samples samples taken (the sum of the stacks' counts)
 * @param intervalNanos the time between two samples: a stack's count times this estimates its time
 */
public record CallStacks(List<Stack> stacks, long samples, long intervalNanos) {
    /**
     * One distinct stack.
     *
     * @param pcs the guest pc of each frame, innermost first: the CPU's RIP, then return addresses
     * @param functions the entry of each frame's function where the stack shows it (the target of the call that
     *     made the frame), else -1
     * @param phase what the CPU's thread was doing: running guest code, translating, or in the runtime
     * @param count samples that saw it
     */
    public record Stack(long[] pcs, long[] functions, Phase phase, long count) {}

    public CallStacks {
        stacks = List.copyOf(stacks);
    }

    public static final CallStacks NONE = new CallStacks(List.of(), 0, 0);
}
