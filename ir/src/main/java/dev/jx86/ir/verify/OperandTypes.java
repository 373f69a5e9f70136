package dev.jx86.ir.verify;

import dev.jx86.ir.Block;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.Helper;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.TypeClass;
import java.util.List;
import java.util.function.BiConsumer;

/** Checks one instruction's operand count and types against its op's signature. */
final class OperandTypes {
    private final Block b;
    private final int i;
    private final BiConsumer<Integer, String> problems;
    private final Op op;
    private final Type t;

    OperandTypes(Block b, int i, BiConsumer<Integer, String> problems) {
        this.b = b;
        this.i = i;
        this.problems = problems;
        this.op = b.op(i);
        this.t = b.type(i);
    }

    void check() {
        if (op.takesFloatEnvironment()) {
            int last = b.argCount(i) - 1;
            if (last < 0 || b.type(b.arg(i, last)) != Type.I32) {
                problem("the last operand of " + op.text() + " must be the i32 float environment");
                return;
            }
        }
        switch (op.signature()) {
            case CONST, GET, BOUNDARY -> exactly();
            case SET -> inClass(exactly(argType(0)), TypeClass.SLOT, "value");
            case LOAD -> exactly(Type.I64);
            case STORE -> inClass(exactly(Type.I64, argType(1)), TypeClass.MEMORY, "stored value");
            case UNARY -> exactly(t);
            case BINARY -> exactly(t, t);
            case SHIFT -> exactly(t, Type.I8);
            case COMPARE -> inClass(exactly(argType(0), argType(0)), op.types(), "operand");
            case SELECT -> exactly(Type.I1, t, t);
            case WIDEN, NARROW, CONVERT -> convert();
            case EXTRACT -> field(argType(0), t, "source");
            case INSERT -> field(t, argType(1), "destination");
            case FLAGS -> flags();
            case FLAGS_TEST, FLAGS_TO_BITS -> exactly(Type.FLAGS);
            case FLAGS_FROM_BITS -> exactly(Type.I64);
            case VECTOR_UNARY, VECTOR_MASK -> exactly(Type.V128);
            case VECTOR_BINARY, VECTOR_SHUFFLE -> exactly(Type.V128, Type.V128);
            case VECTOR_SHIFT -> exactly(Type.V128, Type.I64);
            case CALL -> call();
        }
    }

    /** Checks the operand types; returns the first operand's type (VOID when absent) for further checks. */
    private Type exactly(Type... expected) {
        if (argCount() != expected.length) {
            problem(op.text() + " takes " + expected.length + " operands, not " + argCount());
            return Type.VOID;
        }
        for (int k = 0; k < expected.length; k++) {
            if (argType(k) != expected[k]) {
                problem("operand " + k + " of " + op.text() + " must be " + expected[k].text() + ", not "
                        + argType(k).text());
            }
        }
        return expected.length == 0 ? Type.VOID : argType(0);
    }

    private void inClass(Type type, TypeClass types, String what) {
        if (type != Type.VOID && !types.contains(type)) {
            problem(what + " of " + op.text() + " cannot be " + type.text());
        }
    }

    private void convert() {
        Type s = exactly(argType(0));
        inClass(s, op.types(), "operand");
        boolean ok = switch (op.signature()) {
            case WIDEN -> s.bits() < t.bits();
            case NARROW -> s.bits() > t.bits();
            default -> true;
        };
        if (!ok) {
            problem(op.text() + " cannot convert " + s.text() + " to " + t.text());
        }
    }

    /** A {@code fieldType} bit field at the aux offset must lie inside {@code whole}. */
    private void field(Type whole, Type fieldType, String what) {
        Type first = exactly(op == Op.EXTRACT ? new Type[] {argType(0)} : new Type[] {t, argType(1)});
        if (first == Type.VOID) {
            return;
        }
        inClass(fieldType, TypeClass.BITS, "field");
        inClass(whole, TypeClass.DATA, what);
        if (b.aux0(i) + fieldType.bits() > whole.bits()) {
            problem("bit field " + b.aux0(i) + "+" + fieldType.bits() + " exceeds the " + whole.bits() + "-bit "
                    + what);
        }
    }

    private void flags() {
        if (!dev.jx86.ir.AuxKind.FLAGS_KIND.valid(b.aux0(i))) {
            return;
        }
        List<FlagsKind.Operand> roles = FlagsKind.values()[(int) b.aux0(i)].operands();
        Type width = argType(0);
        if (b.argCount(i) != roles.size()) {
            problem("flags kind takes " + roles.size() + " operands, not " + b.argCount(i));
            return;
        }
        if (!TypeClass.INTEGER.contains(width)) {
            problem("the result operand of flags must be i8..i64, not " + width.text());
            return;
        }
        exactly(roles.stream().map(r -> r.type(width)).toArray(Type[]::new));
    }

    private void call() {
        Helper h = b.helper(i);
        if (h == null) {
            problem("calls undeclared helper " + b.aux0(i));
            return;
        }
        if (t != h.result()) {
            problem("call result must be " + h.result().text() + " like its helper, not " + t.text());
        }
        exactly(h.parameters().toArray(Type[]::new));
    }

    private Type argType(int k) {
        return k < argCount() ? b.type(b.arg(i, k)) : Type.VOID;
    }

    /** The operands the signature describes: all but a float op's trailing environment. */
    private int argCount() {
        return b.argCount(i) - (op.takesFloatEnvironment() ? 1 : 0);
    }

    private void problem(String message) {
        problems.accept(i, message);
    }
}
