package dev.jx86.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.conformance.guest.Jx86CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jx86 profile} of {@code src-test/guest/profile/loops}, whose work is known: {@code inner}'s loop body runs N
 * times in all over 10 calls (the block at its loop head N - 10 times: each call's first iteration is part of the
 * block before it), called from {@code outer}, called from {@code main}. Under every tier the report must say so,
 * and the guest must run as under {@code run}.
 */
class ProfileCommandTest {
    static final long N = 1_000_000;
    private static final Map<String, ProfiledRun> RUNS = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;

    static List<String> tiers() {
        return Jx86CommandRunner.TIERS;
    }

    /** The profile of loops N under {@code tier} (hot threshold 50, as the end-to-end suites), run once per tier. */
    static ProfiledRun run(String tier) {
        return RUNS.computeIfAbsent(tier, t -> {
            try {
                Path d = Files.createDirectories(dir.resolve("tier-" + t));
                return ProfiledRun.of(
                        d,
                        List.of("--tier", t, "--hot-threshold", "50"),
                        ProfiledRun.program("loops"),
                        Long.toString(N));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tiers")
    void theGuestRunsAsUnderRun(String tier) throws Exception {
        ProfiledRun r = run(tier);
        assertThat(r.status()).as(r.stderr()).isZero();
        // the checksum printed natively by the same binary (the test machines are x86-64 Linux)
        String expected =
                new String(new ProcessBuilder(ProfiledRun.program("loops").toString(), Long.toString(N))
                        .start()
                        .getInputStream()
                        .readAllBytes());
        assertThat(r.stdout()).isEqualTo(expected).startsWith("loops " + N + ": ");
        assertThat(r.stderr()).as("report goes to the files only").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("tiers")
    void theJsonFollowsItsSchema(String tier) throws Exception {
        ProfiledRun r = run(tier);
        Object schema = Json.parse(Files.readString(ProfiledRun.schema()));
        assertThat(JsonSchema.check(schema, r.json())).isEmpty();
        assertThat(r.json().get("tier")).isEqualTo(tier);
        assertThat(r.json().get("exit_status")).isEqualTo(0L);
    }

    @ParameterizedTest
    @MethodSource("tiers")
    void theLoopBodyRanNTimesAtInner(String tier) {
        ProfiledRun r = run(tier);
        Map<String, Object> hottest = r.list("blocks").getFirst();
        assertThat((String) hottest.get("symbol")).startsWith("inner+0x");
        assertThat((long) hottest.get("executions")).isBetween(N - 10, N);
        assertThat((long) hottest.get("interpreted_executions") + (long) hottest.get("compiled_executions"))
                .isEqualTo(hottest.get("executions"));
        assertThat(hottest.get("tier")).isEqualTo(tier.equals("0") ? 0L : 1L);
        // cold() ran 10 times; outer's loop 10 iterations
        long coldRuns = r.list("blocks").stream()
                .filter(b -> "cold".equals(b.get("symbol")))
                .mapToLong(b -> (long) b.get("executions"))
                .sum();
        assertThat(coldRuns).isEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("tiers")
    void cacheAndExitsAddUp(String tier) {
        ProfiledRun r = run(tier);
        Map<String, Object> cache = r.object("cache");
        long translations = (long) cache.get("translations");
        assertThat(translations)
                .isEqualTo(r.list("blocks").stream()
                        .mapToLong(b -> (long) b.get("translations"))
                        .sum());
        assertThat((long) cache.get("dispatches"))
                .isEqualTo((long) cache.get("chained")
                        + (long) cache.get("jump_cache_hits")
                        + (long) cache.get("cache_lookups"));
        assertThat(r.object("exits", "translation").get("count")).isEqualTo(translations);
        // musl's printf writes once (writev), then exit_group: the last system call ends the run
        assertThat((long) r.object("exits", "syscall").get("count")).isGreaterThanOrEqualTo(2);
        assertThat(r.object("exits", "page_fault").get("count")).isEqualTo(0L);
        if (tier.equals("0")) {
            assertThat(r.list("regions")).isEmpty();
        } else {
            Map<String, Object> region = r.list("regions").getFirst();
            assertThat((String) region.get("symbol")).startsWith("inner+0x");
            assertThat((String) region.get("class")).contains("_inner+0x");
            assertThat((long) region.get("bytecode_bytes")).isPositive();
        }
    }

    /** With enough samples in inner, the flame tree has main -> outer -> inner, and inner is the hottest function. */
    @Test
    void theFlameTreeShowsTheCallPath() throws Exception {
        Path d = Files.createDirectories(dir.resolve("flame"));
        long n = 40 * N;
        ProfiledRun r = ProfiledRun.of(
                d, List.of("--tier", "mixed", "--sample-interval", "0.5"), ProfiledRun.program("loops"), "" + n);
        assertThat(r.status()).as(r.stderr()).isZero();
        Map<String, Object> samples = r.object("samples");
        assertThat((long) samples.get("count")).as("samples taken").isGreaterThan(20);
        // the hottest guest function ([translation] and [runtime] are the translator's and the runtime's time)
        String hottest = castList(samples.get("functions")).stream()
                .map(f -> (String) f.get("symbol"))
                .filter(name -> !name.startsWith("["))
                .findFirst()
                .orElseThrow();
        assertThat(hottest).isEqualTo("inner");
        // inner's samples are (nearly all) under main -> outer: the stack scan found both return addresses
        Map<String, Long> innerSelf = new java.util.HashMap<>();
        selfSamples(castMap(samples.get("flame")), "", "inner", innerSelf);
        long all = innerSelf.values().stream().mapToLong(Long::longValue).sum();
        long underOuter = innerSelf.entrySet().stream()
                .filter(e -> e.getKey().endsWith(";main;outer;inner"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(underOuter).as("inner's samples by path: %s", innerSelf).isGreaterThan(all * 9 / 10);
    }

    /** The self samples of every node named {@code name}, by path from the root. */
    private static void selfSamples(Map<String, Object> node, String path, String name, Map<String, Long> into) {
        String here = path + ";" + node.get("name");
        if (name.equals(node.get("name"))) {
            into.merge(here, (long) node.get("self"), Long::sum);
        }
        for (Map<String, Object> child : castList(node.get("children"))) {
            selfSamples(child, here, name, into);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
