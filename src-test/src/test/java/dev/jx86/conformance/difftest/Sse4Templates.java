package dev.jx86.conformance.difftest;

import java.util.List;

/**
 * Templates for SSE3, SSSE3, SSE4.1, SSE4.2, AES-NI and PCLMULQDQ (SDM Vol. 1 chapter 12), their XMM forms: every
 * immediate is drawn whole (rounding modes, blend masks, string-compare controls), the explicit string lengths from
 * values around and past the element counts, and string operands are given zero elements at random places now and
 * then so that the implicit lengths vary.
 */
final class Sse4Templates {
    private Sse4Templates() {}

    /** Instructions of the form {@code op xmm, xmm/m128} (m128 aligned). */
    private static final String[] PACKED = {
        "addsubps",
        "addsubpd",
        "haddps",
        "haddpd",
        "hsubps",
        "hsubpd",
        "movsldup",
        "movshdup",
        "pshufb",
        "phaddw",
        "phaddd",
        "phaddsw",
        "phsubw",
        "phsubd",
        "phsubsw",
        "pmaddubsw",
        "pmulhrsw",
        "psignb",
        "psignw",
        "psignd",
        "pabsb",
        "pabsw",
        "pabsd",
        "pmulld",
        "pmuldq",
        "pminsb",
        "pminsd",
        "pminuw",
        "pminud",
        "pmaxsb",
        "pmaxsd",
        "pmaxuw",
        "pmaxud",
        "pcmpeqq",
        "pcmpgtq",
        "packusdw",
        "ptest",
        "phminposuw",
        "aesenc",
        "aesenclast",
        "aesdec",
        "aesdeclast",
        "aesimc"
    };

    /** Instructions of the form {@code op xmm, xmm/m128, imm8}. */
    private static final String[] PACKED_IMMEDIATE = {
        "palignr", "mpsadbw", "blendps", "blendpd", "pblendw", "dpps", "dppd", "aeskeygenassist", "pclmulqdq"
    };

    static void register(List<Template> out) {
        for (String m : PACKED) {
            out.add(Template.of(m, o -> o.line(m + " " + o.xmm() + ", " + o.xm128())));
        }
        for (String m : PACKED_IMMEDIATE) {
            out.add(Template.of(m, o -> o.line(m + " " + o.xmm() + ", " + o.xm128() + ", " + o.imm8())));
        }
        for (String m : new String[] {"blendvps", "blendvpd", "pblendvb"}) {
            out.add(Template.of(m, o -> o.line(m + " " + o.xmm() + ", " + o.xm128() + ", xmm0")));
        }
        out.add(Template.of("movddup", o -> o.line("movddup " + o.xmm() + ", " + o.xm(8))));
        out.add(Template.of("lddqu", o -> o.line("lddqu " + o.xmm() + ", " + o.mem(16))));
        out.add(Template.of("movntdqa", o -> o.line("movntdqa " + o.xmm() + ", " + o.mem128())));
        extensions(out);
        rounding(out);
        insertExtract(out);
        strings(out);
    }

    private static void extensions(List<Template> out) {
        String[][] forms = {{"bw", "8"}, {"bd", "4"}, {"bq", "2"}, {"wd", "8"}, {"wq", "4"}, {"dq", "8"}};
        for (String[] f : forms) {
            int size = Integer.parseInt(f[1]);
            for (String m : new String[] {"pmovsx" + f[0], "pmovzx" + f[0]}) {
                out.add(Template.of(m, o -> o.line(m + " " + o.xmm() + ", " + o.xm(size))));
            }
        }
    }

    /** ROUNDxx with every immediate mode (bits 3:0; the others are reserved), under the case's random MXCSR. */
    private static void rounding(List<Template> out) {
        out.add(Template.of(
                "roundps", o -> o.line("roundps " + o.xmm() + ", " + o.xm128() + ", " + o.random.nextInt(16))));
        out.add(Template.of(
                "roundpd", o -> o.line("roundpd " + o.xmm() + ", " + o.xm128() + ", " + o.random.nextInt(16))));
        out.add(Template.of(
                "roundss", o -> o.line("roundss " + o.xmm() + ", " + o.xm(4) + ", " + o.random.nextInt(16))));
        out.add(Template.of(
                "roundsd", o -> o.line("roundsd " + o.xmm() + ", " + o.xm(8) + ", " + o.random.nextInt(16))));
    }

