package dev.jx86.tools.profile;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of {@link Map} (objects, in their iteration order), {@link List}, {@link String}, {@link Number},
 * {@link Boolean} and null as JSON text (RFC 8259), indented by two spaces; doubles with at most six decimals, and
 * non-finite ones as null.
 */
final class JsonText {
    private final StringBuilder out = new StringBuilder();

    private JsonText() {}

    static String of(Object value) {
        JsonText text = new JsonText();
        text.value(value, 0);
        return text.out.append('\n').toString();
    }

    private void value(Object v, int depth) {
        switch (v) {
            case null -> out.append("null");
            case String s -> string(s);
            case Boolean b -> out.append(b);
            case Double d -> number(d);
            case Float f -> number(f.doubleValue());
            case Number n -> out.append(n.longValue());
            case Map<?, ?> m -> object(m, depth);
            case List<?> l -> array(l, depth);
            default ->
                throw new IllegalArgumentException(
                        "not a JSON value: " + v.getClass().getName());
        }
    }

    private void number(double d) {
        if (!Double.isFinite(d)) {
            out.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d);
        } else {
            out.append(new java.math.BigDecimal(d)
                    .setScale(6, java.math.RoundingMode.HALF_EVEN)
                    .stripTrailingZeros()
                    .toPlainString());
        }
    }

    private void object(Map<?, ?> m, int depth) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (var e : m.entrySet()) {
            out.append(first ? "\n" : ",\n");
            first = false;
            indent(depth + 1);
            string(e.getKey().toString());
            out.append(": ");
            value(e.getValue(), depth + 1);
        }
        out.append('\n');
        indent(depth);
        out.append('}');
    }

    private void array(List<?> l, int depth) {
        if (l.isEmpty()) {
            out.append("[]");
            return;
        }
        boolean flat = l.stream().noneMatch(x -> x instanceof Map<?, ?> || x instanceof List<?>);
        out.append('[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            if (flat) {
                out.append(i > 0 ? " " : "");
            } else {
                out.append('\n');
                indent(depth + 1);
            }
            value(l.get(i), depth + 1);
        }
        if (!flat) {
            out.append('\n');
            indent(depth);
        }
        out.append(']');
    }

    private void indent(int depth) {
        out.append("  ".repeat(depth));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // '<' escaped too, so that the text can sit inside an HTML <script> element
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
