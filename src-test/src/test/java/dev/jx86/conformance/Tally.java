package dev.jx86.conformance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of one comparison suite: instructions, agreeing boundaries and texts, instructions of
 * each known-difference class, and the mismatches grouped by category with a few examples each.
 */
final class Tally {
    /** One mismatching instruction, enough to reproduce it with {@code jx86 disasm --hex}. */
    record Example(String where, String bytes, String objdump, String jx86, int jx86Length) {}

    /** The mismatches of one category: how many, and the first few. */
    static final class Category {
        final String name;
        long count;
        final List<Example> examples = new ArrayList<>();

        Category(String name) {
            this.name = name;
        }
    }

    private final String suite;
    private final int examplesPerCategory;
    private final long started = System.nanoTime();
    long instructions;
    long boundariesCompared;
    long boundariesAgree;
    long textsCompared;
    long textsAgree;
    long exceptions;
    /** Boundary mismatches where both sides found no instruction: the SDM gives (bad) bytes no length. */
    long bothInvalidBoundaries;

    final Map<String, Long> known = new LinkedHashMap<>();
    private final Map<String, Category> categories = new HashMap<>();

    Tally(String suite, int examplesPerCategory) {
        this.suite = suite;
        this.examplesPerCategory = examplesPerCategory;
    }

    String suite() {
        return suite;
    }

    /** Adds another tally's counts and examples to this one (for suites compared in parallel). */
    void add(Tally other) {
        instructions += other.instructions;
        boundariesCompared += other.boundariesCompared;
        boundariesAgree += other.boundariesAgree;
        textsCompared += other.textsCompared;
        textsAgree += other.textsAgree;
        exceptions += other.exceptions;
        bothInvalidBoundaries += other.bothInvalidBoundaries;
        other.known.forEach((id, n) -> known.merge(id, n, Long::sum));
        for (Category c : other.categories.values()) {
            Category mine = categories.computeIfAbsent(c.name, Category::new);
            mine.count += c.count;
            for (Example e : c.examples) {
                if (mine.examples.size() < examplesPerCategory) {
                    mine.examples.add(e);
                }
            }
        }
    }

    int examplesPerCategory() {
        return examplesPerCategory;
    }

    void mismatch(String category, Example example) {
        Category c = categories.computeIfAbsent(category, Category::new);
        c.count++;
        if (c.examples.size() < examplesPerCategory) {
            c.examples.add(example);
        }
    }

    /** Percentage of compared boundaries that agree (100 when none were compared). */
    double boundaryAgreement() {
        return percent(boundariesAgree, boundariesCompared);
    }

    double textAgreement() {
        return percent(textsAgree, textsCompared);
    }

    private static double percent(long agree, long compared) {
        return compared == 0 ? 100.0 : 100.0 * agree / compared;
    }

    /** Categories by falling count. */
    List<Category> categories() {
        return categories.values().stream()
                .sorted(Comparator.comparingLong((Category c) -> -c.count).thenComparing(c -> c.name))
                .toList();
    }

    /** One summary line. */
    String summary() {
        StringBuilder s = new StringBuilder(String.format(
                "%s: %d instructions in %.1f s; boundaries %.3f%% (%d differ, %d of them where both say (bad));"
                        + " texts %.3f%% (%d differ)",
                suite,
                instructions,
                (System.nanoTime() - started) / 1e9,
                boundaryAgreement(),
                boundariesCompared - boundariesAgree,
                bothInvalidBoundaries,
                textAgreement(),
                textsCompared - textsAgree));
        if (exceptions > 0) {
            s.append("; jx86 threw ").append(exceptions).append(" times");
        }
        if (!known.isEmpty()) {
            s.append("; known differences:");
            known.forEach((id, n) -> s.append(' ').append(id).append('=').append(n));
        }
        return s.toString();
    }

    /** The summary, then the {@code top} categories with up to {@code examples} examples each. */
    void print(PrintStream out, int top, int examples) {
        out.println(summary());
        List<Category> sorted = categories();
        for (Category c : sorted.subList(0, Math.min(top, sorted.size()))) {
            out.printf("  %7d  %s%n", c.count, c.name);
            for (Example e : c.examples.subList(0, Math.min(examples, c.examples.size()))) {
                out.printf(
                        "           %s  %s%n             objdump: %s%n             jx86:    %s%s%n",
                        e.where(),
                        e.bytes(),
                        e.objdump(),
                        e.jx86(),
                        e.jx86Length() == e.bytes().split(" ").length ? "" : "   (length " + e.jx86Length() + ")");
            }
        }
        if (sorted.size() > top) {
            out.printf("  ... %d more categories%n", sorted.size() - top);
        }
    }
}
