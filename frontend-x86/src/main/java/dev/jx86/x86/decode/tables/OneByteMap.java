package dev.jx86.x86.decode.tables;

import static dev.jx86.x86.decode.Attribute.*;
import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.x86.decode.Attribute;
import dev.jx86.x86.decode.Mnemonic;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-byte opcode map: Intel SDM Vol. 2, Table A-2, rows in its order, with the groups of Table
 * A-6 at their opcodes. The x87 escapes D8-DF are in {@link X87Map}.
 *
 * <p>Departures from the SDM: {@code Ibs} marks a byte immediate that is sign-extended to the
 * operand size, where the SDM writes {@code Ib} for both kinds; 90 is NOP only without REX.B and 66
 * (the decoder's rule, as the SDM's NOP page and objdump have it); F6 /1 and F7 /1 decode as TEST,
 * as the processor does; near branches follow AMD (66 selects 16 bits in 64-bit mode), as GNU objdump
 * does.
 */
final class OneByteMap {
    private OneByteMap() {}

    static void addTo(TableBuilder t) {
        arithmetic(t, 0x00, ADD, true);
        t.row("06", PUSH, "ES", I64, D64);
        t.row("07", POP, "ES", I64, D64);
        arithmetic(t, 0x08, OR, true);
        t.row("0E", PUSH, "CS", I64, D64);
        arithmetic(t, 0x10, ADC, true);
        t.row("16", PUSH, "SS", I64, D64);
        t.row("17", POP, "SS", I64, D64);
        arithmetic(t, 0x18, SBB, true);
        t.row("1E", PUSH, "DS", I64, D64);
        t.row("1F", POP, "DS", I64, D64);
        arithmetic(t, 0x20, AND, true);
        t.row("27", DAA, "", I64);
        arithmetic(t, 0x28, SUB, true);
        t.row("2F", DAS, "", I64);
        arithmetic(t, 0x30, XOR, true);
        t.row("37", AAA, "", I64);
        arithmetic(t, 0x38, CMP, false);
        t.row("3F", AAS, "", I64);

        t.row("40+r", INC, "Zv", I64);
        t.row("48+r", DEC, "Zv", I64);
        t.row("50+r", PUSH, "Zv", D64);
        t.row("58+r", POP, "Zv", D64);

        t.row("60", PUSHA, "", I64);
        t.row("61", POPA, "", I64);
        t.row("62 /r", BOUND, "Gv,Ma", I64);
        t.row("63 /r", ARPL, "Ew,Gw", I64);
        t.row("63 /r", MOVSXD, "Gv,Ed", O64);
        t.row("68", PUSH, "Iz", D64);
        t.row("69 /r", IMUL, "Gv,Ev,Iz");
        t.row("6A", PUSH, "Ibs", D64);
        t.row("6B /r", IMUL, "Gv,Ev,Ibs");
        t.row("6C", INS, "Yb,DX", REP);
        t.row("6D", INS, "Yz,DX", REP);
        t.row("6E", OUTS, "DX,Xb", REP);
        t.row("6F", OUTS, "DX,Xz", REP);

        t.row("70", JO, "Jb", F64, BRANCH, BND);
        t.row("71", JNO, "Jb", F64, BRANCH, BND);
        t.row("72", JB, "Jb", F64, BRANCH, BND);
        t.row("73", JAE, "Jb", F64, BRANCH, BND);
        t.row("74", JE, "Jb", F64, BRANCH, BND);
        t.row("75", JNE, "Jb", F64, BRANCH, BND);
        t.row("76", JBE, "Jb", F64, BRANCH, BND);
        t.row("77", JA, "Jb", F64, BRANCH, BND);
        t.row("78", JS, "Jb", F64, BRANCH, BND);
        t.row("79", JNS, "Jb", F64, BRANCH, BND);
        t.row("7A", JP, "Jb", F64, BRANCH, BND);
        t.row("7B", JNP, "Jb", F64, BRANCH, BND);
        t.row("7C", JL, "Jb", F64, BRANCH, BND);
        t.row("7D", JGE, "Jb", F64, BRANCH, BND);
        t.row("7E", JLE, "Jb", F64, BRANCH, BND);
        t.row("7F", JG, "Jb", F64, BRANCH, BND);

        group1(t, "80", "Eb,Ib");
        group1(t, "81", "Ev,Iz");
        group1(t, "82", "Eb,Ib", I64);
        group1(t, "83", "Ev,Ibs");
        t.row("84 /r", TEST, "Eb,Gb");
        t.row("85 /r", TEST, "Ev,Gv");
        t.row("86 /r", XCHG, "Eb,Gb", LOCKABLE);
        t.row("87 /r", XCHG, "Ev,Gv", LOCKABLE);
        t.row("88 /r", MOV, "Eb,Gb", HLE);
        t.row("89 /r", MOV, "Ev,Gv", HLE);
        t.row("8A /r", MOV, "Gb,Eb");
        t.row("8B /r", MOV, "Gv,Ev");
        t.row("8C /r", MOV, "Rv/Mw,Sw");
        t.row("8D /r", LEA, "Gv,M");
        t.row("8E /r", MOV, "Sw,Rv/Mw");
        t.row("8F /0", POP, "Ev", D64);

        t.row("90+r", XCHG, "Zv,rAX");
        t.row("F3 90", PAUSE, "");
        t.row("98", CBW, "", OS16);
        t.row("98", CWDE, "", OS32);
        t.row("98", CDQE, "", OS64);
        t.row("99", CWD, "", OS16);
        t.row("99", CDQ, "", OS32);
        t.row("99", CQO, "", OS64);
        t.row("9A", CALLF, "Ap", I64, BRANCH);
        t.row("9B", FWAIT, "");
        t.row("9C", PUSHF, "", D64);
        t.row("9D", POPF, "", D64);
        t.row("9E", SAHF, "");
        t.row("9F", LAHF, "");

        t.row("A0", MOV, "AL,Ob");
        t.row("A1", MOV, "rAX,Ov");
        t.row("A2", MOV, "Ob,AL");
        t.row("A3", MOV, "Ov,rAX");
        t.row("A4", MOVS, "Yb,Xb", REP);
        t.row("A5", MOVS, "Yv,Xv", REP);
        t.row("A6", CMPS, "Xb,Yb", REPE_REPNE);
        t.row("A7", CMPS, "Xv,Yv", REPE_REPNE);
        t.row("A8", TEST, "AL,Ib");
        t.row("A9", TEST, "rAX,Iz");
        t.row("AA", STOS, "Yb,AL", REP);
        t.row("AB", STOS, "Yv,rAX", REP);
        t.row("AC", LODS, "AL,Xb", REP);
        t.row("AD", LODS, "rAX,Xv", REP);
        t.row("AE", SCAS, "AL,Yb", REPE_REPNE);
        t.row("AF", SCAS, "rAX,Yv", REPE_REPNE);

        t.row("B0+r", MOV, "Zb,Ib");
        t.row("B8+r", MOV, "Zv,Iv");

        group2(t, "C0", "Eb,Ib");
        group2(t, "C1", "Ev,Ib");
        t.row("C2", RET, "Iw", F64, BRANCH, BND);
        t.row("C3", RET, "", F64, BRANCH, BND);
        t.row("C4 /r", LES, "Gz,Mp", I64);
        t.row("C5 /r", LDS, "Gz,Mp", I64);
        t.row("C6 /0", MOV, "Eb,Ib", HLE);
        t.row("C6 F8", XABORT, "Ib");
        t.row("C7 /0", MOV, "Ev,Iz", HLE);
        t.row("C7 F8", XBEGIN, "Jz", BRANCH);
        t.row("C8", ENTER, "Iw,Ib", D64);
        t.row("C9", LEAVE, "", D64);
        t.row("CA", RETF, "Iw", BRANCH);
        t.row("CB", RETF, "", BRANCH);
        t.row("CC", INT3, "", BRANCH);
        t.row("CD", INT, "Ib", BRANCH);
        t.row("CE", INTO, "", I64, BRANCH);
        t.row("CF", IRET, "", BRANCH);

        group2(t, "D0", "Eb,1");
        group2(t, "D1", "Ev,1");
        group2(t, "D2", "Eb,CL");
        group2(t, "D3", "Ev,CL");
        t.row("D4", AAM, "Ib", I64);
        t.row("D5", AAD, "Ib", I64);
        t.row("D7", XLAT, "[rBX]b");

        t.row("E0", LOOPNE, "Jb", F64, BRANCH);
        t.row("E1", LOOPE, "Jb", F64, BRANCH);
        t.row("E2", LOOP, "Jb", F64, BRANCH);
        t.row("E3", JCXZ, "Jb", F64, BRANCH, AS16);
        t.row("E3", JECXZ, "Jb", F64, BRANCH, AS32);
        t.row("E3", JRCXZ, "Jb", F64, BRANCH, AS64);
        t.row("E4", IN, "AL,Ib", PRIVILEGED);
        t.row("E5", IN, "eAX,Ib", PRIVILEGED);
        t.row("E6", OUT, "Ib,AL", PRIVILEGED);
        t.row("E7", OUT, "Ib,eAX", PRIVILEGED);
        t.row("E8", CALL, "Jz", F64, BRANCH, BND);
        t.row("E9", JMP, "Jz", F64, BRANCH, BND);
        t.row("EA", JMPF, "Ap", I64, BRANCH);
        t.row("EB", JMP, "Jb", F64, BRANCH, BND);
        t.row("EC", IN, "AL,DX", PRIVILEGED);
        t.row("ED", IN, "eAX,DX", PRIVILEGED);
        t.row("EE", OUT, "DX,AL", PRIVILEGED);
        t.row("EF", OUT, "DX,eAX", PRIVILEGED);

        t.row("F1", INT1, "", BRANCH);
        t.row("F4", HLT, "", PRIVILEGED);
        t.row("F5", CMC, "");
        group3(t, "F6", "Eb", "Ib");
        group3(t, "F7", "Ev", "Iz");
        t.row("F8", CLC, "");
        t.row("F9", STC, "");
        t.row("FA", CLI, "", PRIVILEGED);
        t.row("FB", STI, "", PRIVILEGED);
        t.row("FC", CLD, "");
        t.row("FD", STD, "");
        t.row("FE /0", INC, "Eb", LOCKABLE);
        t.row("FE /1", DEC, "Eb", LOCKABLE);
        t.row("FF /0", INC, "Ev", LOCKABLE);
        t.row("FF /1", DEC, "Ev", LOCKABLE);
        t.row("FF /2", CALL, "Ev", F64, BRANCH, BND, NOTRACK);
        t.row("FF /3", CALLF, "Mp", BRANCH);
        t.row("FF /4", JMP, "Ev", F64, BRANCH, BND, NOTRACK);
        t.row("FF /5", JMPF, "Mp", BRANCH);
        t.row("FF /6", PUSH, "Ev", D64);
    }

