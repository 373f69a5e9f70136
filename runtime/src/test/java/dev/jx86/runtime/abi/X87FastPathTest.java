package dev.jx86.runtime.abi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.fpu.Extended;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@link X87FastPath} against the reference ({@link X87Operations}) on edge and random operands, stacks, status words
 * and every rounding and precision control with masked and unmasked exceptions: where the fast path does an
 * instruction, the whole CPU state after it must be the reference's bit for bit; where it does not, it must have
 * changed nothing.
 */
class X87FastPathTest {
    /** Control words: the default, every rounding and precision control, unmasked exceptions. */
    private static final int[] CONTROLS = {
        0x037f, 0x027f, 0x007f, 0x017f, 0x077f, 0x0b7f, 0x0f7f, 0x1f7f, 0x0360, 0x037e, 0x035f, 0x0377, 0x036f, 0x037d
    };

    private static final Extended[] EDGES = {
        Extended.POSITIVE_ZERO,
        Extended.NEGATIVE_ZERO,
        Extended.ONE,
        Extended.ONE.negate(),
        new Extended(0x3fff, 0x8000_0000_0000_0001L),
        new Extended(0x3fff, 0xffff_ffff_ffff_ffffL),
        new Extended(0xbffe, 0xffff_ffff_ffff_ffffL),
        new Extended(0x3fff, 0x8000_0000_0000_0400L), // 53-bit rounding boundaries
        new Extended(0x3fff, 0x8000_0000_0000_0c00L),
        new Extended(0x4000, 0xc000_0000_0000_0000L),
        new Extended(0x0001, 0x8000_0000_0000_0000L), // smallest normal
        new Extended(0x8001, 0x8000_0000_0000_0001L),
        new Extended(0x0002, 0xc000_0000_0000_0000L),
        new Extended(0x7ffe, 0xffff_ffff_ffff_ffffL), // largest finite
        new Extended(0xfffe, 0x8000_0000_0000_0000L),
        new Extended(0x5ffe, 0x8000_0000_0000_0001L), // products that overflow or underflow
        new Extended(0x2001, 0xffff_ffff_ffff_fffeL),
        new Extended(0x0000, 0x0000_0000_0000_0001L), // denormals
        new Extended(0x8000, 0x4000_0000_0000_0000L),
        new Extended(0x0000, 0x8000_0000_0000_0000L), // pseudo-denormal
        new Extended(0x3fff, 0x4000_0000_0000_0000L), // unnormal
        Extended.POSITIVE_INFINITY,
        Extended.POSITIVE_INFINITY.negate(),
        Extended.INDEFINITE,
        new Extended(0x7fff, 0xc000_0000_0000_1234L), // quiet NaN
        new Extended(0xffff, 0x8000_0000_0000_0001L), // signaling NaN
        new Extended(0x7fff, 0x4000_0000_0000_0000L), // pseudo-NaN
    };

    private static Extended value(Random r) {
        if (r.nextInt(3) == 0) {
            return EDGES[r.nextInt(EDGES.length)];
        }
        int sign = r.nextBoolean() ? 0x8000 : 0;
        long significand = r.nextLong() | Long.MIN_VALUE;
        if (r.nextInt(4) == 0) {
            significand &= -1L << r.nextInt(64); // few significant bits: exact results and ties
            significand |= Long.MIN_VALUE;
        }
        int e = switch (r.nextInt(4)) {
            case 0 -> 1 + r.nextInt(0x7ffe);
            case 1 -> 0x3fff + r.nextInt(20) - 10;
            case 2 -> 0x3fff + r.nextInt(160) - 80;
            default -> r.nextBoolean() ? 1 + r.nextInt(70) : 0x7ffe - r.nextInt(70);
        };
        return new Extended(sign | e, significand);
    }

