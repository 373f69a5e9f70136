package dev.jx86.conformance.difftest;

import java.util.List;

/**
 * Templates for the MMX-register forms (SDM Vol. 1 chapter 9, and the 64-bit forms of SSE, SSE2 and SSSE3) and
 * EMMS. Their families are named {@code mmx.MNEMONIC}, apart from the XMM forms of the same mnemonic. The MMX
 * registers are the x87 registers' significands, so the initial x87 state ({@link X87State}: random stacks, tags,
 * TOP, sometimes a pending exception that an MMX instruction must raise as #MF) is what they read, and the x87
 * comparison (status word with TOP, abridged tags, every register with its exponent) checks what they write. The
 * forms with an XMM operand are 64-bit only (32-bit mode compares no SSE state).
 */
final class MmxTemplates {
    private MmxTemplates() {}

    /** What the families of MMX-register forms start with, before the mnemonic. */
    static final String PREFIX = "mmx.";

    /** Instructions of the form {@code op mm, mm/m64}. */
    private static final String[] PACKED = {
        "paddb",
        "paddw",
        "paddd",
        "paddq",
        "paddsb",
        "paddsw",
        "paddusb",
        "paddusw",
        "psubb",
        "psubw",
        "psubd",
        "psubq",
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
        "punpckhbw",
        "punpckhwd",
        "punpckhdq",
        "packsswb",
        "packssdw",
        "packuswb",
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
        "pabsd"
    };

    static void register(List<Template> out) {
        for (String m : PACKED) {
            out.add(of(m, o -> o.line(m + " " + o.mm() + ", " + o.mq(8))));
        }
        // The low unpacks read 32 bits of memory.
        for (String m : new String[] {"punpcklbw", "punpcklwd", "punpckldq"}) {
            out.add(of(m, o -> o.line(m + " " + o.mm() + ", " + o.mq(4))));
        }
        for (String m : new String[] {"psllw", "pslld", "psllq", "psrlw", "psrld", "psrlq", "psraw", "psrad"}) {
            out.add(of(
                    m,
                    o -> o.line(m + " " + o.mm() + ", "
                            + (o.chance(3)
                                    ? o.mq(8)
                                    : Integer.toString(o.chance(3) ? o.random.nextInt(256) : o.random.nextInt(66))))));
        }
        out.add(of("palignr", o -> o.line("palignr " + o.mm() + ", " + o.mq(8) + ", " + shiftCount(o))));
        out.add(of("pshufw", o -> o.line("pshufw " + o.mm() + ", " + o.mq(8) + ", " + o.imm8())));
        out.add(of(
                "pinsrw",
                o -> o.line("pinsrw " + o.mm() + ", " + (o.chance(2) ? o.src(4) : o.mem(2)) + ", " + o.imm8())));
        out.add(of("pextrw", o -> o.line("pextrw " + o.reg(4) + ", " + o.mm() + ", " + o.imm8())));
        out.add(of("pmovmskb", o -> o.line("pmovmskb " + o.reg(4) + ", " + o.mm())));
        out.add(of("movntq", o -> o.line("movntq " + o.mem(8) + ", " + o.mm())));
        out.add(of("maskmovq", o -> {
            o.line("lea " + o.name(7, o.stack()) + ", " + o.address(8, 1));
            o.line("maskmovq " + o.mm() + ", " + o.mm());
        }));
        out.add(of("emms", o -> o.line("emms")));
        moves(out);
        conversions(out);
    }

    private static void moves(List<Template> out) {
        out.add(of(
                "movd",
                o -> o.line(o.chance(2) ? "movd " + o.mm() + ", " + o.srm(4) : "movd " + o.rm(4) + ", " + o.mm())));
        out.add(of(
                "movq",
                o -> o.line(
                        switch (o.random.nextInt(o.bits64 ? 4 : 2)) {
                            case 0 -> "movq " + o.mm() + ", " + o.mq(8);
                            case 1 -> "movq " + o.mq(8) + ", " + o.mm();
                            case 2 -> "movq " + o.mm() + ", " + o.src(8);
                            default -> "movq " + o.reg(8) + ", " + o.mm();
                        })));
        out.add(longMode("movq2dq", o -> o.line("movq2dq " + o.xmm() + ", " + o.mm())));
        out.add(longMode("movdq2q", o -> o.line("movdq2q " + o.mm() + ", " + o.xmm())));
    }

    private static void conversions(List<Template> out) {
        for (String m : new String[] {"cvtpi2ps", "cvtpi2pd"}) {
            out.add(longMode(m, o -> o.line(m + " " + o.xmm() + ", " + o.mm())));
        }
        for (String m : new String[] {"cvtps2pi", "cvttps2pi"}) {
            out.add(longMode(m, o -> o.line(m + " " + o.mm() + ", " + o.xm(8))));
        }
        for (String m : new String[] {"cvtpd2pi", "cvttpd2pi"}) {
            out.add(longMode(m, o -> o.line(m + " " + o.mm() + ", " + o.xm128())));
        }
    }

    /** PALIGNR's byte count: mostly within the 16-byte pair, sometimes anything. */
    private static String shiftCount(Operands o) {
        return Integer.toString(o.chance(4) ? o.random.nextInt(256) : o.random.nextInt(18));
    }

    private static Template of(String mnemonic, java.util.function.Consumer<Operands> emit) {
        return Template.of(PREFIX + mnemonic, emit);
    }

    private static Template longMode(String mnemonic, java.util.function.Consumer<Operands> emit) {
        return Template.longMode(PREFIX + mnemonic, emit);
    }
}
