package dev.jx86.x86.decode.tables;

import static dev.jx86.x86.decode.Mnemonic.PAVGUSB;
import static dev.jx86.x86.decode.Mnemonic.PF2ID;
import static dev.jx86.x86.decode.Mnemonic.PF2IW;
import static dev.jx86.x86.decode.Mnemonic.PFACC;
import static dev.jx86.x86.decode.Mnemonic.PFADD;
import static dev.jx86.x86.decode.Mnemonic.PFCMPEQ;
import static dev.jx86.x86.decode.Mnemonic.PFCMPGE;
import static dev.jx86.x86.decode.Mnemonic.PFCMPGT;
import static dev.jx86.x86.decode.Mnemonic.PFMAX;
import static dev.jx86.x86.decode.Mnemonic.PFMIN;
import static dev.jx86.x86.decode.Mnemonic.PFMUL;
import static dev.jx86.x86.decode.Mnemonic.PFNACC;
import static dev.jx86.x86.decode.Mnemonic.PFPNACC;
import static dev.jx86.x86.decode.Mnemonic.PFRCP;
import static dev.jx86.x86.decode.Mnemonic.PFRCPIT1;
import static dev.jx86.x86.decode.Mnemonic.PFRCPIT2;
import static dev.jx86.x86.decode.Mnemonic.PFRSQIT1;
import static dev.jx86.x86.decode.Mnemonic.PFRSQRT;
import static dev.jx86.x86.decode.Mnemonic.PFSUB;
import static dev.jx86.x86.decode.Mnemonic.PFSUBR;
import static dev.jx86.x86.decode.Mnemonic.PI2FD;
import static dev.jx86.x86.decode.Mnemonic.PI2FW;
import static dev.jx86.x86.decode.Mnemonic.PMULHRW;
import static dev.jx86.x86.decode.Mnemonic.PSWAPD;

/**
 * AMD 3DNow! and its extensions: 0F 0F /r with the opcode in the byte after the ModRM form (AMD64
 * APM Vol. 3, Appendix A, "3DNow! Opcodes"), rows in the order of that byte. Every other value of the
 * byte is undefined.
 *
 * <p>Not in the Intel SDM. Departure from objdump: with a 66 prefix objdump shows XMM registers
 * ({@code 66 0F 0F C1 0D}: pi2fd xmm0,xmm1); the prefix selects nothing here, so jx86 keeps the MMX
 * registers and shows it as an unused {@code data16}.
 */
final class ThreeDNowMap {
    private ThreeDNowMap() {}

    static void addTo(TableBuilder t) {
        t.row("0F 0F /r 0C", PI2FW, "Pq,Qq");
        t.row("0F 0F /r 0D", PI2FD, "Pq,Qq");
        t.row("0F 0F /r 1C", PF2IW, "Pq,Qq");
        t.row("0F 0F /r 1D", PF2ID, "Pq,Qq");
        t.row("0F 0F /r 8A", PFNACC, "Pq,Qq");
        t.row("0F 0F /r 8E", PFPNACC, "Pq,Qq");
        t.row("0F 0F /r 90", PFCMPGE, "Pq,Qq");
        t.row("0F 0F /r 94", PFMIN, "Pq,Qq");
        t.row("0F 0F /r 96", PFRCP, "Pq,Qq");
        t.row("0F 0F /r 97", PFRSQRT, "Pq,Qq");
        t.row("0F 0F /r 9A", PFSUB, "Pq,Qq");
        t.row("0F 0F /r 9E", PFADD, "Pq,Qq");
        t.row("0F 0F /r A0", PFCMPGT, "Pq,Qq");
        t.row("0F 0F /r A4", PFMAX, "Pq,Qq");
        t.row("0F 0F /r A6", PFRCPIT1, "Pq,Qq");
        t.row("0F 0F /r A7", PFRSQIT1, "Pq,Qq");
        t.row("0F 0F /r AA", PFSUBR, "Pq,Qq");
        t.row("0F 0F /r AE", PFACC, "Pq,Qq");
        t.row("0F 0F /r B0", PFCMPEQ, "Pq,Qq");
        t.row("0F 0F /r B4", PFMUL, "Pq,Qq");
        t.row("0F 0F /r B6", PFRCPIT2, "Pq,Qq");
        t.row("0F 0F /r B7", PMULHRW, "Pq,Qq");
        t.row("0F 0F /r BB", PSWAPD, "Pq,Qq");
        t.row("0F 0F /r BF", PAVGUSB, "Pq,Qq");
    }
}
