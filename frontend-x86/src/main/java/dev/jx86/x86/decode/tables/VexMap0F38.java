package dev.jx86.x86.decode.tables;

import static dev.jx86.x86.decode.Attribute.*;
import static dev.jx86.x86.decode.Mnemonic.*;

/**
 * VEX map 2 (implied 0F 38): SSSE3/SSE4 VEX forms, AVX2, FMA3, F16C, gathers, AES/VAES, GFNI,
 * AVX-VNNI, AVX-IFMA, AVX-VNNI-INT8, AVX-NE-CONVERT, CMPccXADD, AMX and the BMI1/BMI2
 * general-register instructions, rows in the order of the Intel SDM's opcode table A-4. Departures
 * from the SDM:
 * <ul>
 *   <li>a row without an L field covers both VEX.128 and VEX.256;
 *   <li>the widening moves (VPMOVSX/ZX) and VCVTPH2PS are split by L with explicit source sizes;
 *   <li>the gathers' memory operand is written as on the SDM's instruction pages (vm32x...) with the
 *       element type after a colon (vm32x:q for VGATHERDPD);
 *   <li>LDTILECFG/STTILECFG take any ModRM.reg and TILEZERO any ModRM.rm (the SDM has /0 and
 *       11:rrr:000), as objdump decodes them.
 * </ul>
 */
final class VexMap0F38 {
    private VexMap0F38() {}

