package dev.jx86.conformance.difftest;

import java.util.Arrays;

/**
 * The guest state a differential test sets up and compares: the 16 GPRs in encoding order, RFLAGS, MXCSR, the
 * 16 XMM registers as low/high 64-bit halves, the x87 state and the data buffer. The x87 tag word is the full one
 * in an initial state and FXSAVE's abridged one (a bit per register, set if not empty) in a final state; ST(i) is
 * a 64-bit significand and a 16-bit sign and exponent.
 */
final class MachineState {
    final long[] gpr = new long[16];
    long rflags;
    int mxcsr;
    final long[] xmm = new long[32];
    int fcw = 0x37f;
    int fsw;
    int ftw = 0xffff;
    final long[] stSignificand = new long[8];
    final int[] stExponent = new int[8];
    final byte[] data = new byte[Layout.DATA_SIZE];

    MachineState copy() {
        MachineState s = new MachineState();
        System.arraycopy(gpr, 0, s.gpr, 0, 16);
        s.rflags = rflags;
        s.mxcsr = mxcsr;
        System.arraycopy(xmm, 0, s.xmm, 0, 32);
        s.fcw = fcw;
        s.fsw = fsw;
        s.ftw = ftw;
        System.arraycopy(stSignificand, 0, s.stSignificand, 0, 8);
        System.arraycopy(stExponent, 0, s.stExponent, 0, 8);
        System.arraycopy(data, 0, s.data, 0, data.length);
        return s;
    }

    /** Fills the data buffer from {@code seed} exactly as the native harness does (splitmix64, little-endian). */
    static void fill(byte[] data, long seed) {
        long state = seed;
        for (int i = 0; i < data.length; i += 8) {
            state += 0x9e3779b97f4a7c15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            z ^= z >>> 31;
            for (int b = 0; b < 8; b++) {
                data[i + b] = (byte) (z >>> (8 * b));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MachineState s
                && Arrays.equals(gpr, s.gpr)
                && rflags == s.rflags
                && mxcsr == s.mxcsr
                && Arrays.equals(xmm, s.xmm)
                && fcw == s.fcw
                && fsw == s.fsw
                && ftw == s.ftw
                && Arrays.equals(stSignificand, s.stSignificand)
                && Arrays.equals(stExponent, s.stExponent)
                && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(gpr) * 31 + Long.hashCode(rflags);
    }
}
