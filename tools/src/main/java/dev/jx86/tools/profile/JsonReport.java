package dev.jx86.tools.profile;

import dev.jx86.runtime.profile.CacheStats;
import dev.jx86.runtime.profile.ExitCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile as JSON: the document docs/profiling.md describes (schema {@code jx86-profile/1}; the machine-checkable
 * form is docs/profile.schema.json). Addresses are hex strings ({@code "0x401a2c"}), times milliseconds or
 * microseconds as the key says, and a time that was not measured is null.
 */
public final class JsonReport {
    public static final String SCHEMA = "jx86-profile/1";

    private JsonReport() {}

    /** The JSON text of {@code report}. */
    public static String of(ProfileReport report) {
        return JsonText.of(document(report));
    }

    /** The document as maps and lists (also what the HTML page embeds). */
    static Map<String, Object> document(ProfileReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        ProfileReport.Run run = report.run();
        doc.put("program", run.program());
        doc.put("arguments", run.arguments());
        doc.put("tier", run.tier());
        doc.put("exit_status", run.exitStatus());
        doc.put("wall_ms", report.wallNanos() / 1e6);
        doc.put("blocks", report.blocks().stream().map(b -> block(b, report)).toList());
        doc.put("regions", report.regions().stream().map(r -> region(r, report)).toList());
        doc.put("cache", cache(report.cache()));
        doc.put("exits", exits(report.exits()));
        doc.put("samples", samples(report));
        return doc;
    }

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    private static Map<String, Object> block(ProfileReport.Block b, ProfileReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pc", hex(b.pc()));
        m.put("symbol", b.symbol());
        m.put("executions", b.executions());
        m.put("interpreted_executions", b.interpretedExecutions());
        m.put("compiled_executions", b.compiledExecutions());
        m.put("tier", b.tier());
        m.put("guest_bytes", b.guestBytes());
        m.put("instructions", b.instructions());
        m.put("ir_ops", b.irOps());
        m.put("bytecode_bytes", b.bytecodeBytes());
        m.put("translations", b.translations());
        m.put("translate_us", b.translateNanos() / 1e3);
        m.put("compile_us", b.compileNanos() / 1e3);
        m.put("cross_page", b.crossPage());
        m.put("samples", b.samples());
        m.put("time_ms", report.sampleMillis(b.samples()));
        return m;
    }

    private static Map<String, Object> region(ProfileReport.Region r, ProfileReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pc", hex(r.pc()));
        m.put("symbol", r.symbol());
        m.put("class", r.className());
        m.put("blocks", r.blockPcs().stream().map(JsonReport::hex).toList());
        m.put("executions", r.executions());
        m.put("guest_bytes", r.guestBytes());
        m.put("ir_ops", r.irOps());
        m.put("bytecode_bytes", r.bytecodeBytes());
        m.put("compile_us", r.compileNanos() / 1e3);
        m.put("samples", r.samples());
        m.put("time_ms", report.sampleMillis(r.samples()));
        return m;
    }

    private static Map<String, Object> cache(CacheSummary c) {
        CacheStats s = c.stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("translations", s.translations());
        m.put("live_translations", s.liveTranslations());
        m.put("guest_bytes", c.guestBytes());
        m.put("guest_instructions", c.guestInstructions());
        m.put("ir_ops", c.irOps());
        m.put("ir_ops_per_guest_byte", c.irOpsPerGuestByte());
        m.put("cross_page_translations", c.crossPage());
        m.put("translate_ms", c.translateNanos() / 1e6);
        m.put("compiled_units", c.compiledUnits());
        m.put("compiled_blocks", c.compiledBlocks());
        m.put("compiled_guest_bytes", c.compiledGuestBytes());
        m.put("bytecode_bytes", c.bytecodeBytes());
        m.put("bytecode_per_guest_byte", c.bytecodePerGuestByte());
        m.put("compile_ms", c.compileNanos() / 1e6);
        m.put("not_compiled", s.notCompiled());
        m.put("regions_dropped", s.regionsDropped());
        m.put("dispatches", s.dispatches());
        m.put("chained", s.chained());
        m.put("jump_cache_hits", s.jumpCacheHits());
        m.put("cache_lookups", s.cacheLookups());
        m.put("chain_rate", c.chainRate());
        m.put("jump_cache_rate", c.jumpCacheRate());
        m.put("hit_rate", c.hitRate());
        m.put("evictions", s.evictions());
        m.put("invalidations", s.invalidations());
        return m;
    }

    private static Map<String, Object> exits(List<ExitCount> exits) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ExitCount e : exits) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("count", e.count());
            x.put("time_ms", e.nanos() < 0 ? null : e.nanos() / 1e6);
            m.put(e.kind().text(), x);
        }
        return m;
    }

    private static Map<String, Object> samples(ProfileReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interval_ms", report.stacks().intervalNanos() / 1e6);
        m.put("count", report.stacks().samples());
        Map<String, Object> phases = new LinkedHashMap<>();
        report.samplesByPhase().forEach((phase, n) -> phases.put(phase.name().toLowerCase(java.util.Locale.ROOT), n));
        m.put("phases", phases);
        List<Object> functions = new ArrayList<>();
        report.flame().selfByFunction().forEach((name, self) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("symbol", name);
            f.put("self_samples", self);
            functions.add(f);
        });
        m.put("functions", functions);
        m.put("flame", flame(report.flame()));
        return m;
    }

    private static Map<String, Object> flame(FlameNode node) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", node.name());
        m.put("value", node.value());
        m.put("self", node.self());
        m.put("children", node.children().stream().map(JsonReport::flame).toList());
        return m;
    }
}
