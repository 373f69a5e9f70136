package dev.jx86.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.StateLayout;
import org.junit.jupiter.api.Test;

class X87ControlTest {
    @Test
    void theControlWordStartsAsLinuxSetsItAndRoundTrips() {
        // fnstcw [rsi]; mov word [rsi+2], 0x0c7f; fldcw [rsi+2]; fnstcw [rsi+4]; ud2
        LiftTester t = LiftTester.mode64()
                .code("d9 3e 66 c7 46 02 7f 0c d9 6e 02 d9 7e 04 0f 0b")
                .gpr(StateLayout.RSI, LiftTester.DATA);
        t.run();
        assertThat(t.memory.load(LiftTester.DATA, 2)).isEqualTo(0x37f);
        assertThat(t.memory.load(LiftTester.DATA + 4, 2)).isEqualTo(0xc7f);
    }

    @Test
    void fstswAxAndFninit() {
        // fldcw [rsi]; fninit; fstsw ax (9b df e0); fnstcw [rsi+2]; ud2
        LiftTester t = LiftTester.mode64().code("d9 2e db e3 9b df e0 d9 7e 02 0f 0b");
        t.gpr(StateLayout.RSI, LiftTester.DATA).gpr(StateLayout.RAX, 0x1234_5678);
        t.memory.store(LiftTester.DATA, 2, 0x27f);
        t.run();
        assertThat(t.gpr(StateLayout.RAX)).isEqualTo(0x1234_0000L);
        assertThat(t.memory.load(LiftTester.DATA + 2, 2)).isEqualTo(0x37f);
    }
}
