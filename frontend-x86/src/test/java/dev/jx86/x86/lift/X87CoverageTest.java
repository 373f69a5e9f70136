package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.decode.Mnemonic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every x87 mnemonic the decoder knows (SDM Vol. 2 Tables, written out here) has a handler. */
class X87CoverageTest {
    static final List<Mnemonic> X87 = List.of(
            FLD, FST, FSTP, FILD, FIST, FISTP, FISTTP, FBLD, FBSTP, FXCH, FCMOVB, FCMOVE, FCMOVBE, FCMOVU, FCMOVNB,
            FCMOVNE, FCMOVNBE, FCMOVNU, FADD, FADDP, FIADD, FSUB, FSUBP, FISUB, FSUBR, FSUBRP, FISUBR, FMUL, FMULP,
            FIMUL, FDIV, FDIVP, FIDIV, FDIVR, FDIVRP, FIDIVR, FPREM, FPREM1, FABS, FCHS, FRNDINT, FSCALE, FSQRT,
            FXTRACT, FCOM, FCOMP, FCOMPP, FUCOM, FUCOMP, FUCOMPP, FICOM, FICOMP, FCOMI, FCOMIP, FUCOMI, FUCOMIP, FTST,
            FXAM, FSIN, FCOS, FSINCOS, FPTAN, FPATAN, F2XM1, FYL2X, FYL2XP1, FLD1, FLDZ, FLDPI, FLDL2E, FLDLN2, FLDL2T,
            FLDLG2, FINCSTP, FDECSTP, FFREE, FFREEP, FNINIT, FNCLEX, FNSTCW, FLDCW, FNSTENV, FLDENV, FNSAVE, FRSTOR,
            FNSTSW, FNOP, FNENI, FNDISI, FNSETPM, FWAIT);

    @Test
    void everyX87MnemonicHasAHandler() {
        assertThat(X87)
                .allSatisfy(
                        m -> assertThat(Lifter.handlers().get(m)).as("%s", m).isNotNull());
    }

    /** The 287's FRSTPM raises #UD on every later processor; FEMMS is 3DNow!, which the CPU model does not have. */
    @Test
    void whatLaterProcessorsDropHasNone() {
        assertThat(Lifter.handlers().get(FRSTPM)).isNull();
        assertThat(Lifter.handlers().get(FEMMS)).isNull();
    }
}
