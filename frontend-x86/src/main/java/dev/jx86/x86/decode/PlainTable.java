package dev.jx86.x86.decode;

import dev.jx86.x86.decode.tables.DecodeTables;
import dev.jx86.x86.decode.tables.Encoding;
import dev.jx86.x86.decode.tables.Node;
import dev.jx86.x86.decode.tables.OpcodeMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The decode trees of the one-byte and 0F maps flattened for the {@link PlainReader}, in one mode:
 * without legacy prefixes every dimension of the tree but ModRM's is known from REX.W and the mode, so
 * one array holds a {@link PlainRow} for each (REX.W, map, opcode, ModRM.mod and ModRM.reg).
 * A null row is an encoding the plain reader leaves to the general one: an undefined or named-undefined
 * path, a split on ModRM.rm, a row of another shape, or a byte that is a prefix or an escape.
 */
final class PlainTable {
    /** Index bits of a row array: REX.W, then the map (0F), then the opcode byte. */
    static final int W_KEY = 0x200;

    static final int MAP_0F_KEY = 0x100;

    /** The rows under one ModRM: by {@code modrm >> 3}, that is mod and reg. */
    private static final int FORMS = 32;

    private static final PlainTable BITS32 = new PlainTable(Mode.BITS32);
    private static final PlainTable BITS64 = new PlainTable(Mode.BITS64);

    final Mode mode;
    final boolean mode64;
    final int addressSize;
    /** By {@code key << 5 | modrm >> 3}: one load per instruction. */
    private final PlainRow[] rows = new PlainRow[2 * W_KEY * FORMS];

    private PlainTable(Mode mode) {
        this.mode = mode;
        this.mode64 = mode == Mode.BITS64;
        this.addressSize = mode64 ? 8 : 4;
        Map<PlainRowKey, PlainRow> plainRows = new HashMap<>();
        for (int key = 0; key < 2 * W_KEY; key++) {
            boolean w = (key & W_KEY) != 0;
            OpcodeMap map = (key & MAP_0F_KEY) != 0 ? OpcodeMap.MAP_0F : OpcodeMap.ONE_BYTE;
            int opcode = key & 0xff;
            if (w && !mode64 || leftToGeneralReader(map, opcode)) {
                continue;
            }
            for (int form = 0; form < FORMS; form++) {
                rows[key * FORMS + form] = row(DecodeTables.root(map, opcode), w, form, plainRows);
            }
        }
    }

    /** The table for {@code mode}, or null in 16-bit mode, which the plain reader does not decode. */
    static PlainTable of(Mode mode) {
        return switch (mode) {
            case BITS16 -> null;
            case BITS32 -> BITS32;
            case BITS64 -> BITS64;
        };
    }

    /** The row for {@code key} ({@link #W_KEY} | {@link #MAP_0F_KEY} | opcode) and ModRM {@code modrm}. */
    PlainRow row(int key, int modrm) {
        return rows[key << 5 | modrm >> 3];
    }

    /**
     * Bytes whose decoding depends on more than the tree: prefixes and REX, the escapes to other maps
     * and encodings (0F 38, 0F 3A, 0F 0F, VEX, EVEX, XOP), FWAIT (which joins a following x87
     * instruction), x87, and 90 (NOP or XCHG by REX.B).
     */
    private boolean leftToGeneralReader(OpcodeMap map, int opcode) {
        if (map == OpcodeMap.MAP_0F) {
            return opcode == 0x38 || opcode == 0x3a || opcode == 0x0f;
        }
        return switch (opcode) {
            case 0x0f, 0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3 -> true;
            case 0x62, 0x8f, 0x90, 0x9b, 0xc4, 0xc5 -> true;
            default -> opcode >= 0xd8 && opcode <= 0xdf || mode64 && opcode >= 0x40 && opcode <= 0x4f;
        };
    }

    /** The plain row that {@code node} leads to with REX.W {@code w} and ModRM's {@code form}, or null. */
    private PlainRow row(Node node, boolean w, int form, Map<PlainRowKey, PlainRow> plainRows) {
        boolean memory = form >> 3 != 3;
        while (node instanceof Node.Split split) {
            int key = switch (split.dimension()) {
                case PREFIX, L -> 0;
                case REG -> form & 7;
                case MOD -> memory ? Encoding.MEMORY : Encoding.REGISTER;
                case RM -> -1;
                case W -> w ? 1 : 0;
                case MODE -> mode64 ? 1 : 0;
                case OPERAND_SIZE -> mode64 && (w || split.defaultSize64()) ? 2 : mode64 ? 1 : sizeIndex(mode);
                case ADDRESS_SIZE -> mode64 ? 2 : sizeIndex(mode);
            };
            if (key < 0) {
                return null;
            }
            node = split.children()[key];
        }
        if (!(node instanceof Node.Leaf leaf)) {
            return null;
        }
        // One object per distinct row: the 32 forms of an opcode that ignores ModRM share it.
        return plainRows.computeIfAbsent(
                new PlainRowKey(leaf, w, memory && leaf.facts().hasModRm()),
                k -> PlainRow.of(k.leaf().facts(), mode, w, k.memory()));
    }

    private static int sizeIndex(Mode mode) {
        return mode == Mode.BITS32 ? 1 : 0;
    }

    private record PlainRowKey(Node.Leaf leaf, boolean w, boolean memory) {}

    @Override
    public String toString() {
        return "PlainTable[" + mode + "]";
    }
}
