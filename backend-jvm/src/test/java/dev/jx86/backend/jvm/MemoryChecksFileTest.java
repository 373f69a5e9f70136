package dev.jx86.backend.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.Block;
import dev.jx86.ir.text.Parser;
import dev.jx86.ir.verify.Verifier;
import dev.jx86.runtime.abi.StateLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files of what {@link MemoryChecks} coalesces: each file under memory-checks/ holds a region's blocks (the
 * entry first), a separator line, and {@link MemoryChecks#describe} of the region. Run with {@code -Dbless=true} to
 * rewrite the expectations, then review the diff.
 */
class MemoryChecksFileTest {
    private static final String SEPARATOR = "; ---- expect ----";
    private static final Path ROOT = Path.of("src/test/resources/memory-checks");

    @TestFactory
    Stream<DynamicTest> files() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(ROOT)) {
            files = list.filter(p -> p.toString().endsWith(".ir")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        String text = Files.readString(file);
        int at = text.indexOf("\n" + SEPARATOR + "\n");
        String input = at < 0 ? text : text.substring(0, at + 1);
        String expected = at < 0 ? "" : text.substring(at + SEPARATOR.length() + 2);
        List<Block> blocks = Parser.parseAll(input, StateLayout.INSTANCE);
        for (Block b : blocks) {
            assertThat(Verifier.verify(b)).as("input of " + file).isEmpty();
        }
        String actual = MemoryChecks.plan(blocks).describe();
        if (Boolean.getBoolean("bless")) {
            Files.writeString(file, input + SEPARATOR + "\n" + actual);
        } else {
            assertThat(actual).as(file + " (rerun with -Dbless=true to accept)").isEqualTo(expected);
        }
    }
}
