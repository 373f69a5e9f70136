package dev.jx86.conformance.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a parsed JSON value ({@link Json}) against a JSON Schema, for the keywords docs/profile.schema.json uses:
 * {@code type} (one or a list), {@code enum}, {@code properties}, {@code required}, {@code additionalProperties}
 * (false), {@code items}, {@code minimum}, {@code maximum}, {@code pattern} and {@code $ref} to {@code #/$defs/NAME}.
 * Any other keyword is refused, so the schema cannot silently say more than is checked.
 */
final class JsonSchema {
    private static final List<String> KEYWORDS = List.of(
            "$schema",
            "$id",
            "title",
            "description",
            "$defs",
            "type",
            "enum",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "minimum",
            "maximum",
            "pattern",
            "$ref");

    private final Map<String, Object> root;
    private final List<String> problems = new ArrayList<>();

    private JsonSchema(Map<String, Object> root) {
        this.root = root;
    }

    /** The places where {@code value} breaks {@code schema}, as "path: problem" lines; empty if it conforms. */
    static List<String> check(Object schema, Object value) {
        JsonSchema s = new JsonSchema(map(schema));
        s.check(s.root, value, "$");
        return s.problems;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private void check(Map<String, Object> schema, Object value, String path) {
        for (String key : schema.keySet()) {
            if (!KEYWORDS.contains(key)) {
                throw new IllegalArgumentException("schema keyword not supported by this checker: " + key);
            }
        }
        if (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            if (!ref.startsWith("#/$defs/")) {
                throw new IllegalArgumentException("unsupported $ref " + ref);
            }
            check(map(map(root.get("$defs")).get(ref.substring("#/$defs/".length()))), value, path);
        }
        if (schema.containsKey("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(path + ": " + describe(value) + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.containsKey("enum") && !((List<?>) schema.get("enum")).contains(value)) {
            problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value instanceof Number n) {
            if (schema.containsKey("minimum") && n.doubleValue() < ((Number) schema.get("minimum")).doubleValue()) {
                problems.add(path + ": " + n + " < minimum " + schema.get("minimum"));
            }
            if (schema.containsKey("maximum") && n.doubleValue() > ((Number) schema.get("maximum")).doubleValue()) {
                problems.add(path + ": " + n + " > maximum " + schema.get("maximum"));
            }
        }
        if (value instanceof String s
                && schema.containsKey("pattern")
                && !Pattern.compile((String) schema.get("pattern")).matcher(s).find()) {
            problems.add(path + ": '" + s + "' does not match " + schema.get("pattern"));
        }
        if (value instanceof Map<?, ?> object) {
            checkObject(schema, map(object), path);
        }
        if (value instanceof List<?> list && schema.containsKey("items")) {
            for (int i = 0; i < list.size(); i++) {
                check(map(schema.get("items")), list.get(i), path + "[" + i + "]");
            }
        }
    }

    private void checkObject(Map<String, Object> schema, Map<String, Object> object, String path) {
        if (schema.containsKey("required")) {
            for (Object key : (List<?>) schema.get("required")) {
                if (!object.containsKey((String) key)) {
                    problems.add(path + ": missing required key '" + key + "'");
                }
            }
        }
        Map<String, Object> properties = schema.containsKey("properties") ? map(schema.get("properties")) : Map.of();
        for (var e : object.entrySet()) {
            if (properties.containsKey(e.getKey())) {
                check(map(properties.get(e.getKey())), e.getValue(), path + "." + e.getKey());
            } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                problems.add(path + ": key '" + e.getKey() + "' is not in the schema");
            }
        }
    }

    private static boolean typeMatches(Object type, Object value) {
        if (type instanceof List<?> types) {
            return types.stream().anyMatch(t -> typeMatches(t, value));
        }
        return switch ((String) type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Long;
            case "number" -> value instanceof Long || value instanceof Double;
            case "boolean" -> value instanceof Boolean;
            case "null" -> value == null;
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }
}
