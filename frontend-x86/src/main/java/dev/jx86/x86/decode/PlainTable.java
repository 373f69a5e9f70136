package dev.jx86.x86.decode;

import dev.jx86.x86.decode.tables.DecodeTables;
import dev.jx86.x86.decode.tables.Dimension;
import dev.jx86.x86.decode.tables.Encoding;
import dev.jx86.x86.decode.tables.Node;
import dev.jx86.x86.decode.tables.OpcodeMap;
import dev.jx86.x86.decode.tables.RowFacts;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The decode trees of the one-byte and 0F maps flattened for the {@link PlainReader}, in one mode:
 * with at most one legacy prefix, 66, F3 or F2, every dimension of the tree but ModRM's is known from
 * that prefix, REX.W and the mode, so one array holds a {@link PlainRow} for each (prefix column,
 * REX.W, map, opcode, register or memory form), or a group row for opcodes that ModRM.reg tells
 * apart. A null row is an encoding the plain reader leaves to the general one: an undefined or
 * named-undefined path, a split on ModRM.rm, a row of another shape, or a byte that is a prefix or an
 * escape.
 */
final class PlainTable {
    /** Key bits of a row: the prefix column (2 bits), REX.W, the map (0F), then the opcode byte. */
    static final int COLUMN_SHIFT = 10;

    static final int W_KEY = 0x200;
    static final int MAP_0F_KEY = 0x100;

    private static final int KEYS = 4 << COLUMN_SHIFT;
    private static final Object NOT_PLAIN = new Object();

    final Mode mode;
    final boolean mode64;
    final int addressSize;
    /**
     * By {@code key << 1 | registerForm}: 8 KiB for the common keys (no prefix), so that the lookup
     * stays in the L1 cache; a {@linkplain PlainRow#byReg group} row leads on by ModRM.reg.
     */
    private final PlainRow[] rows = new PlainRow[KEYS * 2];
    /**
     * While the table is built: the plain rows so far, one object per row and setting (opcodes of one
     * row and the forms of an opcode that ignores ModRM share it), by the row's facts, then by the
     * setting's bits; {@link #NOT_PLAIN} where the row has no plain form. A cold start builds the
     * table: no hashing of keys.
     */
    private Map<RowFacts, Object[]> plainRows = new IdentityHashMap<>();

    private PlainTable(Mode mode) {
        this.mode = mode;
        this.mode64 = mode == Mode.BITS64;
        this.addressSize = mode64 ? 8 : mode == Mode.BITS32 ? 4 : 2;
        for (int key = 0; key < KEYS; key++) {
            int column = key >> COLUMN_SHIFT;
            boolean w = (key & W_KEY) != 0;
            OpcodeMap map = (key & MAP_0F_KEY) != 0 ? OpcodeMap.MAP_0F : OpcodeMap.ONE_BYTE;
            int opcode = key & 0xff;
            if (w && !mode64 || leftToGeneralReader(map, opcode)) {
                continue;
            }
            Node root = DecodeTables.root(map, opcode);
            boolean opcode90 = map == OpcodeMap.ONE_BYTE && opcode == 0x90;
            for (int registerForm = 0; registerForm < 2; registerForm++) {
                int mod = registerForm == 0 ? 0 : 3;
                if (splitsOnRegOrRm(root)) {
                    PlainRow[] byReg = new PlainRow[8];
                    boolean any = false;
                    for (int reg = 0; reg < 8; reg++) {
                        byReg[reg] = row(root, column, w, mod << 3 | reg, opcode90);
                        any |= byReg[reg] != null;
                    }
                    rows[key << 1 | registerForm] = any ? PlainRow.group(byReg) : null;
                } else {
                    rows[key << 1 | registerForm] = row(root, column, w, mod << 3, opcode90);
                }
            }
        }
        plainRows = null;
    }

    /** Whether the tree under {@code node} tests ModRM.reg or rm: then each reg needs its own walk. */
    private static boolean splitsOnRegOrRm(Node node) {
        if (!(node instanceof Node.Split split)) {
            return false;
        }
        if (split.dimension() == Dimension.REG || split.dimension() == Dimension.RM) {
            return true;
        }
        for (Node child : split.children()) {
            if (splitsOnRegOrRm(child)) {
                return true;
            }
        }
        return false;
    }

    /** The table for {@code mode}. */
    static PlainTable of(Mode mode) {
        return switch (mode) {
            case BITS16 -> Bits16.TABLE;
            case BITS32 -> Bits32.TABLE;
            case BITS64 -> Bits64.TABLE;
        };
    }

    /** Built when first asked for: a 64-bit guest never needs the 32-bit table. */
    private static final class Bits16 {
        static final PlainTable TABLE = new PlainTable(Mode.BITS16);
    }

