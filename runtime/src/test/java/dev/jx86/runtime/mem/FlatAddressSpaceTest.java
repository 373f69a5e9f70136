package dev.jx86.runtime.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jx86.runtime.abi.FlatLayout;
import dev.jx86.runtime.abi.HostMemory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The address space's contract again on a flat space (a 64-bit process's, {@link AddressSpace#USER_LIMIT_64}), and
 * what flat adds: each page's frame at the base plus its address, and the permission byte compiled code reads, given
 * on first touch and taken away by every map change.
 */
class FlatAddressSpaceTest extends AddressSpaceTest {
    @Override
    AddressSpace newSpace() {
        return new AddressSpace(AddressSpace.USER_LIMIT_64, 1L << 30);
    }

    @BeforeEach
    void onlyWhereTheHostHasFlatMemory() {
        assumeThat(FlatLayout.ENABLED)
                .as("flat memory needs mmap (Linux) and native access")
                .isTrue();
        assumeThat(space.flat())
                .as("the host refused the 64 TiB reservation (vm.overcommit_memory=2?)")
                .isTrue();
    }

    @Test
    void framesLieAtTheBasePlusTheGuestAddress() {
        space.map(0x3f_0000_0000L, 0x2000, Protection.READ | Protection.WRITE);
        TlbMemory cpu = space.newView();
        cpu.store(0x3f_0000_1ff8L, 8, 0x1122334455667788L);
        assertThat(HostMemory.getLong(space.flatBase() + 0x3f_0000_1ff8L)).isEqualTo(0x1122334455667788L);
        assertThat(cpu.tlb().base).isEqualTo(space.flatBase());
        assertThat(cpu.tlb().permissions).isEqualTo(space.permissionsAddress());
    }

    @Test
    void pagesGetTheirMappingsBitsOnFirstTouch() {
        space.map(0x10000, 0x1000, Protection.READ | Protection.WRITE);
        space.map(0x11000, 0x1000, Protection.READ);
        TlbMemory cpu = space.newView();
        assertThat(space.compiledAccess(0x10)).isZero();
        cpu.load(0x10000, 1);
        cpu.load(0x11000, 1);
        assertThat(space.compiledAccess(0x10)).isEqualTo(FlatLayout.READ | FlatLayout.WRITE);
        assertThat(space.compiledAccess(0x11)).isEqualTo(FlatLayout.READ);
        assertThat(space.compiledAccess(0x12)).isZero();
    }

    @Test
    void mapChangesTakeTheBitsAway() {
        space.map(0x10000, 0x3000, Protection.READ | Protection.WRITE);
        TlbMemory cpu = space.newView();
        for (long a = 0x10000; a < 0x13000; a += 0x1000) {
            cpu.store(a, 8, a);
        }
        space.protect(0x10000, 0x1000, Protection.READ);
        space.unmap(0x11000, 0x1000);
        space.move(0x12000, 0x50000, 0x1000);
        assertThat(space.compiledAccess(0x10)).isZero();
        assertThat(space.compiledAccess(0x11)).isZero();
        assertThat(space.compiledAccess(0x12)).isZero();
        assertThat(space.compiledAccess(0x50)).isZero();
        assertThat(cpu.load(0x10000, 8)).isEqualTo(0x10000);
        assertThat(space.compiledAccess(0x10)).isEqualTo(FlatLayout.READ);
        assertThat(cpu.load(0x50000, 8)).isEqualTo(0x12000);
        assertThat(HostMemory.getLong(space.flatBase() + 0x50000)).isEqualTo(0x12000);
    }

    @Test
    void unmappedFramesComeBackZeroed() {
        space.map(0x10000, 0x1000, Protection.READ | Protection.WRITE);
        TlbMemory cpu = space.newView();
        cpu.store(0x10010, 8, -1);
        space.unmap(0x10000, 0x1000);
        space.map(0x10000, 0x1000, Protection.READ | Protection.WRITE);
        assertThat(cpu.load(0x10010, 8)).isZero();
    }

    @Test
    void codePagesMayNotBeWrittenByCompiledCode() {
        space.map(0x10000, 0x1000, Protection.ALL);
        TlbMemory cpu = space.newView();
        cpu.store(0x10000, 1, 0x90);
        space.markCode(0x10);
        assertThat(space.compiledAccess(0x10)).isEqualTo(FlatLayout.READ);
        cpu.store(0x10001, 1, 0x90); // the code write: the page is data again
        assertThat(space.compiledAccess(0x10)).isEqualTo(FlatLayout.READ | FlatLayout.WRITE);
    }
}
