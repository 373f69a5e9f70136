package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.Effect;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.runtime.abi.FlatLayout;
import dev.jx86.runtime.abi.Helpers;
import dev.jx86.runtime.abi.StateLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a region's loads and stores share one flat-memory check (docs/memory.md, "Coalesced checks"). Accesses
 * whose addresses are one base plus constant displacements — stack slots off RSP, fields off one pointer — are
 * checked once, at the first of them, for the whole span they touch; the others then access host memory without a
 * check. A base is an IR value within its block, or a 64-bit register read where no write of it comes between
 * (its local then holds the same value), which lets one check cover accesses in later blocks that the checking
 * block dominates within one iteration (no back edge between them: every pass through a loop checks again).
 *
 * <p>Exactness: a check requires the permission bit of the span's first and last page; a span shorter than a page
 * ({@link #MAX_SPAN}) touches only those two, and every access it covers lies inside it, so a check that passes
 * allows each covered access as its own check would. A check that fails leaves the region at the instruction of
 * the checking access, before it and every access it covers ran; loads and stores are checked separately (a read
 * needs READ, a write WRITE, which code pages withhold), so a store's check never stands in for a load's.
 */
final class MemoryChecks {
    /**
     * The longest span (last byte minus first byte, plus one) one check covers: a span of at most a page touches at
     * most two pages, the first and the last, whose permission bytes the check reads.
     */
    static final int MAX_SPAN = 1 << FlatLayout.PAGE_SHIFT;

    /** Displacements beyond this are not split off their base (spans stay far from overflowing a long). */
    private static final long MAX_DISPLACEMENT = 1L << 40;

    /** What an access does: its own check, the check of a group it starts, or none (covered by an earlier one). */
    enum Role {
        OWN,
        CHECK,
        COVERED
    }

    /**
     * The check a group's first access makes: of {@code [address + low, address + high]}, its own address plus
     * offsets, for permission {@code bit}.
     */
    record Check(long low, long high, int bit) {}

    /**
     * The base of an address: a 64-bit register ({@code slot >= 0}, read where {@link Access#read} says), or value
     * {@code value} of block {@code block}.
     */
    private record Base(int slot, int block, int value, int bit) {}

    /** One access: block, op, displacement from its base, size in bytes, and the get of a register base. */
    private record Access(int block, int op, long displacement, int size, int read) {}

    /** The accesses one check covers, the checking one first, and the span of their displacements. */
    private static final class Group {
        final Base base;
        final List<Access> accesses = new ArrayList<>();
        long first;
        long last;

        Group(Base base, Access checking) {
            this.base = base;
            accesses.add(checking);
            first = checking.displacement();
            last = checking.displacement() + checking.size() - 1;
        }

        boolean admits(Access a) {
            long from = Math.min(first, a.displacement());
            long to = Math.max(last, a.displacement() + a.size() - 1);
            return to - from < MAX_SPAN;
        }

        void add(Access a) {
            accesses.add(a);
            first = Math.min(first, a.displacement());
            last = Math.max(last, a.displacement() + a.size() - 1);
        }

        Access checking() {
            return accesses.getFirst();
        }
    }

    private final List<Block> blocks;
    private final Role[][] roles;
    private final Check[][] checks;
    private final List<Group> groups = new ArrayList<>();

    private MemoryChecks(List<Block> blocks) {
        this.blocks = blocks;
        this.roles = new Role[blocks.size()][];
        this.checks = new Check[blocks.size()][];
        for (int k = 0; k < blocks.size(); k++) {
            roles[k] = new Role[blocks.get(k).size()];
            checks[k] = new Check[blocks.get(k).size()];
        }
    }

    /** The checks of {@code blocks}, a region whose entry is the first block. */
    static MemoryChecks plan(List<Block> blocks) {
        MemoryChecks plan = new MemoryChecks(blocks);
        plan.group();
        return plan;
    }

    /** Every access its own check: what regions do without flat memory (the TLB accessors check nothing to share). */
    static MemoryChecks none(List<Block> blocks) {
        return new MemoryChecks(blocks);
    }

    /** The role of load or store {@code op} of block {@code block}. */
    Role role(int block, int op) {
        Role r = roles[block][op];
        return r == null ? Role.OWN : r;
    }

    /** The check that load or store {@code op} of block {@code block} makes, when its role is {@link Role#CHECK}. */
    Check check(int block, int op) {
        return checks[block][op];
    }

    private void group() {
        RegionGraph graph = new RegionGraph(blocks);
        Map<Base, List<Group>> open = new LinkedHashMap<>();
        for (int k : graph.order()) {
            Block b = blocks.get(k);
            for (int i = 0; i < b.size(); i++) {
                if (b.op(i) != Op.LOAD && b.op(i) != Op.STORE) {
                    continue;
                }
                boolean load = b.op(i) == Op.LOAD;
                int size = (load ? b.type(i) : b.type(b.arg(i, 1))).bits() / 8;
                int bit = load ? FlatLayout.READ : FlatLayout.WRITE;
                int v = b.arg(i, 0);
                long displacement = 0;
                for (long d = constantOffset(b, v);
                        d != Long.MIN_VALUE && Math.abs(d) <= MAX_DISPLACEMENT;
                        d = constantOffset(b, v)) {
                    displacement += d;
                    v = b.arg(v, 0);
                }
                boolean register = b.op(v) == Op.GET && b.type(v) == Type.I64;
                Base base = register ? new Base((int) b.aux0(v), -1, -1, bit) : new Base(-1, k, v, bit);
                Access access = new Access(k, i, displacement, size, v);
                List<Group> candidates = open.computeIfAbsent(base, key -> new ArrayList<>());
                Group joined = null;
                for (Group g : candidates) {
                    if (g.admits(access) && sameBase(graph, base, g.checking(), access)) {
                        joined = g;
                        break;
                    }
                }
                if (joined != null) {
                    joined.add(access);
                } else {
                    Group g = new Group(base, access);
                    candidates.add(g);
                    groups.add(g);
                }
            }
        }
        for (Group g : groups) {
            if (g.accesses.size() < 2) {
                continue;
            }
            Access c = g.checking();
            roles[c.block()][c.op()] = Role.CHECK;
            checks[c.block()][c.op()] = new Check(g.first - c.displacement(), g.last - c.displacement(), g.base.bit());
            for (Access a : g.accesses.subList(1, g.accesses.size())) {
                roles[a.block()][a.op()] = Role.COVERED;
            }
        }
    }

    /**
     * Whether {@code check}, which runs first, and {@code a} have the same base value: one value of one block, or
     * a register read where no write of it comes between — in one block, or from a block that dominates the other's
     * within one iteration, with no write after the check in its block, before the access in its block, or in a
     * block on a path from the one to the other.
     */
    private boolean sameBase(RegionGraph graph, Base base, Access check, Access a) {
        int d = check.block();
        int k = a.block();
        if (base.slot() < 0) {
            return d == k;
        }
        int slot = base.slot();
        if (d == k) {
            return !writes(d, slot, Math.min(check.read(), a.read()), Math.max(check.read(), a.read()));
        }
        if (!graph.dominates(d, k)
                || writes(d, slot, check.read(), blocks.get(d).size())
                || writes(k, slot, -1, a.read())) {
            return false;
        }
        for (int m : graph.between(d, k)) {
            if (writes(m, slot, -1, blocks.get(m).size())) {
                return false;
            }
        }
        return true;
    }

    /** Whether an op of block {@code k} strictly between {@code from} and {@code to} may write {@code slot}. */
    private boolean writes(int k, int slot, int from, int to) {
        Block b = blocks.get(k);
        for (int i = from + 1; i < to; i++) {
            if (b.op(i) == Op.SET) {
                int first = (int) b.aux0(i);
                int width = b.type(b.arg(i, 0)) == Type.V128 ? 2 : 1;
                if (slot >= first && slot < first + width) {
                    return true;
                }
            } else if (b.op(i) == Op.CALL
                    && b.effects(i).contains(Effect.WRITES_STATE)
                    && Helpers.byId((int) b.aux0(i)).touchesSlot(slot)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The constant that 64-bit value {@code v} adds to its first argument ({@code add x, c} or {@code sub x, c}: the
     * lifter writes {@code base + displacement}), or {@link Long#MIN_VALUE}.
     */
    private static long constantOffset(Block b, int v) {
        Op op = b.op(v);
        if ((op != Op.ADD && op != Op.SUB) || b.type(v) != Type.I64) {
            return Long.MIN_VALUE;
        }
        int c = b.arg(v, 1);
        if (b.op(c) != Op.CONST) {
            return Long.MIN_VALUE;
        }
        return op == Op.ADD ? b.aux0(c) : -b.aux0(c);
    }

    /**
     * The groups of more than one access, one per line, for golden tests and {@code -d out_asm}: the checking
     * access's pc, the span and permission, then each access covered ({@code pc op.size base+displacement}).
     */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (Group g : groups) {
            if (g.accesses.size() < 2) {
                continue;
            }
            text.append("check ")
                    .append(g.base.bit() == FlatLayout.READ ? "read " : "write ")
                    .append(operand(g.base, g.first))
                    .append("..")
                    .append(operand(g.base, g.last))
                    .append(':');
            for (Access a : g.accesses) {
                Block b = blocks.get(a.block());
                text.append(String.format(
                        " %s 0x%x %s%d %s",
                        a == g.checking() ? "at" : "covers",
                        instructionPc(b, a.op()),
                        b.op(a.op()) == Op.LOAD ? "load" : "store",
                        a.size() * 8,
                        operand(g.base, a.displacement())));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** A base as the IR text names it: a register, or a value as {@code Printer} numbers it, after its block's pc. */
    private String operand(Base base, long displacement) {
        String name;
        if (base.slot() >= 0) {
            name = StateLayout.INSTANCE.name(base.slot());
        } else {
            Block b = blocks.get(base.block());
            int number = 0;
            for (int i = 0; i < base.value(); i++) {
                number += b.type(i) == Type.VOID ? 0 : 1;
            }
            name = String.format("0x%x:v%d", b.pc(), number);
        }
        return displacement == 0
                ? name
                : displacement < 0
                        ? name + "-0x" + Long.toHexString(-displacement)
                        : name + "+0x" + Long.toHexString(displacement);
    }

    private static long instructionPc(Block b, int op) {
        long pc = b.pc();
        for (int i = 0; i < op; i++) {
            if (b.op(i) == Op.BOUNDARY) {
                pc = b.aux0(i);
            }
        }
        return pc;
    }
}
