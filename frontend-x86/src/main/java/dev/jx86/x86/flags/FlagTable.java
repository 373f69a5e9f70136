package dev.jx86.x86.flags;

import static dev.jx86.x86.decode.Mnemonic.*;
import static dev.jx86.x86.flags.Eflags.*;

import dev.jx86.x86.decode.Mnemonic;
import java.util.EnumMap;
import java.util.Map;

/**
 * The flags each instruction reads, writes and leaves undefined, after the Intel SDM Vol. 1,
 * Appendix A (EFLAGS cross-reference) and each instruction's "Flags Affected". Instructions not listed
 * touch no flag. Written flags include those set to a constant (AND clears OF and CF).
 */
public final class FlagTable {
    private static final Map<Mnemonic, FlagEffects> TABLE = new EnumMap<>(Mnemonic.class);

    static {
        for (Mnemonic m : new Mnemonic[] {ADD, SUB, CMP, NEG, XADD, CMPXCHG}) {
            writes(m, STATUS);
        }
        reads(ADC, CF, STATUS, 0);
        reads(SBB, CF, STATUS, 0);
        writes(INC, OF | SF | ZF | AF | PF);
        writes(DEC, OF | SF | ZF | AF | PF);
        for (Mnemonic m : new Mnemonic[] {AND, OR, XOR, TEST}) {
            reads(m, 0, STATUS, AF);
        }
        reads(MUL, 0, STATUS, SF | ZF | AF | PF);
        reads(IMUL, 0, STATUS, SF | ZF | AF | PF);
        reads(DIV, 0, STATUS, STATUS);
        reads(IDIV, 0, STATUS, STATUS);
        for (Mnemonic m : new Mnemonic[] {SHL, SHR, SAR, SHLD, SHRD}) {
            reads(m, 0, STATUS, AF | OF);
        }
        reads(ROL, 0, CF | OF, OF);
        reads(ROR, 0, CF | OF, OF);
        reads(RCL, CF, CF | OF, OF);
        reads(RCR, CF, CF | OF, OF);
        for (Mnemonic m : new Mnemonic[] {BT, BTS, BTR, BTC}) {
            reads(m, 0, CF | OF | SF | AF | PF, OF | SF | AF | PF);
        }
        reads(BSF, 0, STATUS, CF | OF | SF | AF | PF);
        reads(BSR, 0, STATUS, CF | OF | SF | AF | PF);
        reads(LZCNT, 0, STATUS, OF | SF | AF | PF);
        reads(TZCNT, 0, STATUS, OF | SF | AF | PF);
        writes(POPCNT, STATUS);
        reads(DAA, AF | CF, STATUS, OF);
        reads(DAS, AF | CF, STATUS, OF);
        reads(AAA, AF, STATUS, OF | SF | ZF | PF);
        reads(AAS, AF, STATUS, OF | SF | ZF | PF);
        reads(AAM, 0, STATUS, OF | AF | CF);
        reads(AAD, 0, STATUS, OF | AF | CF);
        conditions();
        writes(CLC, CF);
        writes(STC, CF);
        reads(CMC, CF, CF, 0);
        writes(CLD, DF);
        writes(STD, DF);
        writes(CLI, IF);
        writes(STI, IF);
        writes(CLAC, AC);
        writes(STAC, AC);
        reads(LAHF, SF | ZF | AF | PF | CF, 0, 0);
        writes(SAHF, SF | ZF | AF | PF | CF);
        int all = STATUS | TF | IF | DF | AC;
        reads(PUSHF, all, 0, 0);
        writes(POPF, all);
        writes(IRET, all);
        for (Mnemonic m : new Mnemonic[] {MOVS, LODS, STOS, INS, OUTS}) {
            reads(m, DF, 0, 0);
        }
        reads(CMPS, DF, STATUS, 0);
        reads(SCAS, DF, STATUS, 0);
        writes(CMPXCHG8B, ZF);
        writes(CMPXCHG16B, ZF);
        reads(ADCX, CF, CF, 0);
        reads(ADOX, OF, OF, 0);
        reads(ANDN, 0, STATUS, AF | PF);
        reads(BEXTR, 0, STATUS, AF | SF | PF);
        for (Mnemonic m : new Mnemonic[] {BLSI, BLSMSK, BLSR}) {
            reads(m, 0, STATUS, AF | PF);
        }
        reads(BZHI, 0, STATUS, AF | PF);
        reads(INTO, OF, TF | IF | AC, 0);
        writes(RDRAND, STATUS);
        writes(RDSEED, STATUS);
        for (Mnemonic m : new Mnemonic[] {VERR, VERW, LAR, LSL, ARPL}) {
            writes(m, ZF);
        }
        writes(XTEST, STATUS);
        for (Mnemonic m : new Mnemonic[] {FCOMI, FCOMIP, FUCOMI, FUCOMIP}) {
            writes(m, STATUS);
        }
        condition(CF, FCMOVB, FCMOVNB);
        condition(ZF, FCMOVE, FCMOVNE);
        condition(CF | ZF, FCMOVBE, FCMOVNBE);
        condition(PF, FCMOVU, FCMOVNU);
        for (Mnemonic m : new Mnemonic[] {COMISS, UCOMISS, COMISD, UCOMISD, PTEST}) {
            writes(m, STATUS);
        }
        for (Mnemonic m : new Mnemonic[] {PCMPESTRI, PCMPESTRIQ, PCMPESTRM, PCMPESTRMQ, PCMPISTRI, PCMPISTRM}) {
            writes(m, STATUS);
        }
        writes(SYSRET, all);
        writes(RSM, all);
    }

    private FlagTable() {}

    /** The flag effects of {@code mnemonic}; {@link FlagEffects#NONE} for instructions that touch none. */
    public static FlagEffects of(Mnemonic mnemonic) {
        return TABLE.getOrDefault(mnemonic, FlagEffects.NONE);
    }

    /** Jcc, SETcc, CMOVcc, LOOPE/LOOPNE read the flags their condition tests. */
    private static void conditions() {
        condition(OF, JO, JNO, SETO, SETNO, CMOVO, CMOVNO);
        condition(CF, JB, JAE, SETB, SETAE, CMOVB, CMOVAE);
        condition(ZF, JE, JNE, SETE, SETNE, CMOVE, CMOVNE, LOOPE, LOOPNE);
        condition(CF | ZF, JBE, JA, SETBE, SETA, CMOVBE, CMOVA);
        condition(SF, JS, JNS, SETS, SETNS, CMOVS, CMOVNS);
        condition(PF, JP, JNP, SETP, SETNP, CMOVP, CMOVNP);
        condition(SF | OF, JL, JGE, SETL, SETGE, CMOVL, CMOVGE);
        condition(ZF | SF | OF, JLE, JG, SETLE, SETG, CMOVLE, CMOVG);
    }

    private static void condition(int flags, Mnemonic... mnemonics) {
        for (Mnemonic m : mnemonics) {
            reads(m, flags, 0, 0);
        }
    }

    private static void writes(Mnemonic m, int written) {
        reads(m, 0, written, 0);
    }

    private static void reads(Mnemonic m, int read, int written, int undefined) {
        if (TABLE.put(m, new FlagEffects(read, written, undefined)) != null) {
            throw new IllegalStateException("two flag rows for " + m);
        }
    }
}
