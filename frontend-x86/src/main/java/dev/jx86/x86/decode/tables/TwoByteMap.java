package dev.jx86.x86.decode.tables;

import static dev.jx86.x86.decode.Attribute.*;
import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.x86.decode.Mnemonic;

/**
 * The two-byte opcode map (0F xx): Intel SDM Vol. 2, Table A-3, rows in its order, with the groups of
 * Table A-6 at their opcodes. 0F 0F (3DNow!), 0F 38 and 0F 3A are escapes handled elsewhere.
 *
 * <p>Departures from the SDM, to agree with GNU objdump 2.40:
 *
 * <ul>
 *   <li>LAR, LSL, SLDT, STR, SMSW take {@code Rv/Mw} where the SDM writes {@code Ew}/{@code Mw}: the
 *       register form names the full register. RDFSBASE and its kin take {@code Rv} (objdump shows 16-bit
 *       forms), TPAUSE/UMWAIT {@code Ry}, UMONITOR a register of the address size.
 *   <li>Group 16 and 0F 19-1F decode every form that is not a prefetch, CLDEMOTE, MPX or CET row as NOP
 *       Ev (the SDM's reserved-NOP space); in 64-bit mode F3/F2 0F 18 /6-/7 take the prefix as a column.
 *   <li>The prefix column (NP or none) of each row is the one objdump accepts: WBINVD, EMMS, group 7
 *       and group 15 rows are NP where objdump rejects 66/F2/F3, PMOVMSKB's MMX form takes any prefix.
 *   <li>Rows objdump prints differently by mode are split by mode (MOV CRn/DRn, VMREAD/VMWRITE, RDPID,
 *       BNDCL/CU/CN) or by operand size (SGDT/SIDT/LGDT/LIDT, which objdump suffixes outside 64-bit
 *       mode). MOV to and from CRn/DRn/TRn ignore ModRM.mod ({@code MOD_IGNORED}).
 *   <li>{@code NAMED_IN_OTHER_FORM} marks rows objdump names with a {@code (bad)} operand in the ModRM
 *       form or ModRM byte they do not take (prefetch group, CMPXCHG8B/16B, MASKMOVQ, PadLock...): the
 *       bytes stay undefined.
 *   <li>Added beyond Table A-3: AMD's SSE4a (EXTRQ, INSERTQ, MOVNTSS/SD), SVM, SEV-SNP, INVLPGB and
 *       other 0F 01 register forms, UINTR and TDX forms, and VIA PadLock (0F A6, 0F A7). Bound-register
 *       operands are written {@code bnd} and {@code bnd/M}, as in the SDM's MPX pages.
 * </ul>
 */
final class TwoByteMap {
    private TwoByteMap() {}

