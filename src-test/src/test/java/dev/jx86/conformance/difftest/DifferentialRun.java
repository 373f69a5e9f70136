package dev.jx86.conformance.difftest;

import dev.jx86.x86.decode.Instruction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs generated cases in batches on the host and under jx86 at once (the host in its own process), compares
 * them, and for the first mismatches finds the item each goes wrong at by running its prefixes.
 */
final class DifferentialRun {

    private final GnuAssembler assembler;
    private final NativeHarness host;
    private final Jx86Harness jx86;
    private final int batchSize;
    private long assembleNanos;
    private long hostNanos;
    private long jx86Nanos;

    DifferentialRun(GnuAssembler assembler, NativeHarness host, Jx86Harness jx86, int batchSize) {
        this.assembler = assembler;
        this.host = host;
        this.jx86 = jx86;
        this.batchSize = batchSize;
    }

    /** Mismatches kept in full per run; beyond them only counted (each holds its state and buffer). */
    private static final int KEEP_LIMIT = 2000;

    /** Mismatches whose prefixes are run to find the item to blame: all that are kept. */
    private static final int BLAME_LIMIT = KEEP_LIMIT;

    /**
     * What a run found.
     *
     * @param mismatchCount all mismatching cases, of which the first {@link #KEEP_LIMIT} are in {@code mismatches}
     */
    record Result(
            int cases,
            int tainted,
            Map<Outcome.Stop, Integer> hostStops,
            int mismatchCount,
            List<Mismatch> mismatches) {
        /** Kept mismatching cases per blamed family, by name. */
        Map<String, Integer> byFamily() {
            Map<String, Integer> out = new TreeMap<>();
            for (Mismatch m : mismatches) {
                out.merge(m.blamed(), 1, Integer::sum);
            }
            return out;
        }
    }

    /** Where the time went so far: assembling, the host harness, jx86 (the last two run at once). */
    String timing() {
        return String.format(
                "assembling %.1f s, host %.1f s, jx86 %.1f s", assembleNanos / 1e9, hostNanos / 1e9, jx86Nanos / 1e9);
    }

    /** Runs cases {@code firstId} to {@code firstId + count - 1} of {@code generator} and blames the mismatches. */
    Result run(SequenceGenerator generator, String rerun, long firstId, int count) throws IOException {
        Tally tally = new Tally();
        for (long id = firstId; id < firstId + count; id += batchSize) {
            List<TestCase> batch = new ArrayList<>();
            for (long i = id; i < Math.min(firstId + count, id + batchSize); i++) {
                batch.add(generator.generate(i));
            }
            tally.add(batch, rerun);
        }
        return new Result(count, tally.tainted, tally.stops, tally.count, blame(tally.mismatches));
    }

    /** Runs the given cases and counts their mismatches by each case's first item's family. */
    Map<String, Integer> mismatchesByFirstFamily(List<TestCase> cases, String rerun) throws IOException {
        Tally tally = new Tally();
        for (int from = 0; from < cases.size(); from += batchSize) {
            tally.add(cases.subList(from, Math.min(cases.size(), from + batchSize)), rerun);
        }
        return tally.byFirstFamily;
    }

    /** What the batches of one run found so far. */
    private final class Tally {
        final Map<Outcome.Stop, Integer> stops = new EnumMap<>(Outcome.Stop.class);
        final List<Mismatch> mismatches = new ArrayList<>();
        final Map<String, Integer> byFirstFamily = new TreeMap<>();
        int tainted;
        int count;

        void add(List<TestCase> cases, String rerun) throws IOException {
            long start = System.nanoTime();
            List<TestCase> batch = assembler.assemble(cases);
            assembleNanos += System.nanoTime() - start;
            List<Outcome[]> outcomes = runBoth(batch);
            for (int i = 0; i < batch.size(); i++) {
                Outcome h = outcomes.get(i)[0];
                stops.merge(h.stop(), 1, Integer::sum);
                List<String> differences = compare(batch.get(i), i, h, outcomes.get(i)[1]);
                if (differences == null) {
                    tainted++;
                } else if (!differences.isEmpty()) {
                    count++;
                    byFirstFamily.merge(batch.get(i).family(), 1, Integer::sum);
                    if (mismatches.size() < KEEP_LIMIT) {
                        mismatches.add(new Mismatch(
                                rerun, batch.get(i), i, batch.get(i).family(), differences));
                    }
                }
            }
        }
    }

