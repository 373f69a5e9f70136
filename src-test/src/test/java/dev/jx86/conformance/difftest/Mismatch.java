package dev.jx86.conformance.difftest;

import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.disasm.Disassembler;
import java.util.HexFormat;
import java.util.List;

/**
 * A case whose outcome under jx86 differs from the host's, with what a person needs to act on it.
 *
 * @param blamed the family of the item after which the case first goes wrong (its shortest failing prefix), or
 *     the first item's family when that was not worked out
 * @param rerun the test's system properties that generate the case again, but the case number
 * @param slot where the case ran in its batch (its code address)
 */
record Mismatch(String rerun, TestCase testCase, int slot, String blamed, List<String> differences) {
    private static final String[] GPR = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"
    };

    /** A multi-line description: how to rerun it, the assembly, the bytes as jx86 decodes them, initial state, diffs. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                "case %d (family %s, blamed on %s), again with: %s -Djx86.difftest.case=%d%n",
                testCase.id(), testCase.family(), blamed, rerun, testCase.id()));
        sb.append("  assembly:\n");
        for (String line : testCase.lines()) {
            sb.append("    ").append(line).append('\n');
        }
        long address = Layout.codeAddress(slot);
        sb.append(String.format(
                "  code at 0x%x: %s%n", address, HexFormat.ofDelimiter(" ").formatHex(testCase.code())));
        Disassembler disassembler = Disassembler.objdump();
        HexFormat hex = HexFormat.ofDelimiter(" ");
        List<Instruction> decoded = FlagMask.decode(testCase.code(), address, testCase.bits64());
        for (Instruction insn : decoded) {
            int from = (int) (insn.address() - address);
            sb.append(String.format(
                    "    %x: %-30s %s%n",
                    insn.address(),
                    hex.formatHex(testCase.code(), from, from + insn.length()),
                    disassembler.format(insn)));
        }
        MachineState s = testCase.initial();
        sb.append("  initial:");
        for (int i = 0; i < 16; i++) {
            sb.append(i % 4 == 0 ? "\n    " : "  ").append(String.format("%-3s %016x", GPR[i], s.gpr[i]));
        }
        sb.append(String.format("%n    rflags %x  mxcsr %x  data seed %x%n", s.rflags, s.mxcsr, testCase.dataSeed()));
        for (int i = 0; i < 16; i++) {
            sb.append(i % 2 == 0 ? "    " : "  ")
                    .append(String.format("xmm%-2d %016x_%016x", i, s.xmm[2 * i + 1], s.xmm[2 * i]))
                    .append(i % 2 == 1 ? "\n" : "");
        }
        {
            sb.append(String.format("    fcw %04x  fsw %04x  ftw %04x%n", s.fcw, s.fsw, s.ftw));
            for (int i = 0; i < 8; i++) {
                sb.append(i % 4 == 0 ? "    " : "  ")
                        .append(String.format("st%d %04x:%016x", i, s.stExponent[i], s.stSignificand[i]))
                        .append(i % 4 == 3 ? "\n" : "");
            }
        }
        sb.append("  differences:\n");
        for (String d : differences) {
            sb.append("    ").append(d).append('\n');
        }
        return sb.toString();
    }
}
