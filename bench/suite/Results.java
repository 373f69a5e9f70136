import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one suite run measured: a {@link RunSeries} per workload and runner, the workloads skipped on this
 * machine with their reasons, and the ratios between runners (per workload, and their geometric means over the
 * workloads where both runners were OK).
 */
final class Results {
    /** A ratio of two runners' median wall times, named like "jx86/native". */
    record Ratio(Runner numerator, Runner denominator) {
        String name() {
            return numerator.name() + "/" + denominator.name();
        }
    }

    private final List<Runner> runners;
    private final List<String> workloads = new ArrayList<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final Map<String, Map<String, RunSeries>> series = new LinkedHashMap<>();

    Results(List<Runner> runners) {
        this.runners = List.copyOf(runners);
    }

    List<Runner> runners() {
        return runners;
    }

    void addWorkload(Workload w) {
        workloads.add(w.name());
        descriptions.put(w.name(), w.description());
        Map<String, RunSeries> row = new LinkedHashMap<>();
        for (Runner r : runners) row.put(r.name(), new RunSeries());
        series.put(w.name(), row);
    }

    void skip(Workload w, String reason) {
        skipped.put(w.name(), reason);
    }

    List<String> workloads() {
        return workloads;
    }

    String description(String workload) {
        return descriptions.get(workload);
    }

    Map<String, String> skipped() {
        return skipped;
    }

    RunSeries series(String workload, Runner runner) {
        return series.get(workload).get(runner.name());
    }

    /** jx86/native, qemu/native and jx86/qemu, as far as those runners took part. */
    List<Ratio> ratios() {
        List<Ratio> ratios = new ArrayList<>();
        Runner nativeRunner = runners.getFirst();
        for (Runner r : runners.reversed()) if (r != nativeRunner) ratios.add(new Ratio(r, nativeRunner));
        if (runners.size() == 3) ratios.add(new Ratio(runners.get(2), runners.get(1)));
        return ratios;
    }

    /** The ratio of median wall times for one workload, or NaN unless both series are OK. */
    double ratio(String workload, Ratio ratio) {
        RunSeries a = series(workload, ratio.numerator());
        RunSeries b = series(workload, ratio.denominator());
        if (!a.ok() || !b.ok()) return Double.NaN;
        return a.medianWallSeconds() / b.medianWallSeconds();
    }

    /** The geometric mean of the ratio over the workloads where it exists, or NaN if none. */
    double geometricMean(Ratio ratio) {
        double logSum = 0;
        int n = 0;
        for (String w : workloads) {
            double r = ratio(w, ratio);
            if (!Double.isNaN(r)) {
                logSum += Math.log(r);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }

    /** How many workloads the geometric mean of this ratio is taken over. */
    int counted(Ratio ratio) {
        return (int) workloads.stream()
                .filter(w -> !Double.isNaN(ratio(w, ratio)))
                .count();
    }

    /** Whether any series ended WRONG, TIMEOUT or FAILED. */
    boolean anyFailure() {
        return series.values().stream()
                .flatMap(row -> row.values().stream())
                .anyMatch(RunSeries::failed);
    }
}