    /** The six forms of the eight ALU operations at 00-05, 08-0D, ... 38-3D. */
    private static void arithmetic(TableBuilder t, int base, Mnemonic m, boolean lockable) {
        Attribute[] memory = lockable ? new Attribute[] {LOCKABLE} : new Attribute[0];
        t.row(hex(base) + " /r", m, "Eb,Gb", memory);
        t.row(hex(base + 1) + " /r", m, "Ev,Gv", memory);
        t.row(hex(base + 2) + " /r", m, "Gb,Eb");
        t.row(hex(base + 3) + " /r", m, "Gv,Ev");
        t.row(hex(base + 4), m, "AL,Ib");
        t.row(hex(base + 5), m, "rAX,Iz");
    }

    /** Group 1: immediate ALU operations, /0-/7 = ADD OR ADC SBB AND SUB XOR CMP. */
    private static void group1(TableBuilder t, String opcode, String operands, Attribute... extra) {
        Mnemonic[] ops = {ADD, OR, ADC, SBB, AND, SUB, XOR, CMP};
        for (int reg = 0; reg < 8; reg++) {
            List<Attribute> attributes = new ArrayList<>(List.of(extra));
            if (ops[reg] != CMP) {
                attributes.add(LOCKABLE);
            }
            t.row(opcode + " /" + reg, ops[reg], operands, attributes.toArray(Attribute[]::new));
        }
    }

