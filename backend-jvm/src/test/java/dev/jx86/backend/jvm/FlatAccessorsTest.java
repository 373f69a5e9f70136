package dev.jx86.backend.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jx86.backend.jvm.gen.Support;
import dev.jx86.runtime.abi.FlatLayout;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.MemoryMiss;
import dev.jx86.runtime.mem.AddressSpace;
import dev.jx86.runtime.mem.Protection;
import dev.jx86.runtime.mem.TlbMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flat accessors compiled code calls ({@code Support.flatLoadN/flatStoreN}) mean what {@link GuestMemory} means:
 * random accesses of every size over pages that are writable, read-only, unmapped, holding code or not yet touched,
 * page-crossing ones included, give the same values, the same faults and the same code-write notices as the same
 * accesses through the memory itself, on a second space, when an accessor's {@link MemoryMiss} is followed by the
 * access through the memory, as the dispatcher's interpretation of the instruction does. And they miss only where
 * they must: an access repeated at once does not miss again.
 */
class FlatAccessorsTest {
    private static final long BASE = 0x1000_0000L;
    private static final int PAGES = 8;

    private final AddressSpace flat = new AddressSpace(AddressSpace.USER_LIMIT_64, 1L << 26);
    private final AddressSpace reference = new AddressSpace(AddressSpace.LIMIT_64, 1L << 26);
    private final List<Long> flatCodeWrites = new ArrayList<>();
    private final List<Long> referenceCodeWrites = new ArrayList<>();

    @BeforeEach
    void layOut() {
        assumeThat(FlatLayout.ENABLED).as("flat memory needs mmap (Linux)").isTrue();
        assumeThat(flat.flat())
                .as("the host refused the 64 TiB reservation (vm.overcommit_memory=2?)")
                .isTrue();
        for (AddressSpace s : List.of(flat, reference)) {
            s.map(BASE, 4 * 4096L, Protection.READ | Protection.WRITE);
            s.map(BASE + 4 * 4096L, 2 * 4096L, Protection.READ); // pages 6-7 unmapped
            s.onCodeWrite((s == flat ? flatCodeWrites : referenceCodeWrites)::add);
        }
    }

    @AfterEach
    void close() {
        flat.close();
        reference.close();
    }

    @Test
    void agreeWithTheMemoryOnEveryKindOfPage() {
        TlbMemory cpu = flat.newView();
        TlbMemory ref = reference.newView();
        long permissions = cpu.tlb().permissions;
        long base = cpu.tlb().base;
        var random = new SplittableRandom(7);
        int[] sizes = {1, 2, 4, 8, 16};
        for (int i = 0; i < 100_000; i++) {
            if (i % 5000 == 0) { // pages become code now and then, and first touches happen again
                long page = (BASE >>> 12) + random.nextInt(4);
                cpu.load(page << 12, 1);
                ref.load(page << 12, 1);
                flat.markCode(page);
                reference.markCode(page);
            }
            int size = sizes[random.nextInt(sizes.length)];
            long address = BASE - 16 + random.nextLong(PAGES * 4096L + 16);
            if (random.nextBoolean()) {
                long low = random.nextLong();
                long high = random.nextLong();
                Object expected = outcome(() -> store(ref, address, size, low, high));
                Object actual = outcome(() -> orInterpret(
                        () -> flatStore(permissions, base, cpu, address, size, low, high),
                        () -> store(cpu, address, size, low, high)));
                assertThat(actual).as("store%d at %x", size * 8, address).isEqualTo(expected);
            } else {
                Object expected = outcome(() -> load(ref, address, size));
                Object actual = outcome(() -> orInterpret(
                        () -> flatLoad(permissions, base, cpu, address, size), () -> load(cpu, address, size)));
                assertThat(actual).as("load%d at %x", size * 8, address).isEqualTo(expected);
                if (!actual.toString().startsWith("fault")) {
                    assertThat(flatLoad(permissions, base, cpu, address, size))
                            .as("load%d at %x again", size * 8, address)
                            .isEqualTo(actual);
                }
            }
        }
        assertThat(flatCodeWrites).isEqualTo(referenceCodeWrites).isNotEmpty();
    }

