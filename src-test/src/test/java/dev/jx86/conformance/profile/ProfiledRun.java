package dev.jx86.conformance.profile;

import dev.jx86.conformance.guest.GuestSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code jx86 profile --json --html} of a program from {@code src-test/guest/profile}, in a new JVM from this test's
 * class path (as the guest suite runs jx86): the guest's output and status, the report files, and the JSON parsed.
 */
record ProfiledRun(int status, String stdout, String stderr, Map<String, Object> json, Path html) {
    /** The repository's {@code src-test/guest}. */
    static Path guests() {
        return GuestSuite.locate().root();
    }

    static Path program(String name) {
        return guests().resolve("profile").resolve(name);
    }

    /** The JSON schema of the report, from docs/. */
    static Path schema() {
        return guests().getParent().getParent().resolve("docs").resolve("profile.schema.json");
    }

    /** Runs {@code jx86 profile OPTIONS --json D/profile.json --html D/profile.html PROGRAM ARGS} in {@code dir}. */
    @SuppressWarnings("unchecked")
    static ProfiledRun of(Path dir, List<String> options, Path program, String... args)
            throws IOException, InterruptedException {
        Path json = dir.resolve("profile.json");
        Path html = dir.resolve("profile.html");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.jx86.tools.cli.Jx86",
                "profile"));
        command.addAll(options);
        command.addAll(List.of("--json", json.toString(), "--html", html.toString(), program.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("jx86 profile did not finish in 5 minutes: " + command);
        }
        String stdout = Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8);
        String stderr = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
        Map<String, Object> parsed =
                Files.exists(json) ? (Map<String, Object>) Json.parse(Files.readString(json)) : Map.of();
        return new ProfiledRun(p.exitValue(), stdout, stderr, parsed, html);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String key) {
        return (List<Map<String, Object>>) json.get(key);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String... path) {
        Map<String, Object> m = json;
        for (String key : path) {
            m = (Map<String, Object>) m.get(key);
        }
        return m;
    }
}