    static void addTo(TableBuilder t) {
        t.row("VEX.66.0F38.WIG 00 /r", VPSHUFB, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 01 /r", VPHADDW, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 02 /r", VPHADDD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 03 /r", VPHADDSW, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 04 /r", VPMADDUBSW, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 05 /r", VPHSUBW, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 06 /r", VPHSUBD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 07 /r", VPHSUBSW, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 08 /r", VPSIGNB, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 09 /r", VPSIGNW, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 0A /r", VPSIGND, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 0B /r", VPMULHRSW, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 0C /r", VPERMILPS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 0D /r", VPERMILPD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 0E /r", VTESTPS, "Vx,Wx");
        t.row("VEX.66.0F38.W0 0F /r", VTESTPD, "Vx,Wx");

        t.row("VEX.128.66.0F38.W0 13 /r", VCVTPH2PS, "Vdq,Wq");
        t.row("VEX.256.66.0F38.W0 13 /r", VCVTPH2PS, "Vqq,Wdq");
        t.row("VEX.256.66.0F38.W0 16 /r", VPERMPS, "Vqq,Hqq,Wqq");
        t.row("VEX.66.0F38.WIG 17 /r", VPTEST, "Vx,Wx");
        t.row("VEX.66.0F38.W0 18 /r", VBROADCASTSS, "Vx,Wd");
        t.row("VEX.256.66.0F38.W0 19 /r", VBROADCASTSD, "Vqq,Wq");
        t.row("VEX.256.66.0F38.W0 1A /r mem", VBROADCASTF128, "Vqq,Mdq");
        t.row("VEX.66.0F38.WIG 1C /r", VPABSB, "Vx,Wx");
        t.row("VEX.66.0F38.WIG 1D /r", VPABSW, "Vx,Wx");
        t.row("VEX.66.0F38.WIG 1E /r", VPABSD, "Vx,Wx");

        t.row("VEX.128.66.0F38.WIG 20 /r", VPMOVSXBW, "Vdq,Wq");
        t.row("VEX.256.66.0F38.WIG 20 /r", VPMOVSXBW, "Vqq,Wdq");
        t.row("VEX.128.66.0F38.WIG 21 /r", VPMOVSXBD, "Vdq,Wd");
        t.row("VEX.256.66.0F38.WIG 21 /r", VPMOVSXBD, "Vqq,Wq");
        t.row("VEX.128.66.0F38.WIG 22 /r", VPMOVSXBQ, "Vdq,Ww");
        t.row("VEX.256.66.0F38.WIG 22 /r", VPMOVSXBQ, "Vqq,Wd");
        t.row("VEX.128.66.0F38.WIG 23 /r", VPMOVSXWD, "Vdq,Wq");
        t.row("VEX.256.66.0F38.WIG 23 /r", VPMOVSXWD, "Vqq,Wdq");
        t.row("VEX.128.66.0F38.WIG 24 /r", VPMOVSXWQ, "Vdq,Wd");
        t.row("VEX.256.66.0F38.WIG 24 /r", VPMOVSXWQ, "Vqq,Wq");
        t.row("VEX.128.66.0F38.WIG 25 /r", VPMOVSXDQ, "Vdq,Wq");
        t.row("VEX.256.66.0F38.WIG 25 /r", VPMOVSXDQ, "Vqq,Wdq");
        t.row("VEX.66.0F38.WIG 28 /r", VPMULDQ, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 29 /r", VPCMPEQQ, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 2A /r mem", VMOVNTDQA, "Vx,Mx");
        t.row("VEX.66.0F38.WIG 2B /r", VPACKUSDW, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 2C /r mem", VMASKMOVPS, "Vx,Hx,Mx");
        t.row("VEX.66.0F38.W0 2D /r mem", VMASKMOVPD, "Vx,Hx,Mx");
        t.row("VEX.66.0F38.W0 2E /r mem", VMASKMOVPS, "Mx,Hx,Vx");
        t.row("VEX.66.0F38.W0 2F /r mem", VMASKMOVPD, "Mx,Hx,Vx");

        t.row("VEX.128.66.0F38.WIG 30 /r", VPMOVZXBW, "Vdq,Wq");
        t.row("VEX.256.66.0F38.WIG 30 /r", VPMOVZXBW, "Vqq,Wdq");
        t.row("VEX.128.66.0F38.WIG 31 /r", VPMOVZXBD, "Vdq,Wd");
        t.row("VEX.256.66.0F38.WIG 31 /r", VPMOVZXBD, "Vqq,Wq");
        t.row("VEX.128.66.0F38.WIG 32 /r", VPMOVZXBQ, "Vdq,Ww");
        t.row("VEX.256.66.0F38.WIG 32 /r", VPMOVZXBQ, "Vqq,Wd");
        t.row("VEX.128.66.0F38.WIG 33 /r", VPMOVZXWD, "Vdq,Wq");
        t.row("VEX.256.66.0F38.WIG 33 /r", VPMOVZXWD, "Vqq,Wdq");
        t.row("VEX.128.66.0F38.WIG 34 /r", VPMOVZXWQ, "Vdq,Wd");
        t.row("VEX.256.66.0F38.WIG 34 /r", VPMOVZXWQ, "Vqq,Wq");
        t.row("VEX.128.66.0F38.WIG 35 /r", VPMOVZXDQ, "Vdq,Wq");
        t.row("VEX.256.66.0F38.WIG 35 /r", VPMOVZXDQ, "Vqq,Wdq");
        t.row("VEX.256.66.0F38.W0 36 /r", VPERMD, "Vqq,Hqq,Wqq");
        t.row("VEX.66.0F38.WIG 37 /r", VPCMPGTQ, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 38 /r", VPMINSB, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 39 /r", VPMINSD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 3A /r", VPMINUW, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 3B /r", VPMINUD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 3C /r", VPMAXSB, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 3D /r", VPMAXSD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 3E /r", VPMAXUW, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG 3F /r", VPMAXUD, "Vx,Hx,Wx");

        t.row("VEX.66.0F38.WIG 40 /r", VPMULLD, "Vx,Hx,Wx");
        t.row("VEX.128.66.0F38.WIG 41 /r", VPHMINPOSUW, "Vdq,Wdq");
        t.row("VEX.66.0F38.W0 45 /r", VPSRLVD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 45 /r", VPSRLVQ, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 46 /r", VPSRAVD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 47 /r", VPSLLVD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 47 /r", VPSLLVQ, "Vx,Hx,Wx");

        t.row("VEX.128.0F38.W0 49 /r mem", LDTILECFG, "M", O64);
        t.row("VEX.128.66.0F38.W0 49 /r mem", STTILECFG, "M", O64);
        t.row("VEX.128.0F38.W0 49 C0", TILERELEASE, "", O64);
        t.row("VEX.128.F2.0F38.W0 49 /r reg", TILEZERO, "TG", O64);
        t.row("VEX.128.F2.0F38.W0 4B /r mem", TILELOADD, "TG,Msib", O64);
        t.row("VEX.128.66.0F38.W0 4B /r mem", TILELOADDT1, "TG,Msib", O64);
        t.row("VEX.128.F3.0F38.W0 4B /r mem", TILESTORED, "Msib,TG", O64);

        t.row("VEX.0F38.W0 50 /r", VPDPBUUD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 50 /r", VPDPBUSD, "Vx,Hx,Wx");
        t.row("VEX.F3.0F38.W0 50 /r", VPDPBSUD, "Vx,Hx,Wx");
        t.row("VEX.F2.0F38.W0 50 /r", VPDPBSSD, "Vx,Hx,Wx");
        t.row("VEX.0F38.W0 51 /r", VPDPBUUDS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 51 /r", VPDPBUSDS, "Vx,Hx,Wx");
        t.row("VEX.F3.0F38.W0 51 /r", VPDPBSUDS, "Vx,Hx,Wx");
        t.row("VEX.F2.0F38.W0 51 /r", VPDPBSSDS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 52 /r", VPDPWSSD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 53 /r", VPDPWSSDS, "Vx,Hx,Wx");
        t.row("VEX.128.F3.0F38.W0 5C /r reg", TDPBF16PS, "TG,TR,TH", O64);
        t.row("VEX.128.F2.0F38.W0 5C /r reg", TDPFP16PS, "TG,TR,TH", O64);
        t.row("VEX.128.0F38.W0 5E /r reg", TDPBUUD, "TG,TR,TH", O64);
        t.row("VEX.128.66.0F38.W0 5E /r reg", TDPBUSD, "TG,TR,TH", O64);
        t.row("VEX.128.F3.0F38.W0 5E /r reg", TDPBSUD, "TG,TR,TH", O64);
        t.row("VEX.128.F2.0F38.W0 5E /r reg", TDPBSSD, "TG,TR,TH", O64);
        t.row("VEX.66.0F38.W0 58 /r", VPBROADCASTD, "Vx,Wd");
        t.row("VEX.66.0F38.W0 59 /r", VPBROADCASTQ, "Vx,Wq");
        t.row("VEX.256.66.0F38.W0 5A /r mem", VBROADCASTI128, "Vqq,Mdq");

        t.row("VEX.128.F3.0F38.W0 72 /r", VCVTNEPS2BF16, "Vdq,Wdq");
        t.row("VEX.256.F3.0F38.W0 72 /r", VCVTNEPS2BF16, "Vdq,Wqq");

        t.row("VEX.66.0F38.W0 78 /r", VPBROADCASTB, "Vx,Wb");
        t.row("VEX.66.0F38.W0 79 /r", VPBROADCASTW, "Vx,Ww");

        t.row("VEX.66.0F38.W0 8C /r mem", VPMASKMOVD, "Vx,Hx,Mx");
        t.row("VEX.66.0F38.W1 8C /r mem", VPMASKMOVQ, "Vx,Hx,Mx");
        t.row("VEX.66.0F38.W0 8E /r mem", VPMASKMOVD, "Mx,Hx,Vx");
        t.row("VEX.66.0F38.W1 8E /r mem", VPMASKMOVQ, "Mx,Hx,Vx");

        t.row("VEX.128.66.0F38.W0 90 /r", VPGATHERDD, "Vdq,vm32x:d,Hdq");
        t.row("VEX.256.66.0F38.W0 90 /r", VPGATHERDD, "Vqq,vm32y:d,Hqq");
        t.row("VEX.128.66.0F38.W1 90 /r", VPGATHERDQ, "Vdq,vm32x:q,Hdq");
        t.row("VEX.256.66.0F38.W1 90 /r", VPGATHERDQ, "Vqq,vm32x:q,Hqq");
        t.row("VEX.128.66.0F38.W0 91 /r", VPGATHERQD, "Vdq,vm64x:d,Hdq");
        t.row("VEX.256.66.0F38.W0 91 /r", VPGATHERQD, "Vdq,vm64y:d,Hdq");
        t.row("VEX.128.66.0F38.W1 91 /r", VPGATHERQQ, "Vdq,vm64x:q,Hdq");
        t.row("VEX.256.66.0F38.W1 91 /r", VPGATHERQQ, "Vqq,vm64y:q,Hqq");
        t.row("VEX.128.66.0F38.W0 92 /r", VGATHERDPS, "Vdq,vm32x:d,Hdq");
        t.row("VEX.256.66.0F38.W0 92 /r", VGATHERDPS, "Vqq,vm32y:d,Hqq");
        t.row("VEX.128.66.0F38.W1 92 /r", VGATHERDPD, "Vdq,vm32x:q,Hdq");
        t.row("VEX.256.66.0F38.W1 92 /r", VGATHERDPD, "Vqq,vm32x:q,Hqq");
        t.row("VEX.128.66.0F38.W0 93 /r", VGATHERQPS, "Vdq,vm64x:d,Hdq");
        t.row("VEX.256.66.0F38.W0 93 /r", VGATHERQPS, "Vdq,vm64y:d,Hdq");
        t.row("VEX.128.66.0F38.W1 93 /r", VGATHERQPD, "Vdq,vm64x:q,Hdq");
        t.row("VEX.256.66.0F38.W1 93 /r", VGATHERQPD, "Vqq,vm64y:q,Hqq");
        t.row("VEX.66.0F38.W0 96 /r", VFMADDSUB132PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 96 /r", VFMADDSUB132PD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 97 /r", VFMSUBADD132PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 97 /r", VFMSUBADD132PD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 98 /r", VFMADD132PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 98 /r", VFMADD132PD, "Vx,Hx,Wx");
        t.row("VEX.LIG.66.0F38.W0 99 /r", VFMADD132SS, "Vss,Hss,Wss");
        t.row("VEX.LIG.66.0F38.W1 99 /r", VFMADD132SD, "Vsd,Hsd,Wsd");
        t.row("VEX.66.0F38.W0 9A /r", VFMSUB132PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 9A /r", VFMSUB132PD, "Vx,Hx,Wx");
        t.row("VEX.LIG.66.0F38.W0 9B /r", VFMSUB132SS, "Vss,Hss,Wss");
        t.row("VEX.LIG.66.0F38.W1 9B /r", VFMSUB132SD, "Vsd,Hsd,Wsd");
        t.row("VEX.66.0F38.W0 9C /r", VFNMADD132PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 9C /r", VFNMADD132PD, "Vx,Hx,Wx");
        t.row("VEX.LIG.66.0F38.W0 9D /r", VFNMADD132SS, "Vss,Hss,Wss");
        t.row("VEX.LIG.66.0F38.W1 9D /r", VFNMADD132SD, "Vsd,Hsd,Wsd");
        t.row("VEX.66.0F38.W0 9E /r", VFNMSUB132PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 9E /r", VFNMSUB132PD, "Vx,Hx,Wx");
        t.row("VEX.LIG.66.0F38.W0 9F /r", VFNMSUB132SS, "Vss,Hss,Wss");
        t.row("VEX.LIG.66.0F38.W1 9F /r", VFNMSUB132SD, "Vsd,Hsd,Wsd");

        t.row("VEX.66.0F38.W0 A6 /r", VFMADDSUB213PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 A6 /r", VFMADDSUB213PD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 A7 /r", VFMSUBADD213PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 A7 /r", VFMSUBADD213PD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 A8 /r", VFMADD213PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 A8 /r", VFMADD213PD, "Vx,Hx,Wx");
        t.row("VEX.LIG.66.0F38.W0 A9 /r", VFMADD213SS, "Vss,Hss,Wss");
        t.row("VEX.LIG.66.0F38.W1 A9 /r", VFMADD213SD, "Vsd,Hsd,Wsd");
        t.row("VEX.66.0F38.W0 AA /r", VFMSUB213PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 AA /r", VFMSUB213PD, "Vx,Hx,Wx");
        t.row("VEX.LIG.66.0F38.W0 AB /r", VFMSUB213SS, "Vss,Hss,Wss");
        t.row("VEX.LIG.66.0F38.W1 AB /r", VFMSUB213SD, "Vsd,Hsd,Wsd");
        t.row("VEX.66.0F38.W0 AC /r", VFNMADD213PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 AC /r", VFNMADD213PD, "Vx,Hx,Wx");
        t.row("VEX.LIG.66.0F38.W0 AD /r", VFNMADD213SS, "Vss,Hss,Wss");
        t.row("VEX.LIG.66.0F38.W1 AD /r", VFNMADD213SD, "Vsd,Hsd,Wsd");
        t.row("VEX.66.0F38.W0 AE /r", VFNMSUB213PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 AE /r", VFNMSUB213PD, "Vx,Hx,Wx");
        t.row("VEX.LIG.66.0F38.W0 AF /r", VFNMSUB213SS, "Vss,Hss,Wss");
        t.row("VEX.LIG.66.0F38.W1 AF /r", VFNMSUB213SD, "Vsd,Hsd,Wsd");

        t.row("VEX.0F38.W0 B0 /r mem", VCVTNEOPH2PS, "Vx,Mx");
        t.row("VEX.66.0F38.W0 B0 /r mem", VCVTNEEPH2PS, "Vx,Mx");
        t.row("VEX.F3.0F38.W0 B0 /r mem", VCVTNEEBF162PS, "Vx,Mx");
        t.row("VEX.F2.0F38.W0 B0 /r mem", VCVTNEOBF162PS, "Vx,Mx");
        t.row("VEX.66.0F38.W0 B1 /r mem", VBCSTNESH2PS, "Vx,Mw");
        t.row("VEX.F3.0F38.W0 B1 /r mem", VBCSTNEBF162PS, "Vx,Mw");
        t.row("VEX.66.0F38.W1 B4 /r", VPMADD52LUQ, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 B5 /r", VPMADD52HUQ, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 B6 /r", VFMADDSUB231PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 B6 /r", VFMADDSUB231PD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 B7 /r", VFMSUBADD231PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 B7 /r", VFMSUBADD231PD, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W0 B8 /r", VFMADD231PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 B8 /r", VFMADD231PD, "Vx,Hx,Wx");
        t.row("VEX.LIG.66.0F38.W0 B9 /r", VFMADD231SS, "Vss,Hss,Wss");
        t.row("VEX.LIG.66.0F38.W1 B9 /r", VFMADD231SD, "Vsd,Hsd,Wsd");
        t.row("VEX.66.0F38.W0 BA /r", VFMSUB231PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 BA /r", VFMSUB231PD, "Vx,Hx,Wx");
        t.row("VEX.LIG.66.0F38.W0 BB /r", VFMSUB231SS, "Vss,Hss,Wss");
        t.row("VEX.LIG.66.0F38.W1 BB /r", VFMSUB231SD, "Vsd,Hsd,Wsd");
        t.row("VEX.66.0F38.W0 BC /r", VFNMADD231PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 BC /r", VFNMADD231PD, "Vx,Hx,Wx");
        t.row("VEX.LIG.66.0F38.W0 BD /r", VFNMADD231SS, "Vss,Hss,Wss");
        t.row("VEX.LIG.66.0F38.W1 BD /r", VFNMADD231SD, "Vsd,Hsd,Wsd");
        t.row("VEX.66.0F38.W0 BE /r", VFNMSUB231PS, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.W1 BE /r", VFNMSUB231PD, "Vx,Hx,Wx");
        t.row("VEX.LIG.66.0F38.W0 BF /r", VFNMSUB231SS, "Vss,Hss,Wss");
        t.row("VEX.LIG.66.0F38.W1 BF /r", VFNMSUB231SD, "Vsd,Hsd,Wsd");

        t.row("VEX.66.0F38.W0 CF /r", VGF2P8MULB, "Vx,Hx,Wx");

        t.row("VEX.128.66.0F38.WIG DB /r", VAESIMC, "Vdq,Wdq");
        t.row("VEX.66.0F38.WIG DC /r", VAESENC, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG DD /r", VAESENCLAST, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG DE /r", VAESDEC, "Vx,Hx,Wx");
        t.row("VEX.66.0F38.WIG DF /r", VAESDECLAST, "Vx,Hx,Wx");

        t.row("VEX.128.66.0F38 E0 /r mem", CMPOXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 E1 /r mem", CMPNOXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 E2 /r mem", CMPBXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 E3 /r mem", CMPNBXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 E4 /r mem", CMPZXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 E5 /r mem", CMPNZXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 E6 /r mem", CMPBEXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 E7 /r mem", CMPNBEXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 E8 /r mem", CMPSXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 E9 /r mem", CMPNSXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 EA /r mem", CMPPXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 EB /r mem", CMPNPXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 EC /r mem", CMPLXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 ED /r mem", CMPNLXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 EE /r mem", CMPLEXADD, "My,Gy,By", O64);
        t.row("VEX.128.66.0F38 EF /r mem", CMPNLEXADD, "My,Gy,By", O64);

        t.row("VEX.LZ.0F38 F2 /r", ANDN, "Gy,By,Ey");
        t.row("VEX.LZ.0F38 F3 /1", BLSR, "By,Ey");
        t.row("VEX.LZ.0F38 F3 /2", BLSMSK, "By,Ey");
        t.row("VEX.LZ.0F38 F3 /3", BLSI, "By,Ey");
        t.row("VEX.LZ.0F38 F5 /r", BZHI, "Gy,Ey,By");
        t.row("VEX.LZ.F3.0F38 F5 /r", PEXT, "Gy,By,Ey");
        t.row("VEX.LZ.F2.0F38 F5 /r", PDEP, "Gy,By,Ey");
        t.row("VEX.LZ.F2.0F38 F6 /r", MULX, "Gy,By,Ey");
        t.row("VEX.LZ.0F38 F7 /r", BEXTR, "Gy,Ey,By");
        t.row("VEX.LZ.66.0F38 F7 /r", SHLX, "Gy,Ey,By");
        t.row("VEX.LZ.F3.0F38 F7 /r", SARX, "Gy,Ey,By");
        t.row("VEX.LZ.F2.0F38 F7 /r", SHRX, "Gy,Ey,By");
    }
}
