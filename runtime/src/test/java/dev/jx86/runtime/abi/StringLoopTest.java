package dev.jx86.runtime.abi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringLoopTest {
    /** Memory [0, 0x110000), readable and writable. */
    private static final class ArrayMemory implements GuestMemory {
        final byte[] bytes = new byte[0x110000];

        private int at(long address, int size) {
            if (address < 0 || address + size > bytes.length) {
                throw new GuestFault(Vectors.PF, 4, Math.max(address, bytes.length));
            }
            return (int) address;
        }

        @Override
        public long load(long address, int size) {
            int a = at(address, size);
            long v = 0;
            for (int i = size - 1; i >= 0; i--) {
                v = v << 8 | (bytes[a + i] & 0xff);
            }
            return v;
        }

        @Override
        public void store(long address, int size, long value) {
            int a = at(address, size);
            for (int i = 0; i < size; i++) {
                bytes[a + i] = (byte) (value >>> 8 * i);
            }
        }

        @Override
        public int fetch(long address, byte[] buffer, int length) {
            return 0;
        }

        @Override
        public void checkWrite(long address, long length) {
            at(address, (int) length);
        }

        @Override
        public void checkRead(long address, long length) {
            at(address, (int) length);
        }
    }

    private final ArrayMemory memory = new ArrayMemory();
    private final Cpu cpu = new Cpu(memory, CpuMode.PROTECTED_32);

    private long call(RuntimeHelper helper, long... args) {
        return helper.body().call(cpu, args);
    }

    @Test
    void sixteenBitAddressesWrapAndMergeIntoTheRegisters() {
        memory.bytes[0xffff] = 1;
        memory.bytes[0] = 2;
        cpu.gpr(StateLayout.RSI, 0xabcd_ffffL);
        cpu.gpr(StateLayout.RDI, 0x1234_1000L);
        cpu.gpr(StateLayout.RCX, 0x7777_0002L);
        assertThat(call(StringHelpers.REP_MOVS, 1, 2, 0)).isEqualTo(1);
        assertThat(memory.bytes[0x1000]).isEqualTo((byte) 1);
        assertThat(memory.bytes[0x1001]).isEqualTo((byte) 2);
        assertThat(cpu.gpr(StateLayout.RSI)).isEqualTo(0xabcd_0001L);
        assertThat(cpu.gpr(StateLayout.RDI)).isEqualTo(0x1234_1002L);
        assertThat(cpu.gpr(StateLayout.RCX)).isEqualTo(0x7777_0000L);
    }

    @Test
    void thirtyTwoBitCountsZeroExtendAndAZeroCountWritesNothing() {
        cpu.mode(CpuMode.LONG_64);
        cpu.gpr(StateLayout.RDI, 0xffff_0000_0000_1000L);
        cpu.gpr(StateLayout.RCX, 0xffff_0000_0000_0000L);
        assertThat(call(StringHelpers.REP_STOS, 4, 4)).isEqualTo(1);
        assertThat(cpu.gpr(StateLayout.RCX)).isEqualTo(0xffff_0000_0000_0000L);
        assertThat(cpu.gpr(StateLayout.RDI)).isEqualTo(0xffff_0000_0000_1000L);
        cpu.gpr(StateLayout.RCX, 0xffff_0000_0000_0001L);
        assertThat(call(StringHelpers.REP_STOS, 4, 4)).isEqualTo(1);
        assertThat(cpu.gpr(StateLayout.RCX)).isZero();
        assertThat(cpu.gpr(StateLayout.RDI)).isEqualTo(0x1004);
    }

    @Test
    void overlappingForwardCopyReplicatesLikeSingleBytes() {
        memory.bytes[0x100] = 1;
        memory.bytes[0x101] = 2;
        memory.bytes[0x102] = 3;
        cpu.gpr(StateLayout.RSI, 0x100);
        cpu.gpr(StateLayout.RDI, 0x103);
        cpu.gpr(StateLayout.RCX, 30);
        call(StringHelpers.REP_MOVS, 1, 4, 0);
        for (int i = 0; i < 33; i++) {
            assertThat(memory.bytes[0x100 + i]).isEqualTo((byte) (1 + i % 3));
        }
    }

    @Test
    void repeCmpsStopsAtTheFirstDifference() {
        memory.store(0x100, 8, 0x0102030405060708L);
        memory.store(0x200, 8, 0x0102030455060708L);
        cpu.gpr(StateLayout.RSI, 0x100);
        cpu.gpr(StateLayout.RDI, 0x200);
        cpu.gpr(StateLayout.RCX, 8);
        assertThat(call(StringHelpers.REP_CMPS, 1, 4, 0, 0)).isEqualTo(1);
        assertThat(cpu.gpr(StateLayout.RCX)).isEqualTo(4); // the 4th byte differed and was counted
        assertThat(cpu.gpr(StateLayout.RSI)).isEqualTo(0x104);
        assertThat(cpu.state[StateLayout.FLAGS] & 0x41).isEqualTo(1); // 0x05 - 0x55: borrow, not equal
    }

    @Test
    void aLongRepeatStopsAfterTheLimitAndReportsNotDone() {
        cpu.gpr(StateLayout.RDI, 0);
        cpu.gpr(StateLayout.RCX, StringLoop.LIMIT + 3);
        cpu.gpr(StateLayout.RSI, 0);
        cpu.mode(CpuMode.LONG_64);
        assertThat(call(StringHelpers.REP_LODS, 1, 4, 0)).isZero();
        assertThat(cpu.gpr(StateLayout.RCX)).isEqualTo(3);
        assertThat(cpu.gpr(StateLayout.RSI)).isEqualTo(StringLoop.LIMIT);
        assertThat(call(StringHelpers.REP_LODS, 1, 4, 0)).isEqualTo(1);
        assertThat(cpu.gpr(StateLayout.RCX)).isZero();
    }
}
