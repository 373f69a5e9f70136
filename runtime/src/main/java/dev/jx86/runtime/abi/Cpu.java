package dev.jx86.runtime.abi;

/**
 * One virtual x86 CPU as translated code and helpers see it: the state slots ({@link StateLayout}), the memory it
 * addresses, and its mode. Not thread-safe: a CPU runs on one thread at a time.
 */
public final class Cpu {
    /** The state slots, indexed by {@link StateLayout}. */
    public final long[] state = new long[StateLayout.SIZE];

    /** The descriptors a segment register load finds (TLS entries from set_thread_area). */
    public final SegmentDescriptors descriptors = new SegmentDescriptors();

    private GuestMemory memory;
    private CpuMode mode;

    public Cpu(GuestMemory memory, CpuMode mode) {
        this.memory = memory;
        this.mode = mode;
        state[StateLayout.RFLAGS] = StateLayout.RFLAGS_RESET;
        state[StateLayout.MXCSR] = 0x1f80;
        state[StateLayout.FPU_CONTROL] = 0x37f;
        state[StateLayout.FPU_TAG] = 0xffff;
    }

    public GuestMemory memory() {
        return memory;
    }

    public void memory(GuestMemory memory) {
        this.memory = memory;
    }

    public CpuMode mode() {
        return mode;
    }

    public void mode(CpuMode mode) {
        this.mode = mode;
    }

    public long rip() {
        return state[StateLayout.RIP];
    }

    public void rip(long pc) {
        state[StateLayout.RIP] = pc;
    }

    /** General-purpose register {@code number} (0-15), all 64 bits. */
    public long gpr(int number) {
        return state[StateLayout.gpr(number)];
    }

    public void gpr(int number, long value) {
        state[StateLayout.gpr(number)] = value;
    }

    /** RFLAGS as the guest sees it: the status flags merged with the other bits. */
    public long rflags() {
        return state[StateLayout.RFLAGS] | (FlagsState.bits(state) & StateLayout.STATUS_FLAGS);
    }

    public void rflags(long value) {
        state[StateLayout.FLAGS] = value & StateLayout.STATUS_FLAGS;
        state[StateLayout.RFLAGS] = (value & ~StateLayout.STATUS_FLAGS) | 2;
    }
}
