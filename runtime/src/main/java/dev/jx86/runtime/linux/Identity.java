package dev.jx86.runtime.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The user and group the guest runs as: the host process's, read once from /proc/self (1000 if unavailable). */
final class Identity {
    private Identity() {}

    private static final int UID = read("unix:uid");
    private static final int GID = read("unix:gid");

    static int uid() {
        return UID;
    }

    static int gid() {
        return GID;
    }

    private static int read(String attribute) {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), attribute);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1000;
        }
    }
}
