package dev.jx86.conformance.difftest;

import java.util.List;

/**
 * Templates for the x87 (SDM Vol. 1 chapter 8), in both modes: every instruction jx86 lifts, register forms on random
 * stack positions and memory forms whose operand is either random buffer bytes or an edge value stored first (±0,
 * denormals, pseudo-denormals, unnormals, infinities, quiet and signaling NaNs with payloads, values at rounding
 * boundaries, integers at the ends of their ranges, out-of-range conversions). The initial state
 * ({@link X87State}) brings random stacks, rounding modes, precisions and sometimes unmasked exceptions. FNSTENV
 * and FNSAVE images get their instruction and operand pointers cleared after the store: jx86 does not model them
 * (docs/lifter-x87.md).
 */
final class X87Templates {
    private X87Templates() {}

    private static final int[] SINGLES = {
        0, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x7fc00001, 0xffc12345, 0x7f800001,
        0x7fa00000, 0x00000001, 0x807fffff, 0x00800000, 0x7f7fffff, 0x4f000000, 0xcf000000, 0x3f000000, 0x40200000,
        0x3eaaaaab, 0x46fffe00, 0x5f000000
    };

    private static final long[] DOUBLES = {
        0L,
        0x8000000000000000L,
        0x3ff0000000000000L,
        0xbff0000000000000L,
        0x7ff0000000000000L,
        0xfff0000000000000L,
        0x7ff8000000000001L,
        0xfff8000000abcdefL,
        0x7ff0000000000001L,
        0x7ff4000000000000L,
        1L,
        0x800fffffffffffffL,
        0x0010000000000000L,
        0x7fefffffffffffffL,
        0x43e0000000000000L,
        0xc3e0000000000000L,
        0x3fe0000000000000L,
        0x4004000000000000L,
        0x3fd5555555555555L,
        0x41dfffffffc00000L,
        0x400921fb54442d18L
    };

    private static final long[] INTEGERS = {
        0,
        1,
        -1,
        2,
        0x7fff,
        0x8000,
        -0x8000,
        0x7fffffff,
        0x80000000L,
        -0x80000000L,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        123456789
    };

    static final String[] ARITHMETIC = {"fadd", "fmul", "fsub", "fsubr", "fdiv", "fdivr"};
    private static final String[] NO_OPERANDS = {
        "fchs", "fabs", "ftst", "fxam", "fld1", "fldl2t", "fldl2e", "fldpi", "fldlg2", "fldln2", "fldz", "fyl2x",
        "fptan", "fpatan", "fxtract", "fprem1", "fdecstp", "fincstp", "fprem", "fsqrt", "fsincos", "frndint", "fscale",
        "fsin", "fcos", "fcompp", "fucompp", "fninit", "fnclex", "fwait", "fnop"
    };
    private static final String[] FCMOV = {
        "fcmovb", "fcmove", "fcmovbe", "fcmovu", "fcmovnb", "fcmovne", "fcmovnbe", "fcmovnu"
    };

    static void register(List<Template> out) {
        for (String m : ARITHMETIC) {
            out.add(Template.of(
                    m,
                    o -> o.line(
                            switch (o.random.nextInt(4)) {
                                case 0 -> m + " st, " + st(o);
                                case 1 -> m + " " + st(o) + ", st";
                                case 2 -> m + " " + single(o);
                                default -> m + " " + dbl(o);
                            })));
            out.add(Template.of(m + "p", o -> o.line(m + "p " + st(o) + ", st")));
            out.add(Template.of(
                    "fi" + m.substring(1), o -> o.line("fi" + m.substring(1) + " " + integer(o, o.pick(2, 4)))));
        }
        for (String m : NO_OPERANDS) {
            out.add(Template.of(m, o -> o.line(m)));
        }
        // Outside their ranges (|x| > 1, |x| >= 1 - sqrt(2)/2) the SDM leaves these undefined: load an operand
        // inside, now and then with its neighbours at the ends.
        for (String m : new String[] {"f2xm1", "fyl2xp1"}) {
            out.add(Template.of(m, o -> {
                int at = slot(o);
                int exponent = 0x3fff - 2 - o.random.nextInt(o.chance(4) ? 70 : 8);
                long significand = o.random.nextLong() | Long.MIN_VALUE;
                int sign = o.random.nextBoolean() ? 0x8000 : 0;
                o.line("mov dword ptr [" + base(o) + Operands.signed(at) + "], " + (significand & 0xffffffffL));
                o.line("mov dword ptr [" + base(o) + Operands.signed(at + 4) + "], " + (significand >>> 32));
                o.line("mov word ptr [" + base(o) + Operands.signed(at + 8) + "], " + (sign | exponent));
                o.line("fld tbyte ptr [" + base(o) + Operands.signed(at) + "]");
                o.line(m);
            }));
        }
        for (String m : FCMOV) {
            out.add(Template.of(m, o -> o.line(m + " st, " + st(o))));
        }
        loadsAndStores(out);
        compares(out);
        control(out);
    }

