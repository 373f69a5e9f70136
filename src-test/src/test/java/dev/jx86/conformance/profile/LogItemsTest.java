package dev.jx86.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfSymbol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jx86 run -d ...} logs of {@code src-test/guest/profile/loops N fault} (which ends in SIGSEGV), in a child JVM:
 * {@code -dfilter} keeps the logs to the functions asked for, {@code out_asm} shows the class compiled for
 * {@code inner}'s loop, {@code int} the page fault with the CPU state, {@code nochain} leaves nothing chained; and
 * {@code jx86 profile} of the same run keeps the guest's status and counts the fault.
 */
class LogItemsTest {
    @TempDir
    Path dir;

    private record Result(int status, String stdout, String stderr) {}

    private Result jx86(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.jx86.tools.cli.Jx86"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile())
                .start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Result(
                p.exitValue(),
                Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    /** The address range of function {@code name} in {@code loops}, as {@code -dfilter} writes it. */
    private static String range(String name) throws Exception {
        for (ElfSymbol s : ElfFile.read(ProfiledRun.program("loops")).symbols()) {
            if (s.name().equals(name) && s.function()) {
                return "0x" + Long.toHexString(s.value()) + "+0x" + Long.toHexString(s.size());
            }
        }
        throw new AssertionError("no symbol " + name);
    }

    private static long start(String range) {
        return Long.parseLong(range.substring(2, range.indexOf('+')), 16);
    }

    private static long end(String range) {
        return start(range) + Long.parseLong(range.substring(range.indexOf('+') + 3), 16);
    }

    @Test
    void filteredLogsOfTranslationsCompiledCodeAndTheFault() throws Exception {
        String inner = range("inner");
        String main = range("main");
        Result r = jx86(
                "run",
                "--tier",
                "1",
                "-d",
                "in_asm,out_asm,exec,cpu,int",
                "-dfilter",
                inner + "," + main,
                ProfiledRun.program("loops").toString(),
                "1000",
                "fault");
        assertThat(r.status()).isEqualTo(128 + 11);
        assertThat(r.stdout()).startsWith("loops 1000: ");
        String log = r.stderr();
        assertThat(log).contains("[DEBUG] jx86.in_asm - IN:").contains("imul");
        assertThat(log)
                .containsPattern("jx86\\.out_asm - OUT: \\[[0-9a-f]+\\] inner\\+0x18\\n")
                .contains("public final class dev/jx86/backend/jvm/gen/B_")
                .contains("LMUL");
        Matcher trace = Pattern.compile("Trace: \\[([0-9a-f]+)\\]").matcher(log);
        int traces = 0;
        while (trace.find()) {
            long pc = Long.parseLong(trace.group(1), 16);
            boolean inRange = (pc >= start(inner) && pc < end(inner)) || (pc >= start(main) && pc < end(main));
            assertThat(inRange)
                    .as("traced pc 0x%x inside -dfilter %s,%s", pc, inner, main)
                    .isTrue();
            traces++;
        }
        assertThat(traces).isGreaterThanOrEqualTo(10); // inner entered 10 times at least
        assertThat(log).contains("RIP=").contains("RSP=");
        assertThat(log).containsPattern("jx86\\.int - exception #PF \\(vector 14, error code 6, address 0x10\\) at pc");
        assertThat(log).doesNotContain("\tat "); // no Java stack trace
    }

    @Test
    void noChainLeavesEveryDispatchToTheJumpCache() throws Exception {
        Result r =
                jx86("run", "-d", "stats,nochain", ProfiledRun.program("loops").toString(), "1000");
        assertThat(r.status()).isZero();
        assertThat(r.stderr()).containsPattern("dispatches \\d+ \\(chained 0, jump cache [1-9]");
        Result chained = jx86("run", "-d", "stats", ProfiledRun.program("loops").toString(), "1000");
        assertThat(chained.stderr()).containsPattern("dispatches \\d+ \\(chained [1-9]");
    }

    @Test
    void aProfiledRunKeepsTheGuestsFaultAndStatus() throws Exception {
        Path json = dir.resolve("p.json");
        Result r = jx86(
                "profile",
                "--json",
                json.toString(),
                ProfiledRun.program("loops").toString(),
                "1000",
                "f");
        assertThat(r.status()).isEqualTo(128 + 11);
        assertThat(r.stdout()).startsWith("loops 1000: ");
        assertThat(r.stderr()).contains("SIGSEGV").doesNotContain("jx86 profile:");
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) Json.parse(Files.readString(json));
        assertThat(profile.get("exit_status")).isEqualTo(139L);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> exits = (Map<String, Map<String, Object>>) profile.get("exits");
        assertThat(exits.get("page_fault").get("count")).isEqualTo(1L);
    }
}
