package dev.jx86.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.decode.Mode;
import org.junit.jupiter.api.Test;

/** The comparison engine's own rules, which need no objdump. */
class DecoderComparisonTest {
    @Test
    void normalizeCollapsesSpaceAndDropsAnnotations() {
        assertThat(DecoderComparison.normalize("mov    rax,QWORD PTR [rip+0x2fc5]        # 3fd0 <__gmon_start__@Base>"))
                .isEqualTo("mov rax,QWORD PTR [rip+0x2fc5]");
        assertThat(DecoderComparison.normalize("call   1030 <printf@plt>")).isEqualTo("call 0x1030");
        assertThat(DecoderComparison.normalize("call   0x1030")).isEqualTo("call 0x1030");
        assertThat(DecoderComparison.normalize("bnd jmp 401001 <f+0x1>")).isEqualTo("bnd jmp 0x401001");
        // Words made of hex letters are mnemonics, not targets.
        assertThat(DecoderComparison.normalize("rex.W fadd")).isEqualTo("rex.W fadd");
        assertThat(DecoderComparison.normalize("ret    ")).isEqualTo("ret");
    }

    @Test
    void categoryIsObjdumpsMnemonicWithoutPrefixes() {
        assertThat(DecoderComparison.category("lock add DWORD PTR [rax],0x1", "add"))
                .isEqualTo("add");
        assertThat(DecoderComparison.category("rex.WB data16 cs nop WORD PTR [rax]", "nop"))
                .isEqualTo("nop");
        assertThat(DecoderComparison.category("(bad)", "movaps")).isEqualTo("objdump (bad), jx86 movaps");
        assertThat(DecoderComparison.category("", "(bad)")).isEqualTo("(no text)");
    }

    @Test
    void knownDifferencesLoadAndMatch() {
        KnownDifferences known = KnownDifferences.load();
        assertThat(known.all()).allSatisfy(d -> assertThat(d.sdm()).contains("SDM"));
        assertThat(known.find(Mode.BITS64, "rex.W", "48"))
                .extracting(KnownDifferences.Difference::id)
                .isEqualTo("rex-before-legacy-prefix");
        assertThat(known.find(Mode.BITS32, "rex.W", "48")).isNull();
        assertThat(known.find(Mode.BITS64, "vaddps zmm0,zmm1,zmm2", "62 f1 74 48 58 c2"))
                .extracting(KnownDifferences.Difference::compare)
                .isEqualTo(KnownDifferences.Compare.BOUNDARY);
        // Outside 64-bit mode, 62 with a memory ModRM is BOUND, not EVEX.
        assertThat(known.find(Mode.BITS32, "bound eax,QWORD PTR [eax]", "62 00"))
                .isNull();
        assertThat(known.find(Mode.BITS32, "vaddps zmm0,zmm1,zmm2", "62 f1 74 48 58 c2"))
                .isNotNull();
        assertThat(known.find(Mode.BITS64, "add rax,rcx", "48 01 c8")).isNull();
    }

    @Test
    void talliesAddUp() {
        Tally a = new Tally("s", 1);
        a.instructions = 10;
        a.boundariesCompared = 10;
        a.boundariesAgree = 9;
        a.textsCompared = 10;
        a.textsAgree = 8;
        a.mismatch("length: fld", new Tally.Example("f@0", "d9 c0", "fld st(0)", "(bad)", 1));
        Tally b = new Tally("s", 1);
        b.instructions = 10;
        b.boundariesCompared = 10;
        b.boundariesAgree = 10;
        b.textsCompared = 10;
        b.textsAgree = 10;
        b.known.put("evex", 2L);
        b.mismatch("length: fld", new Tally.Example("g@0", "d9 c1", "fld st(1)", "(bad)", 1));
        a.add(b);
        assertThat(a.boundaryAgreement()).isEqualTo(95.0);
        assertThat(a.textAgreement()).isEqualTo(90.0);
        assertThat(a.categories()).singleElement().satisfies(c -> {
            assertThat(c.count).isEqualTo(2);
            assertThat(c.examples).hasSize(1);
        });
        assertThat(a.summary()).contains("20 instructions").contains("evex=2");
    }
}
