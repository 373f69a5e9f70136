package dev.jx86.ir.eval;

import dev.jx86.ir.Block;
import dev.jx86.ir.Terminal;

/**
 * The reference evaluator: runs a block instruction by instruction against an {@link Environment}. It defines what
 * a block means; tests hold passes and the tiers to it. Not tuned for speed.
 */
public final class Evaluator {
    private Evaluator() {}

    public static Outcome run(Block b, Environment env) {
        long[] low = new long[b.size()];
        long[] high = new long[b.size()];
        long[] pair = new long[2];
        long pc = b.pc();
        for (int i = 0; i < b.size(); i++) {
            switch (b.op(i).signature()) {
                case GET -> {
                    env.get((int) b.aux0(i), b.type(i), pair);
                    low[i] = pair[0];
                    high[i] = pair[1];
                }
                case SET -> env.set((int) b.aux0(i), b.type(b.arg(i, 0)), low[b.arg(i, 0)], high[b.arg(i, 0)]);
                case LOAD -> {
                    env.load(low[b.arg(i, 0)], b.type(i), pair);
                    low[i] = pair[0];
                    high[i] = pair[1];
                }
                case STORE -> env.store(low[b.arg(i, 0)], b.type(b.arg(i, 1)), low[b.arg(i, 1)], high[b.arg(i, 1)]);
                case CALL -> call(b, i, env, low, high);
                case BOUNDARY -> {
                    pc = b.aux0(i);
                    env.boundary(pc, (int) b.aux1(i));
                }
                default -> PureSemantics.compute(b, i, low, high);
            }
        }
        return resolve(b.terminal(), low, pc);
    }

    private static void call(Block b, int i, Environment env, long[] low, long[] high) {
        long[][] args = new long[b.argCount(i)][];
        for (int k = 0; k < args.length; k++) {
            args[k] = new long[] {low[b.arg(i, k)], high[b.arg(i, k)]};
        }
        long[] out = new long[2];
        env.call(b.helper(i), args, out);
        low[i] = out[0];
        high[i] = out[1];
    }

    private static Outcome resolve(Terminal terminal, long[] low, long pc) {
        return switch (terminal) {
            case Terminal.Jump j -> new Outcome.Continue(j.target());
            case Terminal.Branch br ->
                new Outcome.Continue(low[br.condition().index()] != 0 ? br.taken() : br.notTaken());
            case Terminal.JumpIndirect ji ->
                new Outcome.Continue(low[ji.target().index()]);
            case Terminal.Exit e -> new Outcome.Exited(e.reason(), e.next());
            case Terminal.Raise r ->
                new Outcome.Raised(
                        r.vector(), r.errorCode().map(v -> low[v.index()]).orElse(-1L), pc);
        };
    }
}
