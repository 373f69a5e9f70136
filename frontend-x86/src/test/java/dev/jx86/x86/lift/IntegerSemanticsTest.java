package dev.jx86.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases for what the native cases cannot run in the host's 64-bit test process: 32-bit-mode
 * instructions (BCD, PUSHA/POPA), the stack, RFLAGS, faults, segment overrides and CPUID.
 */
class IntegerSemanticsTest {
    private static final long CODE = LiftTester.CODE;
    private static final long DATA = LiftTester.DATA;
    private static final long TOP = LiftTester.STACK_TOP;

    private static long ax(LiftTester t) {
        return t.gpr(StateLayout.RAX) & 0xffff;
    }

    @Test
    void decimalAdjustAfterAddition() {
        // add al, 0x35; daa   (79 + 35 = 114 in BCD)
        LiftTester t = LiftTester.mode32().code("04 35 27 0f 0b").gpr(StateLayout.RAX, 0x79);
        assertThat(t.run().vector()).isEqualTo(Vectors.UD);
        assertThat(ax(t)).isEqualTo(0x14);
        assertThat(t.flags() & 0x11).isEqualTo(0x11); // CF and AF
    }

    @Test
    void decimalAdjustAfterSubtraction() {
        // sub al, 0x47; das   (35 - 47 = -12: 88 with a borrow)
        LiftTester t = LiftTester.mode32().code("2c 47 2f 0f 0b").gpr(StateLayout.RAX, 0x35);
        t.run();
        assertThat(ax(t)).isEqualTo(0x88);
        assertThat(t.flags() & 1).isEqualTo(1);
    }

    @Test
    void asciiAdjustAfterAdditionAndSubtraction() {
        // add al, 8; aaa   (9 + 8 = 17: AH 1, AL 7)
        LiftTester t = LiftTester.mode32().code("04 08 37 0f 0b").gpr(StateLayout.RAX, 9);
        t.run();
        assertThat(ax(t)).isEqualTo(0x0107);
        assertThat(t.flags() & 0x11).isEqualTo(0x11);
        // sub al, 5; aas   (12 - 5 = 7)
        t = LiftTester.mode32().code("2c 05 3f 0f 0b").gpr(StateLayout.RAX, 0x0102);
        t.run();
        assertThat(ax(t)).isEqualTo(0x0007);
        assertThat(t.flags() & 0x11).isEqualTo(0x11);
    }

