package dev.jx86.conformance.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.flags.Eflags;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The masks of undefined flags, on hand-encoded sequences. */
class FlagMaskTest {
    private static final int MUL_UNDEFINED = Eflags.SF | Eflags.ZF | Eflags.AF | Eflags.PF;

    private static FlagMask mask(String hex) {
        byte[] code = HexFormat.ofDelimiter(" ").parseHex(hex);
        return FlagMask.of(FlagMask.decode(code, Layout.CODE_BASE), Layout.CODE_BASE + code.length);
    }

    @Test
    void aLaterDefiningInstructionUnmasks() {
        assertThat(mask("48 f7 e1")).isEqualTo(new FlagMask(MUL_UNDEFINED, false)); // mul rcx
        assertThat(mask("48 f7 e1 01 c8")).isEqualTo(new FlagMask(0, false)); // mul rcx; add eax, ecx
        assertThat(mask("01 c8 21 c8")).isEqualTo(new FlagMask(Eflags.AF, false)); // add; and
    }

    @Test
    void shiftsDefineOnlyWithAKnownNonZeroCount() {
        // mul rcx; shl eax, cl: the count may be zero, so nothing is surely written.
        assertThat(mask("48 f7 e1 d3 e0").undefined()).isEqualTo(MUL_UNDEFINED | Eflags.OF | Eflags.AF);
        // mul rcx; shl eax, 4: defines SF ZF PF (and CF), leaves AF and OF undefined.
        assertThat(mask("48 f7 e1 c1 e0 04").undefined()).isEqualTo(Eflags.AF | Eflags.OF);
        // mul rcx; shl eax, 1: OF is defined for a count of one.
        assertThat(mask("48 f7 e1 d1 e0").undefined()).isEqualTo(Eflags.AF);
        // mul rcx; shl eax, 0: no flag changes.
        assertThat(mask("48 f7 e1 c1 e0 00").undefined()).isEqualTo(MUL_UNDEFINED);
    }

    @Test
    void narrowShiftsByTheirWidthOrMoreLeaveCarryUndefined() {
        assertThat(mask("c0 e0 08").undefined()).isEqualTo(Eflags.CF | Eflags.AF | Eflags.OF); // shl al, 8
        assertThat(mask("c0 e0 07").undefined()).isEqualTo(Eflags.AF | Eflags.OF); // shl al, 7
        assertThat(mask("d2 e8").undefined()).isEqualTo(Eflags.CF | Eflags.AF | Eflags.OF); // shr al, cl
        assertThat(mask("c1 e0 10").undefined()).isEqualTo(Eflags.AF | Eflags.OF); // shl eax, 16
        assertThat(mask("c0 f8 08").undefined()).isEqualTo(Eflags.AF | Eflags.OF); // sar al, 8: CF is the sign
    }

    @Test
    void whatABranchMaySkipOnlyMasks() {
        // mul rcx; jz +2; add eax, ecx: the add may not run.
        FlagMask m = mask("48 f7 e1 74 02 01 c8");
        assertThat(m.undefined()).isEqualTo(MUL_UNDEFINED);
        assertThat(m.tainted()).isTrue(); // jz read ZF, which mul left undefined
        // add; jz +2; add: not tainted, nothing masked.
        assertThat(mask("01 c8 74 02 01 c8")).isEqualTo(new FlagMask(0, false));
    }

    @Test
    void repeatedCompareStringsMayWriteNothing() {
        // mul rcx; repe cmpsb: with RCX = 0 the flags are still mul's.
        assertThat(mask("48 f7 e1 f3 a6").undefined()).isEqualTo(MUL_UNDEFINED);
        assertThat(mask("48 f7 e1 a6").undefined()).isZero(); // cmpsb without REP
    }

    @Test
    void readingAnUndefinedFlagTaints() {
        assertThat(mask("48 f7 e1 0f 94 c0").tainted()).isTrue(); // mul; sete al
        assertThat(mask("48 f7 e1 0f 92 c0").tainted()).isFalse(); // mul; setb al (CF is defined)
    }

    @Test
    void onlyInstructionsBeforeTheStopCount() {
        byte[] code = HexFormat.ofDelimiter(" ").parseHex("01 c8 48 f7 e1");
        assertThat(FlagMask.of(FlagMask.decode(code, 0), 2).undefined()).isZero();
        assertThat(FlagMask.of(FlagMask.decode(code, 0), 5).undefined()).isEqualTo(MUL_UNDEFINED);
    }
}