    private static void insertExtract(List<Template> out) {
        out.add(Template.of(
                "pextrb",
                o -> o.line("pextrb " + (o.chance(2) ? o.reg(4) : o.mem(1)) + ", " + o.xmm() + ", " + o.imm8())));
        out.add(Template.of("pextrw", o -> o.line("pextrw " + o.mem(2) + ", " + o.xmm() + ", " + o.imm8())));
        out.add(Template.of("pextrd", o -> o.line("pextrd " + o.rm(4) + ", " + o.xmm() + ", " + o.imm8())));
        out.add(Template.of("extractps", o -> o.line("extractps " + o.rm(4) + ", " + o.xmm() + ", " + o.imm8())));
        out.add(Template.longMode("pextrq", o -> o.line("pextrq " + o.rm(8) + ", " + o.xmm() + ", " + o.imm8())));
        out.add(Template.of(
                "pinsrb",
                o -> o.line("pinsrb " + o.xmm() + ", " + (o.chance(2) ? o.src(4) : o.mem(1)) + ", " + o.imm8())));
        out.add(Template.of("pinsrd", o -> o.line("pinsrd " + o.xmm() + ", " + o.srm(4) + ", " + o.imm8())));
        out.add(Template.longMode("pinsrq", o -> o.line("pinsrq " + o.xmm() + ", " + o.srm(8) + ", " + o.imm8())));
        out.add(Template.of("insertps", o -> o.line("insertps " + o.xmm() + ", " + o.xm(4) + ", " + o.imm8())));
    }

    /**
     * PCMPxSTRx: any control byte with bit 7 clear (reserved), unaligned memory allowed; the explicit forms first set
     * EAX and EDX (RAX, RDX for the REX.W forms) to lengths around the element counts, negative or huge now and then.
     */
    private static void strings(List<Template> out) {
        for (String m : new String[] {"pcmpistri", "pcmpistrm"}) {
            out.add(Template.of(m, o -> {
                String a = o.xmm();
                String b = o.chance(2) ? o.xmm() : o.mem(16);
                terminate(o, a);
                o.line(m + " " + a + ", " + b + ", " + o.random.nextInt(128));
            }));
        }
        for (String m : new String[] {"pcmpestri", "pcmpestrm", "pcmpestriq", "pcmpestrmq"}) {
            boolean wide = m.endsWith("q");
            Template t = Template.of(m, o -> {
                String a = o.xmm();
                String b = o.chance(2) ? o.xmm() : o.mem(16);
                o.line("mov " + (wide ? "rax" : "eax") + ", " + length(o, wide));
                o.line("mov " + (wide ? "rdx" : "edx") + ", " + length(o, wide));
                o.line(m + " " + a + ", " + b + ", " + o.random.nextInt(128));
            });
            out.add(wide ? t.inLongModeOnly() : t);
        }
    }

    /** Now and then, zero bytes shifted into the string register at a random end, so that it has a terminator. */
    private static void terminate(Operands o, String register) {
        if (o.chance(3)) {
            o.line((o.chance(2) ? "pslldq " : "psrldq ") + register + ", " + o.random.nextInt(16));
        }
    }

    private static String length(Operands o, boolean wide) {
        return switch (o.random.nextInt(4)) {
            case 0 -> Integer.toString(o.random.nextInt(40) - 20);
            case 1 -> Long.toString(o.pick(0x7fffffff, 0x80000000, -0x80000000, 0xffffffff, 16, 8, 17, 9));
            case 2 -> wide ? Long.toString(o.random.nextLong()) : Integer.toString(o.random.nextInt());
            default -> Integer.toString(o.random.nextInt(18));
        };
    }
}
