package dev.jx86.x86.decode.tables;

import static dev.jx86.x86.decode.Attribute.*;
import static dev.jx86.x86.decode.Mnemonic.*;

/**
 * VEX map 3 (implied 0F 3A): SSE4 VEX forms with an immediate, AVX/AVX2 lane permutes and
 * inserts/extracts, F16C's VCVTPS2PH, the is4 blends, AMD's FMA4, GFNI, the opmask shifts and RORX,
 * rows in the order of the Intel SDM's opcode table A-5. Departures from the SDM:
 * <ul>
 *   <li>a row without an L field covers both VEX.128 and VEX.256;
 *   <li>VCVTPS2PH is split by L with explicit destination sizes;
 *   <li>VPCMPESTRI/M with VEX.W1 in 64-bit mode are named VPCMPESTRIQ/MQ as objdump does (W1 makes
 *       the lengths in RAX/RDX 64-bit);
 *   <li>AMD's VPERMIL2PS/PD take their selector from the low bits of the is4 byte; in them and in
 *       FMA4, VEX.W swaps which source is in ModRM.rm and which in the is4 byte.
 * </ul>
 */
final class VexMap0F3A {
    private VexMap0F3A() {}

    static void addTo(TableBuilder t) {
        t.row("VEX.256.66.0F3A.W1 00 /r", VPERMQ, "Vqq,Wqq,Ib");
        t.row("VEX.256.66.0F3A.W1 01 /r", VPERMPD, "Vqq,Wqq,Ib");
        t.row("VEX.66.0F3A.W0 02 /r", VPBLENDD, "Vx,Hx,Wx,Ib");
        t.row("VEX.66.0F3A.W0 04 /r", VPERMILPS, "Vx,Wx,Ib");
        t.row("VEX.66.0F3A.W0 05 /r", VPERMILPD, "Vx,Wx,Ib");
        t.row("VEX.256.66.0F3A.W0 06 /r", VPERM2F128, "Vqq,Hqq,Wqq,Ib");
        t.row("VEX.66.0F3A.WIG 08 /r", VROUNDPS, "Vx,Wx,Ib");
        t.row("VEX.66.0F3A.WIG 09 /r", VROUNDPD, "Vx,Wx,Ib");
        t.row("VEX.LIG.66.0F3A.WIG 0A /r", VROUNDSS, "Vss,Hss,Wss,Ib");
        t.row("VEX.LIG.66.0F3A.WIG 0B /r", VROUNDSD, "Vsd,Hsd,Wsd,Ib");
        t.row("VEX.66.0F3A.WIG 0C /r", VBLENDPS, "Vx,Hx,Wx,Ib");
        t.row("VEX.66.0F3A.WIG 0D /r", VBLENDPD, "Vx,Hx,Wx,Ib");
        t.row("VEX.66.0F3A.WIG 0E /r", VPBLENDW, "Vx,Hx,Wx,Ib");
        t.row("VEX.66.0F3A.WIG 0F /r", VPALIGNR, "Vx,Hx,Wx,Ib");

        t.row("VEX.128.66.0F3A.WIG 14 /r", VPEXTRB, "Rd/Mb,Vdq,Ib");
        t.row("VEX.128.66.0F3A.WIG 15 /r", VPEXTRW, "Rd/Mw,Vdq,Ib");
        t.row("VEX.128.66.0F3A.W0 16 /r", VPEXTRD, "Ey,Vdq,Ib");
        t.row("VEX.128.66.0F3A.W1 16 /r", VPEXTRQ, "Ey,Vdq,Ib", O64);
        t.row("VEX.128.66.0F3A.W1 16 /r", VPEXTRD, "Ey,Vdq,Ib", I64);
        t.row("VEX.128.66.0F3A.WIG 17 /r", VEXTRACTPS, "Ed,Vdq,Ib");
        t.row("VEX.256.66.0F3A.W0 18 /r", VINSERTF128, "Vqq,Hqq,Wdq,Ib");
        t.row("VEX.256.66.0F3A.W0 19 /r", VEXTRACTF128, "Wdq,Vqq,Ib");
        t.row("VEX.128.66.0F3A.W0 1D /r", VCVTPS2PH, "Wq,Vdq,Ib");
        t.row("VEX.256.66.0F3A.W0 1D /r", VCVTPS2PH, "Wdq,Vqq,Ib");

        t.row("VEX.128.66.0F3A.WIG 20 /r", VPINSRB, "Vdq,Hdq,Rd/Mb,Ib");
        t.row("VEX.128.66.0F3A.WIG 21 /r", VINSERTPS, "Vdq,Hdq,Udq/Md,Ib");
        t.row("VEX.128.66.0F3A.W0 22 /r", VPINSRD, "Vdq,Hdq,Ey,Ib");
        t.row("VEX.128.66.0F3A.W1 22 /r", VPINSRQ, "Vdq,Hdq,Ey,Ib", O64);
        t.row("VEX.128.66.0F3A.W1 22 /r", VPINSRD, "Vdq,Hdq,Ey,Ib", I64);

        t.row("VEX.L0.66.0F3A.W0 30 /r reg", KSHIFTRB, "KGb,KRb,Ib");
        t.row("VEX.L0.66.0F3A.W1 30 /r reg", KSHIFTRW, "KGw,KRw,Ib");
        t.row("VEX.L0.66.0F3A.W0 31 /r reg", KSHIFTRD, "KGd,KRd,Ib");
        t.row("VEX.L0.66.0F3A.W1 31 /r reg", KSHIFTRQ, "KGq,KRq,Ib");
        t.row("VEX.L0.66.0F3A.W0 32 /r reg", KSHIFTLB, "KGb,KRb,Ib");
        t.row("VEX.L0.66.0F3A.W1 32 /r reg", KSHIFTLW, "KGw,KRw,Ib");
        t.row("VEX.L0.66.0F3A.W0 33 /r reg", KSHIFTLD, "KGd,KRd,Ib");
        t.row("VEX.L0.66.0F3A.W1 33 /r reg", KSHIFTLQ, "KGq,KRq,Ib");
        t.row("VEX.256.66.0F3A.W0 38 /r", VINSERTI128, "Vqq,Hqq,Wdq,Ib");
        t.row("VEX.256.66.0F3A.W0 39 /r", VEXTRACTI128, "Wdq,Vqq,Ib");

        t.row("VEX.66.0F3A.WIG 40 /r", VDPPS, "Vx,Hx,Wx,Ib");
        t.row("VEX.128.66.0F3A.WIG 41 /r", VDPPD, "Vdq,Hdq,Wdq,Ib");
        t.row("VEX.66.0F3A.WIG 42 /r", VMPSADBW, "Vx,Hx,Wx,Ib");
        t.row("VEX.66.0F3A.WIG 44 /r", VPCLMULQDQ, "Vx,Hx,Wx,Ib");
        t.row("VEX.256.66.0F3A.W0 46 /r", VPERM2I128, "Vqq,Hqq,Wqq,Ib");
        t.row("VEX.66.0F3A.W0 48 /r", VPERMIL2PS, "Vx,Hx,Wx,Lx,I4");
        t.row("VEX.66.0F3A.W1 48 /r", VPERMIL2PS, "Vx,Hx,Lx,Wx,I4");
        t.row("VEX.66.0F3A.W0 49 /r", VPERMIL2PD, "Vx,Hx,Wx,Lx,I4");
        t.row("VEX.66.0F3A.W1 49 /r", VPERMIL2PD, "Vx,Hx,Lx,Wx,I4");
        t.row("VEX.66.0F3A.W0 4A /r", VBLENDVPS, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W0 4B /r", VBLENDVPD, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W0 4C /r", VPBLENDVB, "Vx,Hx,Wx,Lx");

        t.row("VEX.66.0F3A.W0 5C /r", VFMADDSUBPS, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W1 5C /r", VFMADDSUBPS, "Vx,Hx,Lx,Wx");
        t.row("VEX.66.0F3A.W0 5D /r", VFMADDSUBPD, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W1 5D /r", VFMADDSUBPD, "Vx,Hx,Lx,Wx");
        t.row("VEX.66.0F3A.W0 5E /r", VFMSUBADDPS, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W1 5E /r", VFMSUBADDPS, "Vx,Hx,Lx,Wx");
        t.row("VEX.66.0F3A.W0 5F /r", VFMSUBADDPD, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W1 5F /r", VFMSUBADDPD, "Vx,Hx,Lx,Wx");

        t.row("VEX.128.66.0F3A.W0 60 /r", VPCMPESTRM, "Vdq,Wdq,Ib");
        t.row("VEX.128.66.0F3A.W1 60 /r", VPCMPESTRMQ, "Vdq,Wdq,Ib", O64);
        t.row("VEX.128.66.0F3A.W1 60 /r", VPCMPESTRM, "Vdq,Wdq,Ib", I64);
        t.row("VEX.128.66.0F3A.W0 61 /r", VPCMPESTRI, "Vdq,Wdq,Ib");
        t.row("VEX.128.66.0F3A.W1 61 /r", VPCMPESTRIQ, "Vdq,Wdq,Ib", O64);
        t.row("VEX.128.66.0F3A.W1 61 /r", VPCMPESTRI, "Vdq,Wdq,Ib", I64);
        t.row("VEX.128.66.0F3A.WIG 62 /r", VPCMPISTRM, "Vdq,Wdq,Ib");
        t.row("VEX.128.66.0F3A.WIG 63 /r", VPCMPISTRI, "Vdq,Wdq,Ib");

        t.row("VEX.66.0F3A.W0 68 /r", VFMADDPS, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W1 68 /r", VFMADDPS, "Vx,Hx,Lx,Wx");
        t.row("VEX.66.0F3A.W0 69 /r", VFMADDPD, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W1 69 /r", VFMADDPD, "Vx,Hx,Lx,Wx");
        t.row("VEX.LIG.66.0F3A.W0 6A /r", VFMADDSS, "Vss,Hss,Wss,Lss");
        t.row("VEX.LIG.66.0F3A.W1 6A /r", VFMADDSS, "Vss,Hss,Lss,Wss");
        t.row("VEX.LIG.66.0F3A.W0 6B /r", VFMADDSD, "Vsd,Hsd,Wsd,Lsd");
        t.row("VEX.LIG.66.0F3A.W1 6B /r", VFMADDSD, "Vsd,Hsd,Lsd,Wsd");
        t.row("VEX.66.0F3A.W0 6C /r", VFMSUBPS, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W1 6C /r", VFMSUBPS, "Vx,Hx,Lx,Wx");
        t.row("VEX.66.0F3A.W0 6D /r", VFMSUBPD, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W1 6D /r", VFMSUBPD, "Vx,Hx,Lx,Wx");
        t.row("VEX.LIG.66.0F3A.W0 6E /r", VFMSUBSS, "Vss,Hss,Wss,Lss");
        t.row("VEX.LIG.66.0F3A.W1 6E /r", VFMSUBSS, "Vss,Hss,Lss,Wss");
        t.row("VEX.LIG.66.0F3A.W0 6F /r", VFMSUBSD, "Vsd,Hsd,Wsd,Lsd");
        t.row("VEX.LIG.66.0F3A.W1 6F /r", VFMSUBSD, "Vsd,Hsd,Lsd,Wsd");

        t.row("VEX.66.0F3A.W0 78 /r", VFNMADDPS, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W1 78 /r", VFNMADDPS, "Vx,Hx,Lx,Wx");
        t.row("VEX.66.0F3A.W0 79 /r", VFNMADDPD, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W1 79 /r", VFNMADDPD, "Vx,Hx,Lx,Wx");
        t.row("VEX.LIG.66.0F3A.W0 7A /r", VFNMADDSS, "Vss,Hss,Wss,Lss");
        t.row("VEX.LIG.66.0F3A.W1 7A /r", VFNMADDSS, "Vss,Hss,Lss,Wss");
        t.row("VEX.LIG.66.0F3A.W0 7B /r", VFNMADDSD, "Vsd,Hsd,Wsd,Lsd");
        t.row("VEX.LIG.66.0F3A.W1 7B /r", VFNMADDSD, "Vsd,Hsd,Lsd,Wsd");
        t.row("VEX.66.0F3A.W0 7C /r", VFNMSUBPS, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W1 7C /r", VFNMSUBPS, "Vx,Hx,Lx,Wx");
        t.row("VEX.66.0F3A.W0 7D /r", VFNMSUBPD, "Vx,Hx,Wx,Lx");
        t.row("VEX.66.0F3A.W1 7D /r", VFNMSUBPD, "Vx,Hx,Lx,Wx");
        t.row("VEX.LIG.66.0F3A.W0 7E /r", VFNMSUBSS, "Vss,Hss,Wss,Lss");
        t.row("VEX.LIG.66.0F3A.W1 7E /r", VFNMSUBSS, "Vss,Hss,Lss,Wss");
        t.row("VEX.LIG.66.0F3A.W0 7F /r", VFNMSUBSD, "Vsd,Hsd,Wsd,Lsd");
        t.row("VEX.LIG.66.0F3A.W1 7F /r", VFNMSUBSD, "Vsd,Hsd,Lsd,Wsd");

        t.row("VEX.66.0F3A.W1 CE /r", VGF2P8AFFINEQB, "Vx,Hx,Wx,Ib");
        t.row("VEX.66.0F3A.W1 CF /r", VGF2P8AFFINEINVQB, "Vx,Hx,Wx,Ib");
        t.row("VEX.128.66.0F3A.WIG DF /r", VAESKEYGENASSIST, "Vdq,Wdq,Ib");

        t.row("VEX.LZ.F2.0F3A F0 /r", RORX, "Gy,Ey,Ib");
    }
}
