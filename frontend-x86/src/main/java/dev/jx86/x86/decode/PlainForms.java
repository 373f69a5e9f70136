package dev.jx86.x86.decode;

import dev.jx86.x86.decode.tables.Method;
import dev.jx86.x86.decode.tables.OperandForm;
import dev.jx86.x86.decode.tables.RowFacts;
import dev.jx86.x86.decode.tables.Type;

/**
 * Which table rows the {@link PlainReader} decodes, and the {@link PlainRow} each becomes in one
 * setting of what the plain reader knows before it looks at the row: the mode, the prefix column,
 * REX.W and the ModRM form. A row qualifies when its operands are general or XMM registers named by
 * ModRM or the opcode, ModRM memory, immediates, relative targets, fixed registers or the constant 1,
 * in one of {@link PlainRow}'s shapes. The sizes and the prefix accounting follow the general
 * reader's rules ({@link InstructionReader}, {@link PrefixAccounting}); PlainReaderTest checks that
 * both readers agree.
 */
final class PlainForms {
    private static final int REX_W = 8;
    private static final int REX_R = 4;
    private static final int REX_B = 1;
    /** The prefix byte of each column: none, 66, F3, F2 (as {@link dev.jx86.x86.decode.tables.Encoding}). */
    private static final byte[][] PREFIX_BYTES = {null, {0x66}, {(byte) 0xf3}, {(byte) 0xf2}};

    private PlainForms() {}

    /**
     * The plain row of {@code facts}, or null when the general reader must decode it.
     *
     * @param column the prefix column: 0 (none), 1 (66), 2 (F3), 3 (F2)
     * @param prefixSplit whether the decode tree chose the row by its prefix column
     * @param opcode90 whether the opcode is the one-byte 90 (NOP or XCHG)
     */
    static PlainRow of(
            RowFacts facts, Mode mode, int column, boolean w, boolean memory, boolean prefixSplit, boolean opcode90) {
        if (facts.modIgnored()
                || facts.vsibIndexSize() != 0
                || facts.sibmem()
                || facts.usesVvvv()
                || facts.vexRegisterLimits()
                || facts.hasModRm() != hasRmForm(facts)) {
            return null;
        }
        boolean mode64 = mode == Mode.BITS64;
        boolean mandatory66 = facts.mandatoryPrefix() == 1;
        int operandSize = operandSize(mode, column == 1 && !mandatory66, w, facts.defaultSize64());
        StringBuilder pattern = new StringBuilder();
        int gSize = 0;
        int eSize = 0;
        Register[] gRegisters = null;
        Register[] eRegisters = null;
        int tailLength = 0;
        int immediateSize = 0;
        Register fixed = null;
        OperandForm[] forms = facts.forms();
        for (int i = 0; i < forms.length; i++) {
            OperandForm form = forms[i];
            int code = facts.formCode(i);
            int size = RowFacts.size(facts.sizeCode(i), operandSize, mode64, w, column == 1, 16);
            int memorySize = RowFacts.size(facts.memorySizeCode(i), operandSize, mode64, w, column == 1, 16);
            switch (code) {
                case RowFacts.E, RowFacts.M -> {
                    if (!memory && code == RowFacts.M) {
                        return null;
                    }
                    pattern.append('E');
                    eSize = memory ? memorySize : size;
                    eRegisters = memory ? null : generalRegisters(size);
                }
                case RowFacts.G, RowFacts.Z -> {
                    pattern.append(code == RowFacts.G ? 'G' : 'Z');
                    gSize = size;
                    gRegisters = generalRegisters(size);
                }
                case RowFacts.IB, RowFacts.IBS, RowFacts.IW, RowFacts.ID, RowFacts.IZ, RowFacts.IV -> {
                    pattern.append('I');
                    tailLength = immediateLength(code, operandSize);
                    immediateSize = immediateSize(code, operandSize);
                }
                case RowFacts.JB, RowFacts.JZ -> {
                    pattern.append('J');
                    tailLength = code == RowFacts.JB ? 1 : operandSize == 2 ? 2 : 4;
                }
                default -> {
                    switch (form.method()) {
                        case V -> {
                            pattern.append('G');
                            gRegisters = vectorRegisters(form.type());
                        }
                        case W, U -> {
                            if (memory && form.method() == Method.U) {
                                return null;
                            }
                            pattern.append('E');
                            eSize = memory ? memorySize : 0;
                            eRegisters = memory ? null : vectorRegisters(form.type());
                        }
                        case ONE -> pattern.append('1');
                        case FIXED -> {
                            if (form.fixed().kind() == Register.Kind.X87) {
                                return null;
                            }
                            pattern.append('F');
                            fixed = form.sizeFollows() != 0
                                    ? Register.gpr(
                                            Math.min(operandSize, form.sizeFollows()),
                                            form.fixed().number(),
                                            false)
                                    : form.fixed();
                        }
                        default -> {
                            return null;
                        }
                    }
                }
            }
        }
        int shape = shape(pattern.toString());
        if (shape < 0) {
            return null;
        }
        boolean hasReg = pattern.indexOf("G") >= 0;
        int rexUsed = (facts.sizeFromW(memory) || facts.farReturn() || facts.wSplit() ? REX_W : 0)
                | (hasReg ? REX_R : 0)
                | (facts.hasModRm() || pattern.indexOf("Z") >= 0 ? REX_B : 0);
        boolean prefixUsed = switch (column) {
            case 0 -> true;
            case 1 ->
                mandatory66
                        || prefixSplit
                        // REX.W overrides 66 as the operand size, which leaves 66 unused.
                        || facts.usesOperandSize(memory)
                                && !(w
                                        && (facts.sizeFromW(memory) || facts.defaultSize64())
                                        && !(facts.xchg() && opcode90)
                                        && !prefixSplit);
            default -> {
                int mandatory = facts.mandatoryPrefix();
                yield mandatory == 2
                        || mandatory == 3
                        || facts.row().has(Attribute.REP)
                        || facts.row().has(Attribute.REPE_REPNE);
            }
        };
        return new PlainRow(
                shape,
                facts.row().mnemonic(),
                facts.row().attributes(),
                operandSize,
                facts.hasModRm(),
                memory,
                gSize,
                eSize,
                tailLength,
                immediateSize,
                gRegisters,
                eRegisters,
                fixed,
                rexUsed,
                PREFIX_BYTES[column],
                prefixUsed ? 0 : 1,
                null,
                null);
    }

