package dev.jx86.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MMX through the lifter, on the reference evaluator and tier 0 (LiftTester): the composed forms (packs, high
 * unpacks, horizontal operations, PALIGNR, PSHUFB, PSHUFW, word insert/extract, conversions) against values recorded
 * on the x86-64 host with gcc inline assembly, and the aliasing with the x87 state (SDM Vol. 1 9.5): MMn is Rn's
 * significand, a write sets Rn's exponent to all ones, every MMX instruction sets TOP to 0 and the tags valid,
 * EMMS empties them, a pending x87 exception raises #MF first.
 */
class MmxTest {
    private static final long A = 0x8000_7fff_0102_fffeL;
    private static final long B = 0x0003_8001_7f80_0010L;

    private static LiftTester at(String code) {
        LiftTester t = LiftTester.mode64().code(code + " 0f 0b").gpr(StateLayout.RDX, LiftTester.DATA);
        t.cpu.state[StateLayout.fpr(0)] = A;
        t.cpu.state[StateLayout.fpr(1)] = B;
        return t;
    }

    private static long mm(LiftTester t, int n) {
        return t.cpu.state[StateLayout.fpr(n)];
    }

    private static long exponent(LiftTester t, int n) {
        return t.cpu.state[StateLayout.fpr(n) + 1];
    }

    private static long fsw(LiftTester t) {
        return t.cpu.state[StateLayout.FPU_STATUS];
    }

    private static long tags(LiftTester t) {
        return t.cpu.state[StateLayout.FPU_TAG];
    }

