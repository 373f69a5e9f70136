package dev.jx86.tools.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The profile as one self-contained HTML page (no network access): the JSON document embedded in the page, rendered
 * by an inline script into the tables and a flame view of the sampled guest call stacks. When the script has
 * rendered everything the body's {@code data-status} is {@code rendered}; a script error shows on the page and sets
 * it to {@code error}.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** The page of {@code report}, showing {@code top} rows per table. */
    public static String of(ProfileReport report, int top) {
        Map<String, Object> data = new LinkedHashMap<>(JsonReport.document(report));
        data.put("top", top);
        String page = resource("report.html");
        // replaced in this order so that no inserted text is searched again
        int style = page.indexOf("/*STYLE*/");
        int json = page.indexOf("/*DATA*/");
        int script = page.indexOf("/*SCRIPT*/");
        return page.substring(0, style)
                + resource("report.css")
                + page.substring(style + "/*STYLE*/".length(), json)
                + JsonText.of(data)
                + page.substring(json + "/*DATA*/".length(), script)
                + resource("report.js")
                + page.substring(script + "/*SCRIPT*/".length());
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
