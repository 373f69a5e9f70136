package dev.jx86.ir.opt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.ir.Block;
import dev.jx86.ir.TestSlots;
import dev.jx86.ir.text.Parser;
import dev.jx86.ir.text.Printer;
import dev.jx86.ir.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden filetests: each file under filetests/&lt;pass&gt;/ holds an input block, a separator line, and the block the
 * pass must produce. The directory names the pass; {@code pipeline} runs the standard pipeline and {@code roundtrip}
 * only parses and prints. Run with {@code -Dbless=true} to rewrite the expectations, then review the diff.
 */
class FileTests {
    static final String SEPARATOR = "; ---- expect ----";
    private static final Path ROOT = Path.of("src/test/resources/filetests");

    @TestFactory
    Stream<DynamicTest> filetests() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            files = walk.filter(p -> p.toString().endsWith(".ir")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        String text = Files.readString(file);
        int at = text.indexOf("\n" + SEPARATOR + "\n");
        String input = at < 0 ? text : text.substring(0, at + 1);
        String expected = at < 0 ? "" : text.substring(at + SEPARATOR.length() + 2);
        String pass = file.getParent().getFileName().toString();
        Printer printer = new Printer(TestSlots.names());
        Block in = Parser.parse(input, TestSlots.names());
        assertThat(Verifier.verify(in)).as("input of " + file).isEmpty();
        String actual = printer.toText(pipeline(pass).run(in));
        if (Boolean.getBoolean("bless")) {
            Files.writeString(file, input + SEPARATOR + "\n" + actual);
        } else {
            assertThat(actual).as(file + " (rerun with -Dbless=true to accept)").isEqualTo(expected);
        }
    }

    private static PassPipeline pipeline(String name) {
        Map<String, Pass> passes = new LinkedHashMap<>();
        PassPipeline.standardPasses().forEach(p -> passes.put(p.name(), p));
        return switch (name) {
            case "pipeline" -> PassPipeline.standard(true);
            case "roundtrip" -> new PassPipeline(List.of(), true);
            default -> {
                Pass pass = passes.get(name);
                assertThat(pass).as("no pass named " + name).isNotNull();
                yield new PassPipeline(List.of(pass), true);
            }
        };
    }
}
