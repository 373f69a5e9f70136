package dev.jx86.runtime.exec;

import dev.jx86.ir.Block;
import dev.jx86.ir.Flag;
import dev.jx86.ir.FlagCondition;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.IntCondition;
import dev.jx86.ir.Op;
import dev.jx86.ir.Terminal;
import dev.jx86.ir.Type;
import dev.jx86.ir.eval.FlagsSemantics;
import dev.jx86.ir.eval.IntegerSemantics;
import dev.jx86.ir.eval.PureSemantics;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.FlagsState;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.Helpers;
import dev.jx86.runtime.abi.RuntimeHelper;
import dev.jx86.runtime.abi.StateLayout;

/**
 * Tier 0: runs an IR block directly on a CPU. Values live in two reused arrays indexed by instruction (no
 * allocation for integer code); the common ops are computed here, every other op by the IR's own
 * {@link PureSemantics}, so tier 0 means exactly what the IR says. A FLAGS value is its six flags in EFLAGS layout,
 * as in the FLAGS slot.
 *
 * <p>One interpreter per CPU thread. After {@link #run} the {@link #pc()} is the start of the last instruction
 * entered: where a {@link GuestFault} thrown out of {@code run} happened, and where a raised exception belongs.
 */
public final class Interpreter {
    private static final FlagsKind[] KINDS = FlagsKind.values();
    private static final FlagCondition[] CONDITIONS = FlagCondition.values();
    private static final IntCondition[] INT_CONDITIONS = IntCondition.values();
    private static final Flag[] FLAGS = Flag.values();

    private long[] low = new long[256];
    private long[] high = new long[256];
    private final long[] operands = new long[4];
    private final long[] pair = new long[2];
    private long pc;

    public Interpreter() {}

    /** The pc of the last instruction boundary passed. */
    public long pc() {
        return pc;
    }

    /**
     * Runs {@code b} on {@code cpu} and returns the guest pc where execution continues, for a terminal that
     * continues; for an exit or a raise, see {@link Outcome}. Memory and helper faults propagate as
     * {@link GuestFault}, with the state as the last completed instruction left it.
     */
    public long run(Block b, Cpu cpu, Outcome outcome) {
        int n = b.size();
        if (low.length < n) {
            low = new long[Math.max(n, low.length * 2)];
            high = new long[low.length];
        }
        long[] lo = low;
        long[] hi = high;
        long[] state = cpu.state;
        GuestMemory memory = cpu.memory();
        pc = b.pc();
        for (int i = 0; i < n; i++) {
            Op op = b.op(i);
            hi[i] = 0;
            switch (op) {
                case CONST -> {
                    lo[i] = b.aux0(i);
                    hi[i] = b.aux1(i);
                }
                case GET -> {
                    int slot = (int) b.aux0(i);
                    Type t = b.type(i);
                    if (t == Type.V128) {
                        lo[i] = state[slot];
                        hi[i] = state[slot + 1];
                    } else {
                        lo[i] = slot == StateLayout.FLAGS
                                ? FlagsState.bits(state)
                                : t == Type.FLAGS ? state[slot] : state[slot] & t.mask();
                    }
                }
                case SET -> {
                    int slot = (int) b.aux0(i);
                    int v = b.arg(i, 0);
                    state[slot] = lo[v];
                    if (b.type(v) == Type.V128) {
                        state[slot + 1] = hi[v];
                    }
                }
                case LOAD -> {
                    Type t = b.type(i);
                    long address = lo[b.arg(i, 0)];
                    if (t == Type.V128) {
                        memory.load128(address, pair);
                        lo[i] = pair[0];
                        hi[i] = pair[1];
                    } else {
                        lo[i] = memory.load(address, t.bits() >>> 3);
                    }
                }
                case STORE -> {
                    long address = lo[b.arg(i, 0)];
                    int v = b.arg(i, 1);
                    Type t = b.type(v);
                    if (t == Type.V128) {
                        memory.store128(address, lo[v], hi[v]);
                    } else {
                        memory.store(address, t.bits() >>> 3, lo[v]);
                    }
                }
                case ADD, SUB, AND, OR, XOR, ANDN, SHL, LSHR, ASHR, ROTL, ROTR, MUL, UMULH, SMULH -> {
                    Type t = b.type(i);
                    if (t == Type.V128) {
                        PureSemantics.compute(b, i, lo, hi);
                    } else {
                        lo[i] = IntegerSemantics.binary(op, t, lo[b.arg(i, 0)], lo[b.arg(i, 1)]);
                    }
                }
                case NEG, NOT -> {
                    Type t = b.type(i);
                    if (t == Type.V128) {
                        PureSemantics.compute(b, i, lo, hi);
                    } else {
                        lo[i] = IntegerSemantics.unary(op, t, lo[b.arg(i, 0)]);
                    }
                }
                case EXTRACT -> {
                    int x = b.arg(i, 0);
                    int offset = (int) b.aux0(i);
                    Type t = b.type(i);
                    if (b.type(x) != Type.V128) {
                        lo[i] = lo[x] >>> offset & t.mask();
                    } else {
                        PureSemantics.compute(b, i, lo, hi);
                    }
                }
                case INSERT -> {
                    int base = b.arg(i, 0);
                    int field = b.arg(i, 1);
                    Type t = b.type(i);
                    if (t != Type.V128 && b.type(field) != Type.V128) {
                        int offset = (int) b.aux0(i);
                        long fieldMask = b.type(field).mask() << offset;
                        lo[i] = (lo[base] & ~fieldMask | lo[field] << offset & fieldMask) & t.mask();
                    } else {
                        PureSemantics.compute(b, i, lo, hi);
                    }
                }
                case ZEXT -> lo[i] = lo[b.arg(i, 0)];
                case TRUNC -> lo[i] = lo[b.arg(i, 0)] & b.type(i).mask();
                case SEXT ->
                    lo[i] = IntegerSemantics.sext(b.type(b.arg(i, 0)).bits(), lo[b.arg(i, 0)])
                            & b.type(i).mask();
                case ICMP -> {
                    int a = b.arg(i, 0);
                    boolean holds = IntegerSemantics.compare(
                            INT_CONDITIONS[(int) b.aux0(i)], b.type(a), lo[a], lo[b.arg(i, 1)]);
                    lo[i] = holds ? 1 : 0;
                }
                case SELECT -> {
                    int chosen = b.arg(i, lo[b.arg(i, 0)] != 0 ? 1 : 2);
                    lo[i] = lo[chosen];
                    hi[i] = hi[chosen];
                }
                case FLAGS -> {
                    int count = b.argCount(i);
                    for (int k = 0; k < count; k++) {
                        operands[k] = lo[b.arg(i, k)];
                    }
                    lo[i] = FlagsSemantics.bits(
                            KINDS[(int) b.aux0(i)], b.type(b.arg(i, 0)).bits(), operands);
                }
                case COND -> lo[i] = FlagsSemantics.test(CONDITIONS[(int) b.aux0(i)], lo[b.arg(i, 0)]) ? 1 : 0;
                case FLAG_TEST -> lo[i] = FlagsSemantics.has(lo[b.arg(i, 0)], FLAGS[(int) b.aux0(i)]) ? 1 : 0;
                case CALL -> lo[i] = call(b, i, cpu, lo);
                case BOUNDARY -> pc = b.aux0(i);
                default -> PureSemantics.compute(b, i, lo, hi);
            }
        }
        return terminal(b.terminal(), lo, outcome);
    }

