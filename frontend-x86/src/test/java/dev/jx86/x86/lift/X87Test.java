package dev.jx86.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import org.junit.jupiter.api.Test;

/**
 * x87 programs through the lifter, on the reference evaluator and tier 0 (LiftTester): the stack, memory formats,
 * FCOMI's flags, exceptions and #MF, precise faults, and the state images. Expected values are the host's (checked
 * with gcc inline assembly on the x86-64 host).
 */
class X87Test {
    private static long fsw(LiftTester t) {
        return t.cpu.state[StateLayout.FPU_STATUS];
    }

    @Test
    void loadsAddsAndStoresADouble() {
        // fld1; fldpi; faddp st(1), st; fstp qword [rsi]; ud2
        LiftTester t = LiftTester.mode64().code("d9 e8 d9 eb de c1 dd 1e 0f 0b").gpr(StateLayout.RSI, LiftTester.DATA);
        t.run();
        assertThat(Double.longBitsToDouble(t.memory.load(LiftTester.DATA, 8))).isEqualTo(Math.PI + 1);
        assertThat(fsw(t) & 0x3800).as("TOP back to 0").isZero();
        assertThat(t.cpu.state[StateLayout.FPU_TAG]).isEqualTo(0xffff);
    }

    @Test
    void integerRoundTripWithRoundingModes() {
        // fild dword [rsi]; fidiv word [rsi+4]; fistp dword [rsi+8]; ud2  (7 / 2 = 3.5 -> 4 to nearest even)
        LiftTester t = LiftTester.mode64().code("db 06 de 76 04 db 5e 08 0f 0b").gpr(StateLayout.RSI, LiftTester.DATA);
        t.memory.store(LiftTester.DATA, 4, 7);
        t.memory.store(LiftTester.DATA + 4, 2, 2);
        t.run();
        assertThat(t.memory.load(LiftTester.DATA + 8, 4)).isEqualTo(4);
        assertThat(fsw(t) & 0x20).as("PE").isEqualTo(0x20);
        assertThat(fsw(t) & 0x200).as("C1: rounded up").isEqualTo(0x200);
    }

    @Test
    void fcomiSetsZfPfCfAndClearsTheOthers() {
        // fldz; fld1; fcomip st, st(1); ud2 -> 1 > 0: ZF=PF=CF=0
        LiftTester t = LiftTester.mode64().code("d9 ee d9 e8 df f1 0f 0b");
        t.cpu.rflags(0x8d5 | 2);
        t.run();
        assertThat(t.cpu.rflags() & 0x8d5).isZero();
        // fldz; fldz; fucomip st, st(1): equal -> ZF
        LiftTester u = LiftTester.mode64().code("d9 ee d9 ee df e9 0f 0b");
        u.run();
        assertThat(u.cpu.rflags() & 0x8d5).isEqualTo(0x40);
    }

