package dev.jx86.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of {@code jx86 profile} in a real browser: Debian's chromium, headless, prints the page's DOM after
 * its script ran ({@code --dump-dom}). The page must load without a script error (its body's {@code data-status}
 * becomes {@code rendered}; an error would make it {@code error} and show the message) and show the hottest symbol
 * of the JSON report first in its table of hot blocks. Skipped, with the reason, where chromium is not installed.
 */
class HtmlReportInBrowserTest {
    @TempDir
    Path dir;

    @Test
    void thePageRendersAndShowsTheHottestSymbol() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(
                chromium.isPresent(), "chromium is not installed (apt-get install chromium): HTML report not checked");
        ProfiledRun r = ProfiledRun.of(
                dir,
                List.of("--hot-threshold", "50", "--sample-interval", "1"),
                ProfiledRun.program("loops"),
                "1000000");
        assertThat(r.status()).as(r.stderr()).isZero();
        String page = Files.readString(r.html());
        assertThat(page)
                .as("self-contained: nothing loaded from elsewhere")
                .doesNotContain("<script src")
                .doesNotContain("<link")
                .doesNotContain("http://")
                .doesNotContain("url(");

        String dom = dumpDom(chromium.get(), r.html());
        assertThat(attribute(dom, "body", "data-status")).as(dom).isEqualTo("rendered");
        assertThat(dom).contains("<p id=\"errors\" hidden=\"\"></p>");
        String hottest = (String) r.list("blocks").getFirst().get("symbol");
        assertThat(hottest).startsWith("inner+0x");
        List<String> firstRow = firstDataRow(dom, "hot-blocks");
        assertThat(firstRow).as("first row of the hot blocks table").hasSizeGreaterThan(3);
        assertThat(firstRow.get(1)).isEqualTo(hottest);
        assertThat(firstRow.get(2))
                .isEqualTo(r.list("blocks").getFirst().get("executions").toString());
        // the flame view drew frames, the hottest function among them
        assertThat(dom).contains("class=\"frame\"").contains(">inner</div>");
    }

    /** Chromium's command, as Debian installs it. */
    static Optional<Path> chromium() {
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser")
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    private String dumpDom(Path chromium, Path page) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        List<String> command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=5000",
                "--dump-dom",
                page.toUri().toString()));
        Path out = dir.resolve("dom.html");
        Path err = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 2 minutes");
        }
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out);
    }

    private static String attribute(String dom, String element, String name) {
        Matcher m = Pattern.compile("<" + element + "\\b[^>]*\\b" + name + "=\"([^\"]*)\"")
                .matcher(dom);
        return m.find() ? m.group(1) : null;
    }

    /** The cells' text of the first row after the header of table {@code id}. */
    private static List<String> firstDataRow(String dom, String id) {
        int table = dom.indexOf("<table id=\"" + id + "\">");
        assertThat(table).as("table " + id).isNotNegative();
        int header = dom.indexOf("</tr>", table);
        int end = dom.indexOf("</tr>", header + 5);
        String row = dom.substring(header + 5, end);
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row);
        while (m.find()) {
            cells.add(m.group(1));
        }
        return cells;
    }
}
