package dev.jx86.conformance.difftest;

import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.flags.Eflags;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares how a case ended on the host and under jx86: where and why it stopped, the GPRs, the status flags but
 * those {@link FlagMask} leaves out, DF, the XMM registers, MXCSR, the x87 state (control, status and abridged tag
 * words, ST(0)-ST(7)) and the data buffer (by 8-byte word). Bits of RFLAGS other than these (RF, which the host
 * sets in a fault's frame; IF) are not compared. After an x87 transcendental instruction, whose last bit differs
 * between processors (docs/lifter-x87.md), the x87 registers may differ in their last 12 bits (the ulp and what
 * later arithmetic makes of it) and C1 (which tells how the last bit was rounded) is not compared.
 */
final class Comparison {
    private static final String[] GPR = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"
    };

    private Comparison() {}

    /** The x87 instructions whose results may be one unit in the last place from the host's. */
    static final Set<Mnemonic> TRANSCENDENTAL = Set.of(
            Mnemonic.FSIN,
            Mnemonic.FCOS,
            Mnemonic.FSINCOS,
            Mnemonic.FPTAN,
            Mnemonic.FPATAN,
            Mnemonic.F2XM1,
            Mnemonic.FYL2X,
            Mnemonic.FYL2XP1);

    static List<String> differences(Outcome host, Outcome jx86, FlagMask mask, boolean bits64) {
        return differences(host, jx86, mask, bits64, false);
    }

    /**
     * The differences, one line each; empty when the outcomes agree. In 32-bit mode ({@code bits64} false) only
     * the low halves of the eight GPRs are compared, and no SSE state (the x87 state is).
     */
    static List<String> differences(Outcome host, Outcome jx86, FlagMask mask, boolean bits64, boolean approximate) {
        List<String> out = new ArrayList<>();
        if (host.stop() != jx86.stop() || host.pc() != jx86.pc()) {
            out.add(String.format(
                    "stop: host %s at 0x%x, jx86 %s at 0x%x%s",
                    host.stop(),
                    host.pc(),
                    jx86.stop(),
                    jx86.pc(),
                    jx86.note() == null ? "" : " (" + jx86.note() + ")"));
        }
        MachineState h = host.state();
        MachineState j = jx86.state();
        long width = bits64 ? -1 : 0xffffffffL;
        for (int i = 0; i < (bits64 ? 16 : 8); i++) {
            if (((h.gpr[i] ^ j.gpr[i]) & width) != 0) {
                out.add(String.format("%s: host 0x%x, jx86 0x%x", GPR[i], h.gpr[i], j.gpr[i]));
            }
        }
        int compared = (Eflags.STATUS & ~mask.undefined()) | Eflags.DF;
        long hf = h.rflags & compared;
        long jf = j.rflags & compared;
        if (hf != jf) {
            out.add(String.format(
                    "rflags: host %s, jx86 %s (compared %s)",
                    Eflags.names((int) hf), Eflags.names((int) jf), Eflags.names(compared)));
        }
        for (int i = 0; i < (bits64 ? 16 : 0); i++) {
            if (h.xmm[2 * i] != j.xmm[2 * i] || h.xmm[2 * i + 1] != j.xmm[2 * i + 1]) {
                out.add(String.format(
                        "xmm%d: host %016x_%016x, jx86 %016x_%016x",
                        i, h.xmm[2 * i + 1], h.xmm[2 * i], j.xmm[2 * i + 1], j.xmm[2 * i]));
            }
        }
        if (bits64 && (h.mxcsr & 0xffff) != (j.mxcsr & 0xffff)) {
            out.add(String.format("mxcsr: host 0x%x, jx86 0x%x", h.mxcsr & 0xffff, j.mxcsr & 0xffff));
        }
        x87(h, j, approximate, out);
        for (int at = 0; at < h.data.length; at += 8) {
            long hw = word(h.data, at);
            long jw = word(j.data, at);
            if (hw != jw) {
                out.add(String.format("memory 0x%x: host %016x, jx86 %016x", Layout.DATA_BASE + at, hw, jw));
            }
        }
        return out;
    }

    private static void x87(MachineState h, MachineState j, boolean approximate, List<String> out) {
        if (h.fcw != j.fcw) {
            out.add(String.format("fcw: host 0x%04x, jx86 0x%04x", h.fcw, j.fcw));
        }
        int compared = approximate ? ~0x200 : ~0;
        if (((h.fsw ^ j.fsw) & compared) != 0) {
            out.add(String.format("fsw: host 0x%04x, jx86 0x%04x", h.fsw, j.fsw));
        }
        if (h.ftw != j.ftw) {
            out.add(String.format("ftw (abridged): host 0x%02x, jx86 0x%02x", h.ftw, j.ftw));
        }
        for (int i = 0; i < 8; i++) {
            boolean same = h.stSignificand[i] == j.stSignificand[i] && h.stExponent[i] == j.stExponent[i];
            if (!same && !(approximate && oneUlpApart(h, j, i))) {
                out.add(String.format(
                        "st(%d): host %04x:%016x, jx86 %04x:%016x",
                        i, h.stExponent[i], h.stSignificand[i], j.stExponent[i], j.stSignificand[i]));
            }
        }
    }

    /**
     * Whether ST(i) of the two states are finite numbers of one sign a few units in the last place apart: a
     * transcendental's last bit, grown a little by the arithmetic after it.
     */
    private static boolean oneUlpApart(MachineState h, MachineState j, int i) {
        if (h.stExponent[i] == j.stExponent[i]) {
            long d = h.stSignificand[i] - j.stSignificand[i];
            return (h.stExponent[i] & 0x7fff) != 0x7fff && Math.abs(d) < 1 << 12;
        }
        int low = Math.min(h.stExponent[i], j.stExponent[i]);
        boolean hLow = h.stExponent[i] == low;
        long lowSignificand = hLow ? h.stSignificand[i] : j.stSignificand[i];
        long highSignificand = hLow ? j.stSignificand[i] : h.stSignificand[i];
        return Math.max(h.stExponent[i], j.stExponent[i]) == low + 1
                && (low & 0x7fff) != 0x7ffe
                && lowSignificand == -1L
                && highSignificand == Long.MIN_VALUE;
    }

    static long word(byte[] data, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (data[at + i] & 0xff);
        }
        return v;
    }
}
