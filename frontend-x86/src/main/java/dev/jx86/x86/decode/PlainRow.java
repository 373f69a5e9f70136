package dev.jx86.x86.decode;

import dev.jx86.x86.decode.tables.Method;
import dev.jx86.x86.decode.tables.OperandForm;
import dev.jx86.x86.decode.tables.RowFacts;

/**
 * A table row as the {@link PlainReader} decodes it: in one mode, under one REX.W, in one ModRM form
 * (register or memory), so that every operand size is already resolved and the operands follow one of
 * a few {@linkplain #shape() shapes}. Built by {@link PlainTable} for the rows whose operands are
 * general registers, ModRM memory, immediates and relative targets.
 */
final class PlainRow {
    // Shapes: the operands in order. E is ModRM.rm (register or memory, as the row's form says), G
    // ModRM.reg, Z the register in the opcode's low bits, I an immediate, J a relative target, F a
    // register the row names, 1 the constant 1.
    static final int NONE = 0;
    static final int G_E = 1;
    static final int E_G = 2;
    static final int E = 3;
    static final int E_I = 4;
    static final int G_E_I = 5;
    static final int E_F = 6;
    static final int E_1 = 7;
    static final int Z = 8;
    static final int Z_I = 9;
    static final int J = 10;
    static final int I = 11;
    static final int F_I = 12;
    static final int E_G_I = 13;
    static final int E_G_F = 14;

    /** The constant operand of the shifts and rotates by 1 (D0, D1): encoded in no byte. */
    static final Immediate ONE = new Immediate(1, 1, 0);

    private static final int REX_W = 8;
    private static final int REX_R = 4;
    private static final int REX_B = 1;

    final int shape;
    final Mnemonic mnemonic;
    final int attributes;
    final int operandSize;
    /** Whether a ModRM byte follows the opcode. */
    final boolean hasModRm;
    /** Whether the ModRM byte has the memory form. */
    final boolean memory;
    /** Whether the G-or-Z register is Z, in the opcode's low bits. */
    final boolean zRegister;
    /** The size of the G (or Z) register; 0 without one. */
    final int gSize;
    /** The size of the E operand, register or memory as {@link #memory} says; 0 without one. */
    final int eSize;
    /** Bytes of the immediate or the relative target's displacement; 0 for none. */
    final int tailLength;
    /** The size of the immediate's operand (a sign-extended imm8 acts at the operand size). */
    final int immediateSize;
    /** The G (or Z) register by {@code rexPresent << 4 | number}; null without one. */
    final Register[] gRegisters;
    /** The E register in the register form by {@code rexPresent << 4 | number}; null without one. */
    final Register[] eRegisters;
    /** The register an F operand names. */
    final Register fixed;
    /**
     * The REX bits the operands take whatever ModRM says (objdump's unused-prefix accounting): W where
     * it sets the size, R for G, B for E and Z. The reader adds X for a SIB byte and the REX byte itself
     * for SPL, BPL, SIL and DIL.
     */
    final int rexUsed;

    private PlainRow(
            int shape,
            RowFacts facts,
            int operandSize,
            boolean memory,
            int gSize,
            int eSize,
            int tailLength,
            int immediateSize,
            Register fixed) {
        this.shape = shape;
        this.mnemonic = facts.row().mnemonic();
        this.attributes = facts.row().attributes();
        this.operandSize = operandSize;
        this.hasModRm = facts.hasModRm();
        this.memory = memory;
        this.gSize = gSize;
        this.eSize = eSize;
        this.tailLength = tailLength;
        this.immediateSize = immediateSize;
        this.fixed = fixed;
        this.zRegister = shape == Z || shape == Z_I;
        this.gRegisters = gSize == 0 ? null : registers(gSize);
        this.eRegisters = eSize == 0 || memory ? null : registers(eSize);
        this.rexUsed = (facts.sizeFromW(memory) || facts.farReturn() || facts.wSplit() ? REX_W : 0)
                | (shape == G_E || shape == E_G || shape == G_E_I || shape == E_G_I || shape == E_G_F ? REX_R : 0)
                | (hasModRm || shape == Z || shape == Z_I ? REX_B : 0);
    }

