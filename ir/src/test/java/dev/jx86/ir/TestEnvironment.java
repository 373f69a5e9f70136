package dev.jx86.ir;

import dev.jx86.ir.eval.Environment;
import dev.jx86.ir.eval.Evaluator;
import dev.jx86.ir.eval.Outcome;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deterministic world for the reference evaluator: state and memory start as a hash of a seed, helpers are
 * fixed functions, and the n-th may-fault operation can be made to fault. It records what a block's execution
 * makes observable, so that two runs (before and after a pass) can be compared.
 */
public final class TestEnvironment implements Environment {
    public static final Helper MIX = new Helper(1, "mix", List.of(Type.I64, Type.I64), Type.I64, Set.of());
    public static final Helper PEEK = new Helper(2, "peek", List.of(), Type.I64, Set.of(Effect.READS_STATE));
    public static final Helper POKE = new Helper(3, "poke", List.of(Type.I64), Type.VOID, Set.of(Effect.WRITES_STATE));
    public static final Helper CHECK =
            new Helper(4, "check", List.of(Type.I32), Type.VOID, EnumSet.of(Effect.MAY_FAULT, Effect.READS_STATE));
    public static final List<Helper> HELPERS = List.of(MIX, PEEK, POKE, CHECK);

    /** The fault an injected failure throws. */
    public static final class GuestFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GuestFault() {
            super("injected fault", null, false, false);
        }
    }

    /** What a run made observable. */
    public record Result(String end, Map<Integer, List<Long>> state, Map<Long, Long> memory, List<String> calls) {}

    private final long seed;
    private final int faultAt;
    private int faultables;
    private final Map<Integer, List<Long>> state = new TreeMap<>();
    private final Map<Long, Long> memory = new TreeMap<>();
    private final List<String> calls = new ArrayList<>();
    private Map<Integer, List<Long>> committed = new TreeMap<>();

    /** {@code faultAt}: the 0-based index of the may-fault operation that faults, or -1 for none. */
    public TestEnvironment(long seed, int faultAt) {
        this.seed = seed;
        this.faultAt = faultAt;
    }

    /** Runs {@code b} in a fresh environment and returns what it made observable. */
    public static Result run(Block b, long seed, int faultAt) {
        TestEnvironment env = new TestEnvironment(seed, faultAt);
        try {
            Outcome outcome = Evaluator.run(b, env);
            boolean raised = outcome instanceof Outcome.Raised;
            return new Result(outcome.toString(), raised ? env.committed : env.state, env.memory, env.calls);
        } catch (GuestFault f) {
            return new Result("fault", env.committed, env.memory, env.calls);
        }
    }

    static long hash(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }

    @Override
    public void get(int slot, Type type, long[] out) {
        List<Long> v = state.get(slot);
        long low = v != null ? v.get(0) : hash(seed * 31 + slot);
        long high = v != null ? v.get(1) : hash(seed * 37 + slot);
        out[0] = type == Type.FLAGS ? low & Flag.ALL : low & type.mask();
        out[1] = type == Type.V128 ? high : 0;
    }

    @Override
    public void set(int slot, Type type, long low, long high) {
        state.put(slot, List.of(low, high));
    }

    @Override
    public void load(long address, Type type, long[] out) {
        mayFault();
        out[0] = bytes(address, Math.min(8, type.bits() / 8));
        out[1] = type == Type.V128 ? bytes(address + 8, 8) : 0;
    }

    private long bytes(long address, int n) {
        long v = 0;
        for (int k = n - 1; k >= 0; k--) {
            long a = address + k;
            v = (v << 8) | memory.getOrDefault(a, hash(seed ^ a) & 0xFF);
        }
        return v;
    }

    @Override
    public void store(long address, Type type, long low, long high) {
        mayFault();
        for (int k = 0; k < type.bits() / 8; k++) {
            long word = k < 8 ? low : high;
            memory.put(address + k, (word >>> (8 * (k & 7))) & 0xFF);
        }
    }

    @Override
    public void call(Helper helper, long[][] args, long[] out) {
        if (!EnumSet.of(Effect.READS_STATE, Effect.READS_MEMORY).containsAll(helper.effects())) {
            calls.add(helper.name() + java.util.Arrays.deepToString(args));
        }
        out[0] = 0;
        out[1] = 0;
        switch (helper.name()) {
            case "mix" -> out[0] = hash(args[0][0] * 3 + args[1][0]);
            case "peek" -> out[0] = hash(state.toString().hashCode());
            case "poke" -> state.put(RCX_SLOT, List.of(args[0][0], 0L));
            default -> mayFault();
        }
    }

    private static final int RCX_SLOT = TestSlots.RCX;

    private void mayFault() {
        if (faultables++ == faultAt) {
            throw new GuestFault();
        }
    }

    @Override
    public void boundary(long pc, int length) {
        committed = new TreeMap<>(state);
    }
}
