package dev.jx86.x86.decode.tables;

import dev.jx86.x86.decode.Attribute;
import dev.jx86.x86.decode.Mnemonic;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the reader asks of a {@link Row} for every instruction, computed once when the tables are
 * built: the operand forms as an array and flags, so that decoding reads fields instead of walking
 * the row's encoding and operand list.
 */
public final class RowFacts {
    /** The x87 state operands whose layout (16- or 32-bit) the operand size chooses; REX.W has no say. */
    private static final Set<Mnemonic> X87_ENVIRONMENT =
            EnumSet.of(Mnemonic.FLDENV, Mnemonic.FNSTENV, Mnemonic.FRSTOR, Mnemonic.FNSAVE);

    // Operand codes (formCode): the forms the reader handles on its common path, by method and the
    // type where it decides the encoding; every other form is OTHER and read by its OperandForm.
    public static final int OTHER = 0;
    public static final int E = 1;
    public static final int M = 2;
    public static final int G = 3;
    public static final int Z = 4;
    public static final int IB = 5;
    public static final int IBS = 6;
    public static final int IW = 7;
    public static final int ID = 8;
    public static final int IZ = 9;
    public static final int IV = 10;
    public static final int JB = 11;
    public static final int JZ = 12;

    // Size codes (sizeCode): a size in bytes (0 when the type gives none), or one of these rules.
    /** The operand size. */
    public static final int SIZE_V = -1;
    /** 2 at 16-bit operand size, else 4. */
    public static final int SIZE_Z = -2;
    /** 8 under REX.W in 64-bit mode, else 4. */
    public static final int SIZE_Y = -3;
    /** Twice the operand size (BOUND). */
    public static final int SIZE_A = -4;
    /** A far pointer: the offset (by 66 at 64-bit operand size) and a 2-byte selector. */
    public static final int SIZE_P = -5;
    /** A pseudo-descriptor: 10 bytes in 64-bit mode, else 6. */
    public static final int SIZE_S = -6;
    /** VEX.L's vector length, 16 without VEX. */
    public static final int SIZE_X = -7;

    private final Row row;
    private final OperandForm[] forms;
    private final int[] formCodes;
    private final int[] sizeCodes;
    private final int[] memorySizeCodes;
    private final int memorySizeCode;
    private final boolean defaultSize64;
    private final int mandatoryPrefix;
    private final boolean hasModRm;
    private final boolean modIgnored;
    private final int vsibIndexSize;
    private final boolean sibmem;
    private final boolean usesVvvv;
    private final boolean vexRegisterLimits;
    private final boolean sizeFromWRegister;
    private final boolean sizeFromWMemory;
    private final boolean usesOperandSizeRegister;
    private final boolean usesOperandSizeMemory;
    private final boolean wSplit;
    private final boolean farReturn;
    private final boolean xchg;
    private final Type memoryType;

    public RowFacts(Row row) {
        this.row = row;
        this.forms = row.operands().toArray(OperandForm[]::new);
        this.wSplit = row.encoding().w() != Encoding.ANY;
        this.farReturn = row.mnemonic() == Mnemonic.IRET || row.mnemonic() == Mnemonic.RETF;
        this.xchg = row.mnemonic() == Mnemonic.XCHG;
        this.memoryType = memoryType(forms);
        this.formCodes = new int[forms.length];
        this.sizeCodes = new int[forms.length];
        this.memorySizeCodes = new int[forms.length];
        for (int i = 0; i < forms.length; i++) {
            formCodes[i] = formCode(forms[i]);
            sizeCodes[i] = sizeCode(forms[i].type());
            memorySizeCodes[i] = sizeCode(forms[i].memoryType());
        }
        this.memorySizeCode = memoryType == null ? 0 : sizeCode(memoryType);
        this.defaultSize64 = row.has(Attribute.D64) || row.has(Attribute.F64);
        this.mandatoryPrefix = row.encoding().prefix();
        this.hasModRm = row.encoding().hasModRm();
        this.modIgnored = row.has(Attribute.MOD_IGNORED);
        this.vsibIndexSize = vsibIndexSize(forms);
        this.sibmem = takes(Method.SIBMEM);
        this.usesVvvv = takes(Method.H) || takes(Method.B) || takes(Method.KH) || takes(Method.TH);
        this.vexRegisterLimits = takes(Method.KG)
                || takes(Method.TG)
                || takes(Method.KR)
                || takes(Method.TR)
                || takes(Method.KE)
                || takes(Method.KH)
                || takes(Method.TH);
        this.sizeFromWRegister = computeSizeFromW(false);
        this.sizeFromWMemory = computeSizeFromW(true);
        this.usesOperandSizeRegister = computeUsesOperandSize(false);
        this.usesOperandSizeMemory = computeUsesOperandSize(true);
    }