    private static final class Bits32 {
        static final PlainTable TABLE = new PlainTable(Mode.BITS32);
    }

    private static final class Bits64 {
        static final PlainTable TABLE = new PlainTable(Mode.BITS64);
    }

    /**
     * The segment that override prefix {@code b} selects where it acts on a memory operand, or null
     * where the plain reader leaves it to the general one: in 64-bit mode CS, DS, ES and SS overrides
     * are ignored (the general reader keeps them as unused prefixes, and 3E before an indirect branch
     * is NOTRACK).
     */
    Register segmentOverride(int b) {
        return switch (b) {
            case 0x64 -> Register.FS;
            case 0x65 -> Register.GS;
            case 0x26 -> mode64 ? null : Register.ES;
            case 0x2e -> mode64 ? null : Register.CS;
            case 0x36 -> mode64 ? null : Register.SS;
            case 0x3e -> mode64 ? null : Register.DS;
            default -> null;
        };
    }

    /**
     * The row for {@code key} (column, {@link #W_KEY}, {@link #MAP_0F_KEY}, opcode) in the form of ModRM
     * {@code modrm}: a plain row, a group row, or null.
     */
    PlainRow row(int key, int modrm) {
        return rows[key << 1 | (modrm + 0x40) >> 8];
    }

    /**
     * Bytes whose decoding depends on more than the tree: prefixes and REX, the escapes to other maps
     * and encodings (0F 38, 0F 3A, 0F 0F, VEX, EVEX, XOP), FWAIT (which joins a following x87
     * instruction) and x87.
     */
    private boolean leftToGeneralReader(OpcodeMap map, int opcode) {
        if (map == OpcodeMap.MAP_0F) {
            return opcode == 0x38 || opcode == 0x3a || opcode == 0x0f;
        }
        return switch (opcode) {
            case 0x0f, 0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3 -> true;
            case 0x62, 0x8f, 0x9b, 0xc4, 0xc5 -> true;
            default -> opcode >= 0xd8 && opcode <= 0xdf || mode64 && opcode >= 0x40 && opcode <= 0x4f;
        };
    }

    /** The plain row that {@code node} leads to in this setting and ModRM {@code form}, or null. */
    private PlainRow row(Node node, int column, boolean w, int form, boolean opcode90) {
        boolean memory = form >> 3 != 3;
        boolean prefixSplit = false;
        while (node instanceof Node.Split split) {
            int key = switch (split.dimension()) {
                case PREFIX -> column;
                case L -> 0;
                case REG -> form & 7;
                case MOD -> memory ? Encoding.MEMORY : Encoding.REGISTER;
                case RM -> -1;
                case W -> w ? 1 : 0;
                case MODE -> mode64 ? 1 : 0;
                case OPERAND_SIZE ->
                    sizeIndex(PlainForms.operandSize(
                            mode, column == 1 && !split.mandatory66(), w, split.defaultSize64()));
                case ADDRESS_SIZE -> sizeIndex(addressSize);
            };
            if (key < 0) {
                return null;
            }
            prefixSplit |= split.dimension() == Dimension.PREFIX;
            node = split.children()[key];
        }
        if (!(node instanceof Node.Leaf leaf)) {
            return null;
        }
        RowFacts facts = leaf.facts();
        boolean memoryForm = memory && facts.hasModRm();
        if (facts.xchg() && opcode90 && column != 1) {
            // 90 is NOP unless REX.B or 66 makes it XCHG (InstructionReader.readInstruction).
            PlainRow nop = plainRow(DecodeTables.nop90Facts(), column, w, false, prefixSplit, true);
            PlainRow xchg = plainRow(facts, column, w, false, prefixSplit, true);
            return nop == null || xchg == null ? null : nop.asNop90(xchg);
        }
        return plainRow(facts, column, w, memoryForm, prefixSplit, opcode90);
    }

    private PlainRow plainRow(
            RowFacts facts, int column, boolean w, boolean memory, boolean prefixSplit, boolean opcode90) {
        Object[] built = plainRows.computeIfAbsent(facts, f -> new Object[64]);
        int setting = column << 4 | (w ? 8 : 0) | (memory ? 4 : 0) | (prefixSplit ? 2 : 0) | (opcode90 ? 1 : 0);
        if (built[setting] == null) {
            PlainRow row = PlainForms.of(facts, mode, column, w, memory, prefixSplit, opcode90);
            built[setting] = row != null ? row : NOT_PLAIN;
        }
        return built[setting] instanceof PlainRow row ? row : null;
    }

    private static int sizeIndex(int size) {
        return size == 2 ? 0 : size == 4 ? 1 : 2;
    }

    @Override
    public String toString() {
        return "PlainTable[" + mode + "]";
    }
}
