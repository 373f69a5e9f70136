import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user+system CPU time of this JVM's children that have exited and been waited for: {@code cutime} and
 * {@code cstime} of {@code /proc/self/stat} (proc(5)), in clock ticks of 10 ms. The suite runs one child at a time,
 * so the difference across a run is that child's CPU, including the threads of a JVM and of a child's own
 * children.
 */
final class ChildCpuTime {
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on every Linux ABI the JDK runs on

    private ChildCpuTime() {}

    /** The total in nanoseconds, or -1 without {@code /proc}. */
    static long reapedChildrenNanos() {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc/self/stat"));
        } catch (IOException e) {
            return -1;
        }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state); cutime and cstime are fields 16 and 17.
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * NANOS_PER_TICK;
    }
}