    static void addTo(TableBuilder t) {
        group6(t);
        group7(t);
        t.row("0F 02 /r", LAR, "Gv,Rv/Mw");
        t.row("0F 03 /r", LSL, "Gv,Rv/Mw");
        t.row("0F 05", SYSCALL, "", BRANCH);
        t.row("0F 06", CLTS, "", PRIVILEGED);
        t.row("0F 07", SYSRET, "", BRANCH, PRIVILEGED);
        t.row("REX.W 0F 07", SYSRET, "", O64, BRANCH, PRIVILEGED);
        t.row("0F 08", INVD, "", PRIVILEGED);
        t.row("NP 0F 09", WBINVD, "", PRIVILEGED);
        t.row("F3 0F 09", WBNOINVD, "", PRIVILEGED);
        t.row("0F 0B", UD2, "");
        t.row("0F 0D /r", PREFETCH, "Mb", NAMED_IN_OTHER_FORM);
        t.row("0F 0D /1", PREFETCHW, "Mb", NAMED_IN_OTHER_FORM);
        t.row("0F 0D /2", PREFETCHWT1, "Mb", NAMED_IN_OTHER_FORM);
        t.row("0F 0E", FEMMS, "");

        t.row("NP 0F 10 /r", MOVUPS, "Vps,Wps");
        t.row("66 0F 10 /r", MOVUPD, "Vpd,Wpd");
        t.row("F3 0F 10 /r", MOVSS, "Vss,Wss");
        t.row("F2 0F 10 /r", MOVSD, "Vsd,Wsd");
        t.row("NP 0F 11 /r", MOVUPS, "Wps,Vps");
        t.row("66 0F 11 /r", MOVUPD, "Wpd,Vpd");
        t.row("F3 0F 11 /r", MOVSS, "Wss,Vss");
        t.row("F2 0F 11 /r", MOVSD, "Wsd,Vsd");
        t.row("NP 0F 12 /r", MOVLPS, "Vq,Mq");
        t.row("NP 0F 12 /r", MOVHLPS, "Vq,Uq");
        t.row("66 0F 12 /r", MOVLPD, "Vq,Mq");
        t.row("F3 0F 12 /r", MOVSLDUP, "Vx,Wx");
        t.row("F2 0F 12 /r", MOVDDUP, "Vx,Wq");
        t.row("NP 0F 13 /r", MOVLPS, "Mq,Vq");
        t.row("66 0F 13 /r", MOVLPD, "Mq,Vq");
        t.row("NP 0F 14 /r", UNPCKLPS, "Vx,Wx");
        t.row("66 0F 14 /r", UNPCKLPD, "Vx,Wx");
        t.row("NP 0F 15 /r", UNPCKHPS, "Vx,Wx");
        t.row("66 0F 15 /r", UNPCKHPD, "Vx,Wx");
        t.row("NP 0F 16 /r", MOVHPS, "Vdq,Mq");
        t.row("NP 0F 16 /r", MOVLHPS, "Vdq,Uq");
        t.row("66 0F 16 /r", MOVHPD, "Vdq,Mq");
        t.row("F3 0F 16 /r", MOVSHDUP, "Vx,Wx");
        t.row("NP 0F 17 /r", MOVHPS, "Mq,Vq");
        t.row("66 0F 17 /r", MOVHPD, "Mq,Vq");
        t.row("0F 18 /0 mem", PREFETCHNTA, "Mb");
        t.row("0F 18 /1 mem", PREFETCHT0, "Mb");
        t.row("0F 18 /2 mem", PREFETCHT1, "Mb");
        t.row("0F 18 /3 mem", PREFETCHT2, "Mb");
        t.row("F3 0F 18 /6 mem", NOP, "Ev", O64);
        t.row("F2 0F 18 /6 mem", NOP, "Ev", O64);
        t.row("F3 0F 18 /7 mem", NOP, "Ev", O64);
        t.row("F2 0F 18 /7 mem", NOP, "Ev", O64);
        t.row("0F 18 /r", NOP, "Ev");
        t.row("0F 19 /r", NOP, "Ev");
        t.row("NP 0F 1A /r mem", BNDLDX, "bnd,M");
        t.row("66 0F 1A /r", BNDMOV, "bnd,bnd/M");
        t.row("F3 0F 1A /r", BNDCL, "bnd,Rd/M", I64);
        t.row("F3 0F 1A /r", BNDCL, "bnd,Rq/M", O64);
        t.row("F2 0F 1A /r", BNDCU, "bnd,Rd/M", I64);
        t.row("F2 0F 1A /r", BNDCU, "bnd,Rq/M", O64);
        t.row("0F 1A /r", NOP, "Ev");
        t.row("NP 0F 1B /r mem", BNDSTX, "M,bnd");
        t.row("66 0F 1B /r", BNDMOV, "bnd/M,bnd");
        t.row("F3 0F 1B /r mem", BNDMK, "bnd,M");
        t.row("F2 0F 1B /r", BNDCN, "bnd,Rd/M", I64);
        t.row("F2 0F 1B /r", BNDCN, "bnd,Rq/M", O64);
        t.row("0F 1B /r", NOP, "Ev");
        t.row("NP 0F 1C /0 mem", CLDEMOTE, "Mb");
        t.row("0F 1C /r", NOP, "Ev");
        t.row("0F 1D /r", NOP, "Ev");
        t.row("F3 0F 1E /1 reg", RDSSPD, "Rd");
        t.row("F3 REX.W 0F 1E /1 reg", RDSSPQ, "Rq");
        t.row("F3 0F 1E FA", ENDBR64, "");
        t.row("F3 0F 1E FB", ENDBR32, "");
        t.row("0F 1E /r", NOP, "Ev");
        t.row("0F 1F /r", NOP, "Ev");

        t.row("0F 20 /r", MOV, "Rd,Cd", I64, MOD_IGNORED, PRIVILEGED);
        t.row("0F 20 /r", MOV, "Rq,Cq", O64, MOD_IGNORED, PRIVILEGED);
        t.row("0F 21 /r", MOV, "Rd,Dd", I64, MOD_IGNORED, PRIVILEGED);
        t.row("0F 21 /r", MOV, "Rq,Dq", O64, MOD_IGNORED, PRIVILEGED);
        t.row("0F 22 /r", MOV, "Cd,Rd", I64, MOD_IGNORED, PRIVILEGED);
        t.row("0F 22 /r", MOV, "Cq,Rq", O64, MOD_IGNORED, PRIVILEGED);
        t.row("0F 23 /r", MOV, "Dd,Rd", I64, MOD_IGNORED, PRIVILEGED);
        t.row("0F 23 /r", MOV, "Dq,Rq", O64, MOD_IGNORED, PRIVILEGED);
        t.row("0F 24 /r", MOV, "Rd,Td", I64, MOD_IGNORED, PRIVILEGED);
        t.row("0F 26 /r", MOV, "Td,Rd", I64, MOD_IGNORED, PRIVILEGED);
        t.row("NP 0F 28 /r", MOVAPS, "Vps,Wps");
        t.row("66 0F 28 /r", MOVAPD, "Vpd,Wpd");
        t.row("NP 0F 29 /r", MOVAPS, "Wps,Vps");
        t.row("66 0F 29 /r", MOVAPD, "Wpd,Vpd");
        t.row("NP 0F 2A /r", CVTPI2PS, "Vps,Qpi");
        t.row("66 0F 2A /r", CVTPI2PD, "Vpd,Qpi");
        t.row("F3 0F 2A /r", CVTSI2SS, "Vss,Ey");
        t.row("F2 0F 2A /r", CVTSI2SD, "Vsd,Ey");
        t.row("NP 0F 2B /r", MOVNTPS, "Mps,Vps");
        t.row("66 0F 2B /r", MOVNTPD, "Mpd,Vpd");
        t.row("F3 0F 2B /r", MOVNTSS, "Md,Vss");
        t.row("F2 0F 2B /r", MOVNTSD, "Mq,Vsd");
        t.row("NP 0F 2C /r", CVTTPS2PI, "Ppi,Wq");
        t.row("66 0F 2C /r", CVTTPD2PI, "Ppi,Wpd");
        t.row("F3 0F 2C /r", CVTTSS2SI, "Gy,Wss");
        t.row("F2 0F 2C /r", CVTTSD2SI, "Gy,Wsd");
        t.row("NP 0F 2D /r", CVTPS2PI, "Ppi,Wq");
        t.row("66 0F 2D /r", CVTPD2PI, "Ppi,Wpd");
        t.row("F3 0F 2D /r", CVTSS2SI, "Gy,Wss");
        t.row("F2 0F 2D /r", CVTSD2SI, "Gy,Wsd");
        t.row("NP 0F 2E /r", UCOMISS, "Vss,Wss");
        t.row("66 0F 2E /r", UCOMISD, "Vsd,Wsd");
        t.row("NP 0F 2F /r", COMISS, "Vss,Wss");
        t.row("66 0F 2F /r", COMISD, "Vsd,Wsd");

        t.row("0F 30", WRMSR, "", PRIVILEGED);
        t.row("0F 31", RDTSC, "");
        t.row("0F 32", RDMSR, "", PRIVILEGED);
        t.row("0F 33", RDPMC, "");
        t.row("0F 34", SYSENTER, "", BRANCH);
        t.row("0F 35", SYSEXIT, "", BRANCH, PRIVILEGED);
        t.row("REX.W 0F 35", SYSEXIT, "", O64, BRANCH, PRIVILEGED);
        t.row("0F 37", GETSEC, "");

        t.row("0F 40 /r", CMOVO, "Gv,Ev");
        t.row("0F 41 /r", CMOVNO, "Gv,Ev");
        t.row("0F 42 /r", CMOVB, "Gv,Ev");
        t.row("0F 43 /r", CMOVAE, "Gv,Ev");
        t.row("0F 44 /r", CMOVE, "Gv,Ev");
        t.row("0F 45 /r", CMOVNE, "Gv,Ev");
        t.row("0F 46 /r", CMOVBE, "Gv,Ev");
        t.row("0F 47 /r", CMOVA, "Gv,Ev");
        t.row("0F 48 /r", CMOVS, "Gv,Ev");
        t.row("0F 49 /r", CMOVNS, "Gv,Ev");
        t.row("0F 4A /r", CMOVP, "Gv,Ev");
        t.row("0F 4B /r", CMOVNP, "Gv,Ev");
        t.row("0F 4C /r", CMOVL, "Gv,Ev");
        t.row("0F 4D /r", CMOVGE, "Gv,Ev");
        t.row("0F 4E /r", CMOVLE, "Gv,Ev");
        t.row("0F 4F /r", CMOVG, "Gv,Ev");

        t.row("NP 0F 50 /r", MOVMSKPS, "Gy,Ups");
        t.row("66 0F 50 /r", MOVMSKPD, "Gy,Upd");
        sse(t, "51", SQRTPS, SQRTPD, SQRTSS, SQRTSD);
        t.row("NP 0F 52 /r", RSQRTPS, "Vps,Wps");
        t.row("F3 0F 52 /r", RSQRTSS, "Vss,Wss");
        t.row("NP 0F 53 /r", RCPPS, "Vps,Wps");
        t.row("F3 0F 53 /r", RCPSS, "Vss,Wss");
        t.row("NP 0F 54 /r", ANDPS, "Vps,Wps");
        t.row("66 0F 54 /r", ANDPD, "Vpd,Wpd");
        t.row("NP 0F 55 /r", ANDNPS, "Vps,Wps");
        t.row("66 0F 55 /r", ANDNPD, "Vpd,Wpd");
        t.row("NP 0F 56 /r", ORPS, "Vps,Wps");
        t.row("66 0F 56 /r", ORPD, "Vpd,Wpd");
        t.row("NP 0F 57 /r", XORPS, "Vps,Wps");
        t.row("66 0F 57 /r", XORPD, "Vpd,Wpd");
        sse(t, "58", ADDPS, ADDPD, ADDSS, ADDSD);
        sse(t, "59", MULPS, MULPD, MULSS, MULSD);
        t.row("NP 0F 5A /r", CVTPS2PD, "Vpd,Wq");
        t.row("66 0F 5A /r", CVTPD2PS, "Vps,Wpd");
        t.row("F3 0F 5A /r", CVTSS2SD, "Vsd,Wss");
        t.row("F2 0F 5A /r", CVTSD2SS, "Vss,Wsd");
        t.row("NP 0F 5B /r", CVTDQ2PS, "Vps,Wdq");
        t.row("66 0F 5B /r", CVTPS2DQ, "Vdq,Wps");
        t.row("F3 0F 5B /r", CVTTPS2DQ, "Vdq,Wps");
        sse(t, "5C", SUBPS, SUBPD, SUBSS, SUBSD);
        sse(t, "5D", MINPS, MINPD, MINSS, MINSD);
        sse(t, "5E", DIVPS, DIVPD, DIVSS, DIVSD);
        sse(t, "5F", MAXPS, MAXPD, MAXSS, MAXSD);

        t.row("NP 0F 60 /r", PUNPCKLBW, "Pq,Qd");
        t.row("66 0F 60 /r", PUNPCKLBW, "Vx,Wx");
        t.row("NP 0F 61 /r", PUNPCKLWD, "Pq,Qd");
        t.row("66 0F 61 /r", PUNPCKLWD, "Vx,Wx");
        t.row("NP 0F 62 /r", PUNPCKLDQ, "Pq,Qd");
        t.row("66 0F 62 /r", PUNPCKLDQ, "Vx,Wx");
        mmx(t, "63", PACKSSWB);
        mmx(t, "64", PCMPGTB);
        mmx(t, "65", PCMPGTW);
        mmx(t, "66", PCMPGTD);
        mmx(t, "67", PACKUSWB);
        mmx(t, "68", PUNPCKHBW);
        mmx(t, "69", PUNPCKHWD);
        mmx(t, "6A", PUNPCKHDQ);
        mmx(t, "6B", PACKSSDW);
        t.row("66 0F 6C /r", PUNPCKLQDQ, "Vx,Wx");
        t.row("66 0F 6D /r", PUNPCKHQDQ, "Vx,Wx");
        t.row("NP 0F 6E /r", MOVD, "Pq,Ed");
        t.row("NP REX.W 0F 6E /r", MOVQ, "Pq,Eq");
        t.row("66 0F 6E /r", MOVD, "Vdq,Ed");
        t.row("66 REX.W 0F 6E /r", MOVQ, "Vdq,Eq");
        t.row("NP 0F 6F /r", MOVQ, "Pq,Qq");
        t.row("66 0F 6F /r", MOVDQA, "Vx,Wx");
        t.row("F3 0F 6F /r", MOVDQU, "Vx,Wx");

        t.row("NP 0F 70 /r", PSHUFW, "Pq,Qq,Ib");
        t.row("66 0F 70 /r", PSHUFD, "Vx,Wx,Ib");
        t.row("F3 0F 70 /r", PSHUFHW, "Vx,Wx,Ib");
        t.row("F2 0F 70 /r", PSHUFLW, "Vx,Wx,Ib");
        shiftGroup(t, "71", 2, PSRLW);
        shiftGroup(t, "71", 4, PSRAW);
        shiftGroup(t, "71", 6, PSLLW);
        shiftGroup(t, "72", 2, PSRLD);
        shiftGroup(t, "72", 4, PSRAD);
        shiftGroup(t, "72", 6, PSLLD);
        shiftGroup(t, "73", 2, PSRLQ);
        t.row("66 0F 73 /3 reg", PSRLDQ, "Ux,Ib");
        shiftGroup(t, "73", 6, PSLLQ);
        t.row("66 0F 73 /7 reg", PSLLDQ, "Ux,Ib");
        mmx(t, "74", PCMPEQB);
        mmx(t, "75", PCMPEQW);
        mmx(t, "76", PCMPEQD);
        t.row("NP 0F 77", EMMS, "");
        t.row("NP 0F 78 /r", VMREAD, "Ed,Gd", I64);
        t.row("NP 0F 78 /r", VMREAD, "Eq,Gq", O64);
        t.row("66 0F 78 /r reg", EXTRQ, "Uq,Ib,Ib");
        t.row("F2 0F 78 /r", INSERTQ, "Vq,Uq,Ib,Ib");
        t.row("NP 0F 79 /r", VMWRITE, "Gd,Ed", I64);
        t.row("NP 0F 79 /r", VMWRITE, "Gq,Eq", O64);
        t.row("66 0F 79 /r", EXTRQ, "Vq,Uq", NAMED_IN_OTHER_FORM);
        t.row("F2 0F 79 /r", INSERTQ, "Vq,Uq", NAMED_IN_OTHER_FORM);
        t.row("66 0F 7C /r", HADDPD, "Vpd,Wpd");
        t.row("F2 0F 7C /r", HADDPS, "Vps,Wps");
        t.row("66 0F 7D /r", HSUBPD, "Vpd,Wpd");
        t.row("F2 0F 7D /r", HSUBPS, "Vps,Wps");
        t.row("NP 0F 7E /r", MOVD, "Ed,Pq");
        t.row("NP REX.W 0F 7E /r", MOVQ, "Eq,Pq");
        t.row("66 0F 7E /r", MOVD, "Ed,Vdq");
        t.row("66 REX.W 0F 7E /r", MOVQ, "Eq,Vdq");
        t.row("F3 0F 7E /r", MOVQ, "Vq,Wq");
        t.row("NP 0F 7F /r", MOVQ, "Qq,Pq");
        t.row("66 0F 7F /r", MOVDQA, "Wx,Vx");
        t.row("F3 0F 7F /r", MOVDQU, "Wx,Vx");

        t.row("0F 80", JO, "Jz", F64, BRANCH, BND);
        t.row("0F 81", JNO, "Jz", F64, BRANCH, BND);
        t.row("0F 82", JB, "Jz", F64, BRANCH, BND);
        t.row("0F 83", JAE, "Jz", F64, BRANCH, BND);
        t.row("0F 84", JE, "Jz", F64, BRANCH, BND);
        t.row("0F 85", JNE, "Jz", F64, BRANCH, BND);
        t.row("0F 86", JBE, "Jz", F64, BRANCH, BND);
        t.row("0F 87", JA, "Jz", F64, BRANCH, BND);
        t.row("0F 88", JS, "Jz", F64, BRANCH, BND);
        t.row("0F 89", JNS, "Jz", F64, BRANCH, BND);
        t.row("0F 8A", JP, "Jz", F64, BRANCH, BND);
        t.row("0F 8B", JNP, "Jz", F64, BRANCH, BND);
        t.row("0F 8C", JL, "Jz", F64, BRANCH, BND);
        t.row("0F 8D", JGE, "Jz", F64, BRANCH, BND);
        t.row("0F 8E", JLE, "Jz", F64, BRANCH, BND);
        t.row("0F 8F", JG, "Jz", F64, BRANCH, BND);

        t.row("0F 90 /r", SETO, "Eb");
        t.row("0F 91 /r", SETNO, "Eb");
        t.row("0F 92 /r", SETB, "Eb");
        t.row("0F 93 /r", SETAE, "Eb");
        t.row("0F 94 /r", SETE, "Eb");
        t.row("0F 95 /r", SETNE, "Eb");
        t.row("0F 96 /r", SETBE, "Eb");
        t.row("0F 97 /r", SETA, "Eb");
        t.row("0F 98 /r", SETS, "Eb");
        t.row("0F 99 /r", SETNS, "Eb");
        t.row("0F 9A /r", SETP, "Eb");
        t.row("0F 9B /r", SETNP, "Eb");
        t.row("0F 9C /r", SETL, "Eb");
        t.row("0F 9D /r", SETGE, "Eb");
        t.row("0F 9E /r", SETLE, "Eb");
        t.row("0F 9F /r", SETG, "Eb");

        t.row("0F A0", PUSH, "FS", D64);
        t.row("0F A1", POP, "FS", D64);
        t.row("0F A2", CPUID, "");
        t.row("0F A3 /r", BT, "Ev,Gv");
        t.row("0F A4 /r", SHLD, "Ev,Gv,Ib");
        t.row("0F A5 /r", SHLD, "Ev,Gv,CL");
        t.row("0F A8", PUSH, "GS", D64);
        t.row("0F A9", POP, "GS", D64);
        t.row("0F A6 C0", MONTMUL, "", NAMED_IN_OTHER_FORM);
        t.row("0F A6 C8", XSHA1, "", NAMED_IN_OTHER_FORM);
        t.row("0F A6 D0", XSHA256, "", NAMED_IN_OTHER_FORM);
        t.row("0F A7 C0", XSTORE, "", NAMED_IN_OTHER_FORM);
        t.row("0F A7 C8", XCRYPTECB, "", NAMED_IN_OTHER_FORM);
        t.row("0F A7 D0", XCRYPTCBC, "", NAMED_IN_OTHER_FORM);
        t.row("0F A7 D8", XCRYPTCTR, "", NAMED_IN_OTHER_FORM);
        t.row("0F A7 E0", XCRYPTCFB, "", NAMED_IN_OTHER_FORM);
        t.row("0F A7 E8", XCRYPTOFB, "", NAMED_IN_OTHER_FORM);
        t.row("0F AA", RSM, "", BRANCH);
        t.row("0F AB /r", BTS, "Ev,Gv", LOCKABLE);
        t.row("0F AC /r", SHRD, "Ev,Gv,Ib");
        t.row("0F AD /r", SHRD, "Ev,Gv,CL");
        group15(t);
        t.row("0F AF /r", IMUL, "Gv,Ev");

        t.row("0F B0 /r", CMPXCHG, "Eb,Gb", LOCKABLE);
        t.row("0F B1 /r", CMPXCHG, "Ev,Gv", LOCKABLE);
        t.row("0F B2 /r", LSS, "Gv,Mp");
        t.row("0F B3 /r", BTR, "Ev,Gv", LOCKABLE);
        t.row("0F B4 /r", LFS, "Gv,Mp");
        t.row("0F B5 /r", LGS, "Gv,Mp");
        t.row("0F B6 /r", MOVZX, "Gv,Eb");
        t.row("0F B7 /r", MOVZX, "Gv,Ew");
        t.row("F3 0F B8 /r", POPCNT, "Gv,Ev");
        t.row("0F B9 /r", UD1, "Gv,Ev");
        t.row("0F BA /4", BT, "Ev,Ib");
        t.row("0F BA /5", BTS, "Ev,Ib", LOCKABLE);
        t.row("0F BA /6", BTR, "Ev,Ib", LOCKABLE);
        t.row("0F BA /7", BTC, "Ev,Ib", LOCKABLE);
        t.row("0F BB /r", BTC, "Ev,Gv", LOCKABLE);
        t.row("0F BC /r", BSF, "Gv,Ev");
        t.row("F3 0F BC /r", TZCNT, "Gv,Ev");
        t.row("0F BD /r", BSR, "Gv,Ev");
        t.row("F3 0F BD /r", LZCNT, "Gv,Ev");
        t.row("0F BE /r", MOVSX, "Gv,Eb");
        t.row("0F BF /r", MOVSX, "Gv,Ew");

        t.row("0F C0 /r", XADD, "Eb,Gb", LOCKABLE);
        t.row("0F C1 /r", XADD, "Ev,Gv", LOCKABLE);
        t.row("NP 0F C2 /r", CMPPS, "Vps,Wps,Ib");
        t.row("66 0F C2 /r", CMPPD, "Vpd,Wpd,Ib");
        t.row("F3 0F C2 /r", CMPSS, "Vss,Wss,Ib");
        t.row("F2 0F C2 /r", CMPSD, "Vsd,Wsd,Ib");
        t.row("NP 0F C3 /r", MOVNTI, "My,Gy");
        t.row("NP 0F C4 /r", PINSRW, "Pq,Rd/Mw,Ib");
        t.row("66 0F C4 /r", PINSRW, "Vdq,Rd/Mw,Ib");
        t.row("NP 0F C5 /r", PEXTRW, "Gd,Nq,Ib");
        t.row("66 0F C5 /r", PEXTRW, "Gd,Udq,Ib");
        t.row("NP 0F C6 /r", SHUFPS, "Vps,Wps,Ib");
        t.row("66 0F C6 /r", SHUFPD, "Vpd,Wpd,Ib");
        group9(t);
        t.row("0F C8+r", BSWAP, "Zv");

        t.row("66 0F D0 /r", ADDSUBPD, "Vpd,Wpd");
        t.row("F2 0F D0 /r", ADDSUBPS, "Vps,Wps");
        mmx(t, "D1", PSRLW);
        mmx(t, "D2", PSRLD);
        mmx(t, "D3", PSRLQ);
        mmx(t, "D4", PADDQ);
        mmx(t, "D5", PMULLW);
        t.row("66 0F D6 /r", MOVQ, "Wq,Vq");
        t.row("F3 0F D6 /r", MOVQ2DQ, "Vdq,Nq", NAMED_IN_OTHER_FORM);
        t.row("F2 0F D6 /r", MOVDQ2Q, "Pq,Uq", NAMED_IN_OTHER_FORM);
        t.row("0F D7 /r", PMOVMSKB, "Gy,Nq");
        t.row("66 0F D7 /r", PMOVMSKB, "Gy,Ux");
        mmx(t, "D8", PSUBUSB);
        mmx(t, "D9", PSUBUSW);
        mmx(t, "DA", PMINUB);
        mmx(t, "DB", PAND);
        mmx(t, "DC", PADDUSB);
        mmx(t, "DD", PADDUSW);
        mmx(t, "DE", PMAXUB);
        mmx(t, "DF", PANDN);

        mmx(t, "E0", PAVGB);
        mmx(t, "E1", PSRAW);
        mmx(t, "E2", PSRAD);
        mmx(t, "E3", PAVGW);
        mmx(t, "E4", PMULHUW);
        mmx(t, "E5", PMULHW);
        t.row("66 0F E6 /r", CVTTPD2DQ, "Vx,Wpd");
        t.row("F3 0F E6 /r", CVTDQ2PD, "Vx,Wq");
        t.row("F2 0F E6 /r", CVTPD2DQ, "Vx,Wpd");
        t.row("NP 0F E7 /r", MOVNTQ, "Mq,Pq", NAMED_IN_OTHER_FORM);
        t.row("66 0F E7 /r", MOVNTDQ, "Mx,Vx");
        mmx(t, "E8", PSUBSB);
        mmx(t, "E9", PSUBSW);
        mmx(t, "EA", PMINSW);
        mmx(t, "EB", POR);
        mmx(t, "EC", PADDSB);
        mmx(t, "ED", PADDSW);
        mmx(t, "EE", PMAXSW);
        mmx(t, "EF", PXOR);

        t.row("F2 0F F0 /r", LDDQU, "Vx,M");
        mmx(t, "F1", PSLLW);
        mmx(t, "F2", PSLLD);
        mmx(t, "F3", PSLLQ);
        mmx(t, "F4", PMULUDQ);
        mmx(t, "F5", PMADDWD);
        mmx(t, "F6", PSADBW);
        t.row("NP 0F F7 /r", MASKMOVQ, "Pq,Nq", NAMED_IN_OTHER_FORM);
        t.row("66 0F F7 /r", MASKMOVDQU, "Vdq,Udq", NAMED_IN_OTHER_FORM);
        mmx(t, "F8", PSUBB);
        mmx(t, "F9", PSUBW);
        mmx(t, "FA", PSUBD);
        mmx(t, "FB", PSUBQ);
        mmx(t, "FC", PADDB);
        mmx(t, "FD", PADDW);
        mmx(t, "FE", PADDD);
        t.row("0F FF /r", UD0, "Gv,Ev");
    }

