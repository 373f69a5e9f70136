package dev.jx86.runtime.exec;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.StateLayout;

/** The CPU state as {@code -d cpu} and {@code -d int} print it, in the layout of QEMU's x86 register dump. */
final class CpuStateText {
    private static final String[] GPR_NAMES = {
        "RAX", "RBX", "RCX", "RDX", "RSI", "RDI", "RBP", "RSP", "R8 ", "R9 ", "R10", "R11", "R12", "R13", "R14", "R15"
    };
    /** QEMU's order (RAX RBX RCX RDX ...), as slots. */
    private static final int[] GPR_SLOTS = {0, 3, 1, 2, 6, 7, 5, 4, 8, 9, 10, 11, 12, 13, 14, 15};

    private static final String[] SEGMENT_NAMES = {"ES", "CS", "SS", "DS", "FS", "GS"};

    private CpuStateText() {}

    static String of(Cpu cpu) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < GPR_SLOTS.length; i++) {
            text.append(GPR_NAMES[i]).append('=').append(hex(cpu.state[GPR_SLOTS[i]]));
            text.append(i % 4 == 3 ? "\n" : " ");
        }
        long rflags = cpu.rflags();
        text.append("RIP=").append(hex(cpu.rip())).append(" RFL=").append(String.format("%08x", rflags));
        text.append(" [").append(flagLetters(rflags)).append("]\n");
        for (int s = 0; s < SEGMENT_NAMES.length; s++) {
            text.append(SEGMENT_NAMES[s])
                    .append(" =")
                    .append(String.format("%04x", cpu.state[StateLayout.ES + s]))
                    .append(s == 5 ? "\n" : " ");
        }
        text.append("FS_BASE=").append(hex(cpu.state[StateLayout.FS_BASE]));
        text.append(" GS_BASE=").append(hex(cpu.state[StateLayout.GS_BASE]));
        text.append(String.format(" MXCSR=%08x", cpu.state[StateLayout.MXCSR]));
        return text.toString();
    }

    /** QEMU's flag letters: O D S Z A P C, a dash where clear. */
    private static String flagLetters(long rflags) {
        int[] bits = {11, 10, 7, 6, 4, 2, 0};
        String letters = "ODSZAPC";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bits.length; i++) {
            out.append((rflags >>> bits[i] & 1) != 0 ? letters.charAt(i) : '-');
        }
        return out.toString();
    }

    private static String hex(long value) {
        return String.format("%016x", value);
    }
}