    public Row row() {
        return row;
    }

    /** The {@code i}-th form's operand code: {@link #E}, {@link #IB}... or {@link #OTHER}. */
    public int formCode(int i) {
        return formCodes[i];
    }

    /** The size code of the {@code i}-th form's type (its register form for a split form). */
    public int sizeCode(int i) {
        return sizeCodes[i];
    }

    /** The size code of the {@code i}-th form's memory type. */
    public int memorySizeCode(int i) {
        return memorySizeCodes[i];
    }

    /** The size code of the row's ModRM memory operand; 0 (no size) when it has none. */
    public int memorySizeCode() {
        return memorySizeCode;
    }

    /** The size of an operand of {@code type}: bytes (0 for none), or one of the SIZE_ rules. */
    public static int sizeCode(Type type) {
        return switch (type) {
            case NONE -> 0;
            case B, BS -> 1;
            case W -> 2;
            case D, SI, SS -> 4;
            case Q, PI, SD -> 8;
            case T -> 10;
            case DQ -> 16;
            case QQ -> 32;
            case V -> SIZE_V;
            case Z -> SIZE_Z;
            case Y -> SIZE_Y;
            case A -> SIZE_A;
            case P -> SIZE_P;
            case S -> SIZE_S;
            case X, PS, PD -> SIZE_X;
        };
    }

    /**
     * The size in bytes that size code {@code code} gives, for an instruction with these sizes and
     * prefixes.
     *
     * @param rexW REX.W (or VEX.W) in 64-bit mode
     * @param vectorLength VEX.L's vector length in bytes, 16 without VEX
     */
    public static int size(
            int code, int operandSize, boolean mode64, boolean rexW, boolean prefix66, int vectorLength) {
        return switch (code) {
            case SIZE_V -> operandSize;
            case SIZE_Z -> operandSize == 2 ? 2 : 4;
            case SIZE_Y -> mode64 && rexW ? 8 : 4;
            case SIZE_A -> operandSize * 2;
            // A far pointer's offset is 16 or 32 bits by 66 alone: objdump ignores REX.W here (AMD).
            case SIZE_P -> (operandSize == 8 ? (prefix66 ? 2 : 4) : operandSize) + 2;
            case SIZE_S -> mode64 ? 10 : 6;
            case SIZE_X -> vectorLength;
            default -> {
                if (code < 0) {
                    throw new IllegalArgumentException("size code " + code);
                }
                yield code;
            }
        };
    }

    private static int formCode(OperandForm form) {
        Type type = form.type();
        return switch (form.method()) {
            case E -> E;
            case M -> M;
            case G -> G;
            case Z -> Z;
            case I ->
                switch (type) {
                    case B -> IB;
                    case BS -> IBS;
                    case W -> IW;
                    case D -> ID;
                    case Z -> IZ;
                    case V -> IV;
                    default -> OTHER;
                };
            case J -> type == Type.B ? JB : JZ;
            default -> OTHER;
        };
    }