    @Test
    void aNinthPushOverflowsTheStackIntoTheIndefinite() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            code.append("d9 e8 "); // fld1
        }
        LiftTester t = LiftTester.mode64().code(code + "0f 0b");
        t.run();
        assertThat(fsw(t) & 0x2ff).as("IE, SF and C1").isEqualTo(0x241);
        int top = (int) (fsw(t) >>> 11 & 7);
        assertThat(t.cpu.state[StateLayout.fpr(top) + 1]).isEqualTo(0xffff);
        assertThat(t.cpu.state[StateLayout.fpr(top)]).isEqualTo(0xc000_0000_0000_0000L);
    }

    @Test
    void anUnmaskedExceptionRaisesMfAtTheNextWaitingInstruction() {
        // fldcw [rsi] (0x37e: IE unmasked); fldz; fldz; fdivp st(1), st (0/0: IE); fnstsw ax; fld1; ud2
        LiftTester t = LiftTester.mode64()
                .code("d9 2e d9 ee d9 ee de f9 df e0 d9 e8 0f 0b")
                .gpr(StateLayout.RSI, LiftTester.DATA);
        t.memory.store(LiftTester.DATA, 2, 0x37e);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.MF);
        assertThat(r.pc()).as("the FLD1 after it").isEqualTo(LiftTester.CODE + 10);
        assertThat(t.gpr(StateLayout.RAX) & 0xffff)
                .as("FNSTSW saw IE, ES and B")
                .isEqualTo(0xb081);
        assertThat(fsw(t) >>> 11 & 7).as("FDIVP did not pop").isEqualTo(6);
    }

    @Test
    void fstswWithItsWaitFaultsButFnstswDoesNot() {
        // fldcw [rsi] (IE unmasked); fld1; fchs; fsqrt (IE); 9b df e0 (fstsw ax); ud2
        LiftTester t = LiftTester.mode64()
                .code("d9 2e d9 e8 d9 e0 d9 fa 9b df e0 0f 0b")
                .gpr(StateLayout.RSI, LiftTester.DATA);
        t.memory.store(LiftTester.DATA, 2, 0x37e);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.MF);
        assertThat(r.pc()).isEqualTo(LiftTester.CODE + 8);
    }

    @Test
    void aStoreThatFaultsChangesNothing() {
        // fld1; fstp qword [rsi] with rsi unmapped: #PF, and the stack keeps its value
        LiftTester t = LiftTester.mode64().code("d9 e8 dd 1e 0f 0b").gpr(StateLayout.RSI, 0x10);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.PF);
        assertThat(r.pc()).isEqualTo(LiftTester.CODE + 2);
        assertThat(fsw(t) >>> 11 & 7).isEqualTo(7);
        assertThat(t.cpu.state[StateLayout.FPU_TAG]).isEqualTo(0x3fff);
    }

    @Test
    void fnsaveWritesTheImageAndInitializesAndFrstorBringsItBack() {
        // fld1; fldz; fnsave [rsi]; fnstcw [rsi+200]; frstor [rsi]; ud2
        LiftTester t = LiftTester.mode64()
                .code("d9 e8 d9 ee dd 36 d9 be c8 00 00 00 dd 26 0f 0b")
                .gpr(StateLayout.RSI, LiftTester.DATA);
        t.run();
        long d = LiftTester.DATA;
        assertThat(t.memory.load(d, 4)).as("FCW").isEqualTo(0xffff_037fL);
        assertThat(t.memory.load(d + 4, 4)).as("FSW, TOP 6").isEqualTo(0xffff_3000L);
        assertThat(t.memory.load(d + 8, 4)).as("tags: R6 zero, R7 valid").isEqualTo(0xffff_1fffL);
        assertThat(t.memory.load(d + 28 + 8, 2)).as("ST(0) +0").isZero();
        assertThat(t.memory.load(d + 38 + 8, 2)).as("ST(1) 1.0").isEqualTo(0x3fff);
        assertThat(t.memory.load(d + 200, 2)).as("FNINIT after FNSAVE").isEqualTo(0x37f);
        assertThat(t.cpu.state[StateLayout.FPU_TAG]).isEqualTo(0x1fff);
        assertThat(fsw(t)).isEqualTo(0x3000);
    }

    @Test
    void theSixteenBitEnvironmentAndFldenv() {
        // fld1; data16 fnstenv [esi]; mov word [esi], 0x7f (24-bit precision); data16 fldenv [esi]; ud2
        LiftTester t = LiftTester.mode32()
                .code("d9 e8 66 d9 36 66 c7 06 7f 00 66 d9 26 0f 0b")
                .gpr(StateLayout.RSI, LiftTester.DATA);
        t.run();
        long d = LiftTester.DATA;
        // The host writes 7f03 0038 ff3f, then its pointers (not modelled: 0); the control word was replaced.
        assertThat(t.memory.load(d + 2, 2)).isEqualTo(0x3800);
        assertThat(t.memory.load(d + 4, 2)).isEqualTo(0x3fff);
        assertThat(t.memory.load(d + 6, 8)).isZero();
        assertThat(t.cpu.state[StateLayout.FPU_CONTROL]).isEqualTo(0x7f);
        assertThat(t.cpu.state[StateLayout.FPU_TAG]).isEqualTo(0x3fff);
    }

    @Test
    void fxsaveCarriesTheRegisters() {
        // fld1; fxsave [rsi]; ud2
        LiftTester t = LiftTester.mode64().code("d9 e8 0f ae 06 0f 0b").gpr(StateLayout.RSI, LiftTester.DATA);
        t.run();
        long d = LiftTester.DATA;
        assertThat(t.memory.load(d, 8)).as("FCW, FSW (TOP 7), abridged tags").isEqualTo(0x80_3800_037fL);
        assertThat(t.memory.load(d + 32, 8)).isEqualTo(Long.MIN_VALUE);
        assertThat(t.memory.load(d + 40, 8)).isEqualTo(0x3fff);
    }

    @Test
    void thirtyTwoBitCodeReturnsDoublesOnTheStack() {
        // fldl [esp+4]; fmull [esp+4]; fstpl [esp+4]; ud2 (as an i386 caller and callee would)
        LiftTester t = LiftTester.mode32().code("dd 44 24 04 dc 4c 24 04 dd 5c 24 04 0f 0b");
        long sp = LiftTester.STACK_TOP - 64;
        t.gpr(StateLayout.RSP, sp);
        t.memory.store(sp + 4, 8, Double.doubleToLongBits(1.5));
        t.run();
        assertThat(Double.longBitsToDouble(t.memory.load(sp + 4, 8))).isEqualTo(2.25);
    }
}
