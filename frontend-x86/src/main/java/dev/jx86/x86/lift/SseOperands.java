package dev.jx86.x86.lift;

import dev.jx86.ir.IntCondition;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.x86.decode.Immediate;
import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Memory;
import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.decode.Operand;
import dev.jx86.x86.decode.Register;

/**
 * The operand machinery the SSE and SSE2 handlers share: XMM and memory operands as 128-bit or scalar values, the
 * 16-byte alignment rule of legacy SSE memory operands (SDM Vol. 1 10.4.1.1: #GP(0) when a 128-bit operand is not
 * aligned, except for the unaligned moves), and the guard that keeps handlers to their legacy forms.
 *
 * <p>The guard: VEX-encoded forms decode to their own V-mnemonics; any VEX form that reaches an SSE handler raises
 * #UD. MMX-register forms never reach these handlers through the guard ({@link HandlerTable#get(Instruction)}
 * sends them to the {@code Mmx*} classes), but many MMX forms are these handlers run on MMX operands: an MMX
 * register reads as a v128 whose high half is zero, and a write keeps the low 64 bits ({@link MmxOperands}).
 */
final class SseOperands {
    private SseOperands() {}

    /** Registers {@code handler} for {@code mnemonics}, guarded so that no VEX form reaches it. */
    static void on(HandlerTable t, Handler handler, Mnemonic... mnemonics) {
        t.on(
                c -> {
                    if (c.insn().prefixes().vex() == null) {
                        handler.lift(c);
                    } else {
                        c.raise(Vectors.UD);
                    }
                },
                mnemonics);
    }

    /**
     * MXCSR as the float ops' environment operand: its rounding control, FTZ and DAZ bits are where the IR's
     * {@link dev.jx86.ir.FloatEnvironment} reads them, so every float op follows MXCSR at run time.
     */
    static Value environment(LiftContext c) {
        return c.get(Type.I32, StateLayout.MXCSR);
    }

    /** The XMM (or MMX) register operand {@code i}. */
    static Register xmm(LiftContext c, int i) {
        return (Register) c.insn().operand(i);
    }

    /** Operand {@code i} (an XMM register or an aligned 16-byte memory operand) as a v128. */
    static Value vector(LiftContext c, int i) {
        return vector(c, i, true);
    }

    /**
     * Operand {@code i} as a v128: an XMM register, an MMX register zero-extended, or memory — 16 bytes (checked for alignment if {@code aligned}),
     * or a narrower operand (m64 of CVTPS2PD, m32...) loaded and zero-extended.
     */
    static Value vector(LiftContext c, int i, boolean aligned) {
        Operand op = c.insn().operand(i);
        if (op instanceof Register r) {
            return r.kind() == Register.Kind.MMX ? widen(c, c.read(r)) : c.read(r);
        }
        Memory m = (Memory) op;
        Value address = c.address(m);
        if (m.size() == 16 || m.size() == 0) {
            if (aligned) {
                checkAligned(c, address, 16);
            }
            return c.load(Type.V128, address);
        }
        return widen(c, c.load(LiftContext.type(m.size()), address));
    }

    /** Raises #GP(0) unless {@code address} is a multiple of {@code bytes} (a power of two). */
    static void checkAligned(LiftContext c, Value address, int bytes) {
        Value misaligned = c.ir().icmp(IntCondition.NE, c.ir().and(address, c.i64(bytes - 1)), c.i64(0));
        c.raiseIf(misaligned, Vectors.GP, 0);
    }

    /** The low {@code type} bits of operand {@code i}: of an XMM register, or a load of that size. */
    static Value scalar(LiftContext c, int i, Type type) {
        Operand op = c.insn().operand(i);
        if (op instanceof Register r && r.kind() == Register.Kind.XMM) {
            return c.ir().extract(type, c.read(r), 0);
        }
        return c.read(i, type.bits() / 8);
    }

    /** Writes XMM operand {@code i} with all 128 bits of {@code v}, or MMX operand {@code i} with the low 64. */
    static void writeVector(LiftContext c, int i, Value v) {
        Register r = xmm(c, i);
        c.write(r, r.kind() == Register.Kind.MMX ? c.ir().extract(Type.I64, v, 0) : v);
    }

    /** Writes the low lane of XMM operand {@code i} with {@code lane}, keeping the other bits. */
    static void writeLow(LiftContext c, int i, Value lane) {
        Register r = xmm(c, i);
        c.write(r, c.ir().insert(c.read(r), lane, 0));
    }

    /** Stores {@code v} (16 bytes) to memory operand {@code i}, checking alignment if {@code aligned}. */
    static void storeVector(LiftContext c, int i, Value v, boolean aligned) {
        Value address = c.address(c.memory(i));
        if (aligned) {
            checkAligned(c, address, 16);
        }
        c.store(address, v);
    }

    /** {@code x} (an integer narrower than 128 bits) zero-extended to a v128. */
    static Value widen(LiftContext c, Value x) {
        return c.ir().insert(zero(c), x, 0);
    }

    static Value zero(LiftContext c) {
        return c.ir().constantV128(0, 0);
    }

    static Value constant(LiftContext c, long low, long high) {
        return c.ir().constantV128(low, high);
    }

    /** The 8-bit immediate that is operand {@code i}. */
    static int imm8(LiftContext c, int i) {
        return (int) (((Immediate) c.insn().operand(i)).value() & 0xff);
    }

    /** A shuffle table from 16 byte indices (0..15 first operand, 16..31 second, 0xff zero). */
    static byte[] table(int... bytes) {
        byte[] t = new byte[16];
        for (int k = 0; k < 16; k++) {
            t[k] = (byte) bytes[k];
        }
        return t;
    }

    /** The shuffle table that places {@code lanes} (element indices into a then b, -1 for zero) of width bytes. */
    static byte[] laneTable(int width, int... lanes) {
        byte[] t = new byte[16];
        for (int lane = 0; lane < lanes.length; lane++) {
            for (int k = 0; k < width; k++) {
                t[lane * width + k] = lanes[lane] < 0 ? (byte) 0xff : (byte) (lanes[lane] * width + k);
            }
        }
        return t;
    }
}
