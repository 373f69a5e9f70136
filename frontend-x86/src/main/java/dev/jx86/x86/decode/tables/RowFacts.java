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

    private final Row row;
    private final OperandForm[] forms;
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
