package dev.jx86.runtime.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.mem.AddressSpace;
import dev.jx86.runtime.mem.Protection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The stack scan: from RSP upward, words that point just after a CALL in executable memory are return addresses;
 * other words (data, code pointers not after a call, addresses outside executable memory) are skipped.
 */
class StackSamplerTest {
    private static final long CODE = 0x400000;
    private static final long STACK = 0x7000_0000L;

    /** a at 0x400000 calls b at 0x400100 (direct), b calls c through rax; c is running at 0x400210. */
    private static AddressSpace space() {
        AddressSpace space = new AddressSpace(AddressSpace.LIMIT_64);
        space.map(CODE, 0x1000, Protection.READ | Protection.WRITE);
        space.copyOut(CODE + 0x10, new byte[] {(byte) 0xe8, (byte) 0xeb, 0x00, 0x00, 0x00}); // 400010: call 400100
        space.copyOut(CODE + 0x120, new byte[] {(byte) 0xff, (byte) 0xd0}); // 400120: call rax
        space.protect(CODE, 0x1000, Protection.READ | Protection.EXEC);
        space.map(STACK, 0x2000, Protection.READ | Protection.WRITE);
        return space;
    }

    private static byte[] words(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    @Test
    void findsTheReturnAddressesAndTheCallsTargets() {
        try (AddressSpace space = space()) {
            long rsp = STACK + 0x1f00;
            space.copyOut(
                    rsp,
                    words(
                            0x400122, // return into b, after call rax
                            0x1234, // data
                            CODE + 0x100, // a function pointer (b's entry): no call before it
                            0x400015, // return into a, after call 400100
                            0x900015)); // not executable
            Cpu cpu = new Cpu(space.newView(), CpuMode.LONG_64);
            cpu.rip(0x400210);
            cpu.gpr(StateLayout.RSP, rsp);
            StackSampler sampler = new StackSampler(cpu, space, true, 1_000_000, () -> Phase.GUEST);
            sampler.sample();
            sampler.sample();
            CallStacks stacks = sampler.stacks();
            assertThat(stacks.samples()).isEqualTo(2);
            assertThat(stacks.stacks()).hasSize(1);
            CallStacks.Stack s = stacks.stacks().getFirst();
            assertThat(s.count()).isEqualTo(2);
            assertThat(s.pcs()).containsExactly(0x400210L, 0x400122L, 0x400015L);
            // c was called through rax (unknown entry); b's entry is the direct call's target; a's is not on the stack
            assertThat(s.functions()).containsExactly(-1L, 0x400100L, -1L);
            assertThat(s.phase()).isEqualTo(Phase.GUEST);
        }
    }

    @Test
    void anUnmappedStackGivesTheLeafAlone() {
        try (AddressSpace space = space()) {
            Cpu cpu = new Cpu(space.newView(), CpuMode.LONG_64);
            cpu.rip(0x400210);
            cpu.gpr(StateLayout.RSP, 0x5000_0000L);
            StackSampler sampler = new StackSampler(cpu, space, true, 1_000_000, () -> Phase.RUNTIME);
            sampler.sample();
            CallStacks.Stack s = sampler.stacks().stacks().getFirst();
            assertThat(s.pcs()).containsExactly(0x400210L);
            assertThat(s.phase()).isEqualTo(Phase.RUNTIME);
        }
    }

    @Test
    void theThreadSamplesUntilStopped() throws InterruptedException {
        try (AddressSpace space = space()) {
            Cpu cpu = new Cpu(space.newView(), CpuMode.LONG_64);
            cpu.rip(0x400210);
            cpu.gpr(StateLayout.RSP, STACK + 0x1f00);
            StackSampler sampler = new StackSampler(cpu, space, true, 200_000, () -> Phase.GUEST);
            sampler.start();
            Thread.sleep(100);
            sampler.stop();
            long taken = sampler.stacks().samples();
            assertThat(taken).isPositive();
            Thread.sleep(20);
            assertThat(sampler.stacks().samples()).isEqualTo(taken);
        }
    }
}
