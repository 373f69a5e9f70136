package dev.jx86.runtime.abi;

import static dev.jx86.runtime.abi.StateLayout.FPU_CONTROL;
import static dev.jx86.runtime.abi.StateLayout.FPU_STATUS;
import static dev.jx86.runtime.abi.StateLayout.FPU_TAG;

import dev.jx86.runtime.fpu.Extended;
import dev.jx86.runtime.fpu.ExtendedFastPath;
import dev.jx86.runtime.fpu.FpuContext;

/**
 * The common case of the hot x87 helpers, on the CPU state's slots with no allocation: no exception pending, the
 * operands in use, no stack fault, and for arithmetic the control word Linux starts with (every exception masked,
 * 64-bit precision, round to nearest) and normal operands and result. Each method answers whether it did the
 * instruction; when it did not it changed nothing, and {@link X87Operations} does it exactly as before. The result
 * of each is bit for bit the reference's (the status and tag words included): {@code X87FastPathTest}.
 */
final class X87FastPath {
    private X87FastPath() {}

    /** Whether a compare's answer is "not handled": no EFLAGS value has every bit set. */
    static final long NOT_HANDLED = -1;

    private static final int TOP_SHIFT = 11;
    private static final int TOP_MASK = 7 << TOP_SHIFT;
    /** The control word bits the arithmetic depends on: rounding, precision and the exception masks. */
    private static final int ARITHMETIC_CONTROL = 0x0f3f;
    /** Round to nearest, 64-bit precision, all exceptions masked. */
    private static final int DEFAULT_CONTROL = 0x033f;

    /** ST(dst) = ST(dst) op ST(src), popped if {@code pop}: FADD, FSUB, FSUBR, FMUL, FDIV, FDIVR and their P forms. */
    static boolean arithmetic(long[] s, int operation, int dst, int src, boolean pop) {
        if (((int) s[FPU_CONTROL] & ARITHMETIC_CONTROL) != DEFAULT_CONTROL) {
            return false;
        }
        int status = (int) s[FPU_STATUS];
        int tags = (int) s[FPU_TAG];
        int top = status >>> TOP_SHIFT & 7;
        int pd = top + dst & 7;
        int ps = top + src & 7;
        if (empty(tags, pd) || empty(tags, ps)) {
            return false;
        }
        int d = StateLayout.fpr(pd);
        int o = StateLayout.fpr(ps);
        int r = switch (operation) {
            case X87Operations.ADD -> ExtendedFastPath.add(s, d, s[d + 1], s[d], s[o + 1], s[o], false);
            case X87Operations.SUB -> ExtendedFastPath.add(s, d, s[d + 1], s[d], s[o + 1], s[o], true);
            case X87Operations.SUBR -> ExtendedFastPath.add(s, d, s[o + 1], s[o], s[d + 1], s[d], true);
            case X87Operations.MUL -> ExtendedFastPath.multiply(s, d, s[d + 1], s[d], s[o + 1], s[o]);
            case X87Operations.DIV -> ExtendedFastPath.divide(s, d, s[d + 1], s[d], s[o + 1], s[o]);
            case X87Operations.DIVR -> ExtendedFastPath.divide(s, d, s[o + 1], s[o], s[d + 1], s[d]);
            default -> ExtendedFastPath.NOT_HANDLED;
        };
        if (r == ExtendedFastPath.NOT_HANDLED) {
            return false;
        }
        tags &= ~(3 << 2 * pd); // a normal result: valid
        status &= ~X87Stack.C1;
        if ((r & ExtendedFastPath.ROUNDED_UP) != 0) {
            status |= X87Stack.C1;
        }
        if ((r & ExtendedFastPath.INEXACT) != 0) {
            status |= FpuContext.PE;
        }
        if (pop) {
            tags |= X87Stack.TAG_EMPTY << 2 * top;
            status = status & ~TOP_MASK | (top + 1 & 7) << TOP_SHIFT;
        }
        s[FPU_STATUS] = status;
        s[FPU_TAG] = tags;
        return true;
    }