    /** Group 6, 0F 00. */
    private static void group6(TableBuilder t) {
        t.row("0F 00 /0", SLDT, "Rv/Mw");
        t.row("0F 00 /1", STR, "Rv/Mw");
        t.row("0F 00 /2", LLDT, "Ew", PRIVILEGED);
        t.row("0F 00 /3", LTR, "Ew", PRIVILEGED);
        t.row("0F 00 /4", VERR, "Ew");
        t.row("0F 00 /5", VERW, "Ew");
    }

    /** Group 7, 0F 01: descriptor tables in memory forms, many single instructions in register forms. */
    private static void group7(TableBuilder t) {
        t.row("0F 01 /0 mem", SGDT, "M", O64);
        t.row("0F 01 /0 mem", SGDT, "M", I64, OS16);
        t.row("0F 01 /0 mem", SGDT, "M", I64, OS32);
        t.row("0F 01 C0", ENCLV, "");
        t.row("0F 01 C1", VMCALL, "");
        t.row("0F 01 C2", VMLAUNCH, "", PRIVILEGED);
        t.row("0F 01 C3", VMRESUME, "", PRIVILEGED);
        t.row("0F 01 C4", VMXOFF, "", PRIVILEGED);
        t.row("0F 01 C5", PCONFIG, "", PRIVILEGED);
        t.row("NP 0F 01 C6", WRMSRNS, "", PRIVILEGED);
        t.row("F3 0F 01 C6", WRMSRLIST, "", O64, PRIVILEGED);
        t.row("F2 0F 01 C6", RDMSRLIST, "", O64, PRIVILEGED);
        t.row("66 0F 01 CC", TDCALL, "");
        t.row("66 0F 01 CD", SEAMRET, "", O64);
        t.row("66 0F 01 CE", SEAMOPS, "", O64);
        t.row("66 0F 01 CF", SEAMCALL, "", O64);
        t.row("0F 01 /1 mem", SIDT, "M", O64);
        t.row("0F 01 /1 mem", SIDT, "M", I64, OS16);
        t.row("0F 01 /1 mem", SIDT, "M", I64, OS32);
        t.row("0F 01 C8", MONITOR, "");
        t.row("0F 01 C9", MWAIT, "");
        t.row("0F 01 CA", CLAC, "", PRIVILEGED);
        t.row("0F 01 CB", STAC, "", PRIVILEGED);
        t.row("NP 0F 01 CF", ENCLS, "", PRIVILEGED);
        t.row("0F 01 /2 mem", LGDT, "M", O64, PRIVILEGED);
        t.row("0F 01 /2 mem", LGDT, "M", I64, OS16, PRIVILEGED);
        t.row("0F 01 /2 mem", LGDT, "M", I64, OS32, PRIVILEGED);
        t.row("0F 01 D0", XGETBV, "");
        t.row("0F 01 D1", XSETBV, "", PRIVILEGED);
        t.row("0F 01 D4", VMFUNC, "");
        t.row("0F 01 D5", XEND, "");
        t.row("0F 01 D6", XTEST, "");
        t.row("0F 01 D7", ENCLU, "");
        t.row("0F 01 /3 mem", LIDT, "M", O64, PRIVILEGED);
        t.row("0F 01 /3 mem", LIDT, "M", I64, OS16, PRIVILEGED);
        t.row("0F 01 /3 mem", LIDT, "M", I64, OS32, PRIVILEGED);
        t.row("0F 01 D8", VMRUN, "", PRIVILEGED);
        t.row("NP 0F 01 D9", VMMCALL, "");
        t.row("F3 0F 01 D9", VMGEXIT, "");
        t.row("F2 0F 01 D9", VMGEXIT, "");
        t.row("0F 01 DA", VMLOAD, "", PRIVILEGED);
        t.row("0F 01 DB", VMSAVE, "", PRIVILEGED);
        t.row("0F 01 DC", STGI, "", PRIVILEGED);
        t.row("0F 01 DD", CLGI, "", PRIVILEGED);
        t.row("0F 01 DE", SKINIT, "", PRIVILEGED);
        t.row("0F 01 DF", INVLPGA, "", PRIVILEGED);
        t.row("0F 01 /4", SMSW, "Rv/Mw");
        t.row("F3 0F 01 /5 mem", RSTORSSP, "Mq");
        t.row("NP 0F 01 E8", SERIALIZE, "");
        t.row("F3 0F 01 E8", SETSSBSY, "", PRIVILEGED);
        t.row("F2 0F 01 E8", XSUSLDTRK, "");
        t.row("F2 0F 01 E9", XRESLDTRK, "");
        t.row("F3 0F 01 EA", SAVEPREVSSP, "");
        t.row("F3 0F 01 EC", UIRET, "", O64, BRANCH);
        t.row("F3 0F 01 ED", TESTUI, "", O64);
        t.row("F3 0F 01 EE", CLUI, "", O64);
        t.row("F3 0F 01 EF", STUI, "", O64);
        t.row("NP 0F 01 EE", RDPKRU, "");
        t.row("NP 0F 01 EF", WRPKRU, "");
        t.row("0F 01 /6", LMSW, "Ew", PRIVILEGED);
        t.row("0F 01 /7 mem", INVLPG, "Mb", PRIVILEGED);
        t.row("0F 01 F8", SWAPGS, "", PRIVILEGED);
        t.row("0F 01 F9", RDTSCP, "");
        t.row("NP 0F 01 FA", MONITORX, "");
        t.row("F3 0F 01 FA", MCOMMIT, "");
        t.row("NP 0F 01 FB", MWAITX, "");
        t.row("0F 01 FC", CLZERO, "");
        t.row("NP 0F 01 FD", RDPRU, "");
        t.row("F3 0F 01 FD", RMPQUERY, "", O64);
        t.row("NP 0F 01 FE", INVLPGB, "", PRIVILEGED);
        t.row("F3 0F 01 FE", RMPADJUST, "", O64);
        t.row("F2 0F 01 FE", RMPUPDATE, "", O64, PRIVILEGED);
        t.row("NP 0F 01 FF", TLBSYNC, "", PRIVILEGED);
        t.row("F3 0F 01 FF", PSMASH, "", O64, PRIVILEGED);
        t.row("F2 0F 01 FF", PVALIDATE, "", PRIVILEGED);
    }

