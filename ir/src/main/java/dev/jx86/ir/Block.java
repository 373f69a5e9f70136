package dev.jx86.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A translated block: straight-line typed SSA instructions and one terminal. Immutable, and stored as parallel
 * arrays (ops, types, flattened arguments, two aux words per instruction) so that an interpreter runs it without
 * chasing objects. Instruction {@code i} defines value {@code i}. Built by {@link IrBuilder}.
 */
public final class Block {
    private final long pc;
    private final Op[] ops;
    private final Type[] types;
    private final int[] argStart;
    private final int[] args;
    private final long[] aux;
    private final SortedMap<Integer, Helper> helpers;
    private final Terminal terminal;

    Block(
            long pc,
            Op[] ops,
            Type[] types,
            int[] argStart,
            int[] args,
            long[] aux,
            SortedMap<Integer, Helper> helpers,
            Terminal terminal) {
        this.pc = pc;
        this.ops = ops;
        this.types = types;
        this.argStart = argStart;
        this.args = args;
        this.aux = aux;
        this.helpers = Collections.unmodifiableSortedMap(new TreeMap<>(helpers));
        this.terminal = terminal;
    }

    /** The guest pc the block was translated from. */
    public long pc() {
        return pc;
    }

    /** The number of instructions. */
    public int size() {
        return ops.length;
    }

    public Op op(int i) {
        return ops[i];
    }

    /** The result type of instruction {@code i} (VOID when it has none). */
    public Type type(int i) {
        return types[i];
    }

    public int argCount(int i) {
        return argStart[i + 1] - argStart[i];
    }

    /** The index of the instruction defining argument {@code k} of instruction {@code i}. */
    public int arg(int i, int k) {
        return args[argStart[i] + k];
    }

    public Value argValue(int i, int k) {
        int def = arg(i, k);
        return new Value(def, types[def]);
    }

    public long aux0(int i) {
        return aux[2 * i];
    }

    public long aux1(int i) {
        return aux[2 * i + 1];
    }

    public Value value(int i) {
        return new Value(i, types[i]);
    }

    public Inst inst(int i) {
        List<Value> values = new ArrayList<>(argCount(i));
        for (int k = 0; k < argCount(i); k++) {
            values.add(argValue(i, k));
        }
        return new Inst(i, ops[i], types[i], values, aux0(i), aux1(i));
    }

    public Terminal terminal() {
        return terminal;
    }

    /** The helpers the block's calls use, by id. */
    public SortedMap<Integer, Helper> helpers() {
        return helpers;
    }

    /** The helper that CALL instruction {@code i} invokes. */
    public Helper helper(int i) {
        return helpers.get((int) aux0(i));
    }

    /** The effects of instruction {@code i}: its op's, or for a call, its helper's. */
    public Set<Effect> effects(int i) {
        if (ops[i] == Op.CALL) {
            Helper helper = helper(i);
            return helper == null ? Set.of() : helper.effects();
        }
        return ops[i].effects();
    }

    /** Whether instruction {@code i} has no effects and may be removed when its value is unused. */
    public boolean isPure(int i) {
        return effects(i).isEmpty();
    }

    /** How many times each value is used by instructions and the terminal. */
    public int[] useCounts() {
        int[] uses = new int[size()];
        for (int def : args) {
            uses[def]++;
        }
        for (Value v : terminal.uses()) {
            uses[v.index()]++;
        }
        return uses;
    }
}
