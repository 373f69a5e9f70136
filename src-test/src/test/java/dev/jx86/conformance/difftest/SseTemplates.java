package dev.jx86.conformance.difftest;

import java.util.List;

/**
 * Templates for SSE and SSE2 (SDM Vol. 1, chapters 10 and 11): moves, packed integer arithmetic, compares,
 * shuffles, shifts, scalar and packed floating point, and conversions. RCPSS/RSQRTSS are left out: their
 * results are approximations that differ between processor models.
 */
final class SseTemplates {
    private SseTemplates() {}

    private static final String[] PACKED_INTEGER = {
        "paddb",
        "paddw",
        "paddd",
        "paddq",
        "psubb",
        "psubw",
        "psubd",
        "psubq",
        "paddsb",
        "paddsw",
        "paddusb",
        "paddusw",
        "psubsb",
        "psubsw",
        "psubusb",
        "psubusw",
        "pmullw",
        "pmulhw",
        "pmulhuw",
        "pmuludq",
        "pmaddwd",
        "pavgb",
        "pavgw",
        "pminub",
        "pmaxub",
        "pminsw",
        "pmaxsw",
        "psadbw",
        "pand",
        "pandn",
        "por",
        "pxor",
        "pcmpeqb",
        "pcmpeqw",
        "pcmpeqd",
        "pcmpgtb",
        "pcmpgtw",
        "pcmpgtd",
        "punpcklbw",
        "punpcklwd",
        "punpckldq",
        "punpcklqdq",
        "punpckhbw",
        "punpckhwd",
        "punpckhdq",
        "punpckhqdq",
        "packsswb",
        "packssdw",
        "packuswb"
    };

    private static final String[] PACKED_FLOAT = {
        "addps",
        "addpd",
        "subps",
        "subpd",
        "mulps",
        "mulpd",
        "divps",
        "divpd",
        "minps",
        "minpd",
        "maxps",
        "maxpd",
        "sqrtps",
        "sqrtpd",
        "andps",
        "andpd",
        "andnps",
        "andnpd",
        "orps",
        "orpd",
        "xorps",
        "xorpd",
        "unpcklps",
        "unpckhps",
        "unpcklpd",
        "unpckhpd",
        "cvtdq2ps",
        "cvtps2dq",
        "cvttps2dq",
        "cvtpd2dq",
        "cvttpd2dq",
        "cvtpd2ps"
    };

    static void register(List<Template> out) {
        moves(out);
        for (String m : PACKED_INTEGER) {
            out.add(Template.of(m, o -> o.line(m + " " + o.xmm() + ", " + o.xm128())));
        }
        for (String m : PACKED_FLOAT) {
            out.add(Template.of(m, o -> o.line(m + " " + o.xmm() + ", " + o.xm128())));
        }
        // Forms that read only 64 bits of memory.
        for (String m : new String[] {"cvtdq2pd", "cvtps2pd"}) {
            out.add(Template.of(m, o -> o.line(m + " " + o.xmm() + ", " + o.xm(8))));
        }
        scalar(out);
        shuffles(out);
        shifts(out);
        out.add(Template.of("pmovmskb", o -> o.line("pmovmskb " + o.reg(4) + ", " + o.xmm())));
        out.add(Template.of("movmskps", o -> o.line("movmskps " + o.reg(4) + ", " + o.xmm())));
        out.add(Template.of("movmskpd", o -> o.line("movmskpd " + o.reg(4) + ", " + o.xmm())));
        out.add(Template.of(
                "pinsrw",
                o -> o.line("pinsrw " + o.xmm() + ", " + (o.chance(2) ? o.src(4) : o.mem(2)) + ", " + o.imm8())));
        out.add(Template.of("pextrw", o -> o.line("pextrw " + o.reg(4) + ", " + o.xmm() + ", " + o.imm8())));
        out.add(Template.of("stmxcsr", o -> o.line("stmxcsr " + o.mem(4))));
        // Any rounding, FTZ, DAZ and sticky flags, exceptions always masked.
        out.add(Template.of("ldmxcsr", o -> {
            String m = o.mem(4);
            o.line("mov " + m + ", "
                    + (0x1f80 | o.random.nextInt(4) << 13 | (o.chance(3) ? 0x8040 : 0) | o.random.nextInt(64)));
            o.line("ldmxcsr " + m);
        }));
        for (String m : new String[] {"movntdq", "movntps", "movntpd"}) {
            out.add(Template.of(m, o -> o.line(m + " " + o.mem128() + ", " + o.xmm())));
        }
    }

