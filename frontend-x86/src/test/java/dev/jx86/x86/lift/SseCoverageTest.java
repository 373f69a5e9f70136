package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.decode.Mnemonic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every SSE and SSE2 mnemonic (written out here, from the SDM's instruction lists) has a handler. */
class SseCoverageTest {
    /** SSE (SDM Vol. 1 10.4) and SSE2 (11.4) instructions, with the state instructions glibc needs. */
    static final List<Mnemonic> SSE_SSE2 = List.of(
            // SSE data transfer, arithmetic, compare, logical, shuffle, conversion, MXCSR, 64-bit SIMD integer
            MOVAPS,
            MOVUPS,
            MOVHPS,
            MOVHLPS,
            MOVLPS,
            MOVLHPS,
            MOVMSKPS,
            MOVSS,
            ADDPS,
            ADDSS,
            SUBPS,
            SUBSS,
            MULPS,
            MULSS,
            DIVPS,
            DIVSS,
            RCPPS,
            RCPSS,
            SQRTPS,
            SQRTSS,
            RSQRTPS,
            RSQRTSS,
            MAXPS,
            MAXSS,
            MINPS,
            MINSS,
            CMPPS,
            CMPSS,
            COMISS,
            UCOMISS,
            ANDPS,
            ANDNPS,
            ORPS,
            XORPS,
            SHUFPS,
            UNPCKHPS,
            UNPCKLPS,
            CVTPI2PS,
            CVTSI2SS,
            CVTSS2SI,
            CVTTSS2SI,
            LDMXCSR,
            STMXCSR,
            PAVGB,
            PAVGW,
            PEXTRW,
            PINSRW,
            PMAXUB,
            PMAXSW,
            PMINUB,
            PMINSW,
            PMOVMSKB,
            PMULHUW,
            PSADBW,
            MOVNTPS,
            SFENCE,
            // SSE2 packed and scalar double, conversions, 128-bit integer, cacheability
            MOVAPD,
            MOVUPD,
            MOVHPD,
            MOVLPD,
            MOVMSKPD,
            MOVSD,
            ADDPD,
            ADDSD,
            SUBPD,
            SUBSD,
            MULPD,
            MULSD,
            DIVPD,
            DIVSD,
            SQRTPD,
            SQRTSD,
            MAXPD,
            MAXSD,
            MINPD,
            MINSD,
            ANDPD,
            ANDNPD,
            ORPD,
            XORPD,
            CMPPD,
            CMPSD,
            COMISD,
            UCOMISD,
            SHUFPD,
            UNPCKHPD,
            UNPCKLPD,
            CVTPD2DQ,
            CVTTPD2DQ,
            CVTDQ2PD,
            CVTPS2PD,
            CVTPD2PS,
            CVTSS2SD,
            CVTSD2SS,
            CVTSD2SI,
            CVTTSD2SI,
            CVTSI2SD,
            CVTPI2PD,
            CVTDQ2PS,
            CVTPS2DQ,
            CVTTPS2DQ,
            MOVDQA,
            MOVDQU,
            MOVD,
            MOVQ,
            PMULUDQ,
            PADDQ,
            PSUBQ,
            PSHUFLW,
            PSHUFHW,
            PSHUFD,
            PSLLDQ,
            PSRLDQ,
            PUNPCKHQDQ,
            PUNPCKLQDQ,
            PADDB,
            PADDW,
            PADDD,
            PADDSB,
            PADDSW,
            PADDUSB,
            PADDUSW,
            PSUBB,
            PSUBW,
            PSUBD,
            PSUBSB,
            PSUBSW,
            PSUBUSB,
            PSUBUSW,
            PMULLW,
            PMULHW,
            PMADDWD,
            PCMPEQB,
            PCMPEQW,
            PCMPEQD,
            PCMPGTB,
            PCMPGTW,
            PCMPGTD,
            PACKSSWB,
            PACKSSDW,
            PACKUSWB,
            PUNPCKHBW,
            PUNPCKHWD,
            PUNPCKHDQ,
            PUNPCKLBW,
            PUNPCKLWD,
            PUNPCKLDQ,
            PAND,
            PANDN,
            POR,
            PXOR,
            PSLLW,
            PSLLD,
            PSLLQ,
            PSRLW,
            PSRLD,
            PSRLQ,
            PSRAW,
            PSRAD,
            MASKMOVDQU,
            MOVNTPD,
            MOVNTDQ,
            MOVNTI,
            LFENCE,
            MFENCE,
            // state save and restore
            FXSAVE,
            FXRSTOR,
            FXSAVE64,
            FXRSTOR64);

    /** SSE3, SSSE3, SSE4.1, SSE4.2 (CRC32 and POPCNT are integer instructions), AES-NI and PCLMULQDQ. */
    static final List<Mnemonic> SSE3_TO_SSE42 = List.of(
            // SSE3
            ADDSUBPS,
            ADDSUBPD,
            HADDPS,
            HADDPD,
            HSUBPS,
            HSUBPD,
            MOVSLDUP,
            MOVSHDUP,
            MOVDDUP,
            LDDQU,
            // SSSE3
            PSHUFB,
            PHADDW,
            PHADDD,
            PHADDSW,
            PHSUBW,
            PHSUBD,
            PHSUBSW,
            PMADDUBSW,
            PMULHRSW,
            PSIGNB,
            PSIGNW,
            PSIGND,
            PABSB,
            PABSW,
            PABSD,
            PALIGNR,
            // SSE4.1
            PMULLD,
            PMULDQ,
            PMINSB,
            PMINSD,
            PMINUW,
            PMINUD,
            PMAXSB,
            PMAXSD,
            PMAXUW,
            PMAXUD,
            PCMPEQQ,
            PACKUSDW,
            PMOVSXBW,
            PMOVSXBD,
            PMOVSXBQ,
            PMOVSXWD,
            PMOVSXWQ,
            PMOVSXDQ,
            PMOVZXBW,
            PMOVZXBD,
            PMOVZXBQ,
            PMOVZXWD,
            PMOVZXWQ,
            PMOVZXDQ,
            PTEST,
            PHMINPOSUW,
            MPSADBW,
            MOVNTDQA,
            BLENDPS,
            BLENDPD,
            PBLENDW,
            BLENDVPS,
            BLENDVPD,
            PBLENDVB,
            ROUNDPS,
            ROUNDPD,
            ROUNDSS,
            ROUNDSD,
            DPPS,
            DPPD,
            PEXTRB,
            PEXTRD,
            PEXTRQ,
            EXTRACTPS,
            PINSRB,
            PINSRD,
            PINSRQ,
            INSERTPS,
            // SSE4.2
            PCMPGTQ,
            PCMPESTRI,
            PCMPESTRIQ,
            PCMPESTRM,
            PCMPESTRMQ,
            PCMPISTRI,
            PCMPISTRM,
            // AES-NI, PCLMULQDQ
            AESENC,
            AESENCLAST,
            AESDEC,
            AESDECLAST,
            AESIMC,
            AESKEYGENASSIST,
            PCLMULQDQ);

    /**
     * SSE/SSE2 mnemonics whose every form uses an MMX register: no handler here, their MMX forms have one
     * ({@link MmxCoverageTest}).
     */
    static final List<Mnemonic> MMX_ONLY =
            List.of(CVTPS2PI, CVTTPS2PI, CVTPD2PI, CVTTPD2PI, PSHUFW, MOVQ2DQ, MOVDQ2Q, MOVNTQ, MASKMOVQ);

    /** MONITOR/MWAIT, which the CPU model does not advertise: no handler, #UD. */
    static final List<Mnemonic> NOT_ADVERTISED = List.of(MONITOR, MWAIT);

    @Test
    void everySseAndSse2MnemonicHasAHandler() {
        assertThat(SSE_SSE2).doesNotHaveDuplicates();
        assertThat(SSE_SSE2.stream().filter(m -> Lifter.handlers().get(m) == null))
                .as("SSE/SSE2 mnemonics without a handler")
                .isEmpty();
    }

    @Test
    void everySse3ToSse42AesAndClmulMnemonicHasAHandler() {
        assertThat(SSE3_TO_SSE42).doesNotHaveDuplicates();
        assertThat(SSE3_TO_SSE42.stream().filter(m -> Lifter.handlers().get(m) == null))
                .as("SSE3-SSE4.2, AES and CLMUL mnemonics without a handler")
                .isEmpty();
    }

    @Test
    void mmxOnlyMnemonicsAndMonitorHaveNone() {
        assertThat(NOT_ADVERTISED.stream().filter(m -> Lifter.handlers().get(m) != null))
                .as("out-of-scope mnemonics with a handler")
                .isEmpty();
        assertThat(MMX_ONLY.stream().filter(m -> Lifter.handlers().get(m) != null))
                .as("MMX-only mnemonics with a non-MMX handler")
                .isEmpty();
    }
}
