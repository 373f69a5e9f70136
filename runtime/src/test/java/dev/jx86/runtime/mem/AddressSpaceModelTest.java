package dev.jx86.runtime.mem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.GuestFault;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random map/unmap/protect/load/store sequences against a plain model: a map from page to protection and a map
 * from address to byte. Every access must agree with the model on value or on fault.
 */
class AddressSpaceModelTest {
    private static final long BASE = 0x400000;
    private static final int PAGES = 24;

    private final Map<Long, Integer> protections = new HashMap<>();
    private final Map<Long, Byte> bytes = new HashMap<>();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void agreesWithTheModel(long seed) {
        Random random = new Random(seed);
        try (AddressSpace space = new AddressSpace(AddressSpace.LIMIT_64, 1L << 28)) {
            TlbMemory cpu = space.newView();
            for (int step = 0; step < 20_000; step++) {
                int op = random.nextInt(20);
                long page = BASE + random.nextInt(PAGES) * AddressSpace.PAGE_SIZE;
                long length = (1 + random.nextInt(4)) * AddressSpace.PAGE_SIZE;
                int prot = random.nextInt(8);
                if (op == 0) {
                    space.map(page, length, prot);
                    forPages(page, length, p -> {
                        protections.put(p, prot);
                        clear(p);
                    });
                } else if (op == 1) {
                    space.unmap(page, length);
                    forPages(page, length, p -> {
                        protections.remove(p);
                        clear(p);
                    });
                } else if (op == 2) {
                    boolean all = true;
                    for (long p = page; p < page + length; p += AddressSpace.PAGE_SIZE) {
                        all &= protections.containsKey(p);
                    }
                    assertThat(space.protect(page, length, prot)).isEqualTo(all);
                    if (all) {
                        forPages(page, length, p -> protections.put(p, prot));
                    }
                } else {
                    int size = 1 << random.nextInt(4);
                    long address = page + random.nextInt((int) AddressSpace.PAGE_SIZE) - (op % 2 == 0 ? 0 : 8);
                    if (op < 12) {
                        load(cpu, address, size);
                    } else {
                        store(cpu, address, size, random.nextLong());
                    }
                }
            }
        }
    }

    private void load(TlbMemory cpu, long address, int size) {
        Long fault = firstBad(address, size, Protection.READ);
        try {
            long value = cpu.load(address, size);
            assertThat(fault).as("load at 0x%x", address).isNull();
            long expected = 0;
            for (int i = 0; i < size; i++) {
                expected |= (bytes.getOrDefault(address + i, (byte) 0) & 0xffL) << (8 * i);
            }
            assertThat(value).as("load at 0x%x", address).isEqualTo(expected);
        } catch (GuestFault f) {
            assertThat(f.address()).as("load at 0x%x", address).isEqualTo(fault);
        }
    }

    private void store(TlbMemory cpu, long address, int size, long value) {
        Long fault = firstBad(address, size, Protection.WRITE);
        try {
            cpu.store(address, size, value);
            assertThat(fault).as("store at 0x%x", address).isNull();
            for (int i = 0; i < size; i++) {
                bytes.put(address + i, (byte) (value >>> (8 * i)));
            }
        } catch (GuestFault f) {
            assertThat(f.address()).as("store at 0x%x", address).isEqualTo(fault);
        }
    }

    /** The first address of the access whose page does not allow it, or null. */
    private Long firstBad(long address, int size, int need) {
        for (int i = 0; i < size; i++) {
            long page = (address + i) & ~AddressSpace.PAGE_MASK;
            Integer prot = protections.get(page);
            boolean ok =
                    prot != null && (need == Protection.WRITE ? Protection.writable(prot) : Protection.readable(prot));
            if (!ok) {
                return Math.max(page, address);
            }
        }
        return null;
    }

    private void clear(long page) {
        for (long a = page; a < page + AddressSpace.PAGE_SIZE; a++) {
            bytes.remove(a);
        }
    }

    private static void forPages(long start, long length, java.util.function.LongConsumer action) {
        for (long p = start; p < start + length; p += AddressSpace.PAGE_SIZE) {
            action.accept(p);
        }
    }
}
