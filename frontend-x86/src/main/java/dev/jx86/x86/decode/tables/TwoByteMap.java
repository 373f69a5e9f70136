package dev.jx86.x86.decode.tables;

import static dev.jx86.x86.decode.Attribute.*;
import static dev.jx86.x86.decode.Mnemonic.*;

/**
 * The two-byte opcode map (0F xx): Intel SDM Vol. 2, Table A-3, rows in its order, with the groups of
 * Table A-6 at their opcodes.
 */
final class TwoByteMap {
    private TwoByteMap() {}

    static void addTo(TableBuilder t) {
        t.row("0F 05", SYSCALL, "", O64, BRANCH);
        t.row("0F 0B", UD2, "");
        t.row("0F 1F /0", NOP, "Ev");

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

        t.row("0F A2", CPUID, "");
        t.row("0F AF /r", IMUL, "Gv,Ev");
        t.row("0F B6 /r", MOVZX, "Gv,Eb");
        t.row("0F B7 /r", MOVZX, "Gv,Ew");
        t.row("0F BE /r", MOVSX, "Gv,Eb");
        t.row("0F BF /r", MOVSX, "Gv,Ew");
    }
}
