package dev.jx86.runtime.mem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.Vectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TlbMemoryTest {
    private final AddressSpace space = new AddressSpace(AddressSpace.LIMIT_64, 1L << 30);
    private final TlbMemory cpu = space.newView();

    @AfterEach
    void close() {
        space.close();
    }

    private static GuestFault fault(Runnable access) {
        try {
            access.run();
        } catch (GuestFault f) {
            return f;
        }
        throw new AssertionError("no fault");
    }

    @Test
    void littleEndianAccessesOfEverySize() {
        space.map(0x10000, 0x1000, Protection.READ | Protection.WRITE);
        cpu.store(0x10000, 8, 0x0807060504030201L);
        assertThat(cpu.load(0x10000, 1)).isEqualTo(0x01);
        assertThat(cpu.load(0x10001, 2)).isEqualTo(0x0302);
        assertThat(cpu.load(0x10003, 4)).isEqualTo(0x07060504L);
        assertThat(cpu.load(0x10000, 8)).isEqualTo(0x0807060504030201L);
        cpu.store(0x10000, 4, 0xffffffffL);
        assertThat(cpu.load(0x10000, 4)).isEqualTo(0xffffffffL);
        assertThat(cpu.load(0x10000, 8)).isEqualTo(0x08070605ffffffffL);
        assertThat(space.copyIn(0x10000, 2)).containsExactly(0xff, 0xff);
    }

    @Test
    void accessesCrossingAPage() {
        space.map(0x10000, 0x2000, Protection.READ | Protection.WRITE);
        for (int size : new int[] {2, 4, 8}) {
            for (int back = 1; back < size; back++) {
                long at = 0x11000 - back;
                long value = 0x1122334455667788L >>> (64 - 8 * size);
                cpu.store(at, size, value);
                assertThat(cpu.load(at, size)).isEqualTo(value);
                cpu.store(at, size, 0);
            }
        }
        cpu.store128(0x10ff8, 0x0123456789abcdefL, 0x1111222233334444L);
        long[] out = new long[2];
        cpu.load128(0x10ff8, out);
        assertThat(out).containsExactly(0x0123456789abcdefL, 0x1111222233334444L);
    }

    @Test
    void readOnlyPageLoadsButFaultsOnStore() {
        space.map(0x10000, 0x1000, Protection.READ | Protection.WRITE);
        cpu.store(0x10010, 4, 42);
        space.protect(0x10000, 0x1000, Protection.READ);
        assertThat(cpu.load(0x10010, 4)).isEqualTo(42);
        GuestFault f = fault(() -> cpu.store(0x10010, 4, 7));
        assertThat(f.vector()).isEqualTo(Vectors.PF);
        assertThat(f.errorCode()).isEqualTo(PageFaults.PRESENT | PageFaults.WRITE | PageFaults.USER);
        assertThat(f.address()).isEqualTo(0x10010);
        assertThat(cpu.load(0x10010, 4)).isEqualTo(42);
    }

    @Test
    void crossingStoreIntoUnwritablePageChangesNothing() {
        space.map(0x10000, 0x1000, Protection.READ | Protection.WRITE);
        space.map(0x11000, 0x1000, Protection.READ);
        cpu.load(0x10ff8, 8);
        GuestFault f = fault(() -> cpu.store(0x10ffc, 8, -1L));
        assertThat(f.address()).isEqualTo(0x11000);
        assertThat(f.errorCode()).isEqualTo(PageFaults.PRESENT | PageFaults.WRITE | PageFaults.USER);
        assertThat(cpu.load(0x10ff8, 8)).isZero();
        assertThat(fault(() -> cpu.store128(0x10ff8, 1, 2)).address()).isEqualTo(0x11000);
        assertThat(cpu.load(0x10ff8, 8)).isZero();
    }

    @Test
    void crossingLoadIntoUnmappedPageFaultsAtTheSecondPage() {
        space.map(0x10000, 0x1000, Protection.READ);
        GuestFault f = fault(() -> cpu.load(0x10ffe, 4));
        assertThat(f.address()).isEqualTo(0x11000);
        assertThat(f.errorCode()).isEqualTo(PageFaults.USER);
    }

    @Test
    void unmapAndProtectInvalidateCachedEntries() {
        space.map(0x10000, 0x1000, Protection.READ | Protection.WRITE);
        cpu.store(0x10000, 8, 5);
        assertThat(cpu.load(0x10000, 8)).isEqualTo(5);
        space.protect(0x10000, 0x1000, Protection.READ);
        assertThat(fault(() -> cpu.store(0x10000, 8, 6)).errorCode() & PageFaults.WRITE)
                .isNotZero();
        space.unmap(0x10000, 0x1000);
        assertThat(fault(() -> cpu.load(0x10000, 8)).errorCode()).isEqualTo(PageFaults.USER);
        space.map(0x10000, 0x1000, Protection.READ | Protection.WRITE);
        assertThat(cpu.load(0x10000, 8)).isZero();
    }

    @Test
    void fetchStopsAtTheFirstNonExecutablePage() {
        space.map(0x10000, 0x1000, Protection.READ | Protection.EXEC);
        space.map(0x11000, 0x1000, Protection.READ);
        space.protect(0x10000, 0x1000, Protection.ALL);
        cpu.store(0x10ffe, 2, 0xc3c3);
        space.protect(0x10000, 0x1000, Protection.READ | Protection.EXEC);
        byte[] buffer = new byte[15];
        assertThat(cpu.fetch(0x10ffe, buffer, 15)).isEqualTo(2);
        assertThat(buffer[0]).isEqualTo((byte) 0xc3);
        GuestFault f = fault(() -> cpu.fetch(0x11000, buffer, 15));
        assertThat(f.errorCode()).isEqualTo(PageFaults.PRESENT | PageFaults.FETCH | PageFaults.USER);
        assertThat(fault(() -> cpu.fetch(0x20000, buffer, 15)).errorCode())
                .isEqualTo(PageFaults.FETCH | PageFaults.USER);
        assertThat(cpu.fetch(0x10000, buffer, 15)).isEqualTo(15);
    }

    @Test
    void checksSpanPagesWithoutSideEffects() {
        space.map(0x10000, 0x3000, Protection.READ | Protection.WRITE);
        space.protect(0x12000, 0x1000, Protection.READ);
        cpu.checkWrite(0x10000, 0x2000);
        cpu.checkRead(0x10000, 0x3000);
        assertThat(fault(() -> cpu.checkWrite(0x11000, 0x1001)).address()).isEqualTo(0x12000);
        assertThat(fault(() -> cpu.checkRead(0x12000, 0x1001)).address()).isEqualTo(0x13000);
        assertThat(space.residentPages()).isZero();
    }

    @Test
    void codePageWritesAlwaysReachTheListener() {
        long[] calls = new long[1];
        space.onCodeWrite(page -> calls[0]++);
        space.map(0x10000, 0x2000, Protection.ALL);
        cpu.store(0x10000, 8, 1);
        space.markCode(0x10);
        cpu.store(0x10000, 8, 2);
        space.markCode(0x10);
        cpu.store(0x10000, 8, 3);
        space.markCode(0x11);
        cpu.store(0x10ffc, 8, 4);
        assertThat(calls[0]).isEqualTo(3);
        assertThat(cpu.load(0x10ffc, 8)).isEqualTo(4);
    }
}
