package dev.jx86.ir.opt;

import dev.jx86.ir.Block;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Terminal;
import dev.jx86.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a block instruction by instruction into a new one, with each old value mapped to its new value: the
 * machinery every pass shares. A pass copies, replaces or drops each instruction, then finishes.
 */
final class Rewrite {
    final Block old;
    final IrBuilder out;
    private final Value[] map;

    Rewrite(Block old) {
        this.old = old;
        this.out = new IrBuilder(old.pc());
        this.map = new Value[old.size()];
        old.helpers().values().forEach(out::declare);
    }

    /** Copies instruction {@code i} with its operands mapped. */
    Value copy(int i) {
        List<Value> args = new ArrayList<>(old.argCount(i));
        for (int k = 0; k < old.argCount(i); k++) {
            args.add(mapped(old.arg(i, k)));
        }
        if (old.op(i) == dev.jx86.ir.Op.CONST) {
            return map[i] = old.type(i) == dev.jx86.ir.Type.V128
                    ? out.constantV128(old.aux0(i), old.aux1(i))
                    : out.constant(old.type(i), old.aux0(i));
        }
        return map[i] = out.append(old.op(i), old.type(i), old.aux0(i), old.aux1(i), args);
    }

    /** Copies instruction {@code i} (not a constant) with operands {@code args}, values of the new block. */
    Value copy(int i, List<Value> args) {
        return map[i] = out.append(old.op(i), old.type(i), old.aux0(i), old.aux1(i), args);
    }

    /** Makes uses of old value {@code i} use {@code v} instead, without copying instruction {@code i}. */
    void replace(int i, Value v) {
        map[i] = v;
    }

    /** The new value of old value {@code i}. */
    Value mapped(int i) {
        if (map[i] == null) {
            throw new IllegalStateException("v" + i + " was dropped but is still used");
        }
        return map[i];
    }

    Block finish() {
        return finish(old.terminal());
    }

    /** Finishes with {@code t}, whose operands are old values. */
    Block finish(Terminal t) {
        return out.finish(
                switch (t) {
                    case Terminal.Jump j -> j;
                    case Terminal.Exit e -> e;
                    case Terminal.Branch br ->
                        new Terminal.Branch(mapped(br.condition().index()), br.taken(), br.notTaken());
                    case Terminal.JumpIndirect ji ->
                        new Terminal.JumpIndirect(mapped(ji.target().index()));
                    case Terminal.Raise r ->
                        new Terminal.Raise(r.vector(), r.errorCode().map(v -> mapped(v.index())));
                });
    }
}
