package dev.jx86.ir.text;

import dev.jx86.ir.AuxKind;
import dev.jx86.ir.Block;
import dev.jx86.ir.Helper;
import dev.jx86.ir.Op;
import dev.jx86.ir.Terminal;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a block as text, deterministically: values are renamed v0, v1, ... in order of definition, so equal blocks
 * print equal and {@link Parser} reads the text back to a block that prints the same.
 */
public final class Printer {
    private final SlotNames slots;

    public Printer(SlotNames slots) {
        this.slots = slots;
    }

    /** Prints with numbered slot names. */
    public static String print(Block b) {
        return new Printer(SlotNames.numbered()).toText(b);
    }

    public String toText(Block b) {
        int[] names = new int[b.size()];
        int next = 0;
        for (int i = 0; i < b.size(); i++) {
            names[i] = b.type(i) == Type.VOID ? -1 : next++;
        }
        StringBuilder out = new StringBuilder();
        out.append("block ").append(hex(b.pc())).append(" {\n");
        for (Helper h : b.helpers().values()) {
            out.append("  ").append(helper(h)).append('\n');
        }
        for (int i = 0; i < b.size(); i++) {
            out.append("  ").append(instruction(b, i, names)).append('\n');
        }
        out.append("  ").append(terminal(b.terminal(), names)).append("\n}\n");
        return out.toString();
    }

    static String helper(Helper h) {
        List<String> params = h.parameters().stream().map(Type::text).toList();
        List<String> effects = h.effects().stream()
                .sorted()
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .toList();
        return "helper @" + h.name() + " " + h.id() + " (" + String.join(", ", params) + ") -> "
                + h.result().text() + " [" + String.join(", ", effects) + "]";
    }

    private String instruction(Block b, int i, int[] names) {
        Op op = b.op(i);
        StringBuilder name = new StringBuilder(op.text());
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        long[] words = {b.aux0(i), b.aux1(i)};
        int word = 0;
        for (AuxKind kind : op.aux()) {
            switch (kind.position()) {
                case SUFFIX -> name.append('.').append(kind.suffix(words[word]));
                case BEFORE -> before.add(auxOperand(b, i, kind, words, word));
                case AFTER -> after.add(auxOperand(b, i, kind, words, word));
            }
            word += kind.words();
        }
        if (op.spellsType()) {
            name.append('.').append(b.type(i).text());
        }
        List<String> operands = new ArrayList<>(before);
        for (int k = 0; k < b.argCount(i); k++) {
            operands.add("v" + names[b.arg(i, k)]);
        }
        operands.addAll(after);
        String text = operands.isEmpty() ? name.toString() : name + " " + String.join(", ", operands);
        return names[i] < 0 ? text : "v" + names[i] + " = " + text;
    }

    private String auxOperand(Block b, int i, AuxKind kind, long[] words, int word) {
        long value = words[word];
        return switch (kind) {
            case SLOT -> slots.name((int) value);
            case CONSTANT ->
                b.type(i) == Type.V128 ? "0x" + String.format("%016x%016x", words[word + 1], value) : hex(value);
            case HELPER ->
                b.helpers().containsKey((int) value)
                        ? "@" + b.helpers().get((int) value).name()
                        : "@undeclared" + value;
            case PC -> hex(value);
            case LENGTH, BIT_OFFSET -> Long.toString(value);
            case BYTE_TABLE -> byteTable(words[word], words[word + 1]);
            case INT_CONDITION,
                    FLOAT_CONDITION,
                    FLAGS_KIND,
                    FLAG_CONDITION,
                    FLAG,
                    INT_LANES,
                    FLOAT_LANES,
                    NARROW_LANES,
                    VECTOR_CONVERSION,
                    FLOAT_OPERATION -> kind.suffix(value);
        };
    }

    private static String byteTable(long low, long high) {
        List<String> bytes = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            long index = ((k < 8 ? low : high) >>> (8 * (k & 7))) & 0xFF;
            bytes.add(index == 0xFF ? "z" : Long.toString(index));
        }
        return "[" + String.join(" ", bytes) + "]";
    }

    private static String terminal(Terminal t, int[] names) {
        return switch (t) {
            case Terminal.Jump j -> "jump " + hex(j.target());
            case Terminal.Branch br ->
                "branch " + value(br.condition(), names) + ", " + hex(br.taken()) + ", " + hex(br.notTaken());
            case Terminal.JumpIndirect ji -> "jump.indirect " + value(ji.target(), names);
            case Terminal.Exit e -> "exit " + e.reason().text() + ", " + hex(e.next());
            case Terminal.Raise r ->
                "raise " + r.vector()
                        + r.errorCode().map(v -> ", " + value(v, names)).orElse("");
        };
    }

    private static String value(Value v, int[] names) {
        return "v" + names[v.index()];
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