    private long call(Block b, int i, Cpu cpu, long[] lo) {
        RuntimeHelper helper = Helpers.byId((int) b.aux0(i));
        long[] args = new long[b.argCount(i)];
        for (int k = 0; k < args.length; k++) {
            args[k] = lo[b.arg(i, k)];
        }
        cpu.rip(pc);
        return helper.body().call(cpu, args);
    }

    private long terminal(Terminal terminal, long[] lo, Outcome outcome) {
        return switch (terminal) {
            case Terminal.Jump j -> {
                outcome.kind = Outcome.CONTINUE;
                yield j.target();
            }
            case Terminal.Branch br -> {
                outcome.kind = Outcome.CONTINUE;
                yield lo[br.condition().index()] != 0 ? br.taken() : br.notTaken();
            }
            case Terminal.JumpIndirect ji -> {
                outcome.kind = Outcome.CONTINUE;
                yield lo[ji.target().index()];
            }
            case Terminal.Exit e -> {
                outcome.kind = Outcome.EXIT;
                outcome.exit = e.reason();
                yield e.next();
            }
            case Terminal.Raise r -> {
                outcome.kind = Outcome.RAISE;
                outcome.vector = r.vector();
                outcome.errorCode = r.errorCode().map(v -> lo[v.index()]).orElse(-1L);
                yield pc;
            }
        };
    }

    /** How the last block ended, filled in by {@link #run} (reused: no allocation per block). */
    public static final class Outcome {
        public static final int CONTINUE = 0;
        public static final int EXIT = 1;
        public static final int RAISE = 2;

        public int kind;
        public dev.jx86.ir.ExitReason exit;
        public int vector;
        public long errorCode;

        /**
         * Set by compiled blocks ({@link dev.jx86.runtime.tier1.CompiledBlock}) before each op that may fault: the pc
         * of the instruction that op belongs to, where a {@link GuestFault} thrown out of the block happened.
         */
        public long faultPc;

        /**
         * Asks compiled code to return to the dispatcher at the next back edge of a region (a jump to a block at or
         * before the current one): set when a stop is requested and when translated code is invalidated, so that a
         * guest loop compiled as a host loop leaves it. Cleared by the dispatcher.
         */
        public volatile boolean exitRequested;

        public Outcome() {}
    }
}