    private static void loadsAndStores(List<Template> out) {
        out.add(Template.of(
                "fld",
                o -> o.line("fld "
                        + switch (o.random.nextInt(4)) {
                            case 0 -> st(o);
                            case 1 -> single(o);
                            case 2 -> dbl(o);
                            default -> extended(o);
                        })));
        out.add(Template.of("fild", o -> o.line("fild " + integer(o, o.pick(2, 4, 8)))));
        out.add(Template.of("fbld", o -> o.line("fbld " + bcd(o))));
        out.add(Template.of(
                "fst",
                o -> o.line("fst "
                        + switch (o.random.nextInt(3)) {
                            case 0 -> st(o);
                            case 1 -> o.mem(4);
                            default -> o.mem(8);
                        })));
        out.add(Template.of(
                "fstp",
                o -> o.line("fstp "
                        + switch (o.random.nextInt(4)) {
                            case 0 -> st(o);
                            case 1 -> o.mem(4);
                            case 2 -> o.mem(8);
                            default -> "tbyte ptr " + o.address(10, 1);
                        })));
        out.add(Template.of("fist", o -> o.line("fist " + o.mem(o.pick(2, 4)))));
        out.add(Template.of("fistp", o -> o.line("fistp " + o.mem(o.pick(2, 4, 8)))));
        out.add(Template.of("fisttp", o -> o.line("fisttp " + o.mem(o.pick(2, 4, 8)))));
        out.add(Template.of("fbstp", o -> o.line("fbstp tbyte ptr " + o.address(10, 1))));
        out.add(Template.of("fxch", o -> o.line("fxch " + st(o))));
        out.add(Template.of("ffree", o -> o.line("ffree " + st(o))));
        out.add(Template.of("ffreep", o -> o.line("ffreep " + st(o))));
    }

    private static void compares(List<Template> out) {
        for (String m : new String[] {"fcom", "fcomp"}) {
            out.add(Template.of(
                    m,
                    o -> o.line(m + " "
                            + switch (o.random.nextInt(3)) {
                                case 0 -> st(o);
                                case 1 -> single(o);
                                default -> dbl(o);
                            })));
        }
        for (String m : new String[] {"fucom", "fucomp"}) {
            out.add(Template.of(m, o -> o.line(m + " " + st(o))));
        }
        for (String m : new String[] {"ficom", "ficomp"}) {
            out.add(Template.of(m, o -> o.line(m + " " + integer(o, o.pick(2, 4)))));
        }
        for (String m : new String[] {"fcomi", "fcomip", "fucomi", "fucomip"}) {
            out.add(Template.of(m, o -> o.line(m + " st, " + st(o))));
        }
    }

    private static void control(List<Template> out) {
        out.add(Template.of("fnstsw", o -> o.line(o.chance(2) ? "fnstsw ax" : "fnstsw " + o.mem(2))));
        out.add(Template.of("fnstcw", o -> o.line("fnstcw " + o.mem(2))));
        // Any rounding and precision control; now and then an unmasked exception.
        out.add(Template.of("fldcw", o -> {
            int at = slot(o);
            int masks = o.chance(5) ? o.random.nextInt(64) : 0x3f;
            o.line("mov word ptr [" + base(o) + Operands.signed(at) + "], "
                    + (0x40 | o.random.nextInt(16) << 8 | masks));
            o.line("fldcw [" + base(o) + Operands.signed(at) + "]");
        }));
        out.add(Template.of("fnstenv", o -> {
            int at = slot(o);
            o.line("fnstenv [" + base(o) + Operands.signed(at) + "]");
            clearPointers(o, at);
        }));
        out.add(Template.of("fldenv", o -> {
            int at = slot(o);
            o.line("fnstenv [" + base(o) + Operands.signed(at) + "]");
            clearPointers(o, at);
            o.line("mov word ptr [" + base(o) + Operands.signed(at) + "], "
                    + (0x40 | o.random.nextInt(16) << 8 | 0x3f));
            o.line("fldenv [" + base(o) + Operands.signed(at) + "]");
        }));
        out.add(Template.of("fnsave", o -> {
            int at = slot(o) & ~0x7f;
            o.line("fnsave [" + base(o) + Operands.signed(at) + "]");
            clearPointers(o, at);
        }));
        out.add(Template.of("frstor", o -> {
            int at = slot(o) & ~0x7f;
            o.line("fnsave [" + base(o) + Operands.signed(at) + "]");
            clearPointers(o, at);
            if (o.chance(2)) {
                o.line("mov dword ptr [" + base(o) + Operands.signed(at + 28 + 10 * o.random.nextInt(8)) + "], "
                        + o.random.nextInt());
            }
            o.line("frstor [" + base(o) + Operands.signed(at) + "]");
        }));
    }

