package dev.jx86.x86.decode;

/**
 * A table row as the {@link PlainReader} decodes it: in one mode, after one prefix column (none, 66,
 * F3 or F2), under one REX.W, in one ModRM form (register or memory), so that every operand size and
 * register file is already resolved, the operands follow one of a few shapes and what the prefixes
 * do is known. Built by {@link PlainForms}.
 */
final class PlainRow {
    // Shapes: the operands in order. E is ModRM.rm (a register or memory, as the row's form says), G
    // ModRM.reg, Z the register in the opcode's low bits, I an immediate, J a relative target, F a
    // register the row names, 1 the constant 1. E and G stand for vector registers too (W and V).
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
    static final int Z_F = 15;
    /** Opcode 90 without 66: NOP, or with REX.B {@link #rexBAlternative} (XCHG r8, rAX). */
    static final int NOP_90 = 16;

    /** The constant operand of the shifts and rotates by 1 (D0, D1): encoded in no byte. */
    static final Immediate ONE = new Immediate(1, 1, 0);

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
    /** The size of the G (or Z) general register, for the REX accounting of byte registers; else 0. */
    final int gSize;
    /** The size of the E operand: of its general register, or of the memory; else 0. */
    final int eSize;
    /** Bytes of the immediate or the relative target's displacement; 0 for none. */
    final int tailLength;
    /** The size of the immediate's operand (a sign-extended imm8 acts at the operand size). */
    final int immediateSize;
    /** The G (or Z, or V) register by {@code rexPresent << 4 | number}; null without one. */
    final Register[] gRegisters;
    /** The E (or W) register in the register form by {@code rexPresent << 4 | number}; else null. */
    final Register[] eRegisters;
    /** The register an F operand names. */
    final Register fixed;
    /**
     * The REX bits the operands take whatever ModRM says (objdump's unused-prefix accounting): W where
     * it sets the size, R for G, B for E and Z. The reader adds X for a SIB byte and the REX byte itself
     * for SPL, BPL, SIL and DIL.
     */
    final int rexUsed;
    /** The legacy prefix byte of the row's column as {@link Prefixes} keeps it; null for none. */
    final byte[] prefix;
    /** {@link Prefixes}' unused mask for that prefix: 1 when it has no effect on the row. */
    final int prefixUnused;
    /** For {@link #NOP_90}: the row under REX.B. */
    final PlainRow rexBAlternative;
    /** For a group row, which stands for no instruction itself: the rows by ModRM.reg (null ones too). */
    final PlainRow[] byReg;

    PlainRow(
            int shape,
            Mnemonic mnemonic,
            int attributes,
            int operandSize,
            boolean hasModRm,
            boolean memory,
            int gSize,
            int eSize,
            int tailLength,
            int immediateSize,
            Register[] gRegisters,
            Register[] eRegisters,
            Register fixed,
            int rexUsed,
            byte[] prefix,
            int prefixUnused,
            PlainRow rexBAlternative,
            PlainRow[] byReg) {
        this.shape = shape;
        this.mnemonic = mnemonic;
        this.attributes = attributes;
        this.operandSize = operandSize;
        this.hasModRm = hasModRm;
        this.memory = memory;
        this.zRegister = shape == Z || shape == Z_I || shape == Z_F;
        this.gSize = gSize;
        this.eSize = eSize;
        this.tailLength = tailLength;
        this.immediateSize = immediateSize;
        this.gRegisters = gRegisters;
        this.eRegisters = eRegisters;
        this.fixed = fixed;
        this.rexUsed = rexUsed;
        this.prefix = prefix;
        this.prefixUnused = prefixUnused;
        this.rexBAlternative = rexBAlternative;
        this.byReg = byReg;
    }

    /** The row of a group opcode, whose ModRM.reg chooses the row ({@code byReg}). */
    static PlainRow group(PlainRow[] byReg) {
        return new PlainRow(NONE, null, 0, 0, true, false, 0, 0, 0, 0, null, null, null, 0, null, 0, null, byReg);
    }

    /** This row as the NOP of opcode 90, with {@code xchg} for REX.B. */
    PlainRow asNop90(PlainRow xchg) {
        return new PlainRow(
                NOP_90,
                mnemonic,
                attributes,
                operandSize,
                hasModRm,
                memory,
                gSize,
                eSize,
                tailLength,
                immediateSize,
                gRegisters,
                eRegisters,
                fixed,
                rexUsed,
                prefix,
                prefixUnused,
                xchg,
                null);
    }

    @Override
    public String toString() {
        return "PlainRow[" + mnemonic + " shape " + shape + (memory ? " memory" : "") + "]";
    }
}
