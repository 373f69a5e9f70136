import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runs of one workload on one runner and their verdict: OK while every run printed what the native run
 * printed and exited the same way; WRONG, TIMEOUT or FAILED (could not run) from the first run that did not, after
 * which the series is not run again and never counts as a speed result.
 */
final class RunSeries {
    enum Verdict {
        OK,
        WRONG,
        TIMEOUT,
        FAILED
    }

    private final List<ChildRun.Result> runs = new ArrayList<>();
    private Verdict verdict = Verdict.OK;
    private String reason = "";

    Verdict verdict() {
        return verdict;
    }

    /** Why the verdict is not OK: what differed, and the end of the run's standard error. */
    String reason() {
        return reason;
    }

    boolean ok() {
        return verdict == Verdict.OK && !runs.isEmpty();
    }

    boolean failed() {
        return verdict != Verdict.OK;
    }

    void add(ChildRun.Result run) {
        runs.add(run);
    }

    void fail(Verdict verdict, String reason) {
        this.verdict = verdict;
        this.reason = reason;
    }

    /** The first run, or null before it: the native series' first run is the reference output. */
    ChildRun.Result first() {
        return runs.isEmpty() ? null : runs.getFirst();
    }

    int count() {
        return runs.size();
    }

    /** The median wall time in seconds of the runs so far. */
    double medianWallSeconds() {
        return median(runs.stream().mapToLong(ChildRun.Result::wallNanos).toArray()) / 1e9;
    }

    /** The median user+system CPU time in seconds, or NaN when it was not measured. */
    double medianCpuSeconds() {
        long[] cpu = runs.stream().mapToLong(ChildRun.Result::cpuNanos).toArray();
        if (cpu.length == 0 || Arrays.stream(cpu).anyMatch(c -> c < 0)) return Double.NaN;
        return median(cpu) / 1e9;
    }

    /** The smallest and largest wall time in seconds, to show the spread. */
    double[] wallRangeSeconds() {
        long[] wall = runs.stream().mapToLong(ChildRun.Result::wallNanos).sorted().toArray();
        return new double[] {wall[0] / 1e9, wall[wall.length - 1] / 1e9};
    }

    private static double median(long[] values) {
        if (values.length == 0) return Double.NaN;
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