    /** A random stack, status word and control word; tags from the values, some registers empty. */
    private static X87Machine machine(Random r) {
        X87Machine m = new X87Machine().control(r.nextBoolean() ? 0x037f : CONTROLS[r.nextInt(CONTROLS.length)]);
        long[] s = m.cpu.state;
        int tags = 0;
        for (int p = 0; p < 8; p++) {
            Extended v = value(r);
            s[StateLayout.fpr(p)] = v.significand();
            s[StateLayout.fpr(p) + 1] = v.signExponent();
            int tag = r.nextInt(6) == 0 ? X87Stack.TAG_EMPTY : X87Stack.tagOf(v);
            tags |= tag << 2 * p;
        }
        s[StateLayout.FPU_TAG] = tags;
        int status = r.nextInt(8) << 11 | (r.nextInt(16) == 0 ? 0 : r.nextInt(0x4800) & 0x4700);
        if (r.nextInt(4) == 0) {
            status |= r.nextInt(64); // sticky flags, pending when unmasked
        }
        s[StateLayout.FPU_STATUS] = status;
        s[StateLayout.FLAGS] = r.nextLong() & 0x8d5;
        return m;
    }

    /** Runs {@code fast} on a copy of a random state and {@code reference} on another; returns whether fast did it. */
    private static boolean check(X87Machine m, Predicate<long[]> fast, Consumer<Cpu> reference) {
        long[] before = m.cpu.state.clone();
        long[] fastState = m.cpu.state.clone();
        boolean handled = fast.test(fastState);
        if (!handled) {
            assertThat(fastState).as("declined, and changed nothing").isEqualTo(before);
            return false;
        }
        try {
            reference.accept(m.cpu);
        } catch (GuestFault f) {
            throw new AssertionError("the fast path did an instruction that raises #" + f.vector(), f);
        }
        assertThat(fastState)
                .as("state after the fast path, from %s", Arrays.toString(before))
                .isEqualTo(m.cpu.state);
        return true;
    }

    @Test
    void arithmeticIsTheReferenceBitForBit() {
        Random r = new Random(5);
        int[] operations = {
            X87Operations.ADD,
            X87Operations.MUL,
            X87Operations.SUB,
            X87Operations.SUBR,
            X87Operations.DIV,
            X87Operations.DIVR
        };
        int handled = 0;
        for (int n = 0; n < 400_000; n++) {
            X87Machine m = machine(r);
            int operation = operations[r.nextInt(operations.length)];
            int i = r.nextInt(8);
            boolean toSt0 = r.nextBoolean();
            int dst = toSt0 ? 0 : i;
            int src = toSt0 ? i : 0;
            boolean pop = !toSt0 && r.nextBoolean();
            if (check(
                    m,
                    s -> X87FastPath.arithmetic(s, operation, dst, src, pop),
                    cpu -> X87Operations.arithmetic(cpu, operation, dst, src, pop))) {
                handled++;
            }
        }
        assertThat(handled).as("cases the fast path did").isGreaterThan(50_000);
    }

    @Test
    void addsAndSubtractsNearbyExponents() {
        Random r = new Random(7);
        int handled = 0;
        for (int n = 0; n < 200_000; n++) {
            X87Machine m = machine(r);
            long[] s = m.cpu.state;
            m.control(0x037f);
            s[StateLayout.FPU_TAG] = 0;
            int e = 0x3fff + r.nextInt(200) - 100;
            for (int p = 0; p < 8; p++) {
                long significand = r.nextLong() | Long.MIN_VALUE;
                if (r.nextBoolean()) {
                    significand = s[StateLayout.fpr(0)] ^ r.nextLong() >>> r.nextInt(64); // cancellation
                    significand |= Long.MIN_VALUE;
                }
                s[StateLayout.fpr(p)] = significand;
                s[StateLayout.fpr(p) + 1] = (r.nextBoolean() ? 0x8000 : 0) | e + r.nextInt(140) - 70;
            }
            int operation = r.nextBoolean() ? X87Operations.ADD : X87Operations.SUB;
            int i = r.nextInt(8);
            if (check(
                    m,
                    st -> X87FastPath.arithmetic(st, operation, 0, i, false),
                    cpu -> X87Operations.arithmetic(cpu, operation, 0, i, false))) {
                handled++;
            }
        }
        assertThat(handled).isGreaterThan(150_000);
    }

