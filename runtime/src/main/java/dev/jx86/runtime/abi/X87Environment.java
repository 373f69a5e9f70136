package dev.jx86.runtime.abi;

import dev.jx86.runtime.fpu.Extended;

/**
 * The x87 state images in memory (SDM Vol. 1 8.1.10, figures 8-9 to 8-12; Vol. 2 FXSAVE): FNSTENV/FLDENV's
 * environment and FNSAVE/FRSTOR's environment plus registers, in the 32-bit (28 + 80 bytes) and 16-bit (14 + 80
 * bytes) protected-mode layouts, and FXSAVE's x87 part. The last instruction and operand pointers and the opcode
 * are not modelled: they are stored as 0 (their selector words' unused halves as the hardware writes them).
 * Every image is checked for the whole access before anything changes.
 */
final class X87Environment {
    private X87Environment() {}

    static int environmentBytes(boolean wide) {
        return wide ? 28 : 14;
    }

    /** FNSTENV: the environment at {@code address}, then every exception masked. */
    static void storeEnvironment(Cpu cpu, long address, boolean wide) {
        cpu.memory().checkWrite(address, environmentBytes(wide));
        writeEnvironment(cpu, address, wide);
        cpu.state[StateLayout.FPU_CONTROL] |= 0x3f;
        cpu.state[StateLayout.FPU_STATUS] = withSummary(cpu);
    }

    /**
     * The status word with ES and B recomputed from the flags and masks: the host clears them when FNSTENV masks
     * everything and sets them from what FLDENV/FRSTOR/FXRSTOR load, not from the image's own ES bit.
     */
    static long withSummary(Cpu cpu) {
        long status = cpu.state[StateLayout.FPU_STATUS] & ~0x8080L;
        boolean pending = (status & ~cpu.state[StateLayout.FPU_CONTROL] & 0x3f) != 0;
        return pending ? status | 0x8080 : status;
    }

    /** FNSAVE: the environment and the registers in stack order, then FNINIT. */
    static void save(Cpu cpu, long address, boolean wide) {
        int env = environmentBytes(wide);
        cpu.memory().checkWrite(address, env + 80);
        writeEnvironment(cpu, address, wide);
        int top = top(cpu);
        for (int i = 0; i < 8; i++) {
            int slot = StateLayout.fpr(top + i & 7);
            cpu.memory().store(address + env + 10L * i, 8, cpu.state[slot]);
            cpu.memory().store(address + env + 10L * i + 8, 2, cpu.state[slot + 1]);
        }
        cpu.state[StateLayout.FPU_CONTROL] = 0x37f;
        cpu.state[StateLayout.FPU_STATUS] = 0;
        cpu.state[StateLayout.FPU_TAG] = 0xffff;
    }

    /** FLDENV: control, status and tag words from the environment (the pointers are ignored). */
    static void loadEnvironment(Cpu cpu, long address, boolean wide) {
        cpu.memory().checkRead(address, environmentBytes(wide));
        int step = wide ? 4 : 2;
        long control = cpu.memory().load(address, 2);
        long status = cpu.memory().load(address + step, 2);
        long tags = cpu.memory().load(address + 2L * step, 2);
        cpu.state[StateLayout.FPU_CONTROL] = control;
        cpu.state[StateLayout.FPU_STATUS] = status;
        cpu.state[StateLayout.FPU_STATUS] = withSummary(cpu);
        cpu.state[StateLayout.FPU_TAG] = retag(cpu, tags);
    }

    /** FRSTOR: the environment and the registers. */
    static void restore(Cpu cpu, long address, boolean wide) {
        int env = environmentBytes(wide);
        cpu.memory().checkRead(address, env + 80);
        long[] significands = new long[8];
        long[] exponents = new long[8];
        for (int i = 0; i < 8; i++) {
            significands[i] = cpu.memory().load(address + env + 10L * i, 8);
            exponents[i] = cpu.memory().load(address + env + 10L * i + 8, 2);
        }
        loadEnvironment(cpu, address, wide);
        int top = top(cpu);
        for (int i = 0; i < 8; i++) {
            int slot = StateLayout.fpr(top + i & 7);
            cpu.state[slot] = significands[i];
            cpu.state[slot + 1] = exponents[i];
        }
        cpu.state[StateLayout.FPU_TAG] = retag(cpu, cpu.state[StateLayout.FPU_TAG]);
    }

