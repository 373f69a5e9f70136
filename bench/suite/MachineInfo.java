import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where and when the suite ran, for the Markdown report: processors and CPU model, load average, date, the
 * jx86 revision (marked "-dirty" with uncommitted changes) and the versions of the JDK and the peers.
 */
record MachineInfo(String date, String description, String revision, String versions) {

    static MachineInfo probe(Path root) {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String description = Runtime.getRuntime().availableProcessors() + " CPUs (nproc), " + cpuModel() + ", Linux "
                + System.getProperty("os.version") + ", load average " + loadAverage() + " at the start";
        String head = git(root, "rev-parse", "--short", "HEAD");
        String status = git(root, "status", "--porcelain", "--untracked-files=no");
        boolean dirty = status != null && !status.isEmpty();
        String revision = head == null ? "(not a git checkout)" : head + (dirty ? "-dirty" : "");
        List<String> versions = new ArrayList<>();
        versions.add("JDK " + System.getProperty("java.runtime.version"));
        add(versions, HostTools.firstLine(List.of("qemu-x86_64", "--version")));
        add(versions, HostTools.firstLine(List.of("gcc", "--version")));
        if (Files.isExecutable(Suite.BUSYBOX)) {
            String busybox = HostTools.firstLine(List.of(Suite.BUSYBOX.toString()));
            add(versions, busybox == null ? null : busybox.replace(" multi-call binary.", ""));
        }
        return new MachineInfo(date, description, revision, String.join(", ", versions));
    }

    private static String git(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        return HostTools.firstLine(command);
    }

    private static void add(List<String> versions, String line) {
        if (line != null && !line.isEmpty()) versions.add(line);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).strip();
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown CPU";
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
