package dev.jx86.runtime.abi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.fpu.Extended;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every x87 helper on random bit patterns (any encoding, including the unsupported ones), random stacks and random
 * control words: no Java exception escapes, only #MF (a pending unmasked exception) as a guest fault, and the state
 * stays well-formed (TOP in range, tags consistent with emptiness).
 */
class X87RobustnessTest {
    private static Extended value(Random r) {
        int e = switch (r.nextInt(6)) {
            case 0 -> 0;
            case 1 -> 0x7fff;
            case 2 -> 0x3fff + r.nextInt(130) - 65;
            default -> r.nextInt(0x8000);
        };
        long m = r.nextInt(4) == 0 ? r.nextLong() & Long.MAX_VALUE : r.nextLong() | Long.MIN_VALUE;
        return new Extended(e | (r.nextBoolean() ? 0x8000 : 0), m);
    }

    @Test
    void randomOperandsNeverBreakTheHelpers() {
        Random r = new Random(87);
        int faults = 0;
        for (int i = 0; i < 30_000; i++) {
            X87Machine m =
                    new X87Machine().control(0x40 | r.nextInt(16) << 8 | (r.nextInt(5) == 0 ? r.nextInt(64) : 0x3f));
            int depth = r.nextInt(9);
            for (int k = 0; k < depth; k++) {
                m.push(value(r));
            }
            m.cpu.state[StateLayout.FPU_STATUS] &= ~0x80ffL; // no pending exception from the pushes
            try {
                runOne(m, r);
                runOne(m, r);
            } catch (GuestFault f) {
                assertThat(f.vector()).isIn(Vectors.MF);
                faults++;
            }
            assertThat(m.top()).isBetween(0, 7);
        }
        assertThat(faults)
                .as("some operations left an unmasked exception pending")
                .isPositive();
    }

    private static void runOne(X87Machine m, Random r) {
        X87Function[] functions = X87Function.values();
        switch (r.nextInt(8)) {
            case 0 -> m.run(functions[r.nextInt(functions.length)]);
            case 1 ->
                m.call(
                        X87Helpers.ARITH,
                        new int[] {0, 1, 4, 5, 6, 7}[r.nextInt(6)],
                        r.nextInt(8),
                        r.nextInt(8),
                        r.nextInt(2));
            case 2 -> {
                X87MemoryFormat f = X87MemoryFormat.values()[r.nextInt(X87MemoryFormat.values().length)];
                m.call(X87Helpers.LOAD, f.ordinal(), r.nextLong(), r.nextInt(0x10000));
            }
            case 3 -> {
                X87MemoryFormat f = X87MemoryFormat.values()[r.nextInt(X87MemoryFormat.values().length)];
                m.call(X87Helpers.STORE, f.ordinal(), X87Machine.DATA, r.nextInt(2), r.nextInt(2));
            }
            case 4 -> m.call(X87Helpers.COMPARE, r.nextInt(8), r.nextInt(16), r.nextLong() & 0x8d5);
            case 5 -> {
                int[] ops = {0, 1, 4, 5, 6, 7};
                int f = r.nextInt(5);
                X87MemoryFormat format = new X87MemoryFormat[] {
                            X87MemoryFormat.SINGLE,
                            X87MemoryFormat.DOUBLE,
                            X87MemoryFormat.WORD_INTEGER,
                            X87MemoryFormat.SHORT_INTEGER,
                            X87MemoryFormat.LONG_INTEGER
                        }
                        [f];
                m.call(X87Helpers.ARITH_MEMORY, ops[r.nextInt(6)], format.ordinal(), r.nextLong());
            }
            case 6 -> m.call(X87Helpers.EXCHANGE, r.nextInt(8));
            default -> {
                m.memory(X87Machine.DATA, 8, r.nextLong());
                m.memory(X87Machine.DATA + 8, 8, r.nextLong());
                m.call(X87Helpers.SAVE, X87Machine.DATA + 128, 1);
                m.call(X87Helpers.RESTORE, X87Machine.DATA + 128, 1);
            }
        }
    }
}