    /** Group 15, 0F AE: state save and restore in memory forms, fences and FS/GS base in register forms. */
    private static void group15(TableBuilder t) {
        t.row("0F AE /0 mem", FXSAVE, "M");
        t.row("REX.W 0F AE /0 mem", FXSAVE64, "M");
        t.row("0F AE /1 mem", FXRSTOR, "M");
        t.row("REX.W 0F AE /1 mem", FXRSTOR64, "M");
        t.row("0F AE /2 mem", LDMXCSR, "Md");
        t.row("0F AE /3 mem", STMXCSR, "Md");
        t.row("NP 0F AE /4 mem", XSAVE, "M");
        t.row("NP REX.W 0F AE /4 mem", XSAVE64, "M");
        t.row("F3 0F AE /4", PTWRITE, "Ey");
        t.row("NP 0F AE /5 mem", XRSTOR, "M");
        t.row("NP REX.W 0F AE /5 mem", XRSTOR64, "M");
        t.row("NP 0F AE /6 mem", XSAVEOPT, "M");
        t.row("NP REX.W 0F AE /6 mem", XSAVEOPT64, "M");
        t.row("66 0F AE /6 mem", CLWB, "Mb");
        t.row("F3 0F AE /6 mem", CLRSSBSY, "Mq", PRIVILEGED);
        t.row("NP 0F AE /7 mem", CLFLUSH, "Mb");
        t.row("66 0F AE /7 mem", CLFLUSHOPT, "Mb");
        t.row("F3 0F AE /0 reg", RDFSBASE, "Rv");
        t.row("F3 0F AE /1 reg", RDGSBASE, "Rv");
        t.row("F3 0F AE /2 reg", WRFSBASE, "Rv");
        t.row("F3 0F AE /3 reg", WRGSBASE, "Rv");
        t.row("F3 0F AE /5 reg", INCSSPD, "Rd");
        t.row("F3 REX.W 0F AE /5 reg", INCSSPQ, "Rq");
        t.row("NP 0F AE /5 reg", LFENCE, "");
        t.row("F3 0F AE /6 reg", UMONITOR, "Rw", AS16);
        t.row("F3 0F AE /6 reg", UMONITOR, "Rd", AS32);
        t.row("F3 0F AE /6 reg", UMONITOR, "Rq", AS64);
        t.row("66 0F AE /6 reg", TPAUSE, "Ry");
        t.row("F2 0F AE /6 reg", UMWAIT, "Ry");
        t.row("NP 0F AE F0", MFENCE, "");
        t.row("0F AE F8", SFENCE, "");
    }

