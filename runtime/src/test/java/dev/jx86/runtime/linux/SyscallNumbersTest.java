package dev.jx86.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every number in the two tables is the one the host's kernel headers give its name. */
class SyscallNumbersTest {
    private static final Pattern DEFINE = Pattern.compile("#define __NR_(\\w+)\\s+(\\d+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"X86_64, unistd_64.h", "I386, unistd_32.h"})
    void numbersMatchTheKernelHeaders(Abi abi, String header) throws IOException {
        Path file = Path.of("/usr/include/x86_64-linux-gnu/asm", header);
        Assumptions.assumeTrue(Files.exists(file), "no kernel headers at " + file + " (linux-libc-dev)");
        Map<String, Integer> host = new HashMap<>();
        Matcher m = DEFINE.matcher(Files.readString(file));
        while (m.find()) {
            host.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        try (GuestHarness g = new GuestHarness(abi, dir)) {
            Map<Integer, String> names = g.process.table(abi).names();
            assertThat(names).hasSizeGreaterThan(80);
            names.forEach((number, name) ->
                    assertThat(host.get(name)).as("%s %s", abi, name).isEqualTo(number));
        }
    }
}
