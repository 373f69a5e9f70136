package dev.jx86.tools.profile;

import dev.jx86.runtime.elf.Symbolizer;
import dev.jx86.runtime.profile.CallStacks;
import dev.jx86.runtime.profile.ExitCount;
import dev.jx86.runtime.profile.Phase;
import dev.jx86.runtime.profile.Profile;
import dev.jx86.runtime.profile.RegionStats;
import dev.jx86.runtime.profile.TranslationStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the text, JSON and HTML reports show, computed once from a {@link Profile}: guest blocks by pc with their
 * executions in both tiers, compiled regions, cache statistics and exits, and the flame tree of sampled stacks.
 *
 * <p>A block's executions are the interpreter's dispatches of it plus the entries compiled code counted (inside a
 * region a loop's blocks run without the dispatcher). Its estimated time is the samples whose innermost pc lay in
 * it, times the sampling interval: inside compiled code the sampled pc is that of the region's entry or of its last
 * helper call, so compiled time is attributed to those blocks.
 */
public final class ProfileReport {
    /** What the report is about: the program and how it ran. */
    public record Run(String program, List<String> arguments, String tier, int exitStatus) {}

    /** One guest block (all translations of its pc together). */
    public record Block(
            long pc,
            String symbol,
            long executions,
            long interpretedExecutions,
            long compiledExecutions,
            int tier,
            int guestBytes,
            int instructions,
            int irOps,
            int bytecodeBytes,
            int translations,
            long translateNanos,
            long compileNanos,
            boolean crossPage,
            long samples) {}

    /** One compiled unit of tier 1. */
    public record Region(
            long pc,
            String symbol,
            String className,
            List<Long> blockPcs,
            long executions,
            int guestBytes,
            int irOps,
            int bytecodeBytes,
            long compileNanos,
            long samples) {}

    private final Run run;
    private final Profile profile;
    private final List<Block> blocks;
    private final List<Region> regions;
    private final FlameNode flame;
    private final Map<Phase, Long> samplesByPhase = new java.util.EnumMap<>(Phase.class);

    private ProfileReport(Run run, Profile profile) {
        this.run = run;
        this.profile = profile;
        Map<Long, Long> samplesByBlock = samplesByBlock(profile);
        this.blocks = blocks(profile, samplesByBlock);
        this.regions = regions(profile, samplesByBlock);
        this.flame = FlameNode.of(profile.stacks(), profile.symbols());
        for (Phase p : Phase.values()) {
            samplesByPhase.put(p, 0L);
        }
        for (CallStacks.Stack s : profile.stacks().stacks()) {
            samplesByPhase.merge(s.phase(), s.count(), Long::sum);
        }
    }

    public static ProfileReport of(Run run, Profile profile) {
        return new ProfileReport(run, profile);
    }

    /** Samples by the pc of the block holding their innermost pc (guest code only). */
    private static Map<Long, Long> samplesByBlock(Profile profile) {
        TreeMap<Long, Long> ends = new TreeMap<>();
        for (TranslationStats t : profile.translations()) {
            ends.merge(t.pc(), t.end(), Math::max);
        }
        Map<Long, Long> samples = new HashMap<>();
        for (CallStacks.Stack s : profile.stacks().stacks()) {
            if (s.phase() != Phase.GUEST) {
                continue;
            }
            long leaf = s.pcs()[0];
            var floor = ends.floorEntry(leaf);
            if (floor != null && leaf < floor.getValue()) {
                samples.merge(floor.getKey(), s.count(), Long::sum);
            }
        }
        return samples;
    }

    private static List<Block> blocks(Profile profile, Map<Long, Long> samples) {
        Map<Long, List<TranslationStats>> byPc = new HashMap<>();
        for (TranslationStats t : profile.translations()) {
            byPc.computeIfAbsent(t.pc(), pc -> new ArrayList<>()).add(t);
        }
        Map<Long, Long> compiledExecutions = new HashMap<>();
        Map<Long, long[]> entered = new HashMap<>(); // pc -> {bytecode bytes, compile nanos} of units entered there
        for (RegionStats r : profile.regions()) {
            for (RegionStats.Member m : r.blocks()) {
                compiledExecutions.merge(m.pc(), m.executions(), Long::sum);
            }
            long[] e = entered.computeIfAbsent(r.pc(), pc -> new long[2]);
            e[0] += Math.max(0, r.bytecodeBytes());
            e[1] += r.compileNanos();
        }
        Symbolizer symbols = profile.symbols();
        List<Block> list = new ArrayList<>();
        for (var entry : byPc.entrySet()) {
            long pc = entry.getKey();
            List<TranslationStats> ts = entry.getValue();
            TranslationStats last = ts.getLast();
            long interpreted = ts.stream()
                    .mapToLong(TranslationStats::interpretedExecutions)
                    .sum();
            long compiled = compiledExecutions.getOrDefault(pc, 0L);
            long[] unit = entered.getOrDefault(pc, new long[2]);
            list.add(new Block(
                    pc,
                    symbols.describe(pc).orElse(null),
                    interpreted + compiled,
                    interpreted,
                    compiled,
                    compiledExecutions.containsKey(pc) ? 1 : 0,
                    last.guestBytes(),
                    last.instructions(),
                    last.irOps(),
                    (int) unit[0],
                    ts.size(),
                    ts.stream().mapToLong(TranslationStats::translateNanos).sum(),
                    unit[1],
                    last.crossPage(),
                    samples.getOrDefault(pc, 0L)));
        }
        list.sort(Comparator.comparingLong(Block::executions).reversed().thenComparingLong(Block::pc));
        return list;
    }

    private static List<Region> regions(Profile profile, Map<Long, Long> samples) {
        List<Region> list = new ArrayList<>();
        for (RegionStats r : profile.regions()) {
            long sampled = r.blocks().stream()
                    .mapToLong(m -> samples.getOrDefault(m.pc(), 0L))
                    .sum();
            list.add(new Region(
                    r.pc(),
                    profile.symbols().describe(r.pc()).orElse(null),
                    r.className(),
                    r.blocks().stream().map(RegionStats.Member::pc).toList(),
                    r.executions(),
                    r.guestBytes(),
                    r.irOps(),
                    r.bytecodeBytes(),
                    r.compileNanos(),
                    sampled));
        }
        list.sort(Comparator.comparingLong(Region::executions).reversed().thenComparingLong(Region::pc));
        return list;
    }

    public Run run() {
        return run;
    }

    /** Blocks by executions, most first. */
    public List<Block> blocks() {
        return blocks;
    }

    /** Blocks by estimated time (samples), most first; only those sampled at least once. */
    public List<Block> blocksByTime() {
        return blocks.stream()
                .filter(b -> b.samples() > 0)
                .sorted(Comparator.comparingLong(Block::samples).reversed().thenComparingLong(Block::pc))
                .toList();
    }

    /** Compiled regions by executions, most first. */
    public List<Region> regions() {
        return regions;
    }

    public List<ExitCount> exits() {
        return profile.exits();
    }

    public FlameNode flame() {
        return flame;
    }

    /** Samples by what the CPU's thread was doing. */
    public Map<Phase, Long> samplesByPhase() {
        return samplesByPhase;
    }

    public CallStacks stacks() {
        return profile.stacks();
    }

    public long wallNanos() {
        return profile.wallNanos();
    }

    /** Estimated time of {@code samples} samples, in milliseconds. */
    public double sampleMillis(long samples) {
        return samples * profile.stacks().intervalNanos() / 1e6;
    }

    public CacheSummary cache() {
        return CacheSummary.of(profile);
    }
}
