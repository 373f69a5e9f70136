package dev.jx86.tools.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.elf.ElfSymbol;
import dev.jx86.runtime.elf.Symbolizer;
import dev.jx86.runtime.profile.CacheStats;
import dev.jx86.runtime.profile.CallStacks;
import dev.jx86.runtime.profile.ExitCount;
import dev.jx86.runtime.profile.ExitKind;
import dev.jx86.runtime.profile.Phase;
import dev.jx86.runtime.profile.Profile;
import dev.jx86.runtime.profile.RegionStats;
import dev.jx86.runtime.profile.TranslationStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reports of a small made-up profile against golden files ({@code src/test/resources/.../synthetic.*};
 * {@code -Dbless=true} rewrites them, for a reviewer to read the diff): executions add up over tiers and
 * translations, samples land in the block holding their pc, the flame tree follows the stacks.
 */
class ReportsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/dev/jx86/tools/profile");

    static Profile profile() {
        Symbolizer symbols = Symbolizer.of(List.of(
                new ElfSymbol("main", 0x401000, 0x40, ElfSymbol.STT_FUNC, ElfSymbol.STB_GLOBAL, 0, 1, false),
                new ElfSymbol("outer", 0x401100, 0x40, ElfSymbol.STT_FUNC, ElfSymbol.STB_GLOBAL, 0, 1, false),
                new ElfSymbol("inner", 0x401200, 0x40, ElfSymbol.STT_FUNC, ElfSymbol.STB_GLOBAL, 0, 1, false)));
        List<TranslationStats> translations = List.of(
                new TranslationStats(0x401000, 64, 20, 5, 24, 40_000, false, 1, false, TranslationStats.Fate.LIVE),
                new TranslationStats(0x401100, 64, 12, 3, 15, 20_000, false, 10, false, TranslationStats.Fate.LIVE),
                new TranslationStats(
                        0x401218, 64, 16, 5, 19, 30_000, false, 400, false, TranslationStats.Fate.INVALIDATED),
                new TranslationStats(0x401218, 64, 16, 5, 19, 25_000, false, 600, true, TranslationStats.Fate.LIVE),
                new TranslationStats(0x401ffa, 64, 9, 2, 8, 10_000, true, 3, false, TranslationStats.Fate.EVICTED));
        List<RegionStats> regions = List.of(new RegionStats(
                0x401218,
                "dev.jx86.backend.jvm.gen.B_401218_inner+0x18/0x1",
                List.of(new RegionStats.Member(0x401218, 16, 19, 999_000)),
                250,
                1_500_000));
        CacheStats cache = new CacheStats(2_000, 1_900, 80, 20, 5, 4, 1, 1, 1, 0, 0);
        List<ExitCount> exits = new ArrayList<>();
        for (ExitKind kind : ExitKind.values()) {
            exits.add(
                    switch (kind) {
                        case SYSCALL -> new ExitCount(kind, 3, 2_500_000);
                        case TRANSLATION -> new ExitCount(kind, 5, 125_000);
                        case TLB_MISS, CODE_WRITE -> new ExitCount(kind, 7, -1);
                        default -> new ExitCount(kind, 0, 0);
                    });
        }
        CallStacks stacks = new CallStacks(
                List.of(
                        new CallStacks.Stack(
                                new long[] {0x40121c, 0x401120, 0x401010},
                                new long[] {0x401200, 0x401100, -1},
                                Phase.GUEST,
                                90),
                        new CallStacks.Stack(
                                new long[] {0x401104, 0x401010}, new long[] {0x401100, -1}, Phase.GUEST, 6),
                        new CallStacks.Stack(new long[] {0x401020}, new long[] {-1}, Phase.RUNTIME, 3),
                        new CallStacks.Stack(new long[] {0x501000}, new long[] {-1}, Phase.TRANSLATION, 1)),
                100,
                1_000_000);
        return new Profile(translations, regions, cache, exits, stacks, 123_000_000, symbols);
    }

    static ProfileReport report() {
        return ProfileReport.of(new ProfileReport.Run("loops", List.of("1000000"), "mixed", 0), profile());
    }

    @Test
    void blocksAddTheirTiersAndTranslations() {
        ProfileReport r = report();
        ProfileReport.Block hottest = r.blocks().getFirst();
        assertThat(hottest.symbol()).isEqualTo("inner+0x18");
        assertThat(hottest.executions()).isEqualTo(400 + 600 + 999_000);
        assertThat(hottest.interpretedExecutions()).isEqualTo(1000);
        assertThat(hottest.translations()).isEqualTo(2);
        assertThat(hottest.tier()).isEqualTo(1);
        assertThat(hottest.samples()).isEqualTo(90);
        assertThat(hottest.bytecodeBytes()).isEqualTo(250);
        assertThat(r.blocksByTime()).extracting(ProfileReport.Block::symbol).containsExactly("inner+0x18", "outer");
        assertThat(r.flame().selfByFunction())
                .containsExactly(
                        java.util.Map.entry("inner", 90L),
                        java.util.Map.entry("outer", 6L),
                        java.util.Map.entry("[runtime]", 3L),
                        java.util.Map.entry("[translation]", 1L));
    }

    @Test
    void textReport() throws IOException {
        golden("synthetic.txt", TextReport.of(report(), 10));
    }

    @Test
    void jsonReport() throws IOException {
        golden("synthetic.json", JsonReport.of(report()));
    }

    @Test
    void htmlReportHoldsTheDataAndTheScript() {
        String page = HtmlReport.of(report(), 10);
        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .doesNotContain("/*DATA*/")
                .doesNotContain("/*SCRIPT*/")
                .doesNotContain("/*STYLE*/")
                .contains("\"schema\": \"jx86-profile/1\"")
                .contains("\"top\": 10")
                .contains("function flame(root)");
    }

    @Test
    void jsonTextEscapesWhatItMust() {
        assertThat(JsonText.of(java.util.Map.of("k", "a\"b\\c\n</script>\u0001")))
                .isEqualTo("{\n  \"k\": \"a\\\"b\\\\c\\n\\u003c/script>\\u0001\"\n}\n");
        assertThat(JsonText.of(List.of(1.5, 2.0, Double.NaN, 1L, true))).isEqualTo("[1.5, 2, null, 1, true]\n");
        assertThat(JsonText.of(0.1234567891)).isEqualTo("0.123457\n");
    }

    private static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("bless")) {
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
