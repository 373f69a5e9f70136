package dev.jx86.x86.corpora;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Agreement counts of one corpus: per metric how many cases were compared and how many agreed, and
 * the disagreements grouped into categories (kind and opcode) with a few examples each, so that a
 * summary says which opcode-table rows are missing or wrong.
 */
final class Tally {
    /** Examples kept per category; -Djx86.corpora.examples=N for more. */
    private static final int EXAMPLES = Integer.getInteger("jx86.corpora.examples", 3);

    private static final String RATCHET = "/decoder-corpora-ratchet.properties";

    private final String corpus;
    private final Map<String, long[]> metrics = new LinkedHashMap<>();
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private static final class Category {
        long count;
        final List<String> examples = new ArrayList<>();
    }

    Tally(String corpus) {
        this.corpus = corpus;
    }

    /** Counts one comparison for {@code metric}. */
    void count(String metric, boolean agree) {
        long[] m = metrics.computeIfAbsent(metric, k -> new long[2]);
        m[0]++;
        if (agree) {
            m[1]++;
        }
    }

    void mismatch(String category, String example) {
        Category c = categories.computeIfAbsent(category, k -> new Category());
        c.count++;
        if (c.examples.size() < EXAMPLES) {
            c.examples.add(example);
        }
    }

    void note(String note) {
        notes.add(note);
    }

    double percent(String metric) {
        long[] m = metrics.get(metric);
        return m == null || m[0] == 0 ? 100.0 : 100.0 * m[1] / m[0];
    }

    /** The summary printed by the test: metrics, then the largest mismatch categories with examples. */
    String summary(int topCategories) {
        StringBuilder s = new StringBuilder();
        s.append("== decoder corpus ").append(corpus).append('\n');
        for (String note : notes) {
            s.append("   ").append(note).append('\n');
        }
        metrics.forEach((metric, m) -> s.append(String.format(
                Locale.ROOT,
                "   %-28s %8d of %8d agree = %7.3f%%  (floor %s)%n",
                metric,
                m[1],
                m[0],
                percent(metric),
                floor(metric) == null ? "none" : String.format(Locale.ROOT, "%.3f%%", floor(metric)))));
        List<Map.Entry<String, Category>> top = categories.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Category> e) -> -e.getValue().count)
                        .thenComparing(Map.Entry::getKey))
                .limit(topCategories)
                .toList();
        s.append("   top mismatch categories (of ").append(categories.size()).append("):\n");
        for (Map.Entry<String, Category> e : top) {
            s.append(String.format(Locale.ROOT, "   %7d  %s%n", e.getValue().count, e.getKey()));
            for (String example : e.getValue().examples) {
                s.append("              e.g. ").append(example).append('\n');
            }
        }
        return s.toString();
    }

    /** Metrics whose agreement is under the committed floor, as messages; empty when all hold. */
    List<String> belowFloor() {
        List<String> failures = new ArrayList<>();
        for (String metric : metrics.keySet()) {
            Double floor = floor(metric);
            if (floor == null) {
                failures.add(corpus + "." + metric + ": no floor in " + RATCHET + " (measured "
                        + String.format(Locale.ROOT, "%.3f", percent(metric)) + "%)");
            } else if (percent(metric) < floor) {
                failures.add(String.format(
                        Locale.ROOT,
                        "%s.%s: %.3f%% agree, under the floor %.3f%%",
                        corpus,
                        metric,
                        percent(metric),
                        floor));
            }
        }
        return failures;
    }

    private Double floor(String metric) {
        String value = ratchet().getProperty(corpus + "." + metric);
        return value == null ? null : Double.valueOf(value.strip());
    }

    private static Properties ratchet() {
        Properties properties = new Properties();
        try (InputStream in = Tally.class.getResourceAsStream(RATCHET)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