    /**
     * The differences, or null when the case read a flag left undefined or differs after an x87 transcendental (it
     * cannot be compared).
     */
    private static List<String> compare(TestCase c, int slot, Outcome host, Outcome jx86) {
        List<Instruction> code = FlagMask.decode(c.code(), Layout.codeAddress(slot), c.bits64());
        FlagMask mask = FlagMask.of(code, host.pc());
        if (mask.tainted()) {
            return null;
        }
        boolean approximate = code.stream().anyMatch(i -> Comparison.TRANSCENDENTAL.contains(i.mnemonic()));
        List<String> differences = Comparison.differences(host, jx86, mask, c.bits64(), approximate);
        // A transcendental's last bit is the processor's own; when later instructions make more of it than the
        // comparison tolerates (FPREM of it, a stored image), the case is not comparable, like a read undefined flag.
        return approximate && !differences.isEmpty() ? null : differences;
    }

    /** Each case's host and jx86 outcomes; the host runs in its process while jx86 runs here. */
    private List<Outcome[]> runBoth(List<TestCase> batch) throws IOException {
        CompletableFuture<List<Outcome>> native_ = CompletableFuture.supplyAsync(() -> {
            try {
                long start = System.nanoTime();
                List<Outcome> out = host.run(batch);
                hostNanos += System.nanoTime() - start;
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long start = System.nanoTime();
        List<Outcome> ours = jx86.run(batch);
        jx86Nanos += System.nanoTime() - start;
        List<Outcome> theirs;
        try {
            theirs = native_.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw e;
        }
        List<Outcome[]> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            out.add(new Outcome[] {theirs.get(i), ours.get(i)});
        }
        return out;
    }

    /** The mismatches with the family of the item after which each first goes wrong, for the first few. */
    private List<Mismatch> blame(List<Mismatch> mismatches) throws IOException {
        List<TestCase> prefixes = new ArrayList<>();
        List<int[]> owners = new ArrayList<>(); // mismatch index, prefix length
        for (int m = 0; m < Math.min(BLAME_LIMIT, mismatches.size()); m++) {
            TestCase c = mismatches.get(m).testCase();
            for (int k = 1; k < c.items().size(); k++) {
                prefixes.add(
                        new TestCase(c.id(), c.items().subList(0, k), null, c.initial(), c.dataSeed(), c.bits64()));
                owners.add(new int[] {m, k});
            }
        }
        String[] blamed = new String[mismatches.size()];
        for (int from = 0; from < prefixes.size(); from += batchSize) {
            List<TestCase> batch =
                    assembler.assemble(prefixes.subList(from, Math.min(prefixes.size(), from + batchSize)));
            List<Outcome[]> outcomes = runBoth(batch);
            for (int i = 0; i < batch.size(); i++) {
                int[] owner = owners.get(from + i);
                List<String> d = compare(batch.get(i), i, outcomes.get(i)[0], outcomes.get(i)[1]);
                if (blamed[owner[0]] == null && d != null && !d.isEmpty()) {
                    blamed[owner[0]] = batch.get(i).items().get(owner[1] - 1).family();
                }
            }
        }
        List<Mismatch> out = new ArrayList<>(mismatches.size());
        for (int m = 0; m < mismatches.size(); m++) {
            Mismatch x = mismatches.get(m);
            String b = blamed[m];
            if (b == null) {
                b = m < BLAME_LIMIT
                        ? x.testCase().items().getLast().family()
                        : x.testCase().family();
            }
            out.add(new Mismatch(x.rerun(), x.testCase(), x.slot(), b, x.differences()));
        }
        return out;
    }
}
