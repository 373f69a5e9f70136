package dev.jx86.runtime.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host's memory figures and uptime from /proc, for sysinfo; a JVM-based estimate where /proc is missing. */
final class HostMemoryInfo {
    private HostMemoryInfo() {}

    /** Total, free, buffer, total swap and free swap memory in bytes. */
    static long[] read() {
        long[] values = new long[5];
        String[] keys = {"MemTotal:", "MemFree:", "Buffers:", "SwapTotal:", "SwapFree:"};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                for (int i = 0; i < keys.length; i++) {
                    if (line.startsWith(keys[i])) {
                        values[i] = Long.parseLong(line.substring(keys[i].length())
                                        .replace("kB", "")
                                        .strip())
                                * 1024;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            values[0] = Runtime.getRuntime().maxMemory();
            values[1] = Runtime.getRuntime().freeMemory();
        }
        return values;
    }

    static long uptimeSeconds() {
        try {
            String text = Files.readString(Path.of("/proc/uptime"));
            return (long) Double.parseDouble(text.substring(0, text.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(t -> java.time.Duration.between(t, java.time.Instant.now())
                            .toSeconds())
                    .orElse(0L);
        }
    }
}