    /** Group 9, 0F C7. */
    private static void group9(TableBuilder t) {
        t.row("0F C7 /1 mem", CMPXCHG8B, "Mq", LOCKABLE, NAMED_IN_OTHER_FORM);
        t.row("REX.W 0F C7 /1 mem", CMPXCHG16B, "Mdq", LOCKABLE, NAMED_IN_OTHER_FORM);
        t.row("0F C7 /3 mem", XRSTORS, "M", PRIVILEGED);
        t.row("REX.W 0F C7 /3 mem", XRSTORS64, "M", PRIVILEGED);
        t.row("0F C7 /4 mem", XSAVEC, "M");
        t.row("REX.W 0F C7 /4 mem", XSAVEC64, "M");
        t.row("0F C7 /5 mem", XSAVES, "M", PRIVILEGED);
        t.row("REX.W 0F C7 /5 mem", XSAVES64, "M", PRIVILEGED);
        t.row("NP 0F C7 /6 mem", VMPTRLD, "Mq", PRIVILEGED);
        t.row("66 0F C7 /6 mem", VMCLEAR, "Mq", PRIVILEGED);
        t.row("F3 0F C7 /6 mem", VMXON, "Mq", PRIVILEGED);
        t.row("0F C7 /7 mem", VMPTRST, "Mq", PRIVILEGED);
        t.row("0F C7 /6 reg", RDRAND, "Rv");
        t.row("F3 0F C7 /6 reg", SENDUIPI, "Rq", O64);
        t.row("0F C7 /7 reg", RDSEED, "Rv");
        t.row("F3 0F C7 /7 reg", RDPID, "Rd", I64);
        t.row("F3 0F C7 /7 reg", RDPID, "Rq", O64);
    }

