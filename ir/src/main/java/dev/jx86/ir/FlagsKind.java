package dev.jx86.ir;

import java.util.List;
import java.util.Locale;

/**
 * The x86 operation a lazy FLAGS value records ({@code flags.<kind>}), with the operands it keeps. The operation's
 * width is the type of the first operand. Exact semantics: {@link dev.jx86.ir.eval.FlagsSemantics}.
 */
public enum FlagsKind {
    ADD(Operand.RESULT, Operand.SOURCE, Operand.SOURCE),
    ADC(Operand.RESULT, Operand.SOURCE, Operand.SOURCE, Operand.CARRY),
    SUB(Operand.RESULT, Operand.SOURCE, Operand.SOURCE),
    SBB(Operand.RESULT, Operand.SOURCE, Operand.SOURCE, Operand.CARRY),
    LOGIC(Operand.RESULT),
    INC(Operand.RESULT, Operand.CARRY),
    DEC(Operand.RESULT, Operand.CARRY),
    NEG(Operand.RESULT),
    SHL(Operand.RESULT, Operand.SOURCE, Operand.COUNT, Operand.PRIOR),
    SHR(Operand.RESULT, Operand.SOURCE, Operand.COUNT, Operand.PRIOR),
    SAR(Operand.RESULT, Operand.SOURCE, Operand.COUNT, Operand.PRIOR),
    ROL(Operand.RESULT, Operand.COUNT, Operand.PRIOR),
    ROR(Operand.RESULT, Operand.COUNT, Operand.PRIOR),
    RCL(Operand.RESULT, Operand.SOURCE, Operand.COUNT, Operand.PRIOR),
    RCR(Operand.RESULT, Operand.SOURCE, Operand.COUNT, Operand.PRIOR),
    MUL(Operand.RESULT, Operand.HIGH),
    IMUL(Operand.RESULT, Operand.HIGH);

    /** The role, and so the type, of one operand of {@code flags.<kind>}. */
    public enum Operand {
        /** The operation's result, of the operation's width T (the first operand). */
        RESULT,
        /** An input of the operation, of type T. */
        SOURCE,
        /** The high half of a multiplication's product, of type T. */
        HIGH,
        /** The incoming carry flag, I1. */
        CARRY,
        /** The shift or rotate count before masking, I8. */
        COUNT,
        /** The incoming flags in EFLAGS layout, I64: the flags this kind leaves unchanged come from here. */
        PRIOR;

        /** The operand's type for an operation of width {@code width}. */
        public Type type(Type width) {
            return switch (this) {
                case RESULT, SOURCE, HIGH -> width;
                case CARRY -> Type.I1;
                case COUNT -> Type.I8;
                case PRIOR -> Type.I64;
            };
        }
    }

    private final List<Operand> operands;

    FlagsKind(Operand... operands) {
        this.operands = List.of(operands);
    }

    /** The operands, in order; the first is always RESULT. */
    public List<Operand> operands() {
        return operands;
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