    private static void moves(List<Template> out) {
        out.add(Template.of(
                "movd",
                o -> o.line(o.chance(2) ? "movd " + o.xmm() + ", " + o.srm(4) : "movd " + o.rm(4) + ", " + o.xmm())));
        out.add(Template.of(
                "movq",
                o -> o.line(
                        switch (o.random.nextInt(4)) {
                            case 0 -> "movq " + o.xmm() + ", " + o.srm(8);
                            case 1 -> "movq " + o.rm(8) + ", " + o.xmm();
                            case 2 -> "movq " + o.xmm() + ", " + o.xm(8);
                            default -> "movq " + o.mem(8) + ", " + o.xmm();
                        })));
        for (String m : new String[] {"movdqa", "movdqu", "movaps", "movups", "movapd", "movupd"}) {
            out.add(Template.of(
                    m,
                    o -> o.line(
                            o.chance(2)
                                    ? m + " " + o.xmm() + ", " + o.xm128()
                                    : m + " " + o.mem128() + ", " + o.xmm())));
        }
        for (String m : new String[] {"movss", "movsd"}) {
            int size = m.equals("movss") ? 4 : 8;
            out.add(Template.of(
                    m,
                    o -> o.line(
                            switch (o.random.nextInt(3)) {
                                case 0 -> m + " " + o.xmm() + ", " + o.xmm();
                                case 1 -> m + " " + o.xmm() + ", " + o.mem(size);
                                default -> m + " " + o.mem(size) + ", " + o.xmm();
                            })));
        }
        for (String m : new String[] {"movlps", "movhps", "movlpd", "movhpd"}) {
            out.add(Template.of(
                    m,
                    o -> o.line(
                            o.chance(2) ? m + " " + o.xmm() + ", " + o.mem(8) : m + " " + o.mem(8) + ", " + o.xmm())));
        }
        out.add(Template.of("movhlps", o -> o.line("movhlps " + o.xmm() + ", " + o.xmm())));
        out.add(Template.of("movlhps", o -> o.line("movlhps " + o.xmm() + ", " + o.xmm())));
    }

    private static void scalar(List<Template> out) {
        String[] ops = {"add", "sub", "mul", "div", "min", "max", "sqrt"};
        for (String op : ops) {
            out.add(Template.of(op + "ss", o -> o.line(op + "ss " + o.xmm() + ", " + o.xm(4))));
            out.add(Template.of(op + "sd", o -> o.line(op + "sd " + o.xmm() + ", " + o.xm(8))));
        }
        for (String m : new String[] {"ucomiss", "comiss"}) {
            out.add(Template.of(m, o -> o.line(m + " " + o.xmm() + ", " + o.xm(4))));
        }
        for (String m : new String[] {"ucomisd", "comisd"}) {
            out.add(Template.of(m, o -> o.line(m + " " + o.xmm() + ", " + o.xm(8))));
        }
        out.add(Template.of("cmpss", o -> o.line("cmpss " + o.xmm() + ", " + o.xm(4) + ", " + o.random.nextInt(8))));
        out.add(Template.of("cmpsd", o -> o.line("cmpsd " + o.xmm() + ", " + o.xm(8) + ", " + o.random.nextInt(8))));
        out.add(Template.of("cmpps", o -> o.line("cmpps " + o.xmm() + ", " + o.xm128() + ", " + o.random.nextInt(8))));
        out.add(Template.of("cmppd", o -> o.line("cmppd " + o.xmm() + ", " + o.xm128() + ", " + o.random.nextInt(8))));
        for (String m : new String[] {"cvtsi2ss", "cvtsi2sd"}) {
            out.add(Template.of(m, o -> {
                int size = o.pick(4, 8);
                o.line(m + " " + o.xmm() + ", " + (o.chance(2) ? o.src(size) : o.mem(size)));
            }));
        }
        for (String m : new String[] {"cvtss2si", "cvttss2si", "cvtsd2si", "cvttsd2si"}) {
            int from = m.contains("ss") ? 4 : 8;
            out.add(Template.of(m, o -> o.line(m + " " + o.reg(o.pick(4, 8)) + ", " + o.xm(from))));
        }
        out.add(Template.of("cvtss2sd", o -> o.line("cvtss2sd " + o.xmm() + ", " + o.xm(4))));
        out.add(Template.of("cvtsd2ss", o -> o.line("cvtsd2ss " + o.xmm() + ", " + o.xm(8))));
    }

    private static void shuffles(List<Template> out) {
        for (String m : new String[] {"pshufd", "pshuflw", "pshufhw", "shufps", "shufpd"}) {
            out.add(Template.of(m, o -> o.line(m + " " + o.xmm() + ", " + o.xm128() + ", " + o.imm8())));
        }
    }

    private static void shifts(List<Template> out) {
        for (String m : new String[] {"psllw", "pslld", "psllq", "psrlw", "psrld", "psrlq", "psraw", "psrad"}) {
            out.add(Template.of(
                    m,
                    o -> o.line(m + " " + o.xmm() + ", "
                            + switch (o.random.nextInt(3)) {
                                case 0 -> Integer.toString(o.chance(3) ? o.random.nextInt(256) : o.random.nextInt(66));
                                case 1 -> o.xmm();
                                default -> o.mem128();
                            })));
        }
        for (String m : new String[] {"pslldq", "psrldq"}) {
            out.add(Template.of(m, o -> o.line(m + " " + o.xmm() + ", " + o.random.nextInt(20))));
        }
    }
}
