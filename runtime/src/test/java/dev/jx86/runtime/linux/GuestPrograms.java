package dev.jx86.runtime.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds small C programs with the host's gcc for loader tests; null when gcc or the target's libc is missing. */
final class GuestPrograms {
    static final String HELLO = """
            #include <stdio.h>
            int counter = 7;
            char big[100000];
            int main(int argc, char **argv) { big[5] = 1; printf("%s %d\\n", argv[0], counter); return argc; }
            """;

    private GuestPrograms() {}

    static Path gcc(Path dir, String name, String source, String... flags) throws IOException, InterruptedException {
        Path c = dir.resolve(name + ".c");
        Files.writeString(c, source);
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("gcc", "-O1", "-o", out.toString()));
        command.addAll(List.of(flags));
        command.add(c.toString());
        Process gcc;
        try {
            gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        gcc.getInputStream().readAllBytes();
        if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            return null;
        }
        return out;
    }
}