    /** An x87 state with TOP 6, R6 and R7 holding 0.0 and 1.0, the other registers empty (after FLD1; FLDZ). */
    private static void twoOnTheStack(LiftTester t) {
        t.cpu.state[StateLayout.FPU_STATUS] = 0x3000;
        t.cpu.state[StateLayout.FPU_TAG] = 0x4fff;
        t.cpu.state[StateLayout.fpr(7)] = Long.MIN_VALUE;
        t.cpu.state[StateLayout.fpr(7) + 1] = 0x3fff;
        t.cpu.state[StateLayout.fpr(1) + 1] = 0x4005;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "packsswb mm0, mm1 | 0f 63 c1 | 03807f10807f7ffe",
                "packuswb mm0, mm1 | 0f 67 c1 | 0300ff1000ffff00",
                "packssdw mm0, mm1 | 0f 6b c1 | 7fff7fff80007fff",
                "punpckhbw mm0, mm1 | 0f 68 c1 | 00800300807f01ff",
                "punpckhwd mm0, mm1 | 0f 69 c1 | 0003800080017fff",
                "punpckhdq mm0, mm1 | 0f 6a c1 | 0003800180007fff",
                "punpcklbw mm0, mm1 | 0f 60 c1 | 7f01800200ff10fe",
                "phaddsw mm0, mm1 | 0f 38 03 c1 | 80047f90ffff0100",
                "phsubd mm0, mm1 | 0f 38 06 c1 | 7f7c800f81027fff",
                "phaddw mm0, mm1 | 0f 38 01 c1 | 80047f90ffff0100",
                "palignr mm0, mm1, 3 | 0f 3a 0f c1 03 | 02fffe000380017f",
                "palignr mm0, mm1, 11 | 0f 3a 0f c1 0b | 00000080007fff01",
                "palignr mm0, mm1, 16 | 0f 3a 0f c1 10 | 0000000000000000",
                "pshufb mm0, mm1 | 0f 38 00 c1 | fe0100ff8000fefe",
                "pshufw mm0, mm1, 0x1b | 0f 70 c1 1b | 00107f8080010003",
                "pinsrw mm0, eax, 5 (word 1) | 0f c4 c0 05 | 80007fff1234fffe",
                "psadbw mm0, mm1 | 0f f6 c1 | 000000000000046b",
                "pmaddwd mm0, mm1 | 0f f5 c1 | bfff7fff00807ee0",
                "pmulhrsw mm0, mm1 | 0f 38 0b c1 | fffd800201010000",
                "pmaddubsw mm0, mm1 | 0f 38 04 c1 | 0000c17fff7f0fe0",
                "psraw mm0, 16 | 0f 71 e0 10 | ffff00000000ffff",
                "psllq mm0, mm1 (count past 63) | 0f f3 c1 | 0000000000000000",
                "movq mm0, rax | 48 0f 6e c0 | 0000000000001234",
                "movdq2q mm0, xmm1 | f2 0f d6 c1 | 0123456789abcdef",
            })
    void composedFormsMatchTheHost(String asm, String code, String expected) {
        LiftTester t = at(code).gpr(StateLayout.RAX, 0x1234);
        t.cpu.state[StateLayout.xmm(1)] = 0x0123_4567_89ab_cdefL;
        t.run();
        assertThat(mm(t, 0)).as(asm).isEqualTo(Long.parseUnsignedLong(expected, 16));
        assertThat(exponent(t, 0)).as("R0's sign and exponent").isEqualTo(0xffff);
    }

    @Test
    void wordExtractAndByteMaskZeroExtend() {
        LiftTester t = at("0f c5 c1 06"); // pextrw eax, mm1, 6 (word 2)
        t.run();
        assertThat(t.gpr(StateLayout.RAX)).isEqualTo(0x8001);
        LiftTester u = at("0f d7 c0").gpr(StateLayout.RAX, -1); // pmovmskb eax, mm0
        u.run();
        assertThat(u.gpr(StateLayout.RAX)).isEqualTo(0x93);
    }

    @Test
    void conversionsReadOnlyTheirLanes() {
        // cvtps2pi mm0, xmm1 with {1.5, -2.5, NaN, 1e20}: the NaN and 1e20 lanes are not read (no IE), PE set
        LiftTester t = at("0f 2d c1");
        t.cpu.state[StateLayout.xmm(1)] = 0xc020_0000_3fc0_0000L;
        t.cpu.state[StateLayout.xmm(1) + 1] = 0x60ad_78ec_7fc0_0000L;
        t.run();
        assertThat(mm(t, 0)).isEqualTo(0xffff_fffe_0000_0002L);
        assertThat(t.cpu.state[StateLayout.MXCSR]).isEqualTo(0x1fa0);
        // cvttpd2pi mm0, xmm1 with {-3.5, 3e10}: -3 and the indefinite, IE and PE
        LiftTester u = at("66 0f 2c c1");
        u.cpu.state[StateLayout.xmm(1)] = Double.doubleToRawLongBits(-3.5);
        u.cpu.state[StateLayout.xmm(1) + 1] = Double.doubleToRawLongBits(3e10);
        u.run();
        assertThat(mm(u, 0)).isEqualTo(0x8000_0000_ffff_fffdL);
        assertThat(u.cpu.state[StateLayout.MXCSR]).isEqualTo(0x1fa1);
    }

    @Test
    void aWriteSetsItsExponentTopAndEveryTag() {
        LiftTester t = at("0f fc c8"); // paddb mm1, mm0
        twoOnTheStack(t);
        t.run();
        assertThat(exponent(t, 1)).isEqualTo(0xffff);
        assertThat(exponent(t, 7)).as("other registers keep theirs").isEqualTo(0x3fff);
        assertThat(mm(t, 7)).isEqualTo(Long.MIN_VALUE);
        assertThat(fsw(t)).as("TOP 0, nothing else").isZero();
        assertThat(tags(t)).as("all valid").isZero();
    }

    @Test
    void aReadAlsoSetsTopAndTagsButNoExponent() {
        LiftTester t = at("0f 7e c8"); // movd eax, mm1
        twoOnTheStack(t);
        t.run();
        assertThat(t.gpr(StateLayout.RAX)).isEqualTo(0x7f80_0010L);
        assertThat(exponent(t, 1)).isEqualTo(0x4005);
        assertThat(fsw(t)).isZero();
        assertThat(tags(t)).isZero();
    }

    @Test
    void emmsEmptiesEveryRegisterAndSetsTopToZero() {
        LiftTester t = at("0f 77");
        twoOnTheStack(t);
        t.run();
        assertThat(fsw(t)).isZero();
        assertThat(tags(t)).isEqualTo(0xffff);
        assertThat(mm(t, 7)).as("contents stay").isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void aPendingX87ExceptionRaisesMfBeforeAPageFault() {
        LiftTester t = at("0f fc 02").gpr(StateLayout.RDX, 0x10); // paddb mm0, [rdx]: rdx not mapped
        t.cpu.state[StateLayout.FPU_CONTROL] = 0x37e; // IM clear
        t.cpu.state[StateLayout.FPU_STATUS] = 0x3881; // IE, ES, TOP 7
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.MF);
        assertThat(r.pc()).isEqualTo(LiftTester.CODE);
        assertThat(fsw(t)).as("unchanged").isEqualTo(0x3881);
        LiftTester u = at("0f 77"); // emms waits too
        u.cpu.state[StateLayout.FPU_CONTROL] = 0x37e;
        u.cpu.state[StateLayout.FPU_STATUS] = 0x81;
        assertThat(u.run().vector()).isEqualTo(Vectors.MF);
        assertThat(tags(u)).isEqualTo(0xffff);
    }

    @Test
    void cvtpi2psTransitionsOnlyWithAnMmxSource() {
        LiftTester memory = at("0f 2a 02"); // cvtpi2ps xmm0, [rdx]: an SSE instruction
        twoOnTheStack(memory);
        memory.run();
        assertThat(fsw(memory)).isEqualTo(0x3000);
        assertThat(tags(memory)).isEqualTo(0x4fff);
        LiftTester register = at("0f 2a c1"); // cvtpi2ps xmm0, mm1
        twoOnTheStack(register);
        register.run();
        assertThat(fsw(register)).isZero();
        assertThat(tags(register)).isZero();
        assertThat(register.cpu.state[StateLayout.xmm(0)])
                .isEqualTo((long) Float.floatToRawIntBits(0x7f80_0010) & 0xffff_ffffL
                        | (long) Float.floatToRawIntBits(0x0003_8001) << 32);
    }

    @Test
    void maskmovqStoresSelectedBytesAndTransitionsEvenWhenItFaults() {
        // maskmovq mm0, mm1: bytes of mm0 where mm1's byte has bit 7 set (bytes 2 and 5, 0x80 both)
        LiftTester t = at("0f f7 c1").gpr(StateLayout.RDI, LiftTester.DATA);
        t.memory.store(LiftTester.DATA, 8, 0x1111_1111_1111_1111L);
        t.run();
        assertThat(t.memory.load(LiftTester.DATA, 8)).isEqualTo(0x1111_7f11_1102_1111L);
        LiftTester u = at("0f f7 c1").gpr(StateLayout.RDI, 0x10);
        twoOnTheStack(u);
        LiftTester.Result r = u.run();
        assertThat(r.vector()).isEqualTo(Vectors.PF);
        assertThat(r.pc()).isEqualTo(LiftTester.CODE);
        assertThat(fsw(u)).as("TOP 0 before the fault, as on the host").isZero();
        assertThat(tags(u)).isZero();
    }

    @Test
    void thirtyTwoBitModeAliasesTheSameWay() {
        // movd mm3, eax; paddw mm3, mm3; movd ecx, mm3
        LiftTester t =
                LiftTester.mode32().code("0f 6e d8 0f fd db 0f 7e d9 0f 0b").gpr(StateLayout.RAX, 0x7fff_0001);
        twoOnTheStack(t);
        t.run();
        assertThat(t.gpr(StateLayout.RCX)).isEqualTo(0xfffe_0002L);
        assertThat(exponent(t, 3)).isEqualTo(0xffff);
        assertThat(fsw(t)).isZero();
    }
}
