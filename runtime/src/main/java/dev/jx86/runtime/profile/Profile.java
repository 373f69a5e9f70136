package dev.jx86.runtime.profile;

import dev.jx86.runtime.elf.Symbolizer;
import java.util.List;

/**
 * Everything a profiled run collected, for reports.
 *
 * @param translations every translation made, live or not (a pc translated again appears again)
 * @param regions every unit of tier-1 code installed, with its block counts
 * @param cache the translation cache and dispatcher statistics
 * @param exits exits to the runtime by reason, in {@link ExitKind} order
 * @param stacks sampled guest call stacks
 * @param wallNanos the run's wall-clock time
 * @param symbols the guest program's symbols at their load addresses (empty for a stripped program)
 */
public record Profile(
        List<TranslationStats> translations,
        List<RegionStats> regions,
        CacheStats cache,
        List<ExitCount> exits,
        CallStacks stacks,
        long wallNanos,
        Symbolizer symbols) {
    public Profile {
        translations = List.copyOf(translations);
        regions = List.copyOf(regions);
        exits = List.copyOf(exits);
    }
}
