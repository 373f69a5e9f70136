package dev.jx86.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SSE faults (alignment, reserved MXCSR bits, VEX forms) and the MXCSR/FXSAVE state instructions. */
class SseFaultsAndStateTest {
    private static final long DATA = LiftTester.DATA;

    private static LiftTester at(String code) {
        return LiftTester.mode64().code(code + " 0f 0b").gpr(StateLayout.RDX, DATA);
    }

    private static void xmm(LiftTester t, int n, long low, long high) {
        t.cpu.state[StateLayout.xmm(n)] = low;
        t.cpu.state[StateLayout.xmm(n) + 1] = high;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "movaps xmm0, [rdx+1] | 0f 28 42 01 | true",
                "movdqa xmm0, [rdx+8] | 66 0f 6f 42 08 | true",
                "movapd [rdx+4], xmm0 | 66 0f 29 42 04 | true",
                "movntdq [rdx+2], xmm0 | 66 0f e7 42 02 | true",
                "addps xmm0, [rdx+8] | 0f 58 42 08 | true",
                "paddb xmm0, [rdx+1] | 66 0f fc 42 01 | true",
                "pshufd xmm0, [rdx+4], 0 | 66 0f 70 42 04 00 | true",
                "psllw xmm0, [rdx+8] | 66 0f f1 42 08 | true",
                "cvtps2dq xmm0, [rdx+8] | 66 0f 5b 42 08 | true",
                "fxsave [rdx+8] | 0f ae 42 08 | true",
                "fxrstor [rdx+8] | 0f ae 4a 08 | true",
                "movups xmm0, [rdx+1] | 0f 10 42 01 | false",
                "movdqu [rdx+3], xmm0 | f3 0f 7f 42 03 | false",
                "addss xmm0, [rdx+1] | f3 0f 58 42 01 | false",
                "movsd xmm0, [rdx+1] | f2 0f 10 42 01 | false",
                "cvtps2pd xmm0, [rdx+4] | 0f 5a 42 04 | false",
                "movlps xmm0, [rdx+4] | 0f 12 42 04 | false",
                "cvtdq2pd xmm0, [rdx+4] | f3 0f e6 42 04 | false",
                "maskmovdqu xmm0, xmm1 (rdi odd) | 66 0f f7 c1 | false",
                "movshdup xmm0, [rdx+4] | f3 0f 16 42 04 | true",
                "pshufb xmm0, [rdx+1] | 66 0f 38 00 42 01 | true",
                "ptest xmm0, [rdx+8] | 66 0f 38 17 42 08 | true",
                "roundps xmm0, [rdx+4], 1 | 66 0f 3a 08 42 04 01 | true",
                "movntdqa xmm0, [rdx+8] | 66 0f 38 2a 42 08 | true",
                "aesenc xmm0, [rdx+8] | 66 0f 38 dc 42 08 | true",
                "pclmulqdq xmm0, [rdx+8], 0 | 66 0f 3a 44 42 08 00 | true",
                "lddqu xmm0, [rdx+1] | f2 0f f0 42 01 | false",
                "pcmpistri xmm0, [rdx+1], 0 | 66 0f 3a 63 42 01 00 | false",
                "pcmpestrm xmm0, [rdx+3], 0 | 66 0f 3a 60 42 03 00 | false",
                "pmovzxbw xmm0, [rdx+1] | 66 0f 38 30 42 01 | false",
                "insertps xmm0, [rdx+1], 0 | 66 0f 3a 21 42 01 00 | false",
            })
    void sixteenByteOperandsMustBeAligned(String asm, String code, boolean faults) {
        LiftTester t = at(code).gpr(StateLayout.RDI, DATA + 1);
        xmm(t, 0, 0x1111, 0x2222);
        LiftTester.Result r = t.run();
        if (faults) {
            assertThat(r.vector()).as(asm).isEqualTo(Vectors.GP);
            assertThat(r.fault().errorCode()).isZero();
            assertThat(r.pc()).isEqualTo(LiftTester.CODE);
            assertThat(t.cpu.state[StateLayout.xmm(0)])
                    .as("state before the instruction")
                    .isEqualTo(0x1111);
        } else {
            assertThat(r.vector()).as(asm).isEqualTo(Vectors.UD);
            assertThat(r.pc()).isEqualTo(LiftTester.CODE + code.split(" ").length);
        }
    }

    @Test
    void faultIsPreciseAfterEarlierInstructions() {
        // paddd xmm1, xmm1; movaps xmm0, [rdx+8]: the first instruction is committed, the second changes nothing
        LiftTester t = at("66 0f fe c9 0f 28 42 08");
        xmm(t, 1, 1, 2);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.GP);
        assertThat(r.pc()).isEqualTo(LiftTester.CODE + 4);
        assertThat(t.cpu.state[StateLayout.xmm(1)]).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "vaddps xmm0, xmm0, xmm1 (VEX) | c5 f8 58 c1",
                "vmovdqa xmm0, [rdx] (VEX) | c5 f9 6f 02",
                "vpxor xmm0, xmm0, xmm0 (VEX) | c5 f9 ef c0",
                "femms (3DNow!, not advertised) | 0f 0e",
                "pfadd mm0, mm1 (3DNow!, not advertised) | 0f 0f c1 9e",
                "monitor (not advertised) | 0f 01 c8",
                "mwait (not advertised) | 0f 01 c9",
                "vpshufb xmm0, xmm0, xmm1 (VEX) | c4 e2 79 00 c1",
                "lock addps xmm0, xmm1 | f0 0f 58 c1",
            })
    void outOfScopeFormsRaiseUd(String asm, String code) {
        LiftTester t = at(code);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).as(asm).isEqualTo(Vectors.UD);
        assertThat(r.pc()).as(asm).isEqualTo(LiftTester.CODE);
    }

    @Test
    void ldmxcsrRejectsReservedBits() {
        // ldmxcsr [rdx] with bit 16 set: #GP(0), MXCSR unchanged
        LiftTester t = at("0f ae 12");
        t.memory.store(DATA, 4, 0x1_1f80L);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.GP);
        assertThat(r.fault().errorCode()).isZero();
        assertThat(t.cpu.state[StateLayout.MXCSR]).isEqualTo(0x1f80);
    }

    @Test
    void ldmxcsrThenStmxcsr() {
        // ldmxcsr [rdx]; stmxcsr [rdx+4]
        LiftTester t = at("0f ae 12 0f ae 5a 04");
        t.memory.store(DATA, 4, 0xffbfL);
        t.run();
        assertThat(t.cpu.state[StateLayout.MXCSR]).isEqualTo(0xffbf);
        assertThat(t.memory.load(DATA + 4, 4)).isEqualTo(0xffbf);
    }

    @Test
    void fxsaveWritesTheSsePartAtTheDocumentedOffsets() {
        // fxsave64 [rdx]
        LiftTester t = at("48 0f ae 02");
        for (int i = 0; i < 16; i++) {
            xmm(t, i, 0x0101_0101_0101_0101L * i, ~i);
        }
        t.cpu.state[StateLayout.MXCSR] = 0x3f80 | 0x21;
        t.memory.store(DATA + 416, 8, 0x5a5a_5a5aL);
        assertThat(t.run().vector()).isEqualTo(Vectors.UD);
        assertThat(t.memory.load(DATA, 2)).as("FCW").isEqualTo(0x37f);
        assertThat(t.memory.load(DATA + 2, 8)).as("FSW, FTW, FOP, FIP").isZero();
        assertThat(t.memory.load(DATA + 24, 4)).as("MXCSR").isEqualTo(0x3fa1);
        assertThat(t.memory.load(DATA + 28, 4)).as("MXCSR_MASK").isEqualTo(0xffff);
        for (int i = 0; i < 16; i++) {
            assertThat(t.memory.load(DATA + 160 + 16 * i, 8)).isEqualTo(0x0101_0101_0101_0101L * i);
            assertThat(t.memory.load(DATA + 168 + 16 * i, 8)).isEqualTo(~(long) i);
        }
        assertThat(t.memory.load(DATA + 416, 8))
                .as("bytes 416-511 are left alone")
                .isEqualTo(0x5a5a_5a5aL);
    }

    @Test
    void fxsaveInProtectedModeSavesEightRegisters() {
        // fxsave [edx]
        LiftTester t = LiftTester.mode32().code("0f ae 02 0f 0b").gpr(StateLayout.RDX, DATA);
        for (int i = 0; i < 16; i++) {
            xmm(t, i, i + 1, 0);
        }
        t.run();
        assertThat(t.memory.load(DATA + 160 + 16 * 7, 8)).isEqualTo(8);
        assertThat(t.memory.load(DATA + 160 + 16 * 8, 8)).isZero();
    }

    @Test
    void fxrstorRestoresWhatFxsaveSaved() {
        // fxsave [rdx]; xorps xmm3, xmm3; ldmxcsr [rdx+512]; fxrstor [rdx]
        LiftTester t = at("0f ae 02 0f 57 db 0f ae 92 00 02 00 00 0f ae 0a");
        xmm(t, 3, 0x1234, 0x5678);
        t.cpu.state[StateLayout.MXCSR] = 0x7f80;
        t.memory.store(DATA + 512, 4, 0x1f80);
        assertThat(t.run().vector()).isEqualTo(Vectors.UD);
        assertThat(t.cpu.state[StateLayout.xmm(3)]).isEqualTo(0x1234);
        assertThat(t.cpu.state[StateLayout.xmm(3) + 1]).isEqualTo(0x5678);
        assertThat(t.cpu.state[StateLayout.MXCSR]).isEqualTo(0x7f80);
    }

    @Test
    void fxrstorRejectsReservedMxcsrBits() {
        // fxrstor [rdx] with MXCSR 0x10000 in the image: #GP(0), nothing loaded
        LiftTester t = at("0f ae 0a");
        t.memory.store(DATA + 24, 4, 0x1_0000L);
        t.memory.store(DATA + 160, 8, 0x77);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.GP);
        assertThat(t.cpu.state[StateLayout.xmm(0)]).isZero();
        assertThat(t.cpu.state[StateLayout.MXCSR]).isEqualTo(0x1f80);
    }

    @Test
    void fxsaveFaultsBeforeWritingWhenTheAreaEndsOutsideMemory() {
        // fxsave [rdx] with the area's last bytes past the end of the test memory: #PF, nothing written
        long end = LiftTester.CODE + 0x200000;
        LiftTester t = at("0f ae 02").gpr(StateLayout.RDX, end - 256);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.PF);
        assertThat(t.memory.load(end - 256 + 24, 4)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "divss 1 / 0 with ZM clear | f3 0f 5e c1 | 0x3f800000 | 0x0 | 0x1d80 | true",
                "divss 1 / 0 with only PM clear | f3 0f 5e c1 | 0x3f800000 | 0x0 | 0x0f80 | false",
                "addss 1 + 2^-30 with PM clear | f3 0f 58 c1 | 0x3f800000 | 0x30800000 | 0x0f80 | true",
                "addss 1 + 1 with every mask clear | f3 0f 58 c1 | 0x3f800000 | 0x3f800000 | 0x0000 | false",
                "sqrtss -1 with IM clear | f3 0f 51 c1 | 0x0 | 0xbf800000 | 0x1f00 | true",
                "ucomiss QNaN with IM clear | 0f 2e c1 | 0x7fc00000 | 0x0 | 0x1f00 | false",
                "comiss QNaN with IM clear | 0f 2f c1 | 0x7fc00000 | 0x0 | 0x1f00 | true",
                "roundss 2.5 with PM clear | 66 0f 3a 0a c1 04 | 0x0 | 0x40200000 | 0x0f80 | true",
                "roundss 2.5 with PM clear, imm8[3] set | 66 0f 3a 0a c1 0c | 0x0 | 0x40200000 | 0x0f80 | false",
                "roundsd SNaN with IM clear, imm8[3] set | 66 0f 3a 0b c1 09 | 0x0 | 0x7ff0000000000001 | 0x1f00 | true",
                "haddps -inf + inf with IM clear | f2 0f 7c c1 | 0x7f800000ff800000 | 0x0 | 0x1f00 | true",
                "dpps max * 2 with OM clear | 66 0f 3a 40 c1 11 | 0x7f7fffff | 0x40000000 | 0x1b80 | true",
                "dpps max * 2 outside the mask | 66 0f 3a 40 c1 21 | 0x7f7fffff | 0x40000000 | 0x1b80 | false",
            })
    void unmaskedExceptionRaisesXm(String what, String code, long a, long b, long mxcsr, boolean raises) {
        LiftTester t = at(code);
        xmm(t, 0, a, 0);
        xmm(t, 1, b, 0);
        t.cpu.state[StateLayout.MXCSR] = mxcsr;
        LiftTester.Result r = t.run();
        if (raises) {
            assertThat(r.vector()).as(what).isEqualTo(Vectors.XM);
            assertThat(r.pc()).isEqualTo(LiftTester.CODE);
            assertThat(t.cpu.state[StateLayout.xmm(0)])
                    .as("destination unchanged")
                    .isEqualTo(a);
            assertThat(t.cpu.state[StateLayout.MXCSR]).isEqualTo(mxcsr);
        } else {
            assertThat(r.vector()).as(what).isEqualTo(Vectors.UD);
        }
    }

    @Test
    void fencesRunAndChangeNothing() {
        // lfence; sfence; mfence
        LiftTester t = at("0f ae e8 0f ae f8 0f ae f0");
        assertThat(t.run().pc()).isEqualTo(LiftTester.CODE + 9);
    }
}
