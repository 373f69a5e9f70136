package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.decode.tables.DecodeTables;
import dev.jx86.x86.decode.tables.Method;
import dev.jx86.x86.decode.tables.OpcodeMap;
import dev.jx86.x86.decode.tables.OperandForm;
import dev.jx86.x86.decode.tables.Row;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every MMX-register form has a handler: the SDM's lists written out (so that a form dropped from an {@code Mmx*}
 * class fails here) and every row of the decode tables with an MMX operand (so that a decodable form the lists
 * forgot fails too). 3DNow! rows are out: the CPU model does not advertise 3DNow!.
 */
class MmxCoverageTest {
    /** MMX (SDM Vol. 1 9.4), SSE's 64-bit SIMD integer forms (10.4.4), SSE2's (11.4.2, 11.6.2), SSSE3's (12.4). */
    static final List<Mnemonic> MMX_FORMS = List.of(
            // MMX: data transfer, conversion, arithmetic, comparison, logical, shift
            MOVD,
            MOVQ,
            PACKSSWB,
            PACKSSDW,
            PACKUSWB,
            PUNPCKHBW,
            PUNPCKHWD,
            PUNPCKHDQ,
            PUNPCKLBW,
            PUNPCKLWD,
            PUNPCKLDQ,
            PADDB,
            PADDW,
            PADDD,
            PADDSB,
            PADDSW,
            PADDUSB,
            PADDUSW,
            PSUBB,
            PSUBW,
            PSUBD,
            PSUBSB,
            PSUBSW,
            PSUBUSB,
            PSUBUSW,
            PMULHW,
            PMULLW,
            PMADDWD,
            PCMPEQB,
            PCMPEQW,
            PCMPEQD,
            PCMPGTB,
            PCMPGTW,
            PCMPGTD,
            PAND,
            PANDN,
            POR,
            PXOR,
            PSLLW,
            PSLLD,
            PSLLQ,
            PSRLW,
            PSRLD,
            PSRLQ,
            PSRAW,
            PSRAD,
            // SSE 64-bit SIMD integer, MMX-register conversions and cacheability
            PAVGB,
            PAVGW,
            PEXTRW,
            PINSRW,
            PMAXUB,
            PMAXSW,
            PMINUB,
            PMINSW,
            PMOVMSKB,
            PMULHUW,
            PSADBW,
            PSHUFW,
            CVTPI2PS,
            CVTPS2PI,
            CVTTPS2PI,
            MASKMOVQ,
            MOVNTQ,
            // SSE2
            PADDQ,
            PSUBQ,
            PMULUDQ,
            MOVQ2DQ,
            MOVDQ2Q,
            CVTPI2PD,
            CVTPD2PI,
            CVTTPD2PI,
            // SSSE3
            PSHUFB,
            PHADDW,
            PHADDD,
            PHADDSW,
            PHSUBW,
            PHSUBD,
            PHSUBSW,
            PMADDUBSW,
            PMULHRSW,
            PSIGNB,
            PSIGNW,
            PSIGND,
            PABSB,
            PABSW,
            PABSD,
            PALIGNR);

    private static final Set<Method> MMX_METHODS = EnumSet.of(Method.N, Method.P, Method.Q);

    @Test
    void everyMmxFormOfTheSdmHasAHandler() {
        assertThat(MMX_FORMS).doesNotHaveDuplicates();
        assertThat(MMX_FORMS.stream().filter(m -> !Lifter.handlers().mmxForms().containsKey(m)))
                .as("MMX forms without a handler")
                .isEmpty();
        assertThat(Lifter.handlers().get(EMMS)).isNotNull();
    }

    @Test
    void everyDecodableMmxFormHasAHandler() {
        Set<String> missing = new TreeSet<>();
        int rows = 0;
        for (Row row : DecodeTables.rows()) {
            if (row.encoding().map() == OpcodeMap.THREE_DNOW || !hasMmxOperand(row)) {
                continue;
            }
            rows++;
            if (!Lifter.handlers().mmxForms().containsKey(row.mnemonic())) {
                missing.add(row.toString());
            }
        }
        assertThat(rows).isGreaterThan(MMX_FORMS.size());
        assertThat(missing).as("decodable MMX rows without a handler").isEmpty();
    }

    @Test
    void noMmxFormOutsideTheLists() {
        assertThat(Lifter.handlers().mmxForms().keySet()).containsExactlyInAnyOrderElementsOf(MMX_FORMS);
    }

    private static boolean hasMmxOperand(Row row) {
        for (OperandForm f : row.operands()) {
            if (MMX_METHODS.contains(f.method())) {
                return true;
            }
        }
        return false;
    }
}
