package dev.jx86.runtime.abi;

import dev.jx86.runtime.fpu.Extended;

/**
 * A CPU with 64 KiB of memory for the x87 helper tests: sets up the register stack, runs helpers and reads the
 * results, all through the state slots as translated code leaves them.
 */
final class X87Machine {
    static final long DATA = 0x1000;

    private static final class Memory implements GuestMemory {
        final byte[] bytes = new byte[0x10000];

        private int at(long address, long size) {
            if (address < 0 || address + size > bytes.length) {
                throw new GuestFault(Vectors.PF, 4, address);
            }
            return (int) address;
        }

        @Override
        public long load(long address, int size) {
            int a = at(address, size);
            long v = 0;
            for (int i = size - 1; i >= 0; i--) {
                v = v << 8 | (bytes[a + i] & 0xff);
            }
            return v;
        }

        @Override
        public void store(long address, int size, long value) {
            int a = at(address, size);
            for (int i = 0; i < size; i++) {
                bytes[a + i] = (byte) (value >>> 8 * i);
            }
        }

        @Override
        public int fetch(long address, byte[] buffer, int length) {
            return 0;
        }

        @Override
        public void checkWrite(long address, long length) {
            at(address, length);
        }

        @Override
        public void checkRead(long address, long length) {
            at(address, length);
        }
    }

    final Cpu cpu = new Cpu(new Memory(), CpuMode.LONG_64);

    /** FNINIT, then the control word. */
    X87Machine control(int fcw) {
        cpu.state[StateLayout.FPU_CONTROL] = fcw;
        cpu.state[StateLayout.FPU_STATUS] = 0;
        cpu.state[StateLayout.FPU_TAG] = 0xffff;
        return this;
    }

    /** Pushes {@code v} as FLD m80 does. */
    X87Machine push(Extended v) {
        call(X87Helpers.LOAD, X87MemoryFormat.EXTENDED.ordinal(), v.significand(), v.signExponent());
        return this;
    }

    long call(RuntimeHelper helper, long... args) {
        return helper.body().call(cpu, args);
    }

    void run(X87Function f) {
        call(X87Helpers.function(f));
    }

    Extended st(int i) {
        int top = top();
        int slot = StateLayout.fpr(top + i & 7);
        return new Extended((int) cpu.state[slot + 1], cpu.state[slot]);
    }

    int top() {
        return (int) (cpu.state[StateLayout.FPU_STATUS] >>> 11 & 7);
    }

    int status() {
        return (int) cpu.state[StateLayout.FPU_STATUS] & 0xffff;
    }

    /** The tag of ST(i): 0 valid, 1 zero, 2 special, 3 empty. */
    int tag(int i) {
        return (int) (cpu.state[StateLayout.FPU_TAG] >>> 2 * (top() + i & 7) & 3);
    }

    long memory(long address, int size) {
        return cpu.memory().load(address, size);
    }

    void memory(long address, int size, long value) {
        cpu.memory().store(address, size, value);
    }

    static Extended parse(String text) {
        String[] parts = text.strip().split(":");
        return new Extended(Integer.parseInt(parts[0], 16), Long.parseUnsignedLong(parts[1], 16));
    }
}