    /**
     * The plain form of {@code facts} in {@code mode} with REX.W {@code w}, in the memory form or not,
     * or null when its operands have no shape here (the general reader decodes it).
     */
    static PlainRow of(RowFacts facts, Mode mode, boolean w, boolean memory) {
        if (facts.modIgnored()
                || facts.vsibIndexSize() != 0
                || facts.sibmem()
                || facts.usesVvvv()
                || facts.vexRegisterLimits()
                || facts.hasModRm() != hasRmForm(facts)) {
            return null;
        }
        boolean mode64 = mode == Mode.BITS64;
        int operandSize = mode64 ? (w || facts.defaultSize64() ? 8 : 4) : mode.bits() / 8;
        StringBuilder pattern = new StringBuilder();
        int gSize = 0;
        int eSize = 0;
        int tailLength = 0;
        int immediateSize = 0;
        Register fixed = null;
        OperandForm[] forms = facts.forms();
        for (int i = 0; i < forms.length; i++) {
            int size = RowFacts.size(facts.sizeCode(i), operandSize, mode64, w, false, 16);
            switch (facts.formCode(i)) {
                case RowFacts.E, RowFacts.M -> {
                    if (!memory && facts.formCode(i) == RowFacts.M) {
                        return null;
                    }
                    pattern.append('E');
                    eSize = memory ? RowFacts.size(facts.memorySizeCode(i), operandSize, mode64, w, false, 16) : size;
                }
                case RowFacts.G -> {
                    pattern.append('G');
                    gSize = size;
                }
                case RowFacts.Z -> {
                    pattern.append('Z');
                    gSize = size;
                }
                case RowFacts.IB, RowFacts.IBS, RowFacts.IW, RowFacts.ID, RowFacts.IZ, RowFacts.IV -> {
                    pattern.append('I');
                    tailLength = immediateLength(facts.formCode(i), operandSize);
                    immediateSize = immediateSize(facts.formCode(i), operandSize);
                }
                case RowFacts.JB, RowFacts.JZ -> {
                    pattern.append('J');
                    tailLength = facts.formCode(i) == RowFacts.JB ? 1 : operandSize == 2 ? 2 : 4;
                }
                default -> {
                    OperandForm form = forms[i];
                    if (form.method() == Method.ONE) {
                        pattern.append('1');
                    } else if (form.method() == Method.FIXED && form.fixed().kind() != Register.Kind.X87) {
                        pattern.append('F');
                        fixed = form.sizeFollows() != 0
                                ? Register.gpr(
                                        Math.min(operandSize, form.sizeFollows()),
                                        form.fixed().number(),
                                        false)
                                : form.fixed();
                    } else {
                        return null;
                    }
                }
            }
        }
        int shape = shape(pattern.toString());
        if (shape < 0) {
            return null;
        }
        return new PlainRow(shape, facts, operandSize, memory, gSize, eSize, tailLength, immediateSize, fixed);
    }

    private static Register[] registers(int size) {
        Register[] registers = new Register[32];
        for (int number = 0; number < 16; number++) {
            registers[number] = Register.gpr(size, number, false);
            registers[16 | number] = Register.gpr(size, number, true);
        }
        return registers;
    }

    /** Whether the row has an E or M operand, the only forms the plain reader reads ModRM for. */
    private static boolean hasRmForm(RowFacts facts) {
        for (int i = 0; i < facts.forms().length; i++) {
            if (facts.formCode(i) == RowFacts.E || facts.formCode(i) == RowFacts.M) {
                return true;
            }
        }
        return false;
    }

    private static int immediateLength(int formCode, int operandSize) {
        return switch (formCode) {
            case RowFacts.IB, RowFacts.IBS -> 1;
            case RowFacts.IW -> 2;
            case RowFacts.ID -> 4;
            case RowFacts.IZ -> operandSize == 2 ? 2 : 4;
            default -> operandSize;
        };
    }

    /** The size an immediate acts at: a sign-extended imm8 and an imm32 under REX.W at the operand size. */
    private static int immediateSize(int formCode, int operandSize) {
        return switch (formCode) {
            case RowFacts.IB -> 1;
            case RowFacts.IW -> 2;
            case RowFacts.ID -> 4;
            default -> operandSize;
        };
    }

    private static int shape(String pattern) {
        return switch (pattern) {
            case "" -> NONE;
            case "GE" -> G_E;
            case "EG" -> E_G;
            case "E" -> E;
            case "EI" -> E_I;
            case "GEI" -> G_E_I;
            case "EF" -> E_F;
            case "E1" -> E_1;
            case "Z" -> Z;
            case "ZI" -> Z_I;
            case "J" -> J;
            case "I" -> I;
            case "FI" -> F_I;
            case "EGI" -> E_G_I;
            case "EGF" -> E_G_F;
            default -> -1;
        };
    }

    @Override
    public String toString() {
        return "PlainRow[" + mnemonic + " shape " + shape + (memory ? " memory" : "") + "]";
    }
}
