package dev.jx86.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./jx86} launcher in a copy of the repository's layout whose {@code build} script is a stand-in: it logs
 * each call and copies the jars the real build made (tools/target/lib). Checks when the launcher builds, what it says
 * without a JDK 25, and how it keeps the JVM's AOT cache (docs/performance.md, "Start-up"). Skipped until the tools
 * module has been packaged.
 */
class LauncherTest {
    private static final Path REPOSITORY =
            Path.of(System.getProperty("jx86.root", "..")).toAbsolutePath().normalize();
    private static final Path BUILT = REPOSITORY.resolve("tools/target/lib");
    private static final Path TRAINING = Path.of("src-test/guest/bin/glibc-static/hash");

    @TempDir
    Path root;

    @BeforeEach
    void layOutRepository() throws IOException {
        Assumptions.assumeTrue(hasJars(BUILT), "tools/target/lib has no jars: package the tools module first");
        copy("jx86");
        copy("scripts/jdk.sh");
        copy("scripts/jvm-directives.json");
        write("pom.xml", "<project/>\n");
        write("tools/pom.xml", "<project/>\n");
        write("tools/src/main/java/Main.java", "class Main {}\n");
        write("build", """
                #!/usr/bin/env bash
                # Stand-in for ./build: logs its arguments, fails when asked to, else "builds" by copying the jars.
                root=$(cd "$(dirname "$0")" && pwd)
                echo "$*" >>"$root/build.log"
                if [ -e "$root/fail-build" ]; then echo "compilation error in Main.java"; exit 1; fi
                mkdir -p "$root/tools/target/lib"
                cp "%s"/*.jar "$root/tools/target/lib/"
                """.formatted(BUILT));
        root.resolve("build").toFile().setExecutable(true);
        root.resolve("jx86").toFile().setExecutable(true);
        // written an hour ago: the first build's stamp is newer than every source, whatever the clock's resolution
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
    }

    @Test
    void buildsOnFirstUseThenOnlyWhenSourcesChange() throws Exception {
        Result first = launch(Map.of(), "--version");
        assertThat(first.exit()).isZero();
        assertThat(first.stdout()).startsWith("jx86 ");
        assertThat(first.stderr()).contains("jx86: building");
        assertThat(buildCalls()).isEqualTo(1);

        Result second = launch(Map.of(), "--version");
        assertThat(second.exit()).isZero();
        assertThat(second.stderr()).isEmpty();
        assertThat(buildCalls()).isEqualTo(1);

        // an edited source (its time a little ahead: a coarse file-system clock cannot tie it with the stamp)
        Files.setLastModifiedTime(
                root.resolve("tools/src/main/java/Main.java"),
                FileTime.from(Instant.now().plusSeconds(2)));
        assertThat(launch(Map.of(), "--version").stderr()).contains("jx86: building");
        assertThat(buildCalls()).isEqualTo(2);

        // a deleted source: its directory changed
        Files.delete(root.resolve("tools/src/main/java/Main.java"));
        Files.setLastModifiedTime(
                root.resolve("tools/src/main/java"), FileTime.from(Instant.now().plusSeconds(4)));
        assertThat(launch(Map.of(), "--version").exit()).isZero();
        assertThat(buildCalls()).isEqualTo(3);
    }

    @Test
    void aFailedBuildShowsItsOutputAndStops() throws Exception {
        write("fail-build", "");
        Result result = launch(Map.of(), "--version");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("compilation error in Main.java", "jx86: build failed");
    }

    @Test
    void withoutAJdk25ItSaysSoInOneLine() throws Exception {
        Path noJdks = Files.createDirectories(root.resolve("no-jdks"));
        Result result = launch(Map.of("JAVA_HOME", "/nonexistent", "JX86_JDK_DIRS", noJdks.toString()), "--version");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().strip().lines()).singleElement().asString().startsWith("jx86: no JDK 25 found");
        assertThat(buildCalls()).isZero();
    }

    @Test
    void makesTheAotCacheOnceAndMakesItAgainWhenMissingOrOlderThanItsJars() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(REPOSITORY.resolve(TRAINING)), "no training program");
        copy(TRAINING.toString());
        Path cache = root.resolve("tools/target/lib/jx86.aot");

        Result first = launch(Map.of(), "--version");
        assertThat(first.exit()).isZero();
        assertThat(first.stderr()).contains("jx86: building", "start-up cache");
        assertThat(cache).isRegularFile();
        assertThat(Files.readString(root.resolve("tools/target/lib/jx86.aot.jdk"))
                        .strip())
                .isEqualTo(javaHome());

        Result cached = launch(Map.of(), "--version");
        assertThat(cached.exit()).isZero();
        assertThat(cached.stderr()).isEmpty();

        Files.delete(cache);
        Result remade = launch(Map.of(), "--version");
        assertThat(remade.exit()).isZero();
        assertThat(remade.stdout()).startsWith("jx86 ");
        assertThat(remade.stderr()).contains("start-up cache").doesNotContain("building");
        assertThat(cache).isRegularFile();

        // a jar rewritten after the cache was made (a ./build run by hand), which the JVM would refuse the cache for
        try (Stream<Path> jars = Files.list(root.resolve("tools/target/lib"))) {
            Path jar =
                    jars.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(2)));
        }
        Result newerJar = launch(Map.of(), "--version");
        assertThat(newerJar.exit()).isZero();
        assertThat(newerJar.stderr()).contains("start-up cache").doesNotContain("building");

        // a cache the JVM cannot use (another JDK's, or damaged): the run still works, only slower
        Files.write(cache, "not an AOT cache".getBytes(StandardCharsets.US_ASCII));
        Result damaged = launch(Map.of(), "--version");
        assertThat(damaged.exit()).isZero();
        assertThat(damaged.stdout()).startsWith("jx86 ");
    }

    @Test
    void aTrainingRunThatFailsIsNotRetriedBeforeTheNextBuild() throws Exception {
        write(TRAINING.toString(), "not an ELF file\n");
        Result first = launch(Map.of(), "--version");
        assertThat(first.exit()).isZero();
        assertThat(first.stdout()).startsWith("jx86 ");
        assertThat(first.stderr()).contains("could not make the start-up cache");
        assertThat(root.resolve("tools/target/lib/jx86.aot")).doesNotExist();

        Result second = launch(Map.of(), "--version");
        assertThat(second.exit()).isZero();
        assertThat(second.stderr()).isEmpty();
    }

    private record Result(int exit, String stdout, String stderr) {}

    private Result launch(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("jx86").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        builder.environment().remove("JX86_NO_AOT");
        builder.environment().remove("JX86_JAVA_OPTS");
        builder.environment().put("JAVA_HOME", javaHome());
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(root, "stdout", ".txt");
        Path err = Files.createTempFile(root, "stderr", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish in 5 minutes: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static java.io.File nullFile() {
        return new java.io.File("/dev/null");
    }

    private static String javaHome() {
        return Path.of(System.getProperty("java.home")).toString();
    }

    private long buildCalls() throws IOException {
        Path log = root.resolve("build.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    private void copy(String file) throws IOException {
        Path target = root.resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(REPOSITORY.resolve(file), target);
    }

    private void write(String file, String text) throws IOException {
        Path target = root.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
    }

    private static boolean hasJars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".jar"));
        }
    }
}
