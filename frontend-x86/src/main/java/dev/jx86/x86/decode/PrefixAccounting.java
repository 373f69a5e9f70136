package dev.jx86.x86.decode;

import dev.jx86.x86.decode.tables.Encoding;
import dev.jx86.x86.decode.tables.Row;
import dev.jx86.x86.decode.tables.RowFacts;
import java.util.List;

/**
 * Which of an instruction's prefixes took effect, in the sense of GNU objdump, which prints the others
 * by name before the instruction ({@code data16}, {@code rex.W}, {@code ds}...): the {@link Prefixes} of
 * the {@link InstructionReader}'s result, from the prefixes it read and what the instruction consumed.
 */
final class PrefixAccounting {
    private static final int REX_W = 8;
    /** Stands for "the REX byte changed which byte register was named" in the unused-bit mask. */
    private static final int REX_PRESENCE = 16;
    /** Stands in for the row of an undefined encoding: no prefix is its own. */
    private static final RowFacts NO_ROW = new RowFacts(new Row(Encoding.parse("D6"), Mnemonic.NOP, List.of(), 0));

    private PrefixAccounting() {}

    /** The prefixes read so far, none of them with an effect: objdump names them before (bad). */
    static Prefixes allUnused(InstructionReader r) {
        PrefixRun legacy = r.legacy;
        int rex = r.rex;
        int rexUnused = rex == 0 ? 0 : (rex & 0xf) != 0 ? rex & 0xf : REX_PRESENCE;
        return new Prefixes(legacy.toArray(), (1 << legacy.count()) - 1, rex, rexUnused, null);
    }

    /**
     * Which prefixes of {@code r}'s instruction took effect. {@code facts} is null for an undefined
     * encoding, where only the memory operand uses prefixes.
     */
    static Prefixes prefixes(InstructionReader r, RowFacts facts, boolean mandatory66, List<Operand> operands) {
        PrefixRun legacy = r.legacy;
        int rex = r.rex;
        Vex vex = r.vex;
        if (legacy.count() == 0 && rex == 0 && vex == null) {
            return Prefixes.NONE;
        }
        if (facts == null) {
            facts = NO_ROW;
        }
        int unused = legacy.count() == 0 ? 0 : unusedLegacy(r, facts, mandatory66, operands);
        int rexUnused = rex != 0 && vex == null ? rexUnused(r, facts) : 0;
        if (vex != null && r.rexBeforeVex != 0) {
            rexUnused = (r.rexBeforeVex & 0xf) != 0 ? r.rexBeforeVex & 0xf : REX_PRESENCE;
            return new Prefixes(legacy.toArray(), unused, r.rexBeforeVex, rexUnused, vex);
        }
        if (legacy.count() == 0 && vex == null) {
            return Prefixes.rexOnly(rex, rexUnused);
        }
        return new Prefixes(legacy.toArray(), unused, vex == null ? rex : 0, rexUnused, vex);
    }

    /** The mask of the legacy prefixes that had no effect. */
    private static int unusedLegacy(InstructionReader r, RowFacts facts, boolean mandatory66, List<Operand> operands) {
        int unused = 0;
        for (int i = 0; i < r.legacy.count(); i++) {
            if (!legacyUsed(r, i, facts, mandatory66, operands)) {
                unused |= 1 << i;
            }
        }
        return unused;
    }

    private static boolean legacyUsed(
            InstructionReader r, int i, RowFacts facts, boolean mandatory66, List<Operand> operands) {
        PrefixRun legacy = r.legacy;
        Row row = facts.row();
        int mandatory = facts.mandatoryPrefix();
        return switch (legacy.byteAt(i)) {
            case 0x66 ->
                i == legacy.last66
                        && r.vex == null
                        && (mandatory66
                                || r.selected66
                                // REX.W overrides 66 as the operand size, which leaves 66 unused.
                                || facts.usesOperandSize(r.memoryOperand)
                                        && !(rexWOverrides66(r, facts) && !r.prefixColumns));
            case 0x67 ->
                i == legacy.last67
                        && (r.memoryOperand && !hasAbsolute(operands)
                                || row.has(Attribute.AS16)
                                || row.has(Attribute.AS32)
                                || row.has(Attribute.AS64));
            case 0xf2, 0xf3 ->
                i == legacy.lastRepeat
                        && (r.vex == null && (mandatory == 2 || mandatory == 3)
                                || row.has(Attribute.REP)
                                || row.has(Attribute.REPE_REPNE));
            case 0x9b -> true;
            case 0xf0 ->
                row.has(Attribute.LOCKABLE) && !operands.isEmpty() && operands.get(0) instanceof Memory
                        || !r.mode64 && hasControlRegister(operands);
            default -> i == legacy.lastSegment && r.segmentUsed;
        };
    }

    /** The bits of a legacy-encoding REX that had no effect ({@link Prefixes#rexUnusedBits()}). */
    private static int rexUnused(InstructionReader r, RowFacts facts) {
        int used = r.rexUsed;
        if (facts.sizeFromW(r.memoryOperand) || facts.farReturn() || facts.wSplit()) {
            used |= REX_W;
        }
        int rexUnused = r.rex & 0xf & ~used;
        if ((r.rex & 0xf) == 0 && (used & REX_PRESENCE) == 0) {
            rexUnused |= REX_PRESENCE;
        }
        return rexUnused;
    }

    /** objdump does not count 67 as taken by a 32-bit absolute address (16- and 64-bit modes). */
    private static boolean hasAbsolute(List<Operand> operands) {
        for (Operand operand : operands) {
            if (operand instanceof Memory m && m.base() == null && m.index() == null && m.addressSize() == 4) {
                return true;
            }
        }
        return false;
    }

    /** Outside 64-bit mode a LOCK on MOV to or from a control register selects CR8-CR15. */
    private static boolean hasControlRegister(List<Operand> operands) {
        for (Operand operand : operands) {
            if (operand instanceof Register register && register.kind() == Register.Kind.CONTROL) {
                return true;
            }
        }
        return false;
    }

    /**
     * REX.W sets a 64-bit operand size whatever 66 says, so 66 has no effect (on D64 and F64 rows
     * too); except at 90, where 66 is what makes the bytes XCHG rather than NOP.
     */
    private static boolean rexWOverrides66(InstructionReader r, RowFacts facts) {
        return (r.rex & REX_W) != 0
                && r.vex == null
                && (facts.sizeFromW(r.memoryOperand) || facts.defaultSize64())
                && !(facts.xchg() && r.opcode == 0x90);
    }
}
