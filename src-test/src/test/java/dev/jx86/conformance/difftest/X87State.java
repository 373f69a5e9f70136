package dev.jx86.conformance.difftest;

import java.util.Random;

/**
 * Random x87 states for the differential test's initial states: a control word with any rounding and precision
 * control (now and then unmasked exceptions), a stack of 0-8 values at a random TOP drawn from the edges of the
 * extended format and from random numbers, tags that match the values, random condition codes and sometimes sticky
 * exception flags (pending, with ES, when one is unmasked).
 */
final class X87State {
    private X87State() {}

    record Value(int signExponent, long significand) {}

    private static final Value[] EDGES = {
        new Value(0, 0),
        new Value(0x8000, 0),
        new Value(0x3fff, 1L << 63),
        new Value(0xbfff, 1L << 63),
        new Value(0, 1),
        new Value(0x8000, 1),
        new Value(0, 0x7fffffffffffffffL),
        new Value(0, 1L << 63),
        new Value(0x8000, 0xc000000000000000L),
        new Value(1, 1L << 63),
        new Value(0x7ffe, -1L),
        new Value(0xfffe, -1L),
        new Value(0x7fff, 1L << 63),
        new Value(0xffff, 1L << 63),
        new Value(0x7fff, 0xc000000000001234L),
        new Value(0xffff, 0xc000000000000001L),
        new Value(0x7fff, 0x8000000000000001L),
        new Value(0xffff, 0xa000000000000000L),
        new Value(0xffff, 0xc000000000000000L),
        new Value(0x4000, 0x4000000000000000L),
        new Value(0x7fff, 0),
        new Value(0x7fff, 0x4000000000000001L),
        new Value(0x3fff, 0x8000008000000000L),
        new Value(0x3fff, 0x8000000000000400L),
        new Value(0xbfff, 0x8000000000000001L),
        new Value(0x3fff, 0xffffff7fffffffffL),
        new Value(0x3ffe, 0xfffffffffffff800L),
        new Value(0x403e, 1L << 63),
        new Value(0x400d, 0xfffe000000000000L),
        new Value(0x400e, 0x8000800000000000L),
        new Value(0xc01e, 0xffffffff00000000L),
        new Value(0x43fe, -1L),
        new Value(0x3c01, 1L << 63),
        new Value(0x3bcc, 0xc000000000000000L),
        new Value(0x3f81, 1L << 63),
        new Value(0x4000, 0xc90fdaa22168c235L),
        new Value(0x403a, 0xde0b6b3a763ffff0L),
        new Value(0x4001, 0xa000000000000000L),
        new Value(0x3ffe, 0xc000000000000000L)
    };

    /** An edge value, or a random number with its exponent near 1 (or anywhere). */
    static Value value(Random random) {
        if (random.nextInt(3) == 0) {
            return EDGES[random.nextInt(EDGES.length)];
        }
        long significand = random.nextLong() | 1L << 63;
        if (random.nextInt(4) == 0) {
            significand &= -1L << random.nextInt(48);
        }
        int spread = random.nextInt(3) == 0 ? 16000 : random.nextBoolean() ? 70 : 4;
        int exponent = 0x3fff + random.nextInt(2 * spread + 1) - spread;
        return new Value(exponent | (random.nextBoolean() ? 0x8000 : 0), significand);
    }

    static void fill(Random random, MachineState s) {
        int rounding = random.nextInt(4);
        int precision = random.nextInt(8) == 0 ? random.nextInt(4) : random.nextInt(3) == 0 ? 2 : 3;
        int masks = random.nextInt(10) == 0 ? random.nextInt(64) : 0x3f;
        s.fcw = 0x40 | precision << 8 | rounding << 10 | masks;
        int top = random.nextInt(8);
        int depth = random.nextInt(9);
        int flags = random.nextInt(4) == 0 ? random.nextInt(64) : 0;
        int pending = (flags & ~masks & 0x3f) != 0 ? 0x8080 : 0;
        int codes = random.nextInt(16);
        int conditions = (codes & 7) << 8 | (codes & 8) << 11;
        s.fsw = flags | pending | conditions | top << 11;
        s.ftw = 0;
        for (int i = 0; i < 8; i++) {
            Value v = value(random);
            s.stSignificand[i] = v.significand();
            s.stExponent[i] = v.signExponent();
            int tag = i < depth ? tag(v) : 3;
            s.ftw |= tag << 2 * (top + i & 7);
        }
    }

    /** The full tag of a value: 0 valid, 1 zero, 2 special (NaN, infinity, denormal, unsupported). */
    private static int tag(Value v) {
        int e = v.signExponent() & 0x7fff;
        long m = v.significand();
        if (e == 0) {
            return m == 0 ? 1 : 2;
        }
        return e == 0x7fff || m >= 0 ? 2 : 0;
    }
}
