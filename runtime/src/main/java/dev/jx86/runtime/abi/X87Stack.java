package dev.jx86.runtime.abi;

import dev.jx86.runtime.fpu.Extended;
import dev.jx86.runtime.fpu.FpuContext;

/**
 * The x87 register stack, status and tag words as they live in the CPU state ({@link StateLayout#FPR0}, TOP in the
 * status word's bits 11-13, the full tag word), seen by one x87 instruction: what a helper begins with (the #MF
 * check), reads and writes by stack position, and ends with (the exception flags and ES). Stack faults follow the
 * SDM (Vol. 1 8.5.1.1): IE and SF, C1 = 1 for an overflow and 0 for an underflow.
 */
final class X87Stack {
    static final int IE = FpuContext.IE;
    static final int SF = 0x40;
    static final int ES = 0x80;
    static final int C0 = 0x100;
    static final int C1 = 0x200;
    static final int C2 = 0x400;
    static final int C3 = 0x4000;
    static final int BUSY = 0x8000;
    static final int CONDITION_CODES = C0 | C1 | C2 | C3;
    private static final int TOP_SHIFT = 11;

    static final int TAG_VALID = 0;
    static final int TAG_ZERO = 1;
    static final int TAG_SPECIAL = 2;
    static final int TAG_EMPTY = 3;

    private final long[] state;
    final FpuContext context;
    private int status;
    private int tags;
    private boolean stackFault;
    private boolean keepC1;

    private X87Stack(long[] state) {
        this.state = state;
        this.context = new FpuContext((int) state[StateLayout.FPU_CONTROL]);
        this.status = (int) state[StateLayout.FPU_STATUS] & 0xffff;
        this.tags = (int) state[StateLayout.FPU_TAG] & 0xffff;
    }

    /** Starts a waiting x87 instruction: #MF if an unmasked exception is pending, before any change. */
    static X87Stack begin(Cpu cpu) {
        waitForExceptions(cpu);
        return new X87Stack(cpu.state);
    }

    /** Starts an instruction that does not wait (FNSTENV, FNSAVE). */
    static X87Stack beginNoWait(Cpu cpu) {
        return new X87Stack(cpu.state);
    }

    /**
     * FWAIT's check: #MF if an exception flag is set whose mask bit is clear. The masks decide, not the ES bit:
     * FNSTENV masks everything so that a handler can run x87 code, and the host's FLDENV then loads a status word
     * with ES set without faulting.
     */
    static void waitForExceptions(Cpu cpu) {
        long pending = cpu.state[StateLayout.FPU_STATUS] & ~cpu.state[StateLayout.FPU_CONTROL] & 0x3f;
        if (pending != 0) {
            throw new GuestFault(Vectors.MF);
        }
    }

    int top() {
        return status >>> TOP_SHIFT & 7;
    }

    void top(int top) {
        status = status & ~(7 << TOP_SHIFT) | (top & 7) << TOP_SHIFT;
    }

    /** The physical register of ST(i). */
    int physical(int i) {
        return top() + i & 7;
    }

    int tag(int physical) {
        return tags >>> 2 * physical & 3;
    }

    private void tag(int physical, int tag) {
        tags = tags & ~(3 << 2 * physical) | tag << 2 * physical;
    }

    boolean empty(int i) {
        return tag(physical(i)) == TAG_EMPTY;
    }

    /** ST(i), whatever its tag says. */
    Extended st(int i) {
        return register(physical(i));
    }

    Extended register(int physical) {
        int slot = StateLayout.fpr(physical);
        return new Extended((int) state[slot + 1], state[slot]);
    }

    void st(int i, Extended value) {
        register(physical(i), value);
    }

    /** Writes physical register {@code physical} and its tag from its class. */
    void register(int physical, Extended value) {
        int slot = StateLayout.fpr(physical);
        state[slot] = value.significand();
        state[slot + 1] = value.signExponent();
        tag(physical, tagOf(value));
    }

    static int tagOf(Extended value) {
        return switch (value.kind()) {
            case NORMAL -> TAG_VALID;
            case ZERO -> TAG_ZERO;
            case DENORMAL, INFINITY, QUIET_NAN, SIGNALING_NAN, UNSUPPORTED -> TAG_SPECIAL;
        };
    }

    /** Whether ST(-1), the register a push fills, is free. */
    boolean canPush() {
        return tag(physical(-1)) == TAG_EMPTY;
    }

    void push(Extended value) {
        top(top() - 1);
        st(0, value);
    }

    void pop() {
        tag(physical(0), TAG_EMPTY);
        top(top() + 1);
    }

    void free(int i) {
        tag(physical(i), TAG_EMPTY);
    }

    /** An empty register was read: IE and SF with C1 = 0; whether the invalid operation is masked. */
    boolean underflow() {
        return stackFault(0);
    }

    /** A push found ST(7) in use: IE and SF with C1 = 1; whether the invalid operation is masked. */
    boolean overflow() {
        return stackFault(C1);
    }

    private boolean stackFault(int c1) {
        context.raise(IE);
        status = status & ~C1 | SF | c1;
        stackFault = true;
        return context.masked(IE);
    }

    /** Whether an unmasked exception that forbids writing the result (IE, DE, ZE) was raised. */
    boolean resultSuppressed() {
        return (context.unmasked() & (FpuContext.IE | FpuContext.DE | FpuContext.ZE)) != 0;
    }

    /** Keeps C1 as it is even if an unmasked exception stops the instruction (FCOMI does). */
    void keepC1() {
        keepC1 = true;
    }

    /** Sets C1 (and only it) from the last rounding. */
    void c1FromRounding() {
        conditionCodes(C1, context.roundedUp() ? C1 : 0);
    }

    /** Sets the condition-code bits in {@code mask} to those of {@code bits}. */
    void conditionCodes(int mask, int bits) {
        status = status & ~mask | bits & mask;
    }

    int status() {
        return status;
    }

    /** Ends the instruction: exception flags into the status word (ES and B with any unmasked), state written. */
    void finish() {
        int flags = context.flags();
        if (resultSuppressed()) {
            // An unmasked IE, DE or ZE stops the operation before it rounds: no PE, UE or OE, and C1 0 (as the host
            // does), unless a stack fault set C1 to say which way it went.
            flags &= FpuContext.IE | FpuContext.DE | FpuContext.ZE;
            if (!stackFault && !keepC1) {
                status &= ~C1;
            }
        }
        status |= flags & 0x3f;
        if ((status & ~context.control() & 0x3f) != 0) {
            status |= ES | BUSY;
        }
        state[StateLayout.FPU_STATUS] = status;
        state[StateLayout.FPU_TAG] = tags;
    }
}
