package dev.jx86.x86.decode.tables;

import static dev.jx86.x86.decode.Attribute.*;
import static dev.jx86.x86.decode.Mnemonic.*;

/**
 * The three-byte opcode map 0F 38 xx, legacy encodings: Intel SDM Vol. 2, Table A-4, rows in its order
 * (by opcode, then by prefix column: none, 66, F3, F2).
 *
 * <p>Departures from the SDM, to decode as GNU objdump 2.40 does:
 *
 * <ul>
 *   <li>Instructions the SDM lists only on their own pages are added at their opcodes: RAO-INT (AADD,
 *       AAND, AXOR, AOR at FC), Key Locker (D8, DC-DF, FA, FB), MOVDIRI, MOVDIR64B, ENQCMD(S).
 *   <li>Where the SDM writes {@code Gy}/{@code Ey} for a register that REX.W widens but 66 does not
 *       (CRC32, ADCX, ADOX, WRSS, WRUSS, AADD...), the REX.W form is a row of its own, as on the instruction
 *       pages: then a 66 that changes nothing is shown as {@code data16}, as objdump does.
 *   <li>MOVBE (F0, F1) is one row without a mandatory prefix, so that 66 acts as operand-size prefix
 *       (the SDM's 66 column, Gw/Mw), with its blank F3 column marked undefined.
 *   <li>Operands sized by the address size (MOVDIR64B, ENQCMD(S): r16/r32/r64) are one row per address
 *       size; INVEPT, INVVPID and INVPCID take a 64-bit register in 64-bit mode and a 32-bit one
 *       elsewhere, one row each.
 * </ul>
 */
final class ThreeByte38Map {
    private ThreeByte38Map() {}

