package dev.jx86.x86.disasm;

import dev.jx86.x86.decode.Immediate;
import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.decode.Operand;
import java.util.Map;

/**
 * The names objdump gives some instructions for particular values of their last (immediate) operand,
 * which it then leaves out: {@code pclmullqlqdq xmm0,xmm1} for {@code pclmulqdq xmm0,xmm1,0x0}, {@code
 * cmpltps xmm0,xmm1} for {@code cmpps xmm0,xmm1,0x1}.
 */
final class PseudoOps {
    /** SSE compares split around the predicate that objdump names for immediates 0-7. */
    private static final Map<Mnemonic, String[]> COMPARES = Map.of(
            Mnemonic.CMPPS, new String[] {"cmp", "ps"},
            Mnemonic.CMPPD, new String[] {"cmp", "pd"},
            Mnemonic.CMPSS, new String[] {"cmp", "ss"},
            Mnemonic.CMPSD, new String[] {"cmp", "sd"});

    private static final String[] PREDICATES = {"eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"};

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
        if (instruction.mnemonic() == Mnemonic.PCLMULQDQ) {
            return carrylessMultiply(value);
        }
        String[] compare = COMPARES.get(instruction.mnemonic());
        return compare != null && value < PREDICATES.length ? compare[0] + PREDICATES[value] + compare[1] : null;
    }

    /** Bits 0 and 4 of the immediate pick the high or low quadword of each source. */
    private static String carrylessMultiply(int selector) {
        return switch (selector) {
            case 0x00 -> "pclmullqlqdq";
            case 0x01 -> "pclmulhqlqdq";
            case 0x10 -> "pclmullqhqdq";
            case 0x11 -> "pclmulhqhqdq";
            default -> null;
        };
    }
}
