package dev.jx86.ir;

import java.util.List;

/**
 * The meaning of an op's immediate (aux) field. Suffix kinds name an enum constant in the op's text name
 * ({@code icmp.ult}); operand kinds are written as operands before the value arguments (slot, helper, pc) or after
 * them (bit offset, byte table). CONSTANT and BYTE_TABLE use both aux words.
 */
public enum AuxKind {
    /** A state slot number, 0..65535, written by name through SlotNames. */
    SLOT(Position.BEFORE, 1, 0, 0xFFFF),
    /** A constant of the op's type: low 64 bits, then (V128 only) high 64 bits. */
    CONSTANT(Position.BEFORE, 2, Long.MIN_VALUE, Long.MAX_VALUE),
    /** A helper's id; the block declares the helper. */
    HELPER(Position.BEFORE, 1, 0, Integer.MAX_VALUE),
    /** A guest pc. */
    PC(Position.BEFORE, 1, Long.MIN_VALUE, Long.MAX_VALUE),
    /** A guest instruction's length in bytes, 1..255. */
    LENGTH(Position.BEFORE, 1, 1, 255),
    /** A bit offset into the source (extract) or destination (insert), 0..127. */
    BIT_OFFSET(Position.AFTER, 1, 0, 127),
    /** Sixteen result bytes, each 0..31 picking a byte of (first, second) operand, or 0xFF for zero. */
    BYTE_TABLE(Position.AFTER, 2, Long.MIN_VALUE, Long.MAX_VALUE),
    INT_CONDITION(IntCondition.values()),
    FLOAT_CONDITION(FloatCondition.values()),
    FLAGS_KIND(FlagsKind.values()),
    FLAG_CONDITION(FlagCondition.values()),
    FLAG(Flag.values()),
    /** Integer lane shapes i8x16..i64x2. */
    INT_LANES(LaneShape.I8X16, LaneShape.I16X8, LaneShape.I32X4, LaneShape.I64X2),
    /** Float lane shapes f32x4, f64x2. */
    FLOAT_LANES(LaneShape.F32X4, LaneShape.F64X2),
    /** Lane shapes that can be narrowed to half-width lanes: i16x8..i64x2. */
    NARROW_LANES(LaneShape.I16X8, LaneShape.I32X4, LaneShape.I64X2),
    VECTOR_CONVERSION(VectorConversion.values()),
    FLOAT_OPERATION(FloatOperation.values());

    /** Where an aux field appears in text. */
    public enum Position {
        /** In the op name, after a dot: {@code icmp.ult}. */
        SUFFIX,
        /** As an operand before the value arguments. */
        BEFORE,
        /** As an operand after the value arguments. */
        AFTER
    }

    private final Position position;
    private final int words;
    private final long min;
    private final long max;
    private final List<Enum<?>> constants;

    AuxKind(Position position, int words, long min, long max) {
        this.position = position;
        this.words = words;
        this.min = min;
        this.max = max;
        this.constants = List.of();
    }

    AuxKind(Enum<?>... constants) {
        this.position = Position.SUFFIX;
        this.words = 1;
        this.min = 0;
        this.max = 0;
        this.constants = List.of(constants);
    }

    public Position position() {
        return position;
    }

    /** How many aux words (longs) the field uses: 1 or 2. */
    public int words() {
        return words;
    }

    /** For suffix kinds: the enum constants allowed; the aux value is the constant's ordinal. */
    public List<Enum<?>> constants() {
        return constants;
    }

    /** Whether {@code value} is in range for this kind (for a two-word kind, the first word). */
    public boolean valid(long value) {
        if (position == Position.SUFFIX) {
            return constants.stream().anyMatch(c -> c.ordinal() == value);
        }
        return value >= min && value <= max;
    }

    /** The suffix text of a valid suffix-kind value. */
    public String suffix(long value) {
        return constants.stream()
                .filter(c -> c.ordinal() == value)
                .findFirst()
                .map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                .orElse("?" + value);
    }

    /** The aux value of a suffix, or -1 when no allowed constant has that text. */
    public long parseSuffix(String text) {
        return constants.stream()
                .filter(c -> c.name().toLowerCase(java.util.Locale.ROOT).equals(text))
                .mapToLong(Enum::ordinal)
                .findFirst()
                .orElse(-1);
    }
}