    /**
     * Group 2: shifts and rotates, /0-/7 = ROL ROR RCL RCR SHL SHR - SAR. /6 is undocumented; the
     * processor executes it as /4 (SAL, which is SHL) and objdump shows it as shl.
     */
    private static void group2(TableBuilder t, String opcode, String operands) {
        Mnemonic[] ops = {ROL, ROR, RCL, RCR, SHL, SHR, SHL, SAR};
        for (int reg = 0; reg < 8; reg++) {
            t.row(opcode + " /" + reg, ops[reg], operands);
        }
    }

    /** Group 3: TEST NOT NEG MUL IMUL DIV IDIV on Eb or Ev (/1 is an alias of /0). */
    private static void group3(TableBuilder t, String opcode, String operand, String immediate) {
        t.row(opcode + " /0", TEST, operand + "," + immediate);
        t.row(opcode + " /1", TEST, operand + "," + immediate);
        t.row(opcode + " /2", NOT, operand, LOCKABLE);
        t.row(opcode + " /3", NEG, operand, LOCKABLE);
        t.row(opcode + " /4", MUL, operand);
        t.row(opcode + " /5", IMUL, operand);
        t.row(opcode + " /6", DIV, operand);
        t.row(opcode + " /7", IDIV, operand);
    }

    private static String hex(int opcode) {
        return String.format("%02X", opcode);
    }
}
