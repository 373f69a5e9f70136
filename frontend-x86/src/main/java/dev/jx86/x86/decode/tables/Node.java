package dev.jx86.x86.decode.tables;

/** A node of the decode tree that the rows of one opcode compile to. */
public sealed interface Node {

    /** The bytes decode to this row. */
    record Leaf(Row row, RowFacts facts) implements Node {
        public Leaf(Row row) {
            this(row, new RowFacts(row));
        }
    }

    /**
     * Choose a child by one {@link Dimension}. For {@link Dimension#OPERAND_SIZE} the rows below agree
     * on how the size is computed: whether 64 bits is the default and whether 66 is mandatory.
     */
    record Split(Dimension dimension, Node[] children, boolean defaultSize64, boolean mandatory66) implements Node {}

    /**
     * No row: the opcode (with these prefixes, ModRM or mode) is undefined.
     *
     * @param otherPrefixColumn whether rows exist for these bytes under another mandatory prefix: the
     *     prefix present then selected an empty column rather than having no effect
     */
    record Undefined(boolean otherPrefixColumn) implements Node {}

    /** Undefined bytes (the ModRM form {@code row} does not take) that objdump names as {@code row}. */
    record NamedUndefined(Row row, RowFacts facts) implements Node {
        public NamedUndefined(Row row) {
            this(row, new RowFacts(row));
        }
    }

    Undefined UNDEFINED = new Undefined(false);

    Undefined UNDEFINED_COLUMN = new Undefined(true);
}
