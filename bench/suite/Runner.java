import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A way to run a static x86-64 program: directly on the host, under {@code qemu-x86_64}, or under jx86 (the
 * repository's {@code ./jx86 run} launcher with the options given). The native run is the reference every
 * other runner's output is compared with.
 */
record Runner(String name, List<String> prefix) {
    static Runner nativeRunner() {
        return new Runner("native", List.of());
    }

    /** qemu-x86_64 from PATH, or null when it is not installed. */
    static Runner qemu() {
        Path qemu = HostTools.find("qemu-x86_64");
        return qemu == null ? null : new Runner("qemu", List.of(qemu.toString()));
    }

    static Runner jx86(Path root, List<String> options) {
        List<String> prefix = new ArrayList<>(List.of(root.resolve("jx86").toString(), "run"));
        prefix.addAll(options);
        return new Runner("jx86", List.copyOf(prefix));
    }

    List<String> command(Workload.Command c) {
        List<String> command = new ArrayList<>(prefix);
        command.add(c.program().toString());
        command.addAll(c.args());
        return command;
    }
}
