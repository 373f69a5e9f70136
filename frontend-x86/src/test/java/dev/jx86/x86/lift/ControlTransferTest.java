package dev.jx86.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.ExitReason;
import dev.jx86.ir.eval.Outcome;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import org.junit.jupiter.api.Test;

class ControlTransferTest {
    @Test
    void callAndReturn() {
        // call +2; ud2; ret
        LiftTester t = LiftTester.mode64().code("e8 02 00 00 00 0f 0b c3");
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.UD);
        assertThat(r.pc()).isEqualTo(LiftTester.CODE + 5);
        assertThat(t.gpr(StateLayout.RSP)).isEqualTo(LiftTester.STACK_TOP);
        assertThat(t.memory.load(LiftTester.STACK_TOP - 8, 8)).isEqualTo(LiftTester.CODE + 5);
    }

    @Test
    void loopCountsRcxDown() {
        // loop $; ud2
        LiftTester t = LiftTester.mode64().code("e2 fe 0f 0b").gpr(StateLayout.RCX, 3);
        LiftTester.Result r = t.run();
        assertThat(r.pc()).isEqualTo(LiftTester.CODE + 2);
        assertThat(t.gpr(StateLayout.RCX)).isZero();
    }

    @Test
    void loopWithAddressSizePrefixUsesEcx() {
        // addr32 loop $ with ECX = 2 and the high half of RCX set: only ECX counts, and the write zero-extends
        LiftTester t = LiftTester.mode64().code("67 e2 fd 0f 0b").gpr(StateLayout.RCX, 0x1_0000_0002L);
        t.run();
        assertThat(t.gpr(StateLayout.RCX)).isZero();
    }

    @Test
    void jrcxzTakenOnlyOnZero() {
        // jrcxz +2; ud2; ud2 -> lands on the second ud2 when RCX = 0
        assertThat(LiftTester.mode64().code("e3 02 0f 0b 0f 0b").run().pc()).isEqualTo(LiftTester.CODE + 4);
        assertThat(LiftTester.mode64()
                        .code("e3 02 0f 0b 0f 0b")
                        .gpr(StateLayout.RCX, 1)
                        .run()
                        .pc())
                .isEqualTo(LiftTester.CODE + 2);
    }

    @Test
    void indirectCallThroughRegister() {
        // call rax; ud2 ; target: ud2 at +8
        LiftTester t =
                LiftTester.mode64().code("ff d0 0f 0b 90 90 90 90 0f 0b").gpr(StateLayout.RAX, LiftTester.CODE + 8);
        assertThat(t.run().pc()).isEqualTo(LiftTester.CODE + 8);
        assertThat(t.gpr(StateLayout.RSP)).isEqualTo(LiftTester.STACK_TOP - 8);
    }

    @Test
    void syscallSavesReturnAddressAndFlags() {
        LiftTester t = LiftTester.mode64().code("0f 05");
        LiftTester.Result r = t.run();
        assertThat(r.outcome()).isEqualTo(new Outcome.Exited(ExitReason.SYSCALL, LiftTester.CODE + 2));
        assertThat(t.gpr(StateLayout.RCX)).isEqualTo(LiftTester.CODE + 2);
        assertThat(t.gpr(11)).isEqualTo(0x202);
    }

    @Test
    void int80IsASystemCallAndOtherVectorsFault() {
        assertThat(LiftTester.mode32().code("cd 80").run().outcome())
                .isEqualTo(new Outcome.Exited(ExitReason.SYSCALL, LiftTester.CODE + 2));
        LiftTester.Result r = LiftTester.mode64().code("cd 21").run();
        assertThat(r.outcome()).isEqualTo(new Outcome.Raised(Vectors.GP, 0x21 * 8 + 2, LiftTester.CODE));
    }

    @Test
    void privilegedAndUnknownInstructions() {
        assertThat(LiftTester.mode64().code("f4").run().vector()).isEqualTo(Vectors.GP); // hlt
        assertThat(LiftTester.mode64().code("62 f1 7c 48 58 c1").run().vector()) // AVX-512
                .isEqualTo(Vectors.UD);
    }

    @Test
    void fetchFaultAtUnmappedCode() {
        LiftTester t = LiftTester.mode64();
        t.cpu.rip(0x1000);
        LiftTester.Result r = t.run();
        assertThat(r.vector()).isEqualTo(Vectors.PF);
        assertThat(r.fault().address()).isEqualTo(0x1000);
    }
}