    /** The operand size (InstructionReader.operandSize) with or without a 66 that overrides it. */
    static int operandSize(Mode mode, boolean override, boolean w, boolean defaultSize64) {
        return switch (mode) {
            case BITS64 -> w ? 8 : override ? 2 : defaultSize64 ? 8 : 4;
            case BITS32 -> override ? 2 : 4;
            case BITS16 -> override ? 4 : 2;
        };
    }

    /** Whether the row has an operand in ModRM.rm, the only ones the plain reader reads ModRM for. */
    private static boolean hasRmForm(RowFacts facts) {
        for (int i = 0; i < facts.forms().length; i++) {
            Method method = facts.forms()[i].method();
            if (method == Method.E || method == Method.M || method == Method.W || method == Method.U) {
                return true;
            }
        }
        return false;
    }

    /** The general registers of each size by {@code rexPresent << 4 | number}, shared by the rows. */
    private static final Register[][] GENERAL_REGISTERS = {
        null,
        generalRegisterFile(1),
        generalRegisterFile(2),
        null,
        generalRegisterFile(4),
        null,
        null,
        null,
        generalRegisterFile(8)
    };

    private static final Register[] XMM_REGISTERS = vectorRegisterFile(16);
    private static final Register[] YMM_REGISTERS = vectorRegisterFile(32);

    private static Register[] generalRegisters(int size) {
        return GENERAL_REGISTERS[size];
    }

    /** XMM registers, or YMM for a {@code qq} operand (InstructionReader.vectorSize without VEX). */
    private static Register[] vectorRegisters(Type type) {
        return type == Type.QQ ? YMM_REGISTERS : XMM_REGISTERS;
    }

    private static Register[] generalRegisterFile(int size) {
        Register[] registers = new Register[32];
        for (int number = 0; number < 16; number++) {
            registers[number] = Register.gpr(size, number, false);
            registers[16 | number] = Register.gpr(size, number, true);
        }
        return registers;
    }

    private static Register[] vectorRegisterFile(int size) {
        Register[] registers = new Register[32];
        for (int number = 0; number < 16; number++) {
            registers[number] = Register.vector(size, number);
            registers[16 | number] = registers[number];
        }
        return registers;
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
            case "" -> PlainRow.NONE;
            case "GE" -> PlainRow.G_E;
            case "EG" -> PlainRow.E_G;
            case "E" -> PlainRow.E;
            case "EI" -> PlainRow.E_I;
            case "GEI" -> PlainRow.G_E_I;
            case "EF" -> PlainRow.E_F;
            case "E1" -> PlainRow.E_1;
            case "Z" -> PlainRow.Z;
            case "ZI" -> PlainRow.Z_I;
            case "J" -> PlainRow.J;
            case "I" -> PlainRow.I;
            case "FI" -> PlainRow.F_I;
            case "EGI" -> PlainRow.E_G_I;
            case "EGF" -> PlainRow.E_G_F;
            case "ZF" -> PlainRow.Z_F;
            default -> -1;
        };
    }
}