    private static void writeEnvironment(Cpu cpu, long address, boolean wide) {
        GuestMemory m = cpu.memory();
        long control = cpu.state[StateLayout.FPU_CONTROL] & 0xffff;
        long status = cpu.state[StateLayout.FPU_STATUS] & 0xffff;
        long tags = savedTags(cpu);
        if (wide) {
            m.store(address, 4, control | 0xffff_0000L);
            m.store(address + 4, 4, status | 0xffff_0000L);
            m.store(address + 8, 4, tags | 0xffff_0000L);
            m.store(address + 12, 8, 0); // instruction pointer, its selector and the opcode
            m.store(address + 20, 4, 0); // operand pointer
            m.store(address + 24, 4, 0xffff_0000L); // operand selector
        } else {
            m.store(address, 2, control);
            m.store(address + 2, 2, status);
            m.store(address + 4, 2, tags);
            m.store(address + 6, 8, 0);
        }
    }

    /** The tag word as FNSTENV reports it: empty registers as in the state, the others classified afresh. */
    static long savedTags(Cpu cpu) {
        return retag(cpu, cpu.state[StateLayout.FPU_TAG]);
    }

    /** A full tag word with each non-empty register's tag computed from its contents. */
    private static long retag(Cpu cpu, long tags) {
        long full = 0;
        for (int r = 0; r < 8; r++) {
            int tag = (int) (tags >>> 2 * r & 3);
            if (tag != X87Stack.TAG_EMPTY) {
                int slot = StateLayout.fpr(r);
                tag = X87Stack.tagOf(new Extended((int) cpu.state[slot + 1], cpu.state[slot]));
            }
            full |= (long) tag << 2 * r;
        }
        return full;
    }

    private static int top(Cpu cpu) {
        return (int) (cpu.state[StateLayout.FPU_STATUS] >>> 11 & 7);
    }

    // ---- FXSAVE's x87 part (bytes 0-23 and 32-159)

    /** Writes FCW, FSW, the abridged tags, zero pointers and ST(0)-ST(7) (each in 16 bytes, the upper 6 zero). */
    static void fxsave(Cpu cpu, long address) {
        GuestMemory m = cpu.memory();
        long fcw = cpu.state[StateLayout.FPU_CONTROL] & 0xffff;
        long fsw = cpu.state[StateLayout.FPU_STATUS] & 0xffff;
        m.store(address, 8, fcw | fsw << 16 | abridged(cpu.state[StateLayout.FPU_TAG]) << 32);
        m.store(address + 8, 8, 0);
        m.store(address + 16, 8, 0);
        int top = top(cpu);
        for (int i = 0; i < 8; i++) {
            int slot = StateLayout.fpr(top + i & 7);
            m.store(address + 32 + 16L * i, 8, cpu.state[slot]);
            m.store(address + 40 + 16L * i, 8, cpu.state[slot + 1] & 0xffff);
        }
    }

    /** Loads what {@link #fxsave} writes (the area already checked); tags rebuilt from the abridged byte. */
    static void fxrstor(Cpu cpu, long address) {
        GuestMemory m = cpu.memory();
        long words = m.load(address, 8);
        cpu.state[StateLayout.FPU_CONTROL] = words & 0xffff;
        cpu.state[StateLayout.FPU_STATUS] = words >>> 16 & 0xffff;
        cpu.state[StateLayout.FPU_STATUS] = withSummary(cpu);
        int top = top(cpu);
        for (int i = 0; i < 8; i++) {
            int slot = StateLayout.fpr(top + i & 7);
            cpu.state[slot] = m.load(address + 32 + 16L * i, 8);
            cpu.state[slot + 1] = m.load(address + 40 + 16L * i, 2);
        }
        long abridged = words >>> 32 & 0xff;
        long full = 0;
        for (int r = 0; r < 8; r++) {
            if ((abridged >>> r & 1) == 0) {
                full |= 3L << 2 * r;
            }
        }
        cpu.state[StateLayout.FPU_TAG] = retag(cpu, full);
    }

    /** FXSAVE's abridged tag byte: bit i set when register i is not empty. */
    private static long abridged(long full) {
        long abridged = 0;
        for (int i = 0; i < 8; i++) {
            if ((full >>> 2 * i & 3) != 3) {
                abridged |= 1L << i;
            }
        }
        return abridged;
    }
}
