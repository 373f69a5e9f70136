package dev.jx86.ir.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jx86.ir.Block;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.ir.text.Parser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Blocks the verifier must reject, each with the problem it must name. */
class VerifierTest {
    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "v0 = const.i64 0x1 | v1 = add.i32 v0, v0 | operand 0 of add must be i32, not i64",
                "v0 = const.i64 0x1 | v1 = add.i1 v0, v0 | add cannot have type i1",
                "v0 = const.i64 0x1 | v1 = shl.i64 v0, v0 | operand 1 of shl must be i8, not i64",
                "v0 = const.i32 0x1 | v1 = zext.i16 v0 | zext cannot convert i32 to i16",
                "v0 = const.i32 0x1 | v1 = trunc.i64 v0 | trunc cannot convert i32 to i64",
                "v0 = const.i32 0x1 | v1 = extract.i16 v0, 24 | bit field 24+16 exceeds the 32-bit source",
                "v0 = const.i16 0x1 | v1 = insert.i8 v0, v0, 0 | operand 0 of insert must be i8, not i16",
                "v0 = const.i64 0x1 | v1 = load.i64 v0 | ",
                "v0 = const.i32 0x1 | v1 = load.i64 v0 | operand 0 of load must be i64, not i32",
                "v0 = const.i64 0x1 | v1 = load.i1 v0 | load cannot have type i1",
                "v0 = const.i64 0x1 | v1 = flags.add v0, v0 | flags kind takes 3 operands, not 2",
                "v0 = const.i1 0x1 | v1 = flags.logic v0 | the result operand of flags must be i8..i64, not i1",
                "v0 = const.i8 0x1 | v1 = flags.inc v0, v0 | operand 1 of flags must be i1, not i8",
                "v0 = const.i64 0x1 | v1 = cond.e v0 | operand 0 of cond must be flags, not i64",
                "v0 = const.i64 0x1 | v1 = vadd.i8x16 v0, v0 | operand 0 of vadd must be v128, not i64",
                "v0 = const.i64 0x1 | v1 = fadd.i16 v0, v0 | fadd cannot have type i16",
                "v0 = const.i64 0x1 | v1 = select.i64 v0, v0, v0 | operand 0 of select must be i1, not i64",
                "v0 = const.i32 0x1 | set s0, v0 | ",
            })
    void rejectsMistypedOperands(String first, String second, String problem) {
        Block b = Parser.parse("block 0x0 {\n  " + first + "\n  " + second + "\n  jump 0x0\n}\n");
        List<String> problems =
                Verifier.verify(b).stream().map(Problem::message).toList();
        if (problem == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).contains(problem);
        }
    }

    @Test
    void rejectsAuxOutOfRange() {
        IrBuilder b = new IrBuilder(0);
        Value x = b.constant(Type.I64, 1);
        b.append(Op.ICMP, Type.I1, 99, 0, List.of(x, x));
        b.append(Op.FLAGS, Type.FLAGS, FlagsKind.values().length, 0, List.of(x));
        b.append(Op.BOUNDARY, Type.VOID, 0x1000, 0, List.of());
        b.append(Op.ADD, Type.I64, 0, 5, List.of(x, x));
        b.append(Op.CONST, Type.I8, 0x100, 0, List.of());
        assertThat(messages(b.jump(0)))
                .contains(
                        "int_condition out of range: 99",
                        "flags_kind out of range: " + FlagsKind.values().length,
                        "length out of range: 0",
                        "unused aux word 1 is not zero",
                        "constant is not in canonical zero-extended form");
    }

    @Test
    void rejectsBadTerminals() {
        IrBuilder b = new IrBuilder(0);
        Value x = b.constant(Type.I64, 1);
        assertThat(messages(b.branch(x, 1, 2))).contains("branch condition must be i1, not i64");
        b = new IrBuilder(0);
        Value y = b.constant(Type.I32, 1);
        assertThat(messages(b.jumpIndirect(y))).contains("indirect jump target must be i64, not i32");
        b = new IrBuilder(0);
        assertThat(messages(b.raise(300, Optional.empty())))
                .contains(
                        "exception vector out of range: 300", "raise needs a boundary to name the current instruction");
    }

    @Test
    void rejectsCallsThatDoNotMatchTheirHelper() {
        Block b = Parser.parse("""
                block 0x0 {
                  helper @h 1 (i32) -> i64 []
                  v0 = const.i64 0x1
                  v1 = call @h, v0, v0
                  jump 0x0
                }
                """);
        assertThat(messages(b)).contains("call takes 1 operands, not 2");
    }

    @Test
    void rejectsVoidOperands() {
        IrBuilder b = new IrBuilder(0);
        b.boundary(0, 1);
        Value none = new Value(0, Type.VOID);
        b.append(Op.NOT, Type.I64, 0, 0, List.of(none));
        assertThat(messages(b.jump(0))).contains("operand 0 uses the result of a boundary, which has none");
    }

    @Test
    void checkThrowsWithEveryProblem() {
        IrBuilder b = new IrBuilder(0);
        Value x = b.constant(Type.I64, 1);
        Block block = b.branch(x, 1, 2);
        assertThatThrownBy(() -> Verifier.check(block)).hasMessageContaining("terminal: branch condition");
    }

    private static List<String> messages(Block b) {
        return Verifier.verify(b).stream().map(Problem::message).toList();
    }
}
