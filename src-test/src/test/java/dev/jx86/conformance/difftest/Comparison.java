package dev.jx86.conformance.difftest;

import dev.jx86.x86.flags.Eflags;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares how a case ended on the host and under jx86: where and why it stopped, the GPRs, the status flags but
 * those {@link FlagMask} leaves out, DF, the XMM registers, MXCSR and the data buffer (by 8-byte word). Bits of
 * RFLAGS other than these (RF, which the host sets in a fault's frame; IF) are not compared.
 */
final class Comparison {
    private static final String[] GPR = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"
    };

    private Comparison() {}

    /**
     * The differences, one line each; empty when the outcomes agree. In 32-bit mode ({@code bits64} false) only
     * the low halves of the eight GPRs are compared, and no SSE state.
     */
    static List<String> differences(Outcome host, Outcome jx86, FlagMask mask, boolean bits64) {
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
        for (int at = 0; at < h.data.length; at += 8) {
            long hw = word(h.data, at);
            long jw = word(j.data, at);
            if (hw != jw) {
                out.add(String.format("memory 0x%x: host %016x, jx86 %016x", Layout.DATA_BASE + at, hw, jw));
            }
        }
        return out;
    }

    static long word(byte[] data, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (data[at + i] & 0xff);
        }
        return v;
    }
}
