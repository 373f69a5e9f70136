package dev.jx86.x86.disasm;

import dev.jx86.x86.decode.Immediate;
import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Operand;

/**
 * The names objdump gives some instructions for particular values of their last (immediate) operand,
 * which it then leaves out: {@code pclmullqlqdq xmm0,xmm1} for {@code pclmulqdq xmm0,xmm1,0x0}, {@code
 * cmpltps xmm0,xmm1} for {@code cmpps xmm0,xmm1,0x1}.
 */
final class PseudoOps {
    /** The comparison predicates by immediate: SSE names the first 8, AVX all 32. */
    private static final String[] PREDICATES = {
        "eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord",
        "eq_uq", "nge", "ngt", "false", "neq_oq", "ge", "gt", "true",
        "eq_os", "lt_oq", "le_oq", "unord_s", "neq_us", "nlt_uq", "nle_uq", "ord_s",
        "eq_us", "nge_uq", "ngt_uq", "false_os", "neq_os", "ge_oq", "gt_oq", "true_us"
    };

    private PseudoOps() {}

    /** The pseudo-op objdump prints for {@code instruction}, or null to print it as decoded. */
    static String name(Instruction instruction) {
        if (instruction.operands().isEmpty()) {
            return null;
        }
        Operand last = instruction.operand(instruction.operands().size() - 1);
        if (!(last instanceof Immediate immediate)) {
            return null;
        }
        int value = (int) immediate.value() & 0xff;
        String text = instruction.mnemonic().text();
        return switch (instruction.mnemonic()) {
            case PCLMULQDQ -> carrylessMultiply("pclmul", value);
            case VPCLMULQDQ -> carrylessMultiply("vpclmul", value);
            case CMPPS, CMPPD, CMPSS, CMPSD -> compare(text, value, 8);
            case VCMPPS, VCMPPD, VCMPSS, VCMPSD -> compare(text, value, 32);
            default -> null;
        };
    }

    /**
     * Bits 0 and 4 of the immediate pick the high or low quadword of each source; objdump also names
     * 2 and 3 (bits the instruction ignores) like 0x10 and 0x11.
     */
    private static String carrylessMultiply(String stem, int selector) {
        return switch (selector) {
            case 0x00 -> stem + "lqlqdq";
            case 0x01 -> stem + "hqlqdq";
            case 0x02, 0x10 -> stem + "lqhqdq";
            case 0x03, 0x11 -> stem + "hqhqdq";
            default -> null;
        };
    }

    /** {@code cmpltps} for {@code cmpps ...,1}: the predicate goes before the ps/pd/ss/sd suffix. */
    private static String compare(String text, int predicate, int named) {
        if (predicate >= named) {
            return null;
        }
        int suffix = text.length() - 2;
        return text.substring(0, suffix) + PREDICATES[predicate] + text.substring(suffix);
    }
}
