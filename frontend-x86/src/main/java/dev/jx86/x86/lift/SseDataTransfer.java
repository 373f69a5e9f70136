package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.lift.SseOperands.on;

import dev.jx86.ir.IntCondition;
import dev.jx86.ir.LaneShape;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.x86.decode.Register;

/**
 * SSE and SSE2 data transfer (SDM Vol. 1 10.4.1, 11.4.1, 11.4.4 and 10.4.6.2): whole-register and scalar moves,
 * half moves, moves to and from general-purpose registers, mask extraction, and the non-temporal stores (which are
 * plain stores here: caching hints have no visible effect, and jx86's stores are already ordered as TSO requires).
 */
final class SseDataTransfer implements Semantics {
    @Override
    public void register(HandlerTable t) {
        on(t, c -> move(c, true), MOVAPS, MOVAPD, MOVDQA);
        on(t, c -> move(c, false), MOVUPS, MOVUPD, MOVDQU);
        on(t, c -> moveScalar(c, Type.I32), MOVSS);
        on(t, c -> moveScalar(c, Type.I64), MOVSD);
        on(t, c -> moveHalf(c, 0), MOVLPS, MOVLPD);
        on(t, c -> moveHalf(c, 64), MOVHPS, MOVHPD);
        on(t, SseDataTransfer::movhlps, MOVHLPS);
        on(t, SseDataTransfer::movlhps, MOVLHPS);
        on(t, c -> moveInteger(c, Type.I32), MOVD);
        on(t, c -> moveInteger(c, Type.I64), MOVQ);
        on(t, c -> moveMask(c, LaneShape.I32X4), MOVMSKPS);
        on(t, c -> moveMask(c, LaneShape.I64X2), MOVMSKPD);
        on(t, c -> moveMask(c, LaneShape.I8X16), PMOVMSKB);
        on(t, c -> SseOperands.storeVector(c, 0, c.read(SseOperands.xmm(c, 1)), true), MOVNTPS, MOVNTPD, MOVNTDQ);
        on(t, c -> c.write(0, c.read(1)), MOVNTI);
        on(t, c -> maskMove(c, Type.V128), MASKMOVDQU);
    }

    /** MOVAPS/MOVUPS and kin: 16 bytes between registers and memory; the A forms fault on misaligned memory. */
    private static void move(LiftContext c, boolean aligned) {
        if (c.isMemory(0)) {
            SseOperands.storeVector(c, 0, c.read(SseOperands.xmm(c, 1)), aligned);
        } else {
            SseOperands.writeVector(c, 0, SseOperands.vector(c, 1, aligned));
        }
    }

    /** MOVSS/MOVSD: register to register merges the low lane; a load zeroes the rest; a store writes the lane. */
    private static void moveScalar(LiftContext c, Type lane) {
        if (c.isMemory(0)) {
            c.store(c.address(c.memory(0)), SseOperands.scalar(c, 1, lane));
        } else if (c.isMemory(1)) {
            SseOperands.writeVector(c, 0, SseOperands.widen(c, SseOperands.scalar(c, 1, lane)));
        } else {
            SseOperands.writeLow(c, 0, SseOperands.scalar(c, 1, lane));
        }
    }

    /** MOVLPS/MOVHPS/MOVLPD/MOVHPD: the low or high 64 bits of a register from or to memory. */
    private static void moveHalf(LiftContext c, int offset) {
        if (c.isMemory(0)) {
            c.store(c.address(c.memory(0)), c.ir().extract(Type.I64, c.read(SseOperands.xmm(c, 1)), offset));
        } else {
            Register dst = SseOperands.xmm(c, 0);
            c.write(dst, c.ir().insert(c.read(dst), c.read(1, 8), offset));
        }
    }

    private static void movhlps(LiftContext c) {
        Register dst = SseOperands.xmm(c, 0);
        Value high = c.ir().extract(Type.I64, c.read(SseOperands.xmm(c, 1)), 64);
        c.write(dst, c.ir().insert(c.read(dst), high, 0));
    }

    private static void movlhps(LiftContext c) {
        Register dst = SseOperands.xmm(c, 0);
        Value low = c.ir().extract(Type.I64, c.read(SseOperands.xmm(c, 1)), 0);
        c.write(dst, c.ir().insert(c.read(dst), low, 64));
    }

    /**
     * MOVD/MOVQ: an XMM destination gets the value zero-extended to 128 bits (also MOVQ xmm, xmm); a general
     * register or memory destination gets the low 32 or 64 bits.
     */
    private static void moveInteger(LiftContext c, Type size) {
        if (c.insn().operand(0) instanceof Register r && r.kind() == Register.Kind.XMM) {
            c.write(r, SseOperands.widen(c, SseOperands.scalar(c, 1, size)));
        } else {
            c.write(0, SseOperands.scalar(c, 1, size));
        }
    }

    /** MOVMSKPS/MOVMSKPD/PMOVMSKB: the lanes' sign bits into a general register, zero-extended. */
    private static void moveMask(LiftContext c, LaneShape shape) {
        Value mask = c.ir().vector(Op.VMOVEMASK, shape, SseOperands.vector(c, 1));
        c.write(0, c.resize(mask, LiftContext.type(c.operandBytes(0))));
    }

    /**
     * MASKMOVDQU (and MASKMOVQ, {@code width} I64): the bytes of the first operand whose mask byte (second operand)
     * has its top bit set are stored at DS:rDI. Done as a read-modify-write of the whole width, so it faults like a
     * full access even when the mask is partial (the SDM allows faults on masked-out bytes) and is not atomic
     * against other threads' stores to the unselected bytes.
     */
    static void maskMove(LiftContext c, Type width) {
        int bytes = c.insn().addressSize();
        Value di = c.resize(c.read(c.gpr(bytes, StateLayout.RDI)), Type.I64);
        Value address = c.withSegmentBase(segmentOverride(c), di);
        Value mask = c.ir().vicmp(IntCondition.SLT, LaneShape.I8X16, SseOperands.vector(c, 1), SseOperands.zero(c));
        Value data = SseOperands.vector(c, 0);
        if (width != Type.V128) {
            mask = c.ir().extract(width, mask, 0);
            data = c.ir().extract(width, data, 0);
        }
        Value old = c.load(width, address);
        c.store(address, c.ir().or(c.ir().and(data, mask), c.ir().binary(Op.ANDN, mask, old)));
    }

    /** FS or GS when a segment-override prefix names one (the only segments with a base in flat mode), else DS. */
    private static Register segmentOverride(LiftContext c) {
        var p = c.insn().prefixes();
        Register segment = Register.DS;
        for (int i = 0; i < p.count(); i++) {
            if (p.byteAt(i) == 0x64) {
                segment = Register.FS;
            } else if (p.byteAt(i) == 0x65) {
                segment = Register.GS;
            }
        }
        return segment;
    }
}
