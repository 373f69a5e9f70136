import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@link Results}: a plain-text table for the terminal and a Markdown section for
 * docs/performance.md. Times are median wall seconds with the median user+system CPU seconds in parentheses;
 * a series that is not OK shows its verdict instead of a time, and its problems are listed under the table.
 */
final class Report {
    private final Results results;

    Report(Results results) {
        this.results = results;
    }

    String text() {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("workload"));
        for (Runner r : results.runners()) header.add(r.name() + " s (cpu)");
        for (Results.Ratio ratio : results.ratios()) header.add(ratio.name());
        rows.add(header.toArray(String[]::new));
        rows.addAll(body(false));
        StringBuilder out = new StringBuilder();
        int[] widths = new int[header.size()];
        for (String[] row : rows) for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                out.append(i == 0 ? pad(cell, widths[i]) : padLeft(cell, widths[i] + 2));
            }
            out.append('\n');
        }
        out.append(spread()).append('\n');
        out.append(problems(false));
        return out.toString();
    }

    /** A Markdown section: what was measured where, the table, the problems and skips. */
    String markdown(MachineInfo machine, String commandLine, int runs) {
        StringBuilder out = new StringBuilder();
        out.append("### Results ").append(machine.date()).append("\n\n");
        out.append("- Machine: ").append(machine.description()).append('\n');
        out.append("- jx86 ").append(machine.revision()).append(", ").append(machine.versions()).append('\n');
        out.append("- Command: `").append(commandLine).append("`\n");
        out.append("- ")
                .append(runs)
                .append(runs == 1 ? " run" : " runs")
                .append(" per workload and runner, interleaved; median wall-clock seconds, median user+system CPU")
                .append(" seconds of the process in parentheses; ratios of the wall-clock medians.\n\n");
        List<String> header = new ArrayList<>(List.of("workload", "what"));
        for (Runner r : results.runners()) header.add(r.name() + " s (cpu)");
        for (Results.Ratio ratio : results.ratios()) header.add(ratio.name());
        out.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) out.append(i < 2 ? "---|" : "---:|");
        out.append('\n');
        for (String[] row : body(true)) out.append("| ").append(String.join(" | ", row)).append(" |\n");
        out.append('\n').append(spread()).append('\n');
        String problems = problems(true);
        if (!problems.isEmpty()) out.append('\n').append(problems);
        return out.toString();
    }

    private List<String[]> body(boolean markdown) {
        List<String[]> rows = new ArrayList<>();
        for (String w : results.workloads()) {
            List<String> row = new ArrayList<>();
            row.add(markdown ? "`" + w + "`" : w);
            if (markdown) row.add(results.description(w));
            for (Runner r : results.runners()) row.add(time(results.series(w, r)));
            for (Results.Ratio ratio : results.ratios()) row.add(times(results.ratio(w, ratio)));
            rows.add(row.toArray(String[]::new));
        }
        List<String> mean = new ArrayList<>();
        mean.add(markdown ? "**geometric mean**" : "geometric mean");
        if (markdown) mean.add("");
        for (int i = 0; i < results.runners().size(); i++) mean.add("");
        for (Results.Ratio ratio : results.ratios()) {
            String value = times(results.geometricMean(ratio));
            int n = results.counted(ratio);
            if (n < results.workloads().size()) value += " (" + n + " of " + results.workloads().size() + ")";
            mean.add(markdown ? "**" + value + "**" : value);
        }
        rows.add(mean.toArray(String[]::new));
        return rows;
    }

    /**
     * How far apart the runs of a series were (slowest over fastest wall time), per runner: the median and the
     * largest over the workloads. On a shared machine this says how much to trust a ratio.
     */
    private String spread() {
        List<String> parts = new ArrayList<>();
        for (Runner r : results.runners()) {
            List<Double> spreads = new ArrayList<>();
            String worst = "";
            double largest = 0;
            for (String w : results.workloads()) {
                RunSeries s = results.series(w, r);
                if (!s.ok() || s.count() < 2) continue;
                double[] range = s.wallRangeSeconds();
                double spread = range[1] / range[0];
                spreads.add(spread);
                if (spread > largest) {
                    largest = spread;
                    worst = w;
                }
            }
            if (spreads.isEmpty()) continue;
            spreads.sort(null);
            parts.add(String.format(
                    Locale.ROOT,
                    "%s median %.2f, largest %.2f (%s)",
                    r.name(),
                    spreads.get(spreads.size() / 2),
                    largest,
                    worst));
        }
        if (parts.isEmpty()) return "";
        return "Spread of the runs (slowest over fastest wall time of a series): " + String.join("; ", parts) + ".";
    }

    private String problems(boolean markdown) {
        StringBuilder out = new StringBuilder();
        for (String w : results.workloads()) {
            for (Runner r : results.runners()) {
                RunSeries s = results.series(w, r);
                if (!s.failed()) continue;
                String reason = s.reason().strip();
                if (markdown) {
                    out.append("- **")
                            .append(s.verdict())
                            .append("**: `")
                            .append(w)
                            .append("` under ")
                            .append(r.name())
                            .append(": ")
                            .append(reason.lines().findFirst().orElse(""))
                            .append('\n');
                } else {
                    out.append("*** ")
                            .append(s.verdict())
                            .append(": ")
                            .append(w)
                            .append(" under ")
                            .append(r.name())
                            .append(": ")
                            .append(reason.replace("\n", "\n    "))
                            .append('\n');
                }
            }
        }
        results.skipped().forEach((w, reason) -> {
            String first = reason.lines().findFirst().orElse("");
            out.append(markdown ? "- skipped `" + w + "`: " : "skipped " + w + ": ").append(first).append('\n');
        });
        return out.toString();
    }

    private static String time(RunSeries s) {
        if (s.failed()) return s.verdict().name();
        if (s.count() == 0) return "-";
        String wall = seconds(s.medianWallSeconds());
        double cpu = s.medianCpuSeconds();
        return Double.isNaN(cpu) ? wall : wall + " (" + seconds(cpu) + ")";
    }

    static String seconds(double s) {
        if (s < 10) return String.format(Locale.ROOT, "%.3f", s);
        if (s < 100) return String.format(Locale.ROOT, "%.2f", s);
        return String.format(Locale.ROOT, "%.1f", s);
    }

    private static String times(double ratio) {
        if (Double.isNaN(ratio)) return "-";
        return String.format(Locale.ROOT, ratio < 10 ? "%.2fx" : "%.1fx", ratio);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
