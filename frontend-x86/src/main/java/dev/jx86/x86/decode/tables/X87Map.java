package dev.jx86.x86.decode.tables;

import static dev.jx86.x86.decode.Mnemonic.F2XM1;
import static dev.jx86.x86.decode.Mnemonic.FABS;
import static dev.jx86.x86.decode.Mnemonic.FADD;
import static dev.jx86.x86.decode.Mnemonic.FADDP;
import static dev.jx86.x86.decode.Mnemonic.FBLD;
import static dev.jx86.x86.decode.Mnemonic.FBSTP;
import static dev.jx86.x86.decode.Mnemonic.FCHS;
import static dev.jx86.x86.decode.Mnemonic.FCMOVB;
import static dev.jx86.x86.decode.Mnemonic.FCMOVBE;
import static dev.jx86.x86.decode.Mnemonic.FCMOVE;
import static dev.jx86.x86.decode.Mnemonic.FCMOVNB;
import static dev.jx86.x86.decode.Mnemonic.FCMOVNBE;
import static dev.jx86.x86.decode.Mnemonic.FCMOVNE;
import static dev.jx86.x86.decode.Mnemonic.FCMOVNU;
import static dev.jx86.x86.decode.Mnemonic.FCMOVU;
import static dev.jx86.x86.decode.Mnemonic.FCOM;
import static dev.jx86.x86.decode.Mnemonic.FCOMI;
import static dev.jx86.x86.decode.Mnemonic.FCOMIP;
import static dev.jx86.x86.decode.Mnemonic.FCOMP;
import static dev.jx86.x86.decode.Mnemonic.FCOMPP;
import static dev.jx86.x86.decode.Mnemonic.FCOS;
import static dev.jx86.x86.decode.Mnemonic.FDECSTP;
import static dev.jx86.x86.decode.Mnemonic.FDIV;
import static dev.jx86.x86.decode.Mnemonic.FDIVP;
import static dev.jx86.x86.decode.Mnemonic.FDIVR;
import static dev.jx86.x86.decode.Mnemonic.FDIVRP;
import static dev.jx86.x86.decode.Mnemonic.FFREE;
import static dev.jx86.x86.decode.Mnemonic.FFREEP;
import static dev.jx86.x86.decode.Mnemonic.FIADD;
import static dev.jx86.x86.decode.Mnemonic.FICOM;
import static dev.jx86.x86.decode.Mnemonic.FICOMP;
import static dev.jx86.x86.decode.Mnemonic.FIDIV;
import static dev.jx86.x86.decode.Mnemonic.FIDIVR;
import static dev.jx86.x86.decode.Mnemonic.FILD;
import static dev.jx86.x86.decode.Mnemonic.FIMUL;
import static dev.jx86.x86.decode.Mnemonic.FINCSTP;
import static dev.jx86.x86.decode.Mnemonic.FIST;
import static dev.jx86.x86.decode.Mnemonic.FISTP;
import static dev.jx86.x86.decode.Mnemonic.FISTTP;
import static dev.jx86.x86.decode.Mnemonic.FISUB;
import static dev.jx86.x86.decode.Mnemonic.FISUBR;
import static dev.jx86.x86.decode.Mnemonic.FLD;
import static dev.jx86.x86.decode.Mnemonic.FLD1;
import static dev.jx86.x86.decode.Mnemonic.FLDCW;
import static dev.jx86.x86.decode.Mnemonic.FLDENV;
import static dev.jx86.x86.decode.Mnemonic.FLDL2E;
import static dev.jx86.x86.decode.Mnemonic.FLDL2T;
import static dev.jx86.x86.decode.Mnemonic.FLDLG2;
import static dev.jx86.x86.decode.Mnemonic.FLDLN2;
import static dev.jx86.x86.decode.Mnemonic.FLDPI;
import static dev.jx86.x86.decode.Mnemonic.FLDZ;
import static dev.jx86.x86.decode.Mnemonic.FMUL;
import static dev.jx86.x86.decode.Mnemonic.FMULP;
import static dev.jx86.x86.decode.Mnemonic.FNCLEX;
import static dev.jx86.x86.decode.Mnemonic.FNDISI;
import static dev.jx86.x86.decode.Mnemonic.FNENI;
import static dev.jx86.x86.decode.Mnemonic.FNINIT;
import static dev.jx86.x86.decode.Mnemonic.FNOP;
import static dev.jx86.x86.decode.Mnemonic.FNSAVE;
import static dev.jx86.x86.decode.Mnemonic.FNSETPM;
import static dev.jx86.x86.decode.Mnemonic.FNSTCW;
import static dev.jx86.x86.decode.Mnemonic.FNSTENV;
import static dev.jx86.x86.decode.Mnemonic.FNSTSW;
import static dev.jx86.x86.decode.Mnemonic.FPATAN;
import static dev.jx86.x86.decode.Mnemonic.FPREM;
import static dev.jx86.x86.decode.Mnemonic.FPREM1;
import static dev.jx86.x86.decode.Mnemonic.FPTAN;
import static dev.jx86.x86.decode.Mnemonic.FRNDINT;
import static dev.jx86.x86.decode.Mnemonic.FRSTOR;
import static dev.jx86.x86.decode.Mnemonic.FRSTPM;
import static dev.jx86.x86.decode.Mnemonic.FSCALE;
import static dev.jx86.x86.decode.Mnemonic.FSIN;
import static dev.jx86.x86.decode.Mnemonic.FSINCOS;
import static dev.jx86.x86.decode.Mnemonic.FSQRT;
import static dev.jx86.x86.decode.Mnemonic.FST;
import static dev.jx86.x86.decode.Mnemonic.FSTP;
import static dev.jx86.x86.decode.Mnemonic.FSUB;
import static dev.jx86.x86.decode.Mnemonic.FSUBP;
import static dev.jx86.x86.decode.Mnemonic.FSUBR;
import static dev.jx86.x86.decode.Mnemonic.FSUBRP;
import static dev.jx86.x86.decode.Mnemonic.FTST;
import static dev.jx86.x86.decode.Mnemonic.FUCOM;
import static dev.jx86.x86.decode.Mnemonic.FUCOMI;
import static dev.jx86.x86.decode.Mnemonic.FUCOMIP;
import static dev.jx86.x86.decode.Mnemonic.FUCOMP;
import static dev.jx86.x86.decode.Mnemonic.FUCOMPP;
import static dev.jx86.x86.decode.Mnemonic.FXAM;
import static dev.jx86.x86.decode.Mnemonic.FXCH;
import static dev.jx86.x86.decode.Mnemonic.FXTRACT;
import static dev.jx86.x86.decode.Mnemonic.FYL2X;
import static dev.jx86.x86.decode.Mnemonic.FYL2XP1;

