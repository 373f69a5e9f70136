package dev.jx86.x86.decode.tables;

import static dev.jx86.x86.decode.Mnemonic.*;

/**
 * The three-byte opcode map 0F 3A xx, legacy encodings: Intel SDM Vol. 2, Table A-5, rows in its order
 * (by opcode, then by prefix column: none, 66, F3).
 *
 * <p>Departures from the SDM, to decode as GNU objdump 2.40 does:
 *
 * <ul>
 *   <li>PEXTRD/PEXTRQ and PINSRD/PINSRQ, one SDM entry each ({@code Ey}), are two rows split on REX.W,
 *       as the mnemonic changes with it.
 *   <li>PCMPESTRM and PCMPESTRI with REX.W (64-bit lengths in RAX and RDX) are rows of their own,
 *       objdump's {@code pcmpestrmq} and {@code pcmpestriq}.
 *   <li>PEXTRB, PEXTRW, EXTRACTPS and PINSRB name a 32-bit register ({@code Rd}) as objdump does; REX.W
 *       does not widen it.
 *   <li>HRESET (F3 0F 3A F0 C0 ib), from its own SDM page, is added at its opcode.
 * </ul>
 */
final class ThreeByte3AMap {
    private ThreeByte3AMap() {}

    static void addTo(TableBuilder t) {
        t.row("66 0F 3A 08 /r", ROUNDPS, "Vdq,Wdq,Ib");
        t.row("66 0F 3A 09 /r", ROUNDPD, "Vdq,Wdq,Ib");
        t.row("66 0F 3A 0A /r", ROUNDSS, "Vss,Wss,Ib");
        t.row("66 0F 3A 0B /r", ROUNDSD, "Vsd,Wsd,Ib");
        t.row("66 0F 3A 0C /r", BLENDPS, "Vdq,Wdq,Ib");
        t.row("66 0F 3A 0D /r", BLENDPD, "Vdq,Wdq,Ib");
        t.row("66 0F 3A 0E /r", PBLENDW, "Vdq,Wdq,Ib");
        t.row("NP 0F 3A 0F /r", PALIGNR, "Pq,Qq,Ib");
        t.row("66 0F 3A 0F /r", PALIGNR, "Vdq,Wdq,Ib");

        t.row("66 0F 3A 14 /r", PEXTRB, "Rd/Mb,Vdq,Ib");
        t.row("66 0F 3A 15 /r", PEXTRW, "Rd/Mw,Vdq,Ib");
        t.row("66 0F 3A 16 /r", PEXTRD, "Ed,Vdq,Ib");
        t.row("66 REX.W 0F 3A 16 /r", PEXTRQ, "Eq,Vdq,Ib");
        t.row("66 0F 3A 17 /r", EXTRACTPS, "Ed,Vdq,Ib");

        t.row("66 0F 3A 20 /r", PINSRB, "Vdq,Rd/Mb,Ib");
        t.row("66 0F 3A 21 /r", INSERTPS, "Vdq,Udq/Md,Ib");
        t.row("66 0F 3A 22 /r", PINSRD, "Vdq,Ed,Ib");
        t.row("66 REX.W 0F 3A 22 /r", PINSRQ, "Vdq,Eq,Ib");

        t.row("66 0F 3A 40 /r", DPPS, "Vdq,Wdq,Ib");
        t.row("66 0F 3A 41 /r", DPPD, "Vdq,Wdq,Ib");
        t.row("66 0F 3A 42 /r", MPSADBW, "Vdq,Wdq,Ib");
        t.row("66 0F 3A 44 /r", PCLMULQDQ, "Vdq,Wdq,Ib");

        t.row("66 0F 3A 60 /r", PCMPESTRM, "Vdq,Wdq,Ib");
        t.row("66 REX.W 0F 3A 60 /r", PCMPESTRMQ, "Vdq,Wdq,Ib");
        t.row("66 0F 3A 61 /r", PCMPESTRI, "Vdq,Wdq,Ib");
        t.row("66 REX.W 0F 3A 61 /r", PCMPESTRIQ, "Vdq,Wdq,Ib");
        t.row("66 0F 3A 62 /r", PCMPISTRM, "Vdq,Wdq,Ib");
        t.row("66 0F 3A 63 /r", PCMPISTRI, "Vdq,Wdq,Ib");

        t.row("NP 0F 3A CC /r", SHA1RNDS4, "Vdq,Wdq,Ib");
        t.row("66 0F 3A CE /r", GF2P8AFFINEQB, "Vdq,Wdq,Ib");
        t.row("66 0F 3A CF /r", GF2P8AFFINEINVQB, "Vdq,Wdq,Ib");
        t.row("66 0F 3A DF /r", AESKEYGENASSIST, "Vdq,Wdq,Ib");

        t.row("F3 0F 3A F0 C0", HRESET, "Ib");
    }
}
