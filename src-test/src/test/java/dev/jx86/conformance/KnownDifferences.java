package dev.jx86.conformance;

import dev.jx86.x86.decode.Mode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The classes of instructions where jx86 deliberately differs from objdump (objdump is wrong by the
 * Intel SDM) or where only the boundary is compared. They are data, in {@code objdump-known-differences.txt}
 * next to this class: one block of {@code key: value} lines per class, blocks separated by blank lines.
 */
final class KnownDifferences {
    /** How much of an instruction of a class is still compared. */
    enum Compare {
        /** Nothing: the instruction is left out of both counts and counted under its class. */
        NONE,
        /** The boundary only; the text is left out of the text count. */
        BOUNDARY
    }

    /**
     * One class.
     *
     * @param objdump a regular expression found in objdump's normalized text, or null
     * @param bytes a regular expression matched at the start of the instruction's bytes as objdump
     *     printed them ({@code "66 0f 1f"}), or null
     */
    record Difference(
            String id, Set<Mode> modes, Pattern objdump, Pattern bytes, Compare compare, String sdm, String note) {
        boolean matches(Mode mode, String objdumpText, String hexBytes) {
            return modes.contains(mode)
                    && (objdump == null || objdump.matcher(objdumpText).find())
                    && (bytes == null || bytes.matcher(hexBytes).lookingAt());
        }
    }

    private final List<Difference> differences;

    private KnownDifferences(List<Difference> differences) {
        this.differences = List.copyOf(differences);
    }

    static KnownDifferences load() {
        try (InputStream in = KnownDifferences.class.getResourceAsStream("objdump-known-differences.txt")) {
            if (in == null) {
                throw new IllegalStateException("objdump-known-differences.txt is missing from the test resources");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KnownDifferences parse(BufferedReader in) throws IOException {
        List<Difference> differences = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        for (String line = in.readLine(); ; line = in.readLine()) {
            if (line == null || line.isBlank()) {
                if (!block.isEmpty()) {
                    differences.add(difference(block));
                    block.clear();
                }
                if (line == null) {
                    break;
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && !block.isEmpty()) {
                String last = block.keySet().stream().reduce((a, b) -> b).orElseThrow();
                block.merge(last, " " + line.strip(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("known differences: not 'key: value': " + line);
            }
            block.put(
                    line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return new KnownDifferences(differences);
    }

    private static Difference difference(Map<String, String> block) {
        String id = required(block, "id");
        Set<Mode> modes = EnumSet.noneOf(Mode.class);
        for (String bits : required(block, "modes").split(",")) {
            modes.add(Mode.ofBits(Integer.parseInt(bits.strip())));
        }
        String objdump = block.get("objdump");
        String bytes = block.get("bytes");
        if (objdump == null && bytes == null) {
            throw new IllegalStateException("known difference " + id + " matches nothing: give objdump: or bytes:");
        }
        return new Difference(
                id,
                modes,
                objdump == null ? null : Pattern.compile(objdump),
                bytes == null ? null : Pattern.compile(bytes),
                Compare.valueOf(required(block, "compare").toUpperCase(java.util.Locale.ROOT)),
                required(block, "sdm"),
                block.getOrDefault("note", ""));
    }

    private static String required(Map<String, String> block, String key) {
        String value = block.get(key);
        if (value == null) {
            throw new IllegalStateException("known difference " + block + " lacks '" + key + ":'");
        }
        return value;
    }

    /** The first class the instruction belongs to, or null. */
    Difference find(Mode mode, String objdumpText, String hexBytes) {
        for (Difference d : differences) {
            if (d.matches(mode, objdumpText, hexBytes)) {
                return d;
            }
        }
        return null;
    }

    List<Difference> all() {
        return differences;
    }
}
