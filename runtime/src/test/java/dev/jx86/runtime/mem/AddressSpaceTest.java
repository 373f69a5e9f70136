package dev.jx86.runtime.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The address space's contract, on a space too large to be flat (frames by first touch); FlatAddressSpaceTest reruns it flat. */
class AddressSpaceTest {
    final AddressSpace space = newSpace();

    AddressSpace newSpace() {
        return new AddressSpace(AddressSpace.LIMIT_64, 1L << 30);
    }

    @AfterEach
    void close() {
        space.close();
    }

    @Test
    void reservesFramesWithMmapOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(space.reserved()).isTrue();
        }
    }

    @Test
    void freshPagesReadZeroAndAreAllocatedOnlyWhenTouched() {
        space.map(0x10000, 0x100000, Protection.READ | Protection.WRITE);
        assertThat(space.residentPages()).isZero();
        assertThat(space.copyIn(0x10ff0, 32)).containsOnly(0);
        assertThat(space.residentPages()).isEqualTo(2);
    }

    @Test
    void copiesAcrossPagesRoundTrip() {
        space.map(0x10000, 0x3000, Protection.READ | Protection.WRITE);
        byte[] data = new byte[6000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        space.copyOut(0x10800, data);
        assertThat(space.copyIn(0x10800, data.length)).isEqualTo(data);
    }

    @Test
    void copyOutIntoReadOnlyPageFaultsAndWritesNothing() {
        space.map(0x10000, 0x1000, Protection.READ | Protection.WRITE);
        space.map(0x11000, 0x1000, Protection.READ);
        assertThatThrownBy(() -> space.copyOut(0x10ffe, new byte[] {1, 2, 3, 4}))
                .isInstanceOfSatisfying(GuestFault.class, f -> {
                    assertThat(f.vector()).isEqualTo(Vectors.PF);
                    assertThat(f.errorCode()).isEqualTo(PageFaults.USER | PageFaults.WRITE | PageFaults.PRESENT);
                    assertThat(f.address()).isEqualTo(0x11000);
                });
        assertThat(space.copyIn(0x10ffe, 2)).containsOnly(0);
    }

    @Test
    void unmappedAndProtNoneFaultAsNotPresent() {
        space.map(0x10000, 0x1000, Protection.NONE);
        assertThatThrownBy(() -> space.copyIn(0x10000, 1))
                .isInstanceOfSatisfying(
                        GuestFault.class, f -> assertThat(f.errorCode()).isEqualTo(PageFaults.USER));
        assertThatThrownBy(() -> space.copyIn(0x20000, 1)).isInstanceOfSatisfying(GuestFault.class, f -> {
            assertThat(f.errorCode()).isEqualTo(PageFaults.USER);
            assertThat(f.address()).isEqualTo(0x20000);
        });
    }

    @Test
    void nonCanonicalAddressIsGeneralProtection() {
        assertThatThrownBy(() -> space.copyIn(0x8000_0000_0000_0000L, 1))
                .isInstanceOfSatisfying(
                        GuestFault.class, f -> assertThat(f.vector()).isEqualTo(Vectors.GP));
    }

    @Test
    void unmapSplitsMappingsAndDropsContents() {
        space.map(0x10000, 0x4000, Protection.READ | Protection.WRITE);
        space.copyOut(0x11000, new byte[] {9});
        space.unmap(0x11000, 0x2000);
        assertThat(space.mappings())
                .containsExactly(
                        new Mapping(0x10000, 0x11000, Protection.READ | Protection.WRITE),
                        new Mapping(0x13000, 0x14000, Protection.READ | Protection.WRITE));
        space.map(0x11000, 0x1000, Protection.READ);
        assertThat(space.copyIn(0x11000, 1)).containsOnly(0);
    }

    @Test
    void protectKeepsContentsAndRefusesHoles() {
        space.map(0x10000, 0x3000, Protection.READ | Protection.WRITE);
        space.copyOut(0x11000, new byte[] {5});
        assertThat(space.protect(0x11000, 0x1000, Protection.READ)).isTrue();
        assertThat(space.copyIn(0x11000, 1)).containsExactly(5);
        assertThat(space.mappingAt(0x11000).orElseThrow().protection()).isEqualTo(Protection.READ);
        assertThat(space.mappingAt(0x12000).orElseThrow().protection()).isEqualTo(Protection.READ | Protection.WRITE);
        assertThat(space.protect(0x12000, 0x2000, Protection.READ)).isFalse();
        assertThat(space.mappingAt(0x12000).orElseThrow().protection()).isEqualTo(Protection.READ | Protection.WRITE);
    }

    @Test
    void findFreeGoesTopDownBelowTheCeiling() {
        long ceiling = space.limit() - 0x10_0000_0000L;
        long first = space.findFree(0x3000, 0x10000, ceiling);
        assertThat(first).isEqualTo(ceiling - 0x3000);
        space.map(first, 0x3000, Protection.READ);
        long second = space.findFree(0x1000, 0x10000, ceiling);
        assertThat(second).isEqualTo(first - 0x1000);
        space.map(ceiling - 0x10000, 0x1000, Protection.READ);
        space.unmap(first, 0x1000);
        assertThat(space.findFree(0x1000, 0x10000, ceiling)).isEqualTo(first);
        assertThat(space.findFree(0x2000, 0x10000, ceiling)).isEqualTo(ceiling - 0x4000);
        assertThat(space.findFree(0xe000, 0x10000, ceiling)).isEqualTo(ceiling - 0x1e000);
        assertThat(space.findFree(0x10000, 0x10000, 0x20000)).isEqualTo(0x10000);
        assertThat(space.findFree(0x20000, 0x10000, 0x20000)).isEqualTo(-1);
    }

    @Test
    void moveCarriesContentsAndProtection() {
        space.map(0x10000, 0x2000, Protection.READ | Protection.WRITE);
        space.protect(0x11000, 0x1000, Protection.READ);
        space.copyOut(0x10000, new byte[] {1, 2, 3});
        space.move(0x10000, 0x40000, 0x2000);
        assertThat(space.isFree(0x10000, 0x2000)).isTrue();
        assertThat(space.copyIn(0x40000, 3)).containsExactly(1, 2, 3);
        assertThat(space.mappingAt(0x41000).orElseThrow().protection()).isEqualTo(Protection.READ);
    }

    @Test
    void writingACodePageCallsTheListenerOnce() {
        List<Long> written = new ArrayList<>();
        space.onCodeWrite(written::add);
        space.map(0x10000, 0x2000, Protection.ALL);
        TlbMemory cpu = space.newView();
        cpu.store(0x10000, 1, 0x90);
        space.markCode(0x10);
        assertThat(space.isCode(0x10)).isTrue();
        cpu.store(0x10004, 4, 0xdeadbeefL);
        cpu.store(0x10008, 4, 1);
        space.copyOut(0x10010, new byte[] {1});
        assertThat(written).containsExactly(0x10L);
        assertThat(space.isCode(0x10)).isFalse();
        assertThat(cpu.load(0x10004, 4)).isEqualTo(0xdeadbeefL);
    }

    @Test
    void readingCStrings() {
        space.map(0x10000, 0x2000, Protection.READ | Protection.WRITE);
        space.copyOut(0x10ffd, new byte[] {'a', 'b', 'c', 'd', 0});
        assertThat(space.readCString(0x10ffd, 100)).containsExactly('a', 'b', 'c', 'd');
        assertThat(space.readCString(0x10ffd, 3)).isNull();
        space.copyOut(0x11ff0, new byte[16]);
        space.copyOut(0x11ff0, "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> space.readCString(0x11ff0, 100)).isInstanceOf(GuestFault.class);
    }
}