    /** Clears the pointer and opcode fields of an environment image at [rbx+at] (EBX in 32-bit mode). */
    private static void clearPointers(Operands o, int at) {
        for (int offset = 12; offset < 28; offset += 4) {
            o.line("mov dword ptr [" + base(o) + Operands.signed(at + offset) + "], "
                    + (offset == 24 ? 0xffff0000L : 0));
        }
    }

    /** The register that points at the data buffer: RBX, or EBX in 32-bit mode. */
    private static String base(Operands o) {
        return o.name(3, o.stack());
    }

    /** A 16-byte aligned place in the buffer for a value the template stores first. */
    private static int slot(Operands o) {
        return (o.random.nextInt(0x200) - 0x100) & ~0xf;
    }

    static String st(Operands o) {
        return "st(" + o.random.nextInt(8) + ")";
    }

    /** An m32fp operand: random bytes, or an edge value stored there first. */
    private static String single(Operands o) {
        if (o.chance(2)) {
            return o.mem(4);
        }
        int at = slot(o);
        o.line("mov dword ptr [" + base(o) + Operands.signed(at) + "], "
                + (SINGLES[o.random.nextInt(SINGLES.length)] & 0xffffffffL));
        return "dword ptr [" + base(o) + Operands.signed(at) + "]";
    }

    private static String dbl(Operands o) {
        if (o.chance(2)) {
            return o.mem(8);
        }
        int at = slot(o);
        long v = DOUBLES[o.random.nextInt(DOUBLES.length)];
        o.line("mov dword ptr [" + base(o) + Operands.signed(at) + "], " + (v & 0xffffffffL));
        o.line("mov dword ptr [" + base(o) + Operands.signed(at + 4) + "], " + (v >>> 32));
        return "qword ptr [" + base(o) + Operands.signed(at) + "]";
    }

    private static String extended(Operands o) {
        if (o.chance(3)) {
            return "tbyte ptr " + o.address(10, 1);
        }
        int at = slot(o);
        X87State.Value v = X87State.value(o.random);
        o.line("mov dword ptr [" + base(o) + Operands.signed(at) + "], " + (v.significand() & 0xffffffffL));
        o.line("mov dword ptr [" + base(o) + Operands.signed(at + 4) + "], " + (v.significand() >>> 32));
        o.line("mov word ptr [" + base(o) + Operands.signed(at + 8) + "], " + v.signExponent());
        return "tbyte ptr [" + base(o) + Operands.signed(at) + "]";
    }

    private static String integer(Operands o, int size) {
        if (o.chance(2)) {
            return o.mem(size);
        }
        int at = slot(o);
        long v = INTEGERS[o.random.nextInt(INTEGERS.length)];
        o.line("mov dword ptr [" + base(o) + Operands.signed(at) + "], " + (v & 0xffffffffL));
        o.line("mov dword ptr [" + base(o) + Operands.signed(at + 4) + "], " + (v >>> 32));
        return Operands.ptr(size) + "[" + base(o) + Operands.signed(at) + "]";
    }

    private static String bcd(Operands o) {
        if (o.chance(3)) {
            return "tbyte ptr " + o.address(10, 1);
        }
        int at = slot(o);
        long digits = 0;
        for (int i = 0; i < 16; i++) {
            digits |= (long) o.random.nextInt(10) << 4 * i;
        }
        o.line("mov dword ptr [" + base(o) + Operands.signed(at) + "], " + (digits & 0xffffffffL));
        o.line("mov dword ptr [" + base(o) + Operands.signed(at + 4) + "], " + (digits >>> 32));
        o.line("mov word ptr [" + base(o) + Operands.signed(at + 8) + "], "
                + (o.random.nextInt(100) / 10 << 4 | o.random.nextInt(10) | (o.chance(2) ? 0x8000 : 0)));
        return "tbyte ptr [" + base(o) + Operands.signed(at) + "]";
    }
}
