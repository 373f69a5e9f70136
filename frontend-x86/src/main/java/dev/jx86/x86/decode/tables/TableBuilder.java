package dev.jx86.x86.decode.tables;

import dev.jx86.x86.decode.Attribute;
import dev.jx86.x86.decode.Mnemonic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the rows of the opcode tables and compiles each opcode's rows into a decode tree. Where
 * rows overlap, the one with more specific constraints wins (F3 0F 1E FA ENDBR64 over 0F 1E /r NOP),
 * and between equally specific rows the one with a mandatory prefix; two rows still tied for the same
 * bytes are an error in the tables.
 */
public final class TableBuilder {
    private final List<List<List<Row>>> rowsByMap = new ArrayList<>();
    /** The facts of each row, by identity: a row reached by several paths or opcodes has one. */
    private final Map<Row, RowFacts> facts = new IdentityHashMap<>();

    TableBuilder() {
        for (int m = 0; m < OpcodeMap.values().length; m++) {
            List<List<Row>> byOpcode = new ArrayList<>();
            for (int op = 0; op < 256; op++) {
                byOpcode.add(new ArrayList<>());
            }
            rowsByMap.add(byOpcode);
        }
    }

    /**
     * Adds a row. {@code operands} is a comma-separated list in the SDM's notation, empty for none.
     */
    public void row(String encoding, Mnemonic mnemonic, String operands, Attribute... attributes) {
        Encoding parsed;
        List<OperandForm> forms = new ArrayList<>();
        try {
            parsed = Encoding.parse(encoding);
            if (!operands.isEmpty()) {
                for (String operand : operands.split(",")) {
                    forms.add(OperandForm.parse(operand.trim()));
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad row '" + encoding + "' " + mnemonic + " '" + operands + "'", e);
        }
        int bits = 0;
        for (Attribute attribute : attributes) {
            bits |= attribute.bit();
        }
        for (int i = 0; i < forms.size() - 1; i++) {
            if (forms.get(i).method() == Method.J) {
                // The reader resolves a branch target when it reads it: nothing may follow it.
                throw new IllegalArgumentException("a J operand must come last: " + encoding + " " + mnemonic);
            }
        }
        boolean needsModRm = false;
        for (OperandForm form : forms) {
            needsModRm |= form.usesModRm();
        }
        if (needsModRm && !parsed.hasModRm()) {
            throw new IllegalArgumentException("operands need ModRM but encoding has none: " + encoding);
        }
        Row row = new Row(parsed, mnemonic, List.copyOf(forms), bits);
        List<List<Row>> byOpcode = rowsByMap.get(parsed.map().ordinal());
        int count = parsed.plusR() ? 8 : 1;
        for (int i = 0; i < count; i++) {
            byOpcode.get(parsed.opcode() + i).add(row);
        }
    }

    /**
     * Marks an encoding undefined where a less specific row would otherwise cover it: the blank F3
     * column of 0F 38 F0, whose no-prefix row MOVBE takes 66 as operand-size prefix.
     */
    public void undefined(String encoding) {
        Encoding parsed = Encoding.parse(encoding);
        Row hole = new Row(parsed, null, List.of(), 0);
        // Its mnemonic is null: the builder tells holes by that.
        rowsByMap.get(parsed.map().ordinal()).get(parsed.opcode()).add(hole);
    }

    /** Every row added, for tests that check the tables as a whole. */
    List<Row> rows() {
        List<Row> all = new ArrayList<>();
        for (List<List<Row>> byOpcode : rowsByMap) {
            for (List<Row> rows : byOpcode) {
                for (Row row : rows) {
                    if (row.mnemonic() != null && !all.contains(row)) {
                        all.add(row);
                    }
                }
            }
        }
        return all;
    }

    Node[][] build() {
        Node[][] roots = new Node[rowsByMap.size()][256];
        for (int m = 0; m < rowsByMap.size(); m++) {
            for (int op = 0; op < 256; op++) {
                List<Row> rows = rowsByMap.get(m).get(op);
                try {
                    roots[m][op] = build(rows, rows, List.of(), 0);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException(
                            OpcodeMap.values()[m] + " opcode " + Integer.toHexString(op) + ": " + e.getMessage(), e);
                }
            }
        }
        return roots;
    }

    /**
     * Compiles {@code rows} from dimension {@code first} on. For the undefined leaves it also tracks
     * {@code anyPrefix}, the rows that match the path in every dimension but the prefix, and {@code
     * samePrefix}, the rows whose mandatory prefix is the path's, matched only on ModRM.reg and rm: where
     * either is left, the prefix present selected an empty column of the opcode (see {@link
     * Node.Undefined}).
     */
    private Node build(List<Row> rows, List<Row> anyPrefix, List<Row> samePrefix, int first) {
        if (rows.isEmpty()) {
            return samePrefix.isEmpty() ? undefined(anyPrefix, first) : Node.UNDEFINED_COLUMN;
        }
        Dimension[] dimensions = Dimension.values();
        for (int d = first; d < dimensions.length; d++) {
            Dimension dimension = dimensions[d];
            if (allAny(rows, dimension)) {
                continue;
            }
            Node[] children = new Node[dimension.arity()];
            for (int v = 0; v < children.length; v++) {
                int value = v;
                List<Row> matching = matching(rows, dimension, value);
                List<Row> matchingAnyPrefix =
                        dimension == Dimension.PREFIX ? anyPrefix : matching(anyPrefix, dimension, value);
                List<Row> matchingSamePrefix = switch (dimension) {
                    case PREFIX -> withPrefix(rows, value);
                    case REG, RM -> matching(samePrefix, dimension, value);
                    default -> samePrefix;
                };
                boolean form = dimension == Dimension.MOD || dimension == Dimension.RM;
                List<Row> named = form && matching.isEmpty() ? namedInOtherForm(rows) : List.of();
                children[v] = named.isEmpty()
                        ? build(matching, matchingAnyPrefix, matchingSamePrefix, d + 1)
                        : named(named, d + 1);
            }
            boolean d64 = defaultSize64(rows.get(0));
            boolean mandatory66 = rows.get(0).encoding().prefix() == 1;
            if (dimension == Dimension.OPERAND_SIZE) {
                // Under an operand-size split every row must compute the size the same way.
                for (Row row : rows) {
                    if (defaultSize64(row) != d64 || (row.encoding().prefix() == 1) != mandatory66) {
                        throw new IllegalStateException("rows under an operand-size split disagree: " + rows);
                    }
                }
            }
            return new Node.Split(dimension, children, d64, mandatory66);
        }
        Row row = mostSpecific(rows);
        return row.mnemonic() == null ? Node.UNDEFINED_COLUMN : new Node.Leaf(row, facts(row));
    }

    /** The ModRM form no row takes, under rows objdump names anyway: the most specific, by the rest of the path. */
    private Node named(List<Row> rows, int first) {
        if (rows.isEmpty()) {
            return Node.UNDEFINED;
        }
        Dimension[] dimensions = Dimension.values();
        for (int d = first; d < dimensions.length; d++) {
            Dimension dimension = dimensions[d];
            if (allAny(rows, dimension)) {
                continue;
            }
            Node[] children = new Node[dimension.arity()];
            for (int v = 0; v < children.length; v++) {
                children[v] = named(matching(rows, dimension, v), d + 1);
            }
            boolean d64 = rows.get(0).has(Attribute.D64) || rows.get(0).has(Attribute.F64);
            return new Node.Split(
                    dimension, children, d64, rows.get(0).encoding().prefix() == 1);
        }
        Row row = mostSpecific(rows);
        return new Node.NamedUndefined(row, facts(row));
    }

    /** No row for the path: an empty prefix column where rows of other prefixes match the rest of it. */
    private static Node undefined(List<Row> anyPrefix, int first) {
        if (anyPrefix.isEmpty()) {
            return Node.UNDEFINED;
        }
        Dimension[] dimensions = Dimension.values();
        for (int d = first; d < dimensions.length; d++) {
            Dimension dimension = dimensions[d];
            if (dimension == Dimension.PREFIX || allAny(anyPrefix, dimension)) {
                continue;
            }
            Node[] children = new Node[dimension.arity()];
            for (int v = 0; v < children.length; v++) {
                children[v] = undefined(matching(anyPrefix, dimension, v), d + 1);
            }
            boolean d64 =
                    anyPrefix.get(0).has(Attribute.D64) || anyPrefix.get(0).has(Attribute.F64);
            return new Node.Split(dimension, children, d64, false);
        }
        return Node.UNDEFINED_COLUMN;
    }

    // Plain loops, not streams, below: the tables are built at every start of jx86, cold.

    private static List<Row> matching(List<Row> rows, Dimension dimension, int value) {
        List<Row> matching = new ArrayList<>(rows.size());
        for (Row row : rows) {
            int rowValue = valueOf(row, dimension);
            if (rowValue == value || rowValue == Encoding.ANY) {
                matching.add(row);
            }
        }
        return matching;
    }

    private static boolean allAny(List<Row> rows, Dimension dimension) {
        for (Row row : rows) {
            if (valueOf(row, dimension) != Encoding.ANY) {
                return false;
            }
        }
        return true;
    }

    private static List<Row> withPrefix(List<Row> rows, int prefix) {
        List<Row> matching = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.encoding().prefix() == prefix) {
                matching.add(row);
            }
        }
        return matching;
    }