    /** FLD ST(i). */
    static boolean loadRegister(long[] s, int i) {
        int status = (int) s[FPU_STATUS];
        int tags = (int) s[FPU_TAG];
        int top = status >>> TOP_SHIFT & 7;
        int from = top + i & 7;
        int to = top - 1 & 7;
        if (pending(s, status) || empty(tags, from) || !empty(tags, to)) {
            return false;
        }
        copy(s, from, to);
        s[FPU_TAG] = tags & ~(3 << 2 * to) | tagOf(s, to) << 2 * to;
        s[FPU_STATUS] = status & ~(TOP_MASK | X87Stack.C1) | to << TOP_SHIFT;
        return true;
    }

    /**
     * FLD m32fp/m64fp of a normal number or zero, FLD m80fp, FILD: pushes the value ({@code high}: bytes 8-9 of an
     * 80-bit operand).
     */
    static boolean load(long[] s, X87MemoryFormat format, long bits, long high) {
        int status = (int) s[FPU_STATUS];
        int tags = (int) s[FPU_TAG];
        int to = (status >>> TOP_SHIFT) - 1 & 7;
        if (pending(s, status) || !empty(tags, to)) {
            return false;
        }
        int slot = StateLayout.fpr(to);
        switch (format) {
            case SINGLE -> {
                if (!binary(s, slot, bits << 32, 8)) {
                    return false;
                }
            }
            case DOUBLE -> {
                if (!binary(s, slot, bits, 11)) {
                    return false;
                }
            }
            case EXTENDED -> {
                s[slot] = bits;
                s[slot + 1] = high & 0xffff;
            }
            case WORD_INTEGER -> integer(s, slot, (short) bits);
            case SHORT_INTEGER -> integer(s, slot, (int) bits);
            case LONG_INTEGER -> integer(s, slot, bits);
            case PACKED_BCD -> {
                return false;
            }
        }
        s[FPU_TAG] = tags & ~(3 << 2 * to) | tagOf(s, to) << 2 * to;
        s[FPU_STATUS] = status & ~(TOP_MASK | X87Stack.C1) | to << TOP_SHIFT;
        return true;
    }

    /**
     * A binary32 or binary64 value, its bits at the top of {@code bits} with {@code exponentBits} of exponent, widened
     * into register slot {@code slot} if it is a normal number or zero (whose widening is exact and raises nothing).
     */
    private static boolean binary(long[] s, int slot, long bits, int exponentBits) {
        int maxExponent = (1 << exponentBits) - 1;
        int e = (int) (bits >>> (63 - exponentBits)) & maxExponent;
        long fraction = bits << (exponentBits + 1);
        long sign = bits < 0 ? 0x8000 : 0;
        if (e == 0 && fraction == 0) {
            s[slot] = 0;
            s[slot + 1] = sign;
            return true;
        }
        if (e == 0 || e == maxExponent) {
            return false;
        }
        s[slot] = Long.MIN_VALUE | fraction >>> 1;
        s[slot + 1] = sign | e - (maxExponent >>> 1) + Extended.BIAS;
        return true;
    }

    /** An integer, exactly, into register slot {@code slot}. */
    private static void integer(long[] s, int slot, long value) {
        long magnitude = Math.abs(value); // Long.MIN_VALUE stays 2^63 as unsigned
        int shift = Long.numberOfLeadingZeros(magnitude);
        s[slot] = magnitude << shift;
        s[slot + 1] = value == 0 ? 0 : (value < 0 ? 0x8000 : 0) | Extended.BIAS + 63 - shift;
    }

