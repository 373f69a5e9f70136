package dev.jx86.ir.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jx86.ir.Block;
import dev.jx86.ir.Op;
import dev.jx86.ir.TestSlots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text form: every op and terminal round-trips, and mistakes are reported at their line and column. */
class TextTest {
    @Test
    void theEveryOpFileUsesEveryOp() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/filetests/roundtrip/every-op.ir"));
        Block b = Parser.parse(text.substring(0, text.indexOf("; ---- expect")), TestSlots.names());
        Set<Op> used = EnumSet.noneOf(Op.class);
        for (int i = 0; i < b.size(); i++) {
            used.add(b.op(i));
        }
        assertThat(used).containsExactlyInAnyOrder(Op.values());
    }

    @Test
    void theExampleInTheDocsIsValidAndPrintedAsWritten() throws IOException {
        String doc = Files.readString(Path.of("../docs/ir.md"));
        int start = doc.indexOf("block 0x401000 {");
        String example = doc.substring(start, doc.indexOf("}\n", start) + 2);
        Block b = Parser.parse(example, TestSlots.names());
        assertThat(dev.jx86.ir.verify.Verifier.verify(b)).isEmpty();
        assertThat(new Printer(TestSlots.names()).toText(b)).isEqualTo(example);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jump 0x401000",
                "jump 0xffffffffffffffff",
                "branch v0, 0x10, 0x20",
                "jump.indirect v1",
                "exit syscall, 0x1002",
                "exit halt, 0x1002",
                "exit interrupt_check, 0x0",
                "exit mode_change, 0x7",
                "boundary 0x1000, 1\n  raise 14, v2",
                "boundary 0x1000, 1\n  raise 6",
            })
    void terminalsRoundTrip(String terminal) {
        String text = "block 0x1000 {\n  v0 = get.i1 s1\n  v1 = get.i64 s2\n  v2 = get.i32 s3\n  " + terminal + "\n}\n";
        assertThat(Printer.print(Parser.parse(text))).isEqualTo(text);
    }

    @Test
    void slotNamesComeFromTheUser() {
        String text = "block 0x0 {\n  v0 = get.i64 rax\n  set s99, v0\n  set flags, v0\n  jump 0x0\n}\n";
        Block b = Parser.parse(text, TestSlots.names());
        assertThat(b.aux0(0)).isEqualTo(TestSlots.RAX);
        assertThat(Printer.print(b)).contains("v0 = get.i64 s0", "set s99, v0", "set s16, v0");
        assertThat(new Printer(TestSlots.names()).toText(b)).isEqualTo(text);
    }

    @Test
    void valuesAreRenumberedDensely() {
        Block b = Parser.parse("block 0x0 {\n  v7 = const.i8 0x1 ; comment\n\n  v3 = add.i8 v7, v7\n  jump 0x0\n}");
        assertThat(Printer.print(b))
                .isEqualTo("block 0x0 {\n  v0 = const.i8 0x1\n  v1 = add.i8 v0, v0\n  jump 0x0\n}\n");
    }

    @Test
    void constantsAcceptDecimalAndNegativeNumbers() {
        Block b = Parser.parse("block 0 {\n  v0 = const.i8 -1\n  v1 = const.v128 -2\n  v2 = const.i32 42\n  jump 0\n}");
        assertThat(Printer.print(b))
                .contains("const.i8 0xff", "const.v128 0xfffffffffffffffffffffffffffffffe", "const.i32 0x2a");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "  v0 = frob.i64 | 2:8 | unknown op 'frob.i64'",
                "  v0 = add v1, v1 | 2:8 | 'add' needs a type suffix such as .i64",
                "  v0 = icmp.foo v1 | 2:8 | 'icmp' needs a int condition suffix, not 'foo'",
                "  v0 = const.i64 0x1 0x2 | 2:22 | unexpected '0x2' at end of line",
                "  v0 = add.i64 v5, v5 | 2:16 | undefined value v5",
                "  v0 = get.i64 nosuch | 2:16 | unknown slot 'nosuch'",
                "  set s1 v0 | 2:10 | expected ',', found 'v0'",
                "  v0 = const.q64 1 | 2:8 | unknown type 'q64'",
                "  v0 = set s1, v0 | 2:16 | undefined value v0",
                "  set s1, v0 | 2:11 | undefined value v0",
                "  boundary 0x0, 1 $ | 2:19 | unexpected character '$'",
                "  v0 = call @nope | 2:13 | undeclared helper '@nope'",
                "  v0 = const.i8 0x100 | 2:17 | constant 0x100 does not fit i8",
                "  v0 = const.i8 -129 | 2:17 | constant -129 does not fit i8",
                "  v0 = const.i64 0x10000000000000000 | 2:18 | number does not fit 64 bits: 0x10000000000000000",
            })
    void errorsNameLineAndColumn(String line, String position, String message) {
        String text = "block 0x0 {\n  " + line + "\n  jump 0x0\n}\n";
        assertThatThrownBy(() -> Parser.parse(text, TestSlots.names()))
                .isInstanceOf(ParseException.class)
                .hasMessage(position + ": " + message);
    }

    @Test
    void anUnclosedBlockIsAnError() {
        assertThatThrownBy(() -> Parser.parse("block 0x0 {\n  v0 = const.i8 1\n"))
                .hasMessageContaining("block is not closed");
    }
}