    static void addTo(TableBuilder t) {
        t.row("NP 0F 38 00 /r", PSHUFB, "Pq,Qq");
        t.row("66 0F 38 00 /r", PSHUFB, "Vdq,Wdq");
        t.row("NP 0F 38 01 /r", PHADDW, "Pq,Qq");
        t.row("66 0F 38 01 /r", PHADDW, "Vdq,Wdq");
        t.row("NP 0F 38 02 /r", PHADDD, "Pq,Qq");
        t.row("66 0F 38 02 /r", PHADDD, "Vdq,Wdq");
        t.row("NP 0F 38 03 /r", PHADDSW, "Pq,Qq");
        t.row("66 0F 38 03 /r", PHADDSW, "Vdq,Wdq");
        t.row("NP 0F 38 04 /r", PMADDUBSW, "Pq,Qq");
        t.row("66 0F 38 04 /r", PMADDUBSW, "Vdq,Wdq");
        t.row("NP 0F 38 05 /r", PHSUBW, "Pq,Qq");
        t.row("66 0F 38 05 /r", PHSUBW, "Vdq,Wdq");
        t.row("NP 0F 38 06 /r", PHSUBD, "Pq,Qq");
        t.row("66 0F 38 06 /r", PHSUBD, "Vdq,Wdq");
        t.row("NP 0F 38 07 /r", PHSUBSW, "Pq,Qq");
        t.row("66 0F 38 07 /r", PHSUBSW, "Vdq,Wdq");
        t.row("NP 0F 38 08 /r", PSIGNB, "Pq,Qq");
        t.row("66 0F 38 08 /r", PSIGNB, "Vdq,Wdq");
        t.row("NP 0F 38 09 /r", PSIGNW, "Pq,Qq");
        t.row("66 0F 38 09 /r", PSIGNW, "Vdq,Wdq");
        t.row("NP 0F 38 0A /r", PSIGND, "Pq,Qq");
        t.row("66 0F 38 0A /r", PSIGND, "Vdq,Wdq");
        t.row("NP 0F 38 0B /r", PMULHRSW, "Pq,Qq");
        t.row("66 0F 38 0B /r", PMULHRSW, "Vdq,Wdq");

        t.row("66 0F 38 10 /r", PBLENDVB, "Vdq,Wdq,XMM0");
        t.row("66 0F 38 14 /r", BLENDVPS, "Vdq,Wdq,XMM0");
        t.row("66 0F 38 15 /r", BLENDVPD, "Vdq,Wdq,XMM0");
        t.row("66 0F 38 17 /r", PTEST, "Vdq,Wdq");
        t.row("NP 0F 38 1C /r", PABSB, "Pq,Qq");
        t.row("66 0F 38 1C /r", PABSB, "Vdq,Wdq");
        t.row("NP 0F 38 1D /r", PABSW, "Pq,Qq");
        t.row("66 0F 38 1D /r", PABSW, "Vdq,Wdq");
        t.row("NP 0F 38 1E /r", PABSD, "Pq,Qq");
        t.row("66 0F 38 1E /r", PABSD, "Vdq,Wdq");

        t.row("66 0F 38 20 /r", PMOVSXBW, "Vdq,Udq/Mq");
        t.row("66 0F 38 21 /r", PMOVSXBD, "Vdq,Udq/Md");
        t.row("66 0F 38 22 /r", PMOVSXBQ, "Vdq,Udq/Mw");
        t.row("66 0F 38 23 /r", PMOVSXWD, "Vdq,Udq/Mq");
        t.row("66 0F 38 24 /r", PMOVSXWQ, "Vdq,Udq/Md");
        t.row("66 0F 38 25 /r", PMOVSXDQ, "Vdq,Udq/Mq");
        t.row("66 0F 38 28 /r", PMULDQ, "Vdq,Wdq");
        t.row("66 0F 38 29 /r", PCMPEQQ, "Vdq,Wdq");
        t.row("66 0F 38 2A /r", MOVNTDQA, "Vdq,Mdq");
        t.row("66 0F 38 2B /r", PACKUSDW, "Vdq,Wdq");

        t.row("66 0F 38 30 /r", PMOVZXBW, "Vdq,Udq/Mq");
        t.row("66 0F 38 31 /r", PMOVZXBD, "Vdq,Udq/Md");
        t.row("66 0F 38 32 /r", PMOVZXBQ, "Vdq,Udq/Mw");
        t.row("66 0F 38 33 /r", PMOVZXWD, "Vdq,Udq/Mq");
        t.row("66 0F 38 34 /r", PMOVZXWQ, "Vdq,Udq/Md");
        t.row("66 0F 38 35 /r", PMOVZXDQ, "Vdq,Udq/Mq");
        t.row("66 0F 38 37 /r", PCMPGTQ, "Vdq,Wdq");
        t.row("66 0F 38 38 /r", PMINSB, "Vdq,Wdq");
        t.row("66 0F 38 39 /r", PMINSD, "Vdq,Wdq");
        t.row("66 0F 38 3A /r", PMINUW, "Vdq,Wdq");
        t.row("66 0F 38 3B /r", PMINUD, "Vdq,Wdq");
        t.row("66 0F 38 3C /r", PMAXSB, "Vdq,Wdq");
        t.row("66 0F 38 3D /r", PMAXSD, "Vdq,Wdq");
        t.row("66 0F 38 3E /r", PMAXUW, "Vdq,Wdq");
        t.row("66 0F 38 3F /r", PMAXUD, "Vdq,Wdq");

        t.row("66 0F 38 40 /r", PMULLD, "Vdq,Wdq");
        t.row("66 0F 38 41 /r", PHMINPOSUW, "Vdq,Wdq");

        t.row("66 0F 38 80 /r", INVEPT, "Gq,Mdq", O64, PRIVILEGED);
        t.row("66 0F 38 80 /r", INVEPT, "Gd,Mdq", I64, PRIVILEGED);
        t.row("66 0F 38 81 /r", INVVPID, "Gq,Mdq", O64, PRIVILEGED);
        t.row("66 0F 38 81 /r", INVVPID, "Gd,Mdq", I64, PRIVILEGED);
        t.row("66 0F 38 82 /r", INVPCID, "Gq,M", O64, PRIVILEGED);
        t.row("66 0F 38 82 /r", INVPCID, "Gd,M", I64, PRIVILEGED);

        t.row("NP 0F 38 C8 /r", SHA1NEXTE, "Vdq,Wdq");
        t.row("NP 0F 38 C9 /r", SHA1MSG1, "Vdq,Wdq");
        t.row("NP 0F 38 CA /r", SHA1MSG2, "Vdq,Wdq");
        t.row("NP 0F 38 CB /r", SHA256RNDS2, "Vdq,Wdq,XMM0");
        t.row("NP 0F 38 CC /r", SHA256MSG1, "Vdq,Wdq");
        t.row("NP 0F 38 CD /r", SHA256MSG2, "Vdq,Wdq");
        t.row("66 0F 38 CF /r", GF2P8MULB, "Vdq,Wdq");

        t.row("F3 0F 38 D8 /0 mem", AESENCWIDE128KL, "M");
        t.row("F3 0F 38 D8 /1 mem", AESDECWIDE128KL, "M");
        t.row("F3 0F 38 D8 /2 mem", AESENCWIDE256KL, "M");
        t.row("F3 0F 38 D8 /3 mem", AESDECWIDE256KL, "M");
        t.row("66 0F 38 DB /r", AESIMC, "Vdq,Wdq");
        t.row("66 0F 38 DC /r", AESENC, "Vdq,Wdq");
        t.row("F3 0F 38 DC /r", AESENC128KL, "Vdq,M");
        t.row("F3 0F 38 DC /r", LOADIWKEY, "Vdq,Udq", PRIVILEGED);
        t.row("66 0F 38 DD /r", AESENCLAST, "Vdq,Wdq");
        t.row("F3 0F 38 DD /r", AESDEC128KL, "Vdq,M");
        t.row("66 0F 38 DE /r", AESDEC, "Vdq,Wdq");
        t.row("F3 0F 38 DE /r", AESENC256KL, "Vdq,M");
        t.row("66 0F 38 DF /r", AESDECLAST, "Vdq,Wdq");
        t.row("F3 0F 38 DF /r", AESDEC256KL, "Vdq,M");

        t.row("0F 38 F0 /r", MOVBE, "Gv,Mv");
        t.undefined("F3 0F 38 F0");
        t.row("F2 0F 38 F0 /r", CRC32, "Gd,Eb");
        t.row("F2 REX.W 0F 38 F0 /r", CRC32, "Gq,Eb");
        t.row("0F 38 F1 /r", MOVBE, "Mv,Gv");
        t.undefined("F3 0F 38 F1");
        t.row("F2 0F 38 F1 /r", CRC32, "Gd,Ev");
        t.row("F2 REX.W 0F 38 F1 /r", CRC32, "Gq,Ev");
        t.row("66 0F 38 F5 /r", WRUSSD, "M,Gd");
        t.row("66 REX.W 0F 38 F5 /r", WRUSSQ, "M,Gq");
        t.row("NP 0F 38 F6 /r", WRSSD, "M,Gd");
        t.row("NP REX.W 0F 38 F6 /r", WRSSQ, "M,Gq");
        t.row("66 0F 38 F6 /r", ADCX, "Gd,Ed");
        t.row("66 REX.W 0F 38 F6 /r", ADCX, "Gq,Eq");
        t.row("F3 0F 38 F6 /r", ADOX, "Gd,Ed");
        t.row("F3 REX.W 0F 38 F6 /r", ADOX, "Gq,Eq");
        t.row("66 0F 38 F8 /r", MOVDIR64B, "Gw,M", AS16);
        t.row("66 0F 38 F8 /r", MOVDIR64B, "Gd,M", AS32);
        t.row("66 0F 38 F8 /r", MOVDIR64B, "Gq,M", AS64);
        t.row("F3 0F 38 F8 /r", ENQCMDS, "Gw,M", AS16, PRIVILEGED);
        t.row("F3 0F 38 F8 /r", ENQCMDS, "Gd,M", AS32, PRIVILEGED);
        t.row("F3 0F 38 F8 /r", ENQCMDS, "Gq,M", AS64, PRIVILEGED);
        t.row("F2 0F 38 F8 /r", ENQCMD, "Gw,M", AS16);
        t.row("F2 0F 38 F8 /r", ENQCMD, "Gd,M", AS32);
        t.row("F2 0F 38 F8 /r", ENQCMD, "Gq,M", AS64);
        t.row("NP 0F 38 F9 /r", MOVDIRI, "My,Gy");
        t.row("F3 0F 38 FA /r", ENCODEKEY128, "Gd,Rd");
        t.row("F3 0F 38 FB /r", ENCODEKEY256, "Gd,Rd");
        t.row("NP 0F 38 FC /r", AADD, "Md,Gd");
        t.row("NP REX.W 0F 38 FC /r", AADD, "Mq,Gq");
        t.row("66 0F 38 FC /r", AAND, "Md,Gd");
        t.row("66 REX.W 0F 38 FC /r", AAND, "Mq,Gq");
        t.row("F3 0F 38 FC /r", AXOR, "Md,Gd");
        t.row("F3 REX.W 0F 38 FC /r", AXOR, "Mq,Gq");
        t.row("F2 0F 38 FC /r", AOR, "Md,Gd");
        t.row("F2 REX.W 0F 38 FC /r", AOR, "Mq,Gq");
    }
}