    /** The row's operand forms; the array is shared: callers must not change it. */
    public OperandForm[] forms() {
        return forms;
    }

    /** D64 or F64: 64 bits is the operand size in 64-bit mode. */
    public boolean defaultSize64() {
        return defaultSize64;
    }

    /** The encoding's mandatory prefix: Encoding.ANY, or 0 (NP), 1 (66), 2 (F3), 3 (F2), as VEX.pp. */
    public int mandatoryPrefix() {
        return mandatoryPrefix;
    }

    public boolean hasModRm() {
        return hasModRm;
    }

    public boolean modIgnored() {
        return modIgnored;
    }

    /** The index register size of the row's VSIB operand (16 or 32), or 0 when it has none. */
    public int vsibIndexSize() {
        return vsibIndexSize;
    }

    /** Whether an operand is AMX's sibmem. */
    public boolean sibmem() {
        return sibmem;
    }

    /** Whether an operand is encoded in VEX.vvvv. */
    public boolean usesVvvv() {
        return usesVvvv;
    }

    /** Whether an operand is an opmask or tile register, whose numbers stop at 7. */
    public boolean vexRegisterLimits() {
        return vexRegisterLimits;
    }

    /**
     * Whether REX.W selects this row's operand size in its memory or register form: not for D64 rows
     * (64-bit anyway), far pointers (AMD reads m16:32), or z and eAX forms (which stop at 32 bits).
     */
    public boolean sizeFromW(boolean memory) {
        return memory ? sizeFromWMemory : sizeFromWRegister;
    }

    /** Whether the operand size (66) has an effect on the row, in its memory or register form. */
    public boolean usesOperandSize(boolean memory) {
        return memory ? usesOperandSizeMemory : usesOperandSizeRegister;
    }

    /** Whether the encoding tells rows apart by W. */
    public boolean wSplit() {
        return wSplit;
    }

    /** IRET or RETF, whose REX.W is always taken. */
    public boolean farReturn() {
        return farReturn;
    }

    public boolean xchg() {
        return xchg;
    }

    /** The type of the row's ModRM memory operand, or null when it has none. */
    public Type memoryType() {
        return memoryType;
    }

    private static Type memoryType(OperandForm[] forms) {
        for (OperandForm form : forms) {
            switch (form.method()) {
                case E, M, Q, W, KE, VSIB, SIBMEM, BND_RM -> {
                    return form.memoryType();
                }
                default -> {}
            }
        }
        return null;
    }

    private boolean takes(Method method) {
        for (OperandForm form : forms) {
            if (form.method() == method) {
                return true;
            }
        }
        return false;
    }

    private static int vsibIndexSize(OperandForm[] forms) {
        for (OperandForm form : forms) {
            if (form.method() == Method.VSIB) {
                return form.type() == Type.QQ ? 32 : 16;
            }
        }
        return 0;
    }

    private boolean computeSizeFromW(boolean memory) {
        if (defaultSize64) {
            return false;
        }
        if (row.has(Attribute.OS16) || row.has(Attribute.OS32) || row.has(Attribute.OS64)) {
            return true;
        }
        for (OperandForm f : forms) {
            if (f.followsOperandSize(memory) && f.type() != Type.P && f.type() != Type.Z && f.sizeFollows() != 4) {
                return true;
            }
        }
        return false;
    }

    private boolean computeUsesOperandSize(boolean memory) {
        for (OperandForm form : forms) {
            if (form.method() == Method.J) {
                // A rel8 branch reads the same whatever the size (objdump shows 66 as data16).
                return form.type() == Type.Z;
            }
        }
        Mnemonic mnemonic = row.mnemonic();
        return row.usesOperandSize(memory)
                || defaultSize64
                || farReturn
                || mnemonic == Mnemonic.PUSHA
                || mnemonic == Mnemonic.POPA
                || mnemonic != null && X87_ENVIRONMENT.contains(mnemonic);
    }
}