    @Test
    void registerMovesAreTheReference() {
        Random r = new Random(11);
        int handled = 0;
        for (int n = 0; n < 200_000; n++) {
            X87Machine m = machine(r);
            int i = r.nextInt(8);
            boolean pop = r.nextBoolean();
            boolean did = switch (r.nextInt(3)) {
                case 0 -> check(m, s -> X87FastPath.loadRegister(s, i), cpu -> X87Operations.loadRegister(cpu, i));
                case 1 ->
                    check(
                            m,
                            s -> X87FastPath.storeRegister(s, i, pop),
                            cpu -> X87Operations.storeRegister(cpu, i, pop));
                default -> check(m, s -> X87FastPath.exchange(s, i), cpu -> X87Operations.exchange(cpu, i));
            };
            handled += did ? 1 : 0;
        }
        assertThat(handled).isGreaterThan(50_000);
    }

    @Test
    void comparesAreTheReference() {
        Random r = new Random(13);
        int[] forms = {0, 4, 8, 1, 5, 9, 2, 6, 3, 7};
        int handled = 0;
        for (int n = 0; n < 200_000; n++) {
            X87Machine m = machine(r);
            int i = r.nextInt(8);
            int form = forms[r.nextInt(forms.length)];
            long eflags = m.cpu.state[StateLayout.FLAGS];
            long[] fastFlags = new long[1];
            long[] referenceFlags = new long[1];
            boolean did = check(
                    m,
                    s -> (fastFlags[0] = X87FastPath.compare(s, i, form, eflags)) != X87FastPath.NOT_HANDLED,
                    cpu -> referenceFlags[0] = X87Operations.compare(cpu, i, form, eflags));
            if (did) {
                assertThat(fastFlags[0]).isEqualTo(referenceFlags[0]);
                handled++;
            }
        }
        assertThat(handled).isGreaterThan(50_000);
    }

    @Test
    void loadsAreTheReference() {
        Random r = new Random(17);
        X87MemoryFormat[] formats = X87MemoryFormat.values();
        long[] edgeBits = {
            0,
            0x8000_0000L,
            0x3f80_0000L,
            0x0000_0001L,
            0x7f80_0000L,
            0x7fc0_0000L,
            0x7f80_0001L,
            0x0080_0000L,
            0x7f7f_ffffL,
            0x8000_0000_0000_0000L,
            0x3ff0_0000_0000_0000L,
            0x0000_0000_0000_0001L,
            0x7ff0_0000_0000_0000L,
            0x7ff0_0000_0000_0001L,
            0x0010_0000_0000_0000L,
            Long.MAX_VALUE,
            -1L
        };
        int handled = 0;
        for (int n = 0; n < 200_000; n++) {
            X87Machine m = machine(r);
            if (r.nextInt(4) != 0) { // room to push: ST(7) empty
                m.cpu.state[StateLayout.FPU_TAG] |= X87Stack.TAG_EMPTY << 2 * (m.top() + 7 & 7);
            }
            X87MemoryFormat format = formats[r.nextInt(formats.length)];
            long bits = r.nextBoolean() ? edgeBits[r.nextInt(edgeBits.length)] : r.nextLong();
            long mask = format.bytes() >= 8 ? -1L : (1L << 8 * format.bytes()) - 1;
            long low = bits & mask;
            long high = format.bytes() == 10 ? value(r).signExponent() : 0;
            if (check(
                    m,
                    s -> X87FastPath.load(s, format, low, high),
                    cpu -> X87Operations.load(cpu, format, low, high))) {
                handled++;
            }
        }
        assertThat(handled).isGreaterThan(50_000);
    }
}