    private static List<Row> namedInOtherForm(List<Row> rows) {
        List<Row> named = new ArrayList<>();
        for (Row row : rows) {
            if (row.has(Attribute.NAMED_IN_OTHER_FORM)) {
                named.add(row);
            }
        }
        return named;
    }

    private static boolean defaultSize64(Row row) {
        return row.has(Attribute.D64) || row.has(Attribute.F64);
    }

    /** One {@link RowFacts} per row, shared by the leaves that reach it. */
    private RowFacts facts(Row row) {
        return facts.computeIfAbsent(row, RowFacts::new);
    }

    private static Row mostSpecific(List<Row> rows) {
        Row best = null;
        int bestScore = -1;
        boolean tie = false;
        for (Row row : rows) {
            int score = 0;
            for (Dimension dimension : Dimension.values()) {
                if (valueOf(row, dimension) != Encoding.ANY) {
                    score += 2;
                }
            }
            // Between rows otherwise equally specific, a mandatory prefix decides: it is part of the
            // opcode (F2 0F 38 F0 CRC32 over the memory-only 0F 38 F0 MOVBE).
            if (row.encoding().prefix() != Encoding.ANY) {
                score++;
            }
            if (score > bestScore) {
                best = row;
                bestScore = score;
                tie = false;
            } else if (score == bestScore) {
                tie = true;
            }
        }
        if (tie) {
            throw new IllegalStateException("rows overlap: " + rows);
        }
        return best;
    }

    static int valueOf(Row row, Dimension dimension) {
        Encoding e = row.encoding();
        return switch (dimension) {
            case PREFIX -> e.prefix();
            case REG -> e.reg();
            case MOD -> row.mod();
            case RM -> e.rm();
            case W -> e.w();
            case L -> e.l();
            case MODE -> row.has(Attribute.I64) ? 0 : row.has(Attribute.O64) ? 1 : Encoding.ANY;
            case OPERAND_SIZE -> sizeValue(row, Attribute.OS16, Attribute.OS32, Attribute.OS64);
            case ADDRESS_SIZE -> sizeValue(row, Attribute.AS16, Attribute.AS32, Attribute.AS64);
        };
    }

    private static int sizeValue(Row row, Attribute size16, Attribute size32, Attribute size64) {
        return row.has(size16) ? 0 : row.has(size32) ? 1 : row.has(size64) ? 2 : Encoding.ANY;
    }

    @Override
    public String toString() {
        return "TableBuilder" + Arrays.toString(OpcodeMap.values());
    }
}