    /** FST ST(i) and FSTP ST(i). */
    static boolean storeRegister(long[] s, int i, boolean pop) {
        int status = (int) s[FPU_STATUS];
        int tags = (int) s[FPU_TAG];
        int top = status >>> TOP_SHIFT & 7;
        int to = top + i & 7;
        if (pending(s, status) || empty(tags, top)) {
            return false;
        }
        copy(s, top, to);
        tags = tags & ~(3 << 2 * to) | tagOf(s, to) << 2 * to;
        status &= ~X87Stack.C1;
        if (pop) {
            tags |= X87Stack.TAG_EMPTY << 2 * top;
            status = status & ~TOP_MASK | (top + 1 & 7) << TOP_SHIFT;
        }
        s[FPU_TAG] = tags;
        s[FPU_STATUS] = status;
        return true;
    }

    /** FXCH ST(i). */
    static boolean exchange(long[] s, int i) {
        int status = (int) s[FPU_STATUS];
        int tags = (int) s[FPU_TAG];
        int top = status >>> TOP_SHIFT & 7;
        int other = top + i & 7;
        if (pending(s, status) || empty(tags, top) || empty(tags, other)) {
            return false;
        }
        int a = StateLayout.fpr(top);
        int b = StateLayout.fpr(other);
        long significand = s[a];
        long signExponent = s[a + 1];
        s[a] = s[b];
        s[a + 1] = s[b + 1];
        s[b] = significand;
        s[b + 1] = signExponent;
        tags = tags & ~(3 << 2 * top) | tagOf(s, top) << 2 * top;
        s[FPU_TAG] = tags & ~(3 << 2 * other) | tagOf(s, other) << 2 * other;
        s[FPU_STATUS] = status & ~X87Stack.C1;
        return true;
    }

    /**
     * FCOM/FUCOM/FCOMI/FUCOMI (and the popping forms) of ST(0) with ST(i) when both are normal numbers or zeros
     * ({@code form} as {@link X87Operations#compare}): the EFLAGS after it, or {@link #NOT_HANDLED}.
     */
    static long compare(long[] s, int i, int form, long eflags) {
        int status = (int) s[FPU_STATUS];
        int tags = (int) s[FPU_TAG];
        int top = status >>> TOP_SHIFT & 7;
        int other = top + i & 7;
        if (pending(s, status) || empty(tags, top) || empty(tags, other)) {
            return NOT_HANDLED;
        }
        int a = StateLayout.fpr(top);
        int b = StateLayout.fpr(other);
        if (!normalOrZero(s[a + 1], s[a]) || !normalOrZero(s[b + 1], s[b])) {
            return NOT_HANDLED;
        }
        int order = order(s[a + 1], s[a], s[b + 1], s[b]);
        if ((form & X87Operations.SETS_EFLAGS) != 0) {
            // ZF PF CF: 000 greater, 001 less, 100 equal; OF SF AF cleared.
            eflags = eflags & ~0x8d5L | (order < 0 ? 0x01 : order == 0 ? 0x40 : 0);
        } else {
            int codes = order < 0 ? X87Stack.C0 : order == 0 ? X87Stack.C3 : 0;
            status = status & ~X87Stack.CONDITION_CODES | codes;
        }
        for (int n = form >>> X87Operations.POP_SHIFT; n > 0; n--) {
            tags |= X87Stack.TAG_EMPTY << 2 * top;
            top = top + 1 & 7;
        }
        s[FPU_TAG] = tags;
        s[FPU_STATUS] = status & ~TOP_MASK | top << TOP_SHIFT;
        return eflags;
    }

    /** The order of two normal-or-zero values: negative, 0 or positive. */
    private static int order(long seA, long sa, long seB, long sb) {
        boolean zeroA = sa == 0;
        boolean zeroB = sb == 0;
        if (zeroA && zeroB) {
            return 0;
        }
        boolean negativeA = !zeroA && (seA & 0x8000) != 0;
        boolean negativeB = !zeroB && (seB & 0x8000) != 0;
        if (negativeA != negativeB) {
            return negativeA ? -1 : 1;
        }
        int magnitude = (seA & 0x7fff) != (seB & 0x7fff)
                ? Long.compare(seA & 0x7fff, seB & 0x7fff)
                : Long.compareUnsigned(sa, sb);
        return negativeA ? -magnitude : magnitude;
    }

