package dev.jx86.tools.profile;

import dev.jx86.runtime.profile.CacheStats;
import dev.jx86.runtime.profile.ExitCount;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The profile as text for a terminal: the {@code top} rows of each table, then the cache and the exits. */
public final class TextReport {
    private final ProfileReport report;
    private final int top;
    private final StringBuilder out = new StringBuilder();

    private TextReport(ProfileReport report, int top) {
        this.report = report;
        this.top = top;
    }

    public static String of(ProfileReport report, int top) {
        return new TextReport(report, top).write();
    }

    private String write() {
        ProfileReport.Run run = report.run();
        line(
                "jx86 profile: %s (tier %s), exit status %d, %.2f s wall, %d samples every %.1f ms",
                run.program(),
                run.tier(),
                run.exitStatus(),
                report.wallNanos() / 1e9,
                report.stacks().samples(),
                report.stacks().intervalNanos() / 1e6);
        blocks("Hot blocks by executions", report.blocks());
        blocks("Hot blocks by estimated time (sampled)", report.blocksByTime());
        regions();
        functions();
        cache();
        exits();
        return out.toString();
    }

    private void blocks(String title, List<ProfileReport.Block> blocks) {
        line("");
        line("%s (top %d of %d):", title, Math.min(top, blocks.size()), blocks.size());
        line(
                "  %-18s %-32s %13s %13s %4s %5s %5s %5s %8s %9s %9s %8s",
                "pc",
                "symbol",
                "executions",
                "interpreted",
                "tier",
                "bytes",
                "insns",
                "ops",
                "bytecode",
                "xlate us",
                "comp us",
                "time ms");
        for (ProfileReport.Block b : blocks.subList(0, Math.min(top, blocks.size()))) {
            line(
                    "  %-18s %-32s %13d %13d %4d %5d %5d %5d %8d %9.1f %9.1f %8.1f",
                    JsonReport.hex(b.pc()),
                    cut(b.symbol()),
                    b.executions(),
                    b.interpretedExecutions(),
                    b.tier(),
                    b.guestBytes(),
                    b.instructions(),
                    b.irOps(),
                    b.bytecodeBytes(),
                    b.translateNanos() / 1e3,
                    b.compileNanos() / 1e3,
                    report.sampleMillis(b.samples()));
        }
    }

    private void regions() {
        List<ProfileReport.Region> regions = report.regions();
        line("");
        line("Compiled regions by executions (top %d of %d):", Math.min(top, regions.size()), regions.size());
        line(
                "  %-18s %-32s %6s %13s %5s %5s %8s %9s %8s  %s",
                "pc", "symbol", "blocks", "executions", "bytes", "ops", "bytecode", "comp ms", "time ms", "class");
        for (ProfileReport.Region r : regions.subList(0, Math.min(top, regions.size()))) {
            line(
                    "  %-18s %-32s %6d %13d %5d %5d %8d %9.2f %8.1f  %s",
                    JsonReport.hex(r.pc()),
                    cut(r.symbol()),
                    r.blockPcs().size(),
                    r.executions(),
                    r.guestBytes(),
                    r.irOps(),
                    r.bytecodeBytes(),
                    r.compileNanos() / 1e6,
                    report.sampleMillis(r.samples()),
                    r.className());
        }
    }

    private void functions() {
        Map<String, Long> self = report.flame().selfByFunction();
        long total = Math.max(1, report.stacks().samples());
        line("");
        line("Hot functions by sampled self time (top %d of %d):", Math.min(top, self.size()), self.size());
        self.entrySet().stream()
                .limit(top)
                .forEach(e -> line(
                        "  %-40s %8d samples %6.1f%% %10.1f ms",
                        cut(e.getKey()),
                        e.getValue(),
                        100.0 * e.getValue() / total,
                        report.sampleMillis(e.getValue())));
    }

    private void cache() {
        CacheSummary c = report.cache();
        CacheStats s = c.stats();
        line("");
        line("Translation cache (as QEMU's info jit):");
        line(
                "  translations          %d (live %d): %d guest bytes, %d instructions, %d IR ops (%.2f per guest byte),"
                        + " %.1f ms",
                s.translations(),
                s.liveTranslations(),
                c.guestBytes(),
                c.guestInstructions(),
                c.irOps(),
                c.irOpsPerGuestByte(),
                c.translateNanos() / 1e6);
        line("  cross-page            %d (%.1f%%)", c.crossPage(), percent(c.crossPage(), s.translations()));
        line(
                "  compiled units        %d of %d blocks, %d guest bytes -> %d bytecode bytes (%.1f per guest byte),"
                        + " %.1f ms; declined %d, dropped %d",
                c.compiledUnits(),
                c.compiledBlocks(),
                c.compiledGuestBytes(),
                c.bytecodeBytes(),
                c.bytecodePerGuestByte(),
                c.compileNanos() / 1e6,
                s.notCompiled(),
                s.regionsDropped());
        line(
                "  dispatches            %d: chained %.1f%%, jump cache %.1f%%, cache lookups %d; hit rate %.3f%%",
                s.dispatches(), 100 * c.chainRate(), 100 * c.jumpCacheRate(), s.cacheLookups(), 100 * c.hitRate());
        line("  evictions             %d", s.evictions());
        line("  invalidations         %d", s.invalidations());
    }

    private void exits() {
        line("");
        line("Exits to the runtime:");
        for (ExitCount e : report.exits()) {
            line(
                    "  %-12s %12d %s",
                    e.kind().text(),
                    e.count(),
                    e.nanos() < 0 ? "" : String.format(Locale.ROOT, "%10.2f ms", e.nanos() / 1e6));
        }
    }

    private static double percent(long a, long b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }

    private static String cut(String symbol) {
        if (symbol == null) {
            return "-";
        }
        return symbol.length() <= 32 ? symbol : symbol.substring(0, 31) + "~";
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args).stripTrailing()).append('\n');
    }
}