    @Test
    void addressesBeyondTheSpanMissWithoutTouchingTheHost() {
        TlbMemory cpu = flat.newView();
        long permissions = cpu.tlb().permissions;
        assertThatThrownBy(() -> Support.flatLoad64(permissions, cpu.tlb().base, cpu, FlatLayout.SPAN + BASE))
                .isInstanceOf(MemoryMiss.class);
        assertThatThrownBy(() -> Support.flatStore8(permissions, cpu.tlb().base, cpu, -4096L, 1))
                .isInstanceOf(MemoryMiss.class);
        assertThatThrownBy(() -> Support.flatStore16(permissions, cpu.tlb().base, cpu, FlatLayout.SPAN - 1, 1))
                .isInstanceOf(MemoryMiss.class);
    }

    @Test
    void aMemoryThatIsNotFlatIsCalled() {
        TlbMemory cpu = reference.newView();
        assertThat(cpu.tlb().permissions).isEqualTo(FlatLayout.NO_PERMISSIONS);
        Support.flatStore32(cpu.tlb().permissions, cpu.tlb().base, cpu, BASE + 4, 0x12345678);
        assertThat(Support.flatLoad32(cpu.tlb().permissions, cpu.tlb().base, cpu, BASE + 4))
                .isEqualTo(0x12345678);
        assertThatThrownBy(() -> Support.flatLoad8(cpu.tlb().permissions, cpu.tlb().base, cpu, BASE + 6 * 4096L))
                .isInstanceOf(GuestFault.class);
    }

    private interface Access {
        Object run();
    }

    /** {@code fast}, or {@code slow} where it misses. */
    private static Object orInterpret(Access fast, Access slow) {
        try {
            return fast.run();
        } catch (MemoryMiss miss) {
            return slow.run();
        }
    }

    /** The value read (as a string), "stored", or the fault's vector, error code and address. */
    private static Object outcome(Access access) {
        try {
            return access.run();
        } catch (GuestFault f) {
            return "fault " + f.vector() + " " + f.errorCode() + " " + Long.toHexString(f.address());
        }
    }

    private static Object load(GuestMemory m, long address, int size) {
        if (size == 16) {
            long[] out = new long[2];
            m.load128(address, out);
            return out[0] + "," + out[1];
        }
        return Long.toString(m.load(address, size));
    }

    private static Object store(GuestMemory m, long address, int size, long low, long high) {
        if (size == 16) {
            m.store128(address, low, high);
        } else {
            m.store(address, size, low);
        }
        return "stored";
    }

    private static Object flatLoad(long permissions, long base, GuestMemory m, long address, int size) {
        return switch (size) {
            case 1 -> Long.toString(Support.flatLoad8(permissions, base, m, address));
            case 2 -> Long.toString(Support.flatLoad16(permissions, base, m, address));
            case 4 -> Long.toString(Support.flatLoad32(permissions, base, m, address));
            case 8 -> Long.toString(Support.flatLoad64(permissions, base, m, address));
            default -> {
                long[] out = new long[2];
                Support.flatLoad128(permissions, base, m, address, out);
                yield out[0] + "," + out[1];
            }
        };
    }

    private static Object flatStore(
            long permissions, long base, GuestMemory m, long address, int size, long low, long high) {
        switch (size) {
            case 1 -> Support.flatStore8(permissions, base, m, address, low);
            case 2 -> Support.flatStore16(permissions, base, m, address, low);
            case 4 -> Support.flatStore32(permissions, base, m, address, low);
            case 8 -> Support.flatStore64(permissions, base, m, address, low);
            default -> Support.flatStore128(permissions, base, m, address, low, high);
        }
        return "stored";
    }
}