/**
 * The x87 escape opcodes D8-DF: Intel SDM Vol. 2, Tables, rows in their order (for each
 * escape the memory forms by ModRM.reg, then the register forms by ModRM byte).
 *
 * <p>Departures from the SDM: FFREEP (DF C0+i), which the SDM's tables leave blank but processors
 * execute and objdump names; the 8087/287 control opcodes DB E0, E1, E4, E5 under objdump's names. The
 * register forms the SDM leaves blank stay undefined, as objdump shows them, although processors run
 * most of them as aliases (D9 D8+i FSTP, DC D0+i FCOM, DC D8+i FCOMP, DD C8+i FXCH, DE D0+i FCOMP, DF
 * C8+i FXCH, DF D0+i and D8+i FSTP). The environment and state operands (FLDENV, FNSTENV, FRSTOR,
 * FNSAVE) are {@code M}: their layout follows the operand size, objdump gives them no size keyword.
 */
final class X87Map {
    private X87Map() {}

    static void addTo(TableBuilder t) {
        // Table: D8.
        t.row("D8 /0", FADD, "Md");
        t.row("D8 /1", FMUL, "Md");
        t.row("D8 /2", FCOM, "Md");
        t.row("D8 /3", FCOMP, "Md");
        t.row("D8 /4", FSUB, "Md");
        t.row("D8 /5", FSUBR, "Md");
        t.row("D8 /6", FDIV, "Md");
        t.row("D8 /7", FDIVR, "Md");
        t.row("D8 C0+i", FADD, "ST,ST(i)");
        t.row("D8 C8+i", FMUL, "ST,ST(i)");
        t.row("D8 D0+i", FCOM, "ST(i)");
        t.row("D8 D8+i", FCOMP, "ST(i)");
        t.row("D8 E0+i", FSUB, "ST,ST(i)");
        t.row("D8 E8+i", FSUBR, "ST,ST(i)");
        t.row("D8 F0+i", FDIV, "ST,ST(i)");
        t.row("D8 F8+i", FDIVR, "ST,ST(i)");

        // Table: D9.
        t.row("D9 /0", FLD, "Md");
        t.row("D9 /2", FST, "Md");
        t.row("D9 /3", FSTP, "Md");
        t.row("D9 /4", FLDENV, "M");
        t.row("D9 /5", FLDCW, "Mw");
        t.row("D9 /6", FNSTENV, "M");
        t.row("D9 /7", FNSTCW, "Mw");
        t.row("D9 C0+i", FLD, "ST(i)");
        t.row("D9 C8+i", FXCH, "ST(i)");
        t.row("D9 D0", FNOP, "");
        t.row("D9 E0", FCHS, "");
        t.row("D9 E1", FABS, "");
        t.row("D9 E4", FTST, "");
        t.row("D9 E5", FXAM, "");
        t.row("D9 E8", FLD1, "");
        t.row("D9 E9", FLDL2T, "");
        t.row("D9 EA", FLDL2E, "");
        t.row("D9 EB", FLDPI, "");
        t.row("D9 EC", FLDLG2, "");
        t.row("D9 ED", FLDLN2, "");
        t.row("D9 EE", FLDZ, "");
        t.row("D9 F0", F2XM1, "");
        t.row("D9 F1", FYL2X, "");
        t.row("D9 F2", FPTAN, "");
        t.row("D9 F3", FPATAN, "");
        t.row("D9 F4", FXTRACT, "");
        t.row("D9 F5", FPREM1, "");
        t.row("D9 F6", FDECSTP, "");
        t.row("D9 F7", FINCSTP, "");
        t.row("D9 F8", FPREM, "");
        t.row("D9 F9", FYL2XP1, "");
        t.row("D9 FA", FSQRT, "");
        t.row("D9 FB", FSINCOS, "");
        t.row("D9 FC", FRNDINT, "");
        t.row("D9 FD", FSCALE, "");
        t.row("D9 FE", FSIN, "");
        t.row("D9 FF", FCOS, "");

        // Table: DA.
        t.row("DA /0", FIADD, "Md");
        t.row("DA /1", FIMUL, "Md");
        t.row("DA /2", FICOM, "Md");
        t.row("DA /3", FICOMP, "Md");
        t.row("DA /4", FISUB, "Md");
        t.row("DA /5", FISUBR, "Md");
        t.row("DA /6", FIDIV, "Md");
        t.row("DA /7", FIDIVR, "Md");
        t.row("DA C0+i", FCMOVB, "ST,ST(i)");
        t.row("DA C8+i", FCMOVE, "ST,ST(i)");
        t.row("DA D0+i", FCMOVBE, "ST,ST(i)");
        t.row("DA D8+i", FCMOVU, "ST,ST(i)");
        t.row("DA E9", FUCOMPP, "");

        // Table: DB.
        t.row("DB /0", FILD, "Md");
        t.row("DB /1", FISTTP, "Md");
        t.row("DB /2", FIST, "Md");
        t.row("DB /3", FISTP, "Md");
        t.row("DB /5", FLD, "Mt");
        t.row("DB /7", FSTP, "Mt");
        t.row("DB C0+i", FCMOVNB, "ST,ST(i)");
        t.row("DB C8+i", FCMOVNE, "ST,ST(i)");
        t.row("DB D0+i", FCMOVNBE, "ST,ST(i)");
        t.row("DB D8+i", FCMOVNU, "ST,ST(i)");
        t.row("DB E0", FNENI, "");
        t.row("DB E1", FNDISI, "");
        t.row("DB E2", FNCLEX, "");
        t.row("DB E3", FNINIT, "");
        t.row("DB E4", FNSETPM, "");
        t.row("DB E5", FRSTPM, "");
        t.row("DB E8+i", FUCOMI, "ST,ST(i)");
        t.row("DB F0+i", FCOMI, "ST,ST(i)");

        // Table: DC.
        t.row("DC /0", FADD, "Mq");
        t.row("DC /1", FMUL, "Mq");
        t.row("DC /2", FCOM, "Mq");
        t.row("DC /3", FCOMP, "Mq");
        t.row("DC /4", FSUB, "Mq");
        t.row("DC /5", FSUBR, "Mq");
        t.row("DC /6", FDIV, "Mq");
        t.row("DC /7", FDIVR, "Mq");
        t.row("DC C0+i", FADD, "ST(i),ST");
        t.row("DC C8+i", FMUL, "ST(i),ST");
        t.row("DC E0+i", FSUBR, "ST(i),ST");
        t.row("DC E8+i", FSUB, "ST(i),ST");
        t.row("DC F0+i", FDIVR, "ST(i),ST");
        t.row("DC F8+i", FDIV, "ST(i),ST");

        // Table: DD.
        t.row("DD /0", FLD, "Mq");
        t.row("DD /1", FISTTP, "Mq");
        t.row("DD /2", FST, "Mq");
        t.row("DD /3", FSTP, "Mq");
        t.row("DD /4", FRSTOR, "M");
        t.row("DD /6", FNSAVE, "M");
        t.row("DD /7", FNSTSW, "Mw");
        t.row("DD C0+i", FFREE, "ST(i)");
        t.row("DD D0+i", FST, "ST(i)");
        t.row("DD D8+i", FSTP, "ST(i)");
        t.row("DD E0+i", FUCOM, "ST(i)");
        t.row("DD E8+i", FUCOMP, "ST(i)");

        // Table: DE.
        t.row("DE /0", FIADD, "Mw");
        t.row("DE /1", FIMUL, "Mw");
        t.row("DE /2", FICOM, "Mw");
        t.row("DE /3", FICOMP, "Mw");
        t.row("DE /4", FISUB, "Mw");
        t.row("DE /5", FISUBR, "Mw");
        t.row("DE /6", FIDIV, "Mw");
        t.row("DE /7", FIDIVR, "Mw");
        t.row("DE C0+i", FADDP, "ST(i),ST");
        t.row("DE C8+i", FMULP, "ST(i),ST");
        t.row("DE D9", FCOMPP, "");
        t.row("DE E0+i", FSUBRP, "ST(i),ST");
        t.row("DE E8+i", FSUBP, "ST(i),ST");
        t.row("DE F0+i", FDIVRP, "ST(i),ST");
        t.row("DE F8+i", FDIVP, "ST(i),ST");

        // Table: DF.
        t.row("DF /0", FILD, "Mw");
        t.row("DF /1", FISTTP, "Mw");
        t.row("DF /2", FIST, "Mw");
        t.row("DF /3", FISTP, "Mw");
        t.row("DF /4", FBLD, "Mt");
        t.row("DF /5", FILD, "Mq");
        t.row("DF /6", FBSTP, "Mt");
        t.row("DF /7", FISTP, "Mq");
        t.row("DF C0+i", FFREEP, "ST(i)");
        t.row("DF E0", FNSTSW, "AX");
        t.row("DF E8+i", FUCOMIP, "ST,ST(i)");
        t.row("DF F0+i", FCOMIP, "ST,ST(i)");
    }
}
