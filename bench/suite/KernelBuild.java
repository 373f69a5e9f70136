import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the kernels of {@code bench/guest} with its Makefile (static, {@code -march=x86-64}) into a build
 * directory that is not committed. make rebuilds what is stale; the build runs once per suite run.
 */
final class KernelBuild {
    private final Path sources;
    private final Path output;
    private String failure;
    private boolean built;

    KernelBuild(Path sources, Path output) {
        this.sources = sources;
        this.output = output;
    }

    /** The built kernel {@code name}, building every kernel first if this run has not yet. */
    Path program(String name) throws IOException, Workload.Unavailable {
        if (!built) {
            built = true;
            failure = make();
        }
        if (failure != null) throw new Workload.Unavailable(failure);
        Path program = output.resolve(name);
        if (!Files.isExecutable(program)) throw new Workload.Unavailable("make did not build " + program);
        return program;
    }

    /** Runs make; null when it worked, else why not. */
    private String make() throws IOException {
        if (HostTools.find("gcc") == null) return "gcc is not installed (apt-get install gcc): the kernels need it";
        if (HostTools.find("make") == null) return "make is not installed (apt-get install make)";
        Process make = new ProcessBuilder(List.of("make", "-s", "-C", sources.toString(), "BUILD=" + output))
                .redirectErrorStream(true)
                .start();
        String log = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (make.waitFor() != 0) return "building the kernels failed:\n" + log.strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while building the kernels";
        }
        return null;
    }
}
