package dev.jx86.ir.verify;

import dev.jx86.ir.AuxKind;
import dev.jx86.ir.Block;
import dev.jx86.ir.Op;
import dev.jx86.ir.Terminal;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a block is well formed: every instruction's aux fields in range, its operands defined earlier and typed
 * as its op's signature demands, and the terminal well formed. Returns readable problems; an empty list means valid.
 */
public final class Verifier {
    private final Block b;
    private final List<Problem> problems = new ArrayList<>();

    private Verifier(Block b) {
        this.b = b;
    }

    public static List<Problem> verify(Block b) {
        Verifier v = new Verifier(b);
        for (int i = 0; i < b.size(); i++) {
            v.instruction(i);
        }
        v.terminal();
        return List.copyOf(v.problems);
    }

    /** Throws IllegalStateException listing the problems, if there are any. */
    public static void check(Block b) {
        List<Problem> problems = verify(b);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid block:\n  "
                    + String.join(
                            "\n  ", problems.stream().map(Problem::toString).toList()));
        }
    }

    private void instruction(int i) {
        for (int k = 0; k < b.argCount(i); k++) {
            int def = b.arg(i, k);
            if (def >= i) {
                problem(i, "operand " + k + " uses v" + def + " before its definition");
            } else if (b.type(def) == Type.VOID) {
                problem(i, "operand " + k + " uses the result of a " + b.op(def).text() + ", which has none");
            }
        }
        aux(i);
        Op op = b.op(i);
        if (op.spellsType() && !op.types().contains(b.type(i))) {
            problem(i, op.text() + " cannot have type " + b.type(i).text());
        } else if (!op.spellsType()
                && op != Op.CALL
                && b.type(i) != op.signature().fixedResult()) {
            problem(
                    i,
                    op.text() + " must have type "
                            + op.signature().fixedResult().text());
        }
        new OperandTypes(b, i, this::problem).check();
    }

    private void aux(int i) {
        long[] words = {b.aux0(i), b.aux1(i)};
        int word = 0;
        for (AuxKind kind : b.op(i).aux()) {
            if (!kind.valid(words[word])) {
                problem(i, kind.name().toLowerCase(java.util.Locale.ROOT) + " out of range: " + words[word]);
            }
            if (kind == AuxKind.CONSTANT && b.type(i) != Type.V128) {
                if ((words[0] & ~b.type(i).mask()) != 0 || words[1] != 0) {
                    problem(i, "constant is not in canonical zero-extended form");
                }
            }
            if (kind == AuxKind.BYTE_TABLE) {
                byteTable(i, words);
            }
            word += kind.words();
        }
        for (; word < 2; word++) {
            if (words[word] != 0) {
                problem(i, "unused aux word " + word + " is not zero");
            }
        }
    }

    private void byteTable(int i, long[] words) {
        for (int k = 0; k < 16; k++) {
            long index = (words[k / 8] >>> (8 * (k & 7))) & 0xFF;
            if (index > 31 && index != 0xFF) {
                problem(i, "byte table entry " + k + " is " + index + ", not 0..31 or 0xff");
            }
        }
    }

    private void terminal() {
        Terminal t = b.terminal();
        for (Value v : t.uses()) {
            if (v.index() < 0 || v.index() >= b.size() || b.type(v.index()) != v.type()) {
                problem(-1, "uses v" + v.index() + ", which is not a value of this block");
                return;
            }
        }
        switch (t) {
            case Terminal.Jump j -> {}
            case Terminal.Branch br -> expect(br.condition(), Type.I1, "branch condition");
            case Terminal.JumpIndirect ji -> expect(ji.target(), Type.I64, "indirect jump target");
            case Terminal.Exit e -> {}
            case Terminal.Raise r -> raise(r);
        }
    }

    private void raise(Terminal.Raise r) {
        if (r.vector() < 0 || r.vector() > 255) {
            problem(-1, "exception vector out of range: " + r.vector());
        }
        r.errorCode().ifPresent(v -> expect(v, Type.I32, "error code"));
        boolean boundary = false;
        for (int i = 0; i < b.size(); i++) {
            boundary |= b.op(i) == Op.BOUNDARY;
        }
        if (!boundary) {
            problem(-1, "raise needs a boundary to name the current instruction");
        }
    }

    private void expect(Value v, Type type, String what) {
        if (v.type() != type) {
            problem(-1, what + " must be " + type.text() + ", not " + v.type().text());
        }
    }

    private void problem(int index, String message) {
        problems.add(new Problem(index, message));
    }
}