    /** An SSE arithmetic opcode with its four prefix columns: ps, pd, ss, sd. */
    private static void sse(TableBuilder t, String opcode, Mnemonic ps, Mnemonic pd, Mnemonic ss, Mnemonic sd) {
        t.row("NP 0F " + opcode + " /r", ps, "Vps,Wps");
        t.row("66 0F " + opcode + " /r", pd, "Vpd,Wpd");
        t.row("F3 0F " + opcode + " /r", ss, "Vss,Wss");
        t.row("F2 0F " + opcode + " /r", sd, "Vsd,Wsd");
    }

    /** An MMX opcode (NP, Pq,Qq) with its SSE2 form (66, Vx,Wx), as the SDM lists most of 0F 60-FE. */
    private static void mmx(TableBuilder t, String opcode, Mnemonic mnemonic) {
        t.row("NP 0F " + opcode + " /r", mnemonic, "Pq,Qq");
        t.row("66 0F " + opcode + " /r", mnemonic, "Vx,Wx");
    }

    /** A shift-by-immediate of groups 12-14: the MMX form (NP) and the SSE2 form (66). */
    private static void shiftGroup(TableBuilder t, String opcode, int reg, Mnemonic mnemonic) {
        t.row("NP 0F " + opcode + " /" + reg + " reg", mnemonic, "Nq,Ib");
        t.row("66 0F " + opcode + " /" + reg + " reg", mnemonic, "Ux,Ib");
    }
}
