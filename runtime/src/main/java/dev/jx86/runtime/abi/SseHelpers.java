package dev.jx86.runtime.abi;

import static dev.jx86.runtime.abi.Helpers.define;

import dev.jx86.ir.Effect;
import dev.jx86.ir.Type;
import java.lang.invoke.VarHandle;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Helpers of the SSE front end, ids 300-399: the reciprocal approximations (rare, with special cases the IR's float
 * ops do not have), FXSAVE/FXRSTOR (512 bytes of state, checked before anything is written), and MFENCE.
 */
public final class SseHelpers {
    private SseHelpers() {}

    /** The bits of MXCSR that software may set (FXSAVE reports it as MXCSR_MASK): flags, masks, RC, FTZ, DAZ. */
    public static final int MXCSR_MASK = 0xffff;

    /**
     * {@code rcp_f32(x)}: RCPSS/RCPPS of one binary32 lane. The hardware returns an approximation whose low bits
     * differ between processors (relative error at most 1.5 * 2^-12); this gives the correctly rounded 1/x, which
     * is within that bound, with the hardware's special cases: a denormal input counts as zero (result ±inf), a
     * result below the normal range is flushed to ±0, a NaN comes back quieted.
     */
    public static final RuntimeHelper RCP_F32 =
            define(300, "rcp_f32", List.of(Type.I32), Type.I32, Set.of(), (cpu, args) -> rcp((int) args[0]));

    /**
     * {@code rsqrt_f32(x)}: RSQRTSS/RSQRTPS of one binary32 lane, correctly rounded 1/sqrt(x) (see {@link #RCP_F32});
     * ±0 and denormals give ±inf, a negative number the default NaN, +inf gives +0.
     */
    public static final RuntimeHelper RSQRT_F32 =
            define(301, "rsqrt_f32", List.of(Type.I32), Type.I32, Set.of(), (cpu, args) -> rsqrt((int) args[0]));

    /**
     * {@code fxsave(address)}: FXSAVE/FXSAVE64 to the 512-byte area at {@code address}: #GP(0) if it is not 16-byte
     * aligned, the page fault of the area if any byte is not writable, else the image with MXCSR at 24, MXCSR_MASK at
     * 28 and XMM0-15 at 160 (XMM0-7 outside 64-bit mode). The x87 part holds the control, status and abridged tag
     * words, zero pointers and ST(0)-ST(7) ({@link X87Environment}). Bytes 416-511 are left alone.
     */
    public static final RuntimeHelper FXSAVE = define(
            302,
            "fxsave",
            List.of(Type.I64),
            Type.VOID,
            EnumSet.of(Effect.READS_STATE, Effect.READS_MEMORY, Effect.WRITES_MEMORY, Effect.MAY_FAULT),
            (cpu, args) -> {
                fxsave(cpu, args[0]);
                return 0;
            });

    /**
     * {@code fxrstor(address)}: FXRSTOR/FXRSTOR64 from the 512-byte area at {@code address}: #GP(0) if misaligned or
     * if the saved MXCSR sets bits outside {@link #MXCSR_MASK}, the page fault of the area if unreadable, else MXCSR
     * the XMM registers (XMM0-7 outside 64-bit mode) and the x87 state are loaded.
     */
    public static final RuntimeHelper FXRSTOR = define(
            303,
            "fxrstor",
            List.of(Type.I64),
            Type.VOID,
            EnumSet.of(Effect.READS_STATE, Effect.READS_MEMORY, Effect.WRITES_STATE, Effect.MAY_FAULT),
            (cpu, args) -> {
                fxrstor(cpu, args[0]);
                return 0;
            });

    /**
     * {@code memory_fence()}: MFENCE. x86 lets a store pass a later load (TSO); MFENCE forbids it, which on the host
     * takes a full fence. Declared as reading and writing memory so that no pass moves or removes it.
     */
    public static final RuntimeHelper MEMORY_FENCE = define(
            304,
            "memory_fence",
            List.of(),
            Type.VOID,
            EnumSet.of(Effect.READS_MEMORY, Effect.WRITES_MEMORY),
            (cpu, args) -> {
                VarHandle.fullFence();
                return 0;
            });

    static List<RuntimeHelper> all() {
        return List.of(RCP_F32, RSQRT_F32, FXSAVE, FXRSTOR, MEMORY_FENCE);
    }

    private static long rcp(int x) {
        int sign = x & 0x8000_0000;
        int magnitude = x & 0x7fff_ffff;
        if (magnitude > 0x7f80_0000) {
            return (x | 0x0040_0000) & 0xffff_ffffL;
        }
        if (magnitude < 0x0080_0000) {
            return (sign | 0x7f80_0000) & 0xffff_ffffL;
        }
        return flushDenormal((float) (1.0 / Float.intBitsToFloat(x)));
    }

    private static long rsqrt(int x) {
        int sign = x & 0x8000_0000;
        int magnitude = x & 0x7fff_ffff;
        if (magnitude > 0x7f80_0000) {
            return (x | 0x0040_0000) & 0xffff_ffffL;
        }
        if (magnitude < 0x0080_0000) {
            return (sign | 0x7f80_0000) & 0xffff_ffffL;
        }
        if (sign != 0) {
            return 0xffc0_0000L;
        }
        return flushDenormal((float) (1.0 / Math.sqrt(Float.intBitsToFloat(x))));
    }

    private static long flushDenormal(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & 0x7f80_0000) == 0) {
            bits &= 0x8000_0000;
        }
        return bits & 0xffff_ffffL;
    }

    private static int xmmCount(Cpu cpu) {
        return cpu.mode() == CpuMode.LONG_64 ? 16 : 8;
    }

    private static void checkArea(long address) {
        if ((address & 15) != 0) {
            throw new GuestFault(Vectors.GP, 0, 0);
        }
    }

    private static void fxsave(Cpu cpu, long address) {
        checkArea(address);
        GuestMemory memory = cpu.memory();
        memory.checkWrite(address, 512);
        X87Environment.fxsave(cpu, address);
        memory.store(address + 24, 4, cpu.state[StateLayout.MXCSR] & 0xffff_ffffL);
        memory.store(address + 28, 4, MXCSR_MASK);
        for (int i = 0; i < xmmCount(cpu); i++) {
            int slot = StateLayout.xmm(i);
            memory.store128(address + 160 + 16L * i, cpu.state[slot], cpu.state[slot + 1]);
        }
    }

    private static void fxrstor(Cpu cpu, long address) {
        checkArea(address);
        GuestMemory memory = cpu.memory();
        memory.checkRead(address, 512);
        long mxcsr = memory.load(address + 24, 4);
        if ((mxcsr & ~(long) MXCSR_MASK) != 0) {
            throw new GuestFault(Vectors.GP, 0, 0);
        }
        long[] value = new long[2];
        long[] xmm = new long[2 * xmmCount(cpu)];
        for (int i = 0; i < xmmCount(cpu); i++) {
            memory.load128(address + 160 + 16L * i, value);
            xmm[2 * i] = value[0];
            xmm[2 * i + 1] = value[1];
        }
        cpu.state[StateLayout.MXCSR] = mxcsr;
        System.arraycopy(xmm, 0, cpu.state, StateLayout.XMM0, xmm.length);
        X87Environment.fxrstor(cpu, address);
    }
}
