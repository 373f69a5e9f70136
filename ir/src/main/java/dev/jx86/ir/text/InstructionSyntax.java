package dev.jx86.ir.text;

import dev.jx86.ir.AuxKind;
import dev.jx86.ir.Helper;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.ir.text.Lexer.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses one instruction line, {@code [vN =] op[.suffix...][.type] operands}, driven by the op table. */
final class InstructionSyntax {
    private static final Map<String, Op> OPS = new HashMap<>();

    static {
        for (Op op : Op.values()) {
            OPS.put(op.text(), op);
        }
    }

    private final SlotNames slots;
    private final Map<String, Value> values;
    private final Map<String, Helper> helpers;
    private final Cursor c;
    /** Whether an operand has been read, so that the next one needs a comma before it. */
    private boolean any;

    InstructionSyntax(SlotNames slots, Map<String, Value> values, Map<String, Helper> helpers, Cursor c) {
        this.slots = slots;
        this.values = values;
        this.helpers = helpers;
        this.c = c;
    }

    void parseInto(IrBuilder b) {
        Token result = null;
        if (c.peek().text().matches("v[0-9]+")) {
            result = c.next();
            c.expect("=");
            if (values.containsKey(result.text())) {
                throw c.error(result, result.text() + " is defined twice");
            }
        }
        Token nameToken = c.next();
        String[] parts = nameToken.text().split("\\.", -1);
        int k = parts.length;
        while (k > 0 && !OPS.containsKey(String.join(".", Arrays.copyOf(parts, k)))) {
            k--;
        }
        if (k == 0) {
            throw c.error(nameToken, "unknown op '" + nameToken.text() + "'");
        }
        Op op = OPS.get(String.join(".", Arrays.copyOf(parts, k)));
        long[] words = new long[2];
        int word = 0;
        List<AuxKind> after = new ArrayList<>();
        for (AuxKind kind : op.aux()) {
            switch (kind.position()) {
                case SUFFIX -> {
                    String suffix = k < parts.length ? parts[k++] : "";
                    words[word] = kind.parseSuffix(suffix);
                    if (words[word] < 0) {
                        throw c.error(
                                nameToken, "'" + op.text() + "' needs a " + describe(kind) + ", not '" + suffix + "'");
                    }
                }
                case BEFORE -> {}
                case AFTER -> after.add(kind);
            }
            word += kind.words();
        }
        Type type = op.signature().fixedResult();
        if (op.spellsType()) {
            if (k >= parts.length) {
                throw c.error(nameToken, "'" + op.text() + "' needs a type suffix such as ." + Type.I64.text());
            }
            type = c.typeNamed(nameToken, parts[k++]);
        }
        if (k < parts.length) {
            throw c.error(nameToken, "unexpected suffix '." + parts[k] + "'");
        }
        List<Value> args = new ArrayList<>();
        type = operands(op, type, words, after, args);
        if ((type == Type.VOID) != (result == null)) {
            throw c.error(
                    result == null ? nameToken : result,
                    type == Type.VOID ? "'" + op.text() + "' has no result" : "'" + op.text() + "' needs a result");
        }
        Value v = b.append(op, type, words[0], words[1], args);
        if (result != null) {
            values.put(result.text(), v);
        }
    }

    /** Reads the operands into {@code words} and {@code args}; returns the result type (a call's comes from its helper). */
    private Type operands(Op op, Type type, long[] words, List<AuxKind> after, List<Value> args) {
        int word = 0;
        for (AuxKind kind : op.aux()) {
            if (kind.position() == AuxKind.Position.BEFORE) {
                separator();
                type = auxOperand(kind, type, words, word);
            }
            word += kind.words();
        }
        while (isValue(c.peek(0)) || (any && c.peek(0).is(",") && isValue(c.peek(1)))) {
            separator();
            args.add(c.value(values));
        }
        int afterWord = word - after.stream().mapToInt(AuxKind::words).sum();
        for (AuxKind kind : after) {
            separator();
            auxOperand(kind, type, words, afterWord);
            afterWord += kind.words();
        }
        c.end();
        return type;
    }

    private void separator() {
        if (any) {
            c.expect(",");
        }
        any = true;
    }

    private static boolean isValue(Token t) {
        return t.text().matches("v[0-9]+");
    }

    private Type auxOperand(AuxKind kind, Type type, long[] words, int word) {
        switch (kind) {
            case SLOT -> {
                Token t = c.next();
                int slot = slots.slot(t.text());
                if (slot < 0) {
                    throw c.error(t, "unknown slot '" + t.text() + "'");
                }
                words[word] = slot;
            }
            case CONSTANT -> constant(type, words, word);
            case HELPER -> {
                Token t = c.next();
                Helper h = helpers.get(t.text().startsWith("@") ? t.text().substring(1) : "");
                if (h == null) {
                    throw c.error(t, "undeclared helper '" + t.text() + "'");
                }
                words[word] = h.id();
                return h.result();
            }
            case PC, LENGTH, BIT_OFFSET -> words[word] = c.number();
            case BYTE_TABLE -> byteTable(words, word);
            case INT_CONDITION,
                    FLOAT_CONDITION,
                    FLAGS_KIND,
                    FLAG_CONDITION,
                    FLAG,
                    INT_LANES,
                    FLOAT_LANES,
                    NARROW_LANES,
                    VECTOR_CONVERSION,
                    FLOAT_OPERATION -> throw c.error(c.peek(), "suffix aux " + kind + " written as operand");
        }
        return type;
    }

    /** A constant of {@code type}: any number that fits its width, unsigned or (negative) signed. */
    private void constant(Type type, long[] words, int word) {
        if (type == Type.V128) {
            long[] wide = c.wideNumber();
            words[word] = wide[0];
            words[word + 1] = wide[1];
            return;
        }
        Token t = c.peek();
        long value = c.number();
        boolean fits =
                type == Type.I64 || (value & ~type.mask()) == 0 || value < 0 && value >= -(1L << (type.bits() - 1));
        if (!fits) {
            throw c.error(t, "constant " + t.text() + " does not fit " + type.text());
        }
        words[word] = value & type.mask();
    }

    private void byteTable(long[] words, int word) {
        c.expect("[");
        for (int i = 0; i < 16; i++) {
            Token t = c.peek();
            long index = t.is("z") ? 0xFF : -1;
            if (index < 0) {
                index = c.number();
                if (index < 0 || index > 0xFF) {
                    throw c.error(t, "byte index must be 0..255 or z");
                }
            } else {
                c.next();
            }
            words[word + i / 8] |= index << (8 * (i & 7));
        }
        c.expect("]");
    }

    private static String describe(AuxKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " suffix";
    }
}