    @Test
    void asciiAdjustMultiplyAndDivide() {
        // aam 10: 63 -> AH 6, AL 3 (PF set: 3 has two bits); aad 10 back to 63
        LiftTester t = LiftTester.mode32().code("d4 0a 0f 0b").gpr(StateLayout.RAX, 0xff3f);
        t.run();
        assertThat(ax(t)).isEqualTo(0x0603);
        assertThat(t.flags()).isEqualTo(0x04);
        t = LiftTester.mode32().code("d5 0a 0f 0b").gpr(StateLayout.RAX, 0x0603);
        t.run();
        assertThat(ax(t)).isEqualTo(0x003f);
        // aam 0 is #DE, with AX unchanged
        t = LiftTester.mode32().code("d4 00 0f 0b").gpr(StateLayout.RAX, 0x1234);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.DE);
        assertThat(r.pc()).isEqualTo(CODE);
        assertThat(ax(t)).isEqualTo(0x1234);
    }

    @Test
    void decimalInstructionsAreInvalidIn64BitMode() {
        assertThat(LiftTester.mode64().code("27").run().vector()).isEqualTo(Vectors.UD);
    }

    @Test
    void pushaAndPopa() {
        // pusha; xor eax, eax; mov esp... ; popa: every register but ESP comes back
        LiftTester t = LiftTester.mode32().code("60 31 c0 31 ed 61 0f 0b");
        for (int r = 0; r < 8; r++) {
            if (r != StateLayout.RSP) {
                t.gpr(r, 0x1000 * (r + 1));
            }
        }
        t.run();
        assertThat(t.memory.load(TOP - 4, 4)).isEqualTo(0x1000); // EAX first, at the top
        assertThat(t.memory.load(TOP - 20, 4)).isEqualTo(TOP); // the original ESP
        assertThat(t.memory.load(TOP - 32, 4)).isEqualTo(0x8000); // EDI last
        for (int r = 0; r < 8; r++) {
            assertThat(t.gpr(r)).isEqualTo(r == StateLayout.RSP ? TOP : 0x1000 * (r + 1));
        }
    }

    @Test
    void pushAndPopForms() {
        // push -1 (imm8); push word 0x1234 (66 6a 34... 66 68 34 12); push qword [rsp]; pop rax; pop bx (66 5b); pop
        // rcx
        LiftTester t = LiftTester.mode64().code("6a ff 66 68 34 12 ff 34 24 58 66 5b 59 0f 0b");
        t.gpr(StateLayout.RBX, 0xffff_ffff_ffff_0000L);
        t.run();
        // push [rsp] copied 8 bytes from the top: the pushed word and 6 bytes of the -1 above it
        assertThat(t.gpr(StateLayout.RAX)).isEqualTo(0xffff_ffff_ffff_1234L);
        assertThat(t.gpr(StateLayout.RBX)).isEqualTo(0xffff_ffff_ffff_1234L);
        assertThat(t.gpr(StateLayout.RSP)).isEqualTo(TOP);
        assertThat(t.gpr(StateLayout.RCX)).isEqualTo(-1L);
    }

    @Test
    void popIntoMemoryUsesTheIncrementedStackPointer() {
        // push 7; push 9; pop qword [rsp]: RSP becomes TOP-8 first, so 9 lands at TOP-8 (over the 7)
        LiftTester t = LiftTester.mode64().code("6a 07 6a 09 8f 04 24 0f 0b");
        t.run();
        assertThat(t.gpr(StateLayout.RSP)).isEqualTo(TOP - 8);
        assertThat(t.memory.load(TOP - 8, 8)).isEqualTo(9);
    }

    @Test
    void popRspTakesThePoppedValue() {
        // push 0x5000; pop rsp
        LiftTester t = LiftTester.mode64().code("68 00 50 00 00 5c 0f 0b");
        t.run();
        assertThat(t.gpr(StateLayout.RSP)).isEqualTo(0x5000);
    }

    @Test
    void pushfAndPopf() {
        // stc; std; pushfq; pop rax
        LiftTester t = LiftTester.mode64().code("f9 fd 9c 58 0f 0b");
        t.run();
        assertThat(t.gpr(StateLayout.RAX)).isEqualTo(0x603);
        // push 0x2c0ed5 (all status flags, TF off, DF, NT, AC, ID; IF clear); popfq; pushfq; pop rax
        t = LiftTester.mode64().code("68 d5 4c 24 00 9d 9c 58 0f 0b");
        t.run();
        assertThat(t.gpr(StateLayout.RAX)).isEqualTo(0x244ed7L); // IF stays set, IOPL stays 0
        assertThat(t.flags()).isEqualTo(0x8d5);
        // 16-bit popf (66 9d) cannot change AC or ID
        t = LiftTester.mode64().code("68 00 00 24 00 66 9d 0f 0b");
        t.run();
        assertThat(t.cpu.rflags()).isEqualTo(0x202);
    }

    @Test
    void cliAndStiFaultInUserMode() {
        assertThat(LiftTester.mode64().code("fb").run().vector()).isEqualTo(Vectors.GP);
        assertThat(LiftTester.mode64().code("fa").run().vector()).isEqualTo(Vectors.GP);
    }

    @Test
    void repStosStopsAtAFaultWithTheCompletedIterations() {
        // rep stosb from 16 bytes below the end of memory, 32 bytes: 16 are stored, then #PF
        long end = LiftTester.CODE + 0x200000;
        LiftTester t = LiftTester.mode64().code("f3 aa 0f 0b");
        t.gpr(StateLayout.RDI, end - 16).gpr(StateLayout.RCX, 32).gpr(StateLayout.RAX, 0x5a);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.PF);
        assertThat(r.fault().address()).isEqualTo(end);
        assertThat(r.pc()).isEqualTo(CODE);
        assertThat(t.gpr(StateLayout.RCX)).isEqualTo(16);
        assertThat(t.gpr(StateLayout.RDI)).isEqualTo(end);
        assertThat(t.memory.load(end - 8, 8)).isEqualTo(0x5a5a5a5a5a5a5a5aL);
    }

    @Test
    void repStosFallsBackToSingleBytesWhereAWideStoreFaults() {
        // 13 bytes below the end: an 8-byte store at end-5 would cross it, so the last 5 bytes go one by one
        long end = LiftTester.CODE + 0x200000;
        LiftTester t = LiftTester.mode64().code("f3 aa 0f 0b");
        t.gpr(StateLayout.RDI, end - 13).gpr(StateLayout.RCX, 32).gpr(StateLayout.RAX, 0x5a);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.PF);
        assertThat(r.fault().address()).isEqualTo(end);
        assertThat(t.gpr(StateLayout.RCX)).isEqualTo(19);
        assertThat(t.gpr(StateLayout.RDI)).isEqualTo(end);
        assertThat(t.memory.load(end - 5, 4)).isEqualTo(0x5a5a5a5aL);
    }

    @Test
    void longRepReentersTheInstruction() {
        // more iterations than one helper call does: the block branches back to the REP and it finishes
        LiftTester t = LiftTester.mode64().code("f3 aa 0f 0b");
        long count = (1 << 20) + 16;
        t.gpr(StateLayout.RDI, CODE + 0x10000).gpr(StateLayout.RCX, count).gpr(StateLayout.RAX, 0x11);
        assertThat(t.run(3).vector()).isEqualTo(Vectors.UD); // REP, REP again, ud2
        assertThat(t.gpr(StateLayout.RCX)).isZero();
        assertThat(t.gpr(StateLayout.RDI)).isEqualTo(CODE + 0x10000 + count);
        assertThat(t.memory.load(CODE + 0x10000 + count - 8, 8)).isEqualTo(0x1111111111111111L);
    }

    @Test
    void repMovsdStopsAtAnUnalignedFaultExactly() {
        // rep movsd with the source 6 bytes below the end: the first element reads fine, the second crosses the end
        long end = LiftTester.CODE + 0x200000;
        LiftTester t = LiftTester.mode64().code("f3 a5 0f 0b");
        t.memory.store(end - 6, 4, 0x11223344);
        t.gpr(StateLayout.RSI, end - 6).gpr(StateLayout.RDI, DATA).gpr(StateLayout.RCX, 4);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.PF);
        assertThat(t.gpr(StateLayout.RCX)).isEqualTo(3);
        assertThat(t.gpr(StateLayout.RSI)).isEqualTo(end - 2);
        assertThat(t.gpr(StateLayout.RDI)).isEqualTo(DATA + 4);
        assertThat(t.memory.load(DATA, 4)).isEqualTo(0x11223344);
    }

    @Test
    void repMovsbDownwardsFaultsBelowMemory() {
        // std; rep movsb from 0x400001 down: two bytes copy, the third (0x3fffff) faults
        LiftTester t = LiftTester.mode64().code("fd f3 a4 0f 0b");
        t.gpr(StateLayout.RSI, CODE + 1).gpr(StateLayout.RDI, DATA + 10).gpr(StateLayout.RCX, 5);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.PF);
        assertThat(r.pc()).isEqualTo(CODE + 1);
        assertThat(t.gpr(StateLayout.RCX)).isEqualTo(3);
        assertThat(t.gpr(StateLayout.RSI)).isEqualTo(CODE - 1);
        assertThat(t.gpr(StateLayout.RDI)).isEqualTo(DATA + 8);
        assertThat(t.memory.load(DATA + 9, 2)).isEqualTo(0xf3fd); // 0x400001 (f3) went to DATA+10, 0x400000 to +9
    }

    @Test
    void repMovsbCopiesLargeBlocksInOneCall() {
        LiftTester t = LiftTester.mode64().code("f3 a4 0f 0b");
        for (int i = 0; i < 0x10000; i += 8) {
            t.memory.store(DATA + i, 8, i * 0x0101010101L);
        }
        t.gpr(StateLayout.RSI, DATA).gpr(StateLayout.RDI, DATA + 0x10000).gpr(StateLayout.RCX, 0x10000);
        assertThat(t.run(2).vector()).isEqualTo(Vectors.UD); // one block for the REP, one for the ud2
        for (int i = 0; i < 0x10000; i += 8) {
            assertThat(t.memory.load(DATA + 0x10000 + i, 8)).isEqualTo(i * 0x0101010101L);
        }
    }

    @Test
    void stringSourceSegmentOverride() {
        // lodsb fs:[rsi] with FS base 0x100000
        LiftTester t = LiftTester.mode64().code("64 ac 0f 0b");
        t.cpu.state[StateLayout.FS_BASE] = 0x100000;
        t.memory.store(DATA, 1, 0x77);
        t.gpr(StateLayout.RSI, DATA - 0x100000);
        t.run();
        assertThat(t.gpr(StateLayout.RAX)).isEqualTo(0x77);
        assertThat(t.gpr(StateLayout.RSI)).isEqualTo(DATA - 0x100000 + 1);
    }

    @Test
    void leaIgnoresTheSegmentBase() {
        // lea rax, fs:[0x10]
        LiftTester t = LiftTester.mode64().code("64 48 8d 04 25 10 00 00 00 0f 0b");
        t.cpu.state[StateLayout.FS_BASE] = 0x100000;
        t.run();
        assertThat(t.gpr(StateLayout.RAX)).isEqualTo(0x10);
    }

    @Test
    void cmpxchg16bNeedsAlignment() {
        LiftTester t = LiftTester.mode64().code("48 0f c7 0e 0f 0b").gpr(StateLayout.RSI, DATA + 8);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.GP);
        assertThat(r.fault().errorCode()).isZero();
    }

    @Test
    void segmentRegisterMoves() {
        // mov eax, fs reads the selector; mov cs, ax is #UD
        LiftTester t = LiftTester.mode64().code("8c e0 0f 0b").gpr(StateLayout.RAX, -1L);
        t.cpu.state[StateLayout.FS] = 0x63;
        t.run();
        assertThat(t.gpr(StateLayout.RAX)).isEqualTo(0x63);
        assertThat(LiftTester.mode64().code("8e c8").run().vector()).isEqualTo(Vectors.UD);
    }

    @Test
    void segmentLoadsFindTheTlsBase() {
        // i386 TLS: mov gs, ax with selector 0x63 (TLS entry 12, RPL 3) loads GS and its base
        LiftTester t = LiftTester.mode32().code("8e e8 0f 0b").gpr(StateLayout.RAX, 0x63);
        t.cpu.descriptors.setTls(12, 0x12340000L, 0xfffff, 0x51, true);
        t.run();
        assertThat(t.cpu.state[StateLayout.GS]).isEqualTo(0x63);
        assertThat(t.cpu.state[StateLayout.GS_BASE]).isEqualTo(0x12340000L);
        // lfs eax, [esi]: offset then selector from memory
        t = LiftTester.mode32().code("0f b4 06 0f 0b").gpr(StateLayout.RSI, DATA);
        t.cpu.descriptors.setTls(13, 0x5550000L, 0xfffff, 0x51, true);
        t.memory.store(DATA, 4, 0xdeadbeefL);
        t.memory.store(DATA + 4, 2, 0x6b);
        t.run();
        assertThat(t.gpr(StateLayout.RAX)).isEqualTo(0xdeadbeefL);
        assertThat(t.cpu.state[StateLayout.FS]).isEqualTo(0x6b);
        assertThat(t.cpu.state[StateLayout.FS_BASE]).isEqualTo(0x5550000L);
        // pop ss with a null selector is #GP(0), and the stack pointer is not moved
        t = LiftTester.mode32().code("6a 00 17 0f 0b");
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.GP);
        assertThat(r.pc()).isEqualTo(CODE + 2);
        assertThat(t.gpr(StateLayout.RSP)).isEqualTo(TOP - 4);
    }

    @Test
    void lockOnlyWithAMemoryDestination() {
        // lock add [rsi], eax works; lock add eax, ecx is #UD
        LiftTester t = LiftTester.mode64()
                .code("f0 01 06 0f 0b")
                .gpr(StateLayout.RSI, DATA)
                .gpr(StateLayout.RAX, 5);
        t.run();
        assertThat(t.memory.load(DATA, 4)).isEqualTo(5);
        assertThat(LiftTester.mode64().code("f0 01 c8").run().vector()).isEqualTo(Vectors.UD);
    }

    @Test
    void portAccessFaults() {
        assertThat(LiftTester.mode64().code("6c").run().vector()).isEqualTo(Vectors.GP); // insb
        assertThat(LiftTester.mode64().code("e4 60").run().vector()).isEqualTo(Vectors.GP); // in al, 0x60
    }

    @Test
    void cpuidDescribesTheModel() {
        LiftTester t = LiftTester.mode64().code("0f a2 0f 0b");
        t.run();
        assertThat(t.gpr(StateLayout.RAX)).isEqualTo(7);
        assertThat(t.gpr(StateLayout.RBX)).isEqualTo(0x756e6547); // "Genu"
        assertThat(t.gpr(StateLayout.RDX)).isEqualTo(0x49656e69); // "ineI"
        assertThat(t.gpr(StateLayout.RCX)).isEqualTo(0x6c65746e); // "ntel"
        t = LiftTester.mode64().code("0f a2 0f 0b").gpr(StateLayout.RAX, 1);
        t.run();
        assertThat(t.gpr(StateLayout.RDX) & (1 << 26)).as("SSE2").isNotZero();
        // x86-64-v2 (SSE3, SSSE3, CX16, SSE4.1, SSE4.2, POPCNT), MOVBE, AES, PCLMULQDQ; no MONITOR, no AVX.
        assertThat(t.gpr(StateLayout.RCX)).isEqualTo(0x02d8_2203L);
        assertThat(t.gpr(StateLayout.RCX) & (1 << 3)).as("MONITOR").isZero();
        t = LiftTester.mode64().code("0f a2 0f 0b").gpr(StateLayout.RAX, 7).gpr(StateLayout.RCX, 0);
        t.run();
        assertThat(t.gpr(StateLayout.RBX)).isEqualTo((1 << 3) | (1 << 8) | (1 << 9) | (1 << 19));
        assertThat(t.gpr(StateLayout.RCX)).isZero();
    }

    @Test
    void unreportedRandomNumberInstructionsAreUndefined() {
        assertThat(LiftTester.mode64().code("0f c7 f0").run().vector()).isEqualTo(Vectors.UD); // rdrand eax
        assertThat(LiftTester.mode64().code("0f c7 f8").run().vector()).isEqualTo(Vectors.UD); // rdseed eax
    }

    @Test
    void divideErrorLeavesTheRegistersAlone() {
        // div ecx with ECX = 0
        LiftTester t =
                LiftTester.mode64().code("f7 f1").gpr(StateLayout.RAX, 0x1234).gpr(StateLayout.RDX, 7);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.DE);
        assertThat(t.gpr(StateLayout.RAX)).isEqualTo(0x1234);
        assertThat(t.gpr(StateLayout.RDX)).isEqualTo(7);
    }
}