    private static boolean normalOrZero(long signExponent, long significand) {
        return ExtendedFastPath.normal(signExponent, significand) || (signExponent & 0x7fff) == 0 && significand == 0;
    }

    /** FWAIT's condition: an exception flag set whose mask bit is clear. */
    private static boolean pending(long[] s, int status) {
        return (status & ~(int) s[FPU_CONTROL] & 0x3f) != 0;
    }

    private static boolean empty(int tags, int physical) {
        return (tags >>> 2 * physical & 3) == X87Stack.TAG_EMPTY;
    }

    private static void copy(long[] s, int from, int to) {
        int a = StateLayout.fpr(from);
        int b = StateLayout.fpr(to);
        s[b] = s[a];
        s[b + 1] = s[a + 1];
    }

    /** The tag of physical register {@code physical} from its value, as {@link X87Stack#tagOf} gives it. */
    private static int tagOf(long[] s, int physical) {
        int slot = StateLayout.fpr(physical);
        long significand = s[slot];
        int e = (int) s[slot + 1] & 0x7fff;
        if (e == 0) {
            return significand == 0 ? X87Stack.TAG_ZERO : X87Stack.TAG_SPECIAL;
        }
        return e != 0x7fff && significand < 0 ? X87Stack.TAG_VALID : X87Stack.TAG_SPECIAL;
    }

    // ---- the bodies of the hot helpers: the fast path, else the reference. Named classes rather than lambdas, so
    // that the launcher can have HotSpot inline them into the regions that call them (docs/lifter-x87.md).

    /** {@code x87_arith}. */
    static final class Arithmetic implements HelperFunction {
        @Override
        public long call(Cpu cpu, long[] a) {
            if (!arithmetic(cpu.state, (int) a[0], (int) a[1], (int) a[2], a[3] != 0)) {
                X87Operations.arithmetic(cpu, (int) a[0], (int) a[1], (int) a[2], a[3] != 0);
            }
            return 0;
        }
    }

    /** {@code x87_compare}. */
    static final class Compare implements HelperFunction {
        @Override
        public long call(Cpu cpu, long[] a) {
            long fast = compare(cpu.state, (int) a[0], (int) a[1], a[2]);
            return fast != NOT_HANDLED ? fast : X87Operations.compare(cpu, (int) a[0], (int) a[1], a[2]);
        }
    }

    /** {@code x87_load}. */
    static final class Load implements HelperFunction {
        @Override
        public long call(Cpu cpu, long[] a) {
            if (!load(cpu.state, X87MemoryFormat.of(a[0]), a[1], a[2])) {
                X87Operations.load(cpu, X87MemoryFormat.of(a[0]), a[1], a[2]);
            }
            return 0;
        }
    }

    /** {@code x87_load_reg}. */
    static final class LoadRegister implements HelperFunction {
        @Override
        public long call(Cpu cpu, long[] a) {
            if (!loadRegister(cpu.state, (int) a[0])) {
                X87Operations.loadRegister(cpu, (int) a[0]);
            }
            return 0;
        }
    }

    /** {@code x87_store_reg}. */
    static final class StoreRegister implements HelperFunction {
        @Override
        public long call(Cpu cpu, long[] a) {
            if (!storeRegister(cpu.state, (int) a[0], a[1] != 0)) {
                X87Operations.storeRegister(cpu, (int) a[0], a[1] != 0);
            }
            return 0;
        }
    }

    /** {@code x87_fxch}. */
    static final class Exchange implements HelperFunction {
        @Override
        public long call(Cpu cpu, long[] a) {
            if (!exchange(cpu.state, (int) a[0])) {
                X87Operations.exchange(cpu, (int) a[0]);
            }
            return 0;
        }
    }
}
