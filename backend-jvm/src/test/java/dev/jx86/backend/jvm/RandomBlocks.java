package dev.jx86.backend.jvm;

import dev.jx86.ir.AuxKind;
import dev.jx86.ir.Block;
import dev.jx86.ir.ExitReason;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.Helper;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.TypeClass;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.CoreHelpers;
import dev.jx86.runtime.abi.IntegerHelpers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Random well-typed blocks that use every op, for the differential test of compiled blocks against the interpreter.
 * The same idea as the IR module's generator (whose test classes this module cannot see), with two changes: calls go
 * to real runtime helpers (some of which fault on their arguments), and addresses fall inside and around
 * {@link TestMemory}'s one mapped page, so that some loads and stores fault.
 */
final class RandomBlocks {
    /** The type each test slot holds; a generated block uses slots 0..SLOT_TYPES.length-1. */
    public static final Type[] SLOT_TYPES = {
        Type.I64,
        Type.I64,
        Type.I64,
        Type.I64,
        Type.I32,
        Type.I16,
        Type.I8,
        Type.I1,
        Type.FLAGS,
        Type.FLAGS,
        Type.V128,
        Type.V128
    };

    private static final long[] INTERESTING = {
        0,
        1,
        2,
        -1,
        0x7F,
        0x80,
        0xFF,
        0x7FFF,
        0x8000,
        0x7FFF_FFFFL,
        0x8000_0000L,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        0x3F80_0000L,
        0x7FC0_0000L,
        0x8000_0000L,
        0x3FF0_0000_0000_0000L,
        0x7FF8_0000_0000_0000L,
        0x1000,
        0x1004
    };

    /** Ops drawn more often than the rest: what the state and flags passes are about. */
    private static final Op[] STATEFUL = {
        Op.GET, Op.SET, Op.SET, Op.BOUNDARY, Op.LOAD, Op.STORE, Op.CALL, Op.FLAGS, Op.COND
    };

    private final Random random;
    private IrBuilder b;
    private final Map<Type, List<Value>> pool = new HashMap<>();
    private long pc;
    private long[] targets;
    private boolean boundary;
    private Value anchor;

    public RandomBlocks(long seed) {
        this.random = new Random(seed);
    }

    public Block next() {
        return next(0x400000L + random.nextInt(0x1000), null);
    }

    /** A block at {@code start} whose jumps usually go to one of {@code jumpTargets} (a region's blocks). */
    public Block next(long start, long[] jumpTargets) {
        targets = jumpTargets;
        pc = start;
        b = new IrBuilder(pc);
        pool.clear();
        boundary = false;
        anchor = null;
        int n = 1 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            Op op = random.nextInt(3) == 0
                    ? STATEFUL[random.nextInt(STATEFUL.length)]
                    : Op.values()[random.nextInt(Op.values().length)];
            Value v = emit(op);
            if (v != null && v.type() != Type.VOID) {
                pool.computeIfAbsent(v.type(), t -> new ArrayList<>()).add(v);
                observeSometimes(v);
            }
        }
        return terminal();
    }

    private Value emit(Op op) {
        if (op.takesFloatEnvironment()) {
            return floatOp(op);
        }
        return switch (op.signature()) {
            case CONST -> constant(pick(op.types()));
            case GET -> get(random.nextInt(SLOT_TYPES.length));
            case SET -> set();
            case LOAD -> b.load(pick(op.types()), address());
            case STORE -> {
                b.store(address(), value(pick(op.types())));
                yield null;
            }
            case UNARY -> b.unary(op, value(pick(op.types())));
            case BINARY -> {
                Type t = pick(op.types());
                yield b.binary(op, value(t), value(t));
            }
            case SHIFT -> b.binary(op, value(pick(op.types())), value(Type.I8));
            case COMPARE -> {
                Type t = pick(op.types());
                yield b.append(op, Type.I1, suffix(op.aux().getFirst()), 0, List.of(value(t), value(t)));
            }
            case SELECT -> {
                Type t = pick(op.types());
                yield b.select(value(Type.I1), value(t), value(t));
            }
            case WIDEN, NARROW, CONVERT -> convert(op);
            case EXTRACT -> {
                Type s = pick(TypeClass.MEMORY);
                Type t = pickAtMost(s.bits());
                yield b.extract(t, value(s), random.nextInt(s.bits() - t.bits() + 1));
            }
            case INSERT -> {
                Type t = pick(op.types());
                Type s = pickAtMost(t.bits());
                yield b.insert(value(t), value(s), random.nextInt(t.bits() - s.bits() + 1));
            }
            case FLAGS -> flags();
            case FLAGS_TEST -> b.append(op, Type.I1, suffix(op.aux().getFirst()), 0, List.of(latestFlags()));
            case FLAGS_FROM_BITS -> b.flagsExplicit(value(Type.I64));
            case FLAGS_TO_BITS -> b.flagsBits(value(Type.FLAGS));
            case VECTOR_UNARY, VECTOR_BINARY, VECTOR_SHIFT, VECTOR_MASK -> vector(op);
            case VECTOR_SHUFFLE -> shuffle();
            case FLOAT_EXCEPTIONS, VECTOR_FLOAT_EXCEPTIONS -> floatOp(op);
            case CALL -> call();
            case BOUNDARY -> {
                int length = 1 + random.nextInt(15);
                b.boundary(pc, length);
                pc += length;
                boundary = true;
                yield null;
            }
        };
    }

    /** A float op with its environment operand: mostly x86's usual words, now and then any value. */
    private Value floatOp(Op op) {
        Value env = random.nextInt(3) == 0
                ? value(Type.I32)
                : b.constant(Type.I32, ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)]);
        long[] aux = new long[2];
        for (int k = 0; k < op.aux().size(); k++) {
            aux[k] = suffix(op.aux().get(k));
        }
        Type t = pick(TypeClass.FLOAT);
        return switch (op.signature()) {
            case BINARY -> b.fbinary(op, value(t), value(t), env);
            case UNARY -> b.append(op, t, 0, 0, List.of(value(t), env));
            case COMPARE -> b.append(op, Type.I1, aux[0], 0, List.of(value(t), value(t), env));
            case WIDEN -> b.fconvert(op, Type.I64, value(Type.I32), env);
            case NARROW -> b.fconvert(op, Type.I32, value(Type.I64), env);
            case CONVERT -> b.fconvert(op, t, value(pick(TypeClass.FLOAT)), env);
            case VECTOR_BINARY ->
                b.append(op, Type.V128, aux[0], aux[1], List.of(value(Type.V128), value(Type.V128), env));
            case VECTOR_UNARY -> b.append(op, Type.V128, aux[0], aux[1], List.of(value(Type.V128), env));
            case FLOAT_EXCEPTIONS -> b.append(op, Type.I32, aux[0], 0, List.of(value(t), value(t), env));
            case VECTOR_FLOAT_EXCEPTIONS ->
                b.append(op, Type.I32, aux[0], aux[1], List.of(value(Type.V128), value(Type.V128), env));
            default -> throw new IllegalStateException("no float form for " + op);
        };
    }

    private static final long[] ENVIRONMENTS = {
        0x1f80, 0x1f80, 0x1fa0, 0x1fbf, 0x0fa0, 0x3f80, 0x5f80, 0x7f80, 0x9fc0, 0xffc0, 0x1fc0
    };

    /** Sets a slot of v's type to v now and then, so that more computations reach what the tests compare. */
    private void observeSometimes(Value v) {
        for (int slot = 0; slot < SLOT_TYPES.length; slot++) {
            if (SLOT_TYPES[slot] == v.type() && random.nextInt(3) == 0) {
                b.set(slot, v);
                return;
            }
        }
    }

    private Value set() {
        int slot = random.nextInt(SLOT_TYPES.length);
        b.set(slot, value(SLOT_TYPES[slot]));
        return null;
    }

    private Value get(int slot) {
        return b.get(SLOT_TYPES[slot], slot);
    }

    private Value convert(Op op) {
        List<Type> types = new ArrayList<>(op.types().types());
        while (true) {
            Type s = types.get(random.nextInt(types.size()));
            Type t = types.get(random.nextInt(types.size()));
            boolean ok = switch (op.signature()) {
                case WIDEN -> s.bits() < t.bits();
                case NARROW -> s.bits() > t.bits();
                default -> true;
            };
            if (ok) {
                return b.convert(op, t, value(s));
            }
        }
    }

    private Value flags() {
        FlagsKind kind = FlagsKind.values()[random.nextInt(FlagsKind.values().length)];
        Type width = pick(TypeClass.INTEGER);
        if ((kind == FlagsKind.ADD || kind == FlagsKind.SUB) && random.nextBoolean()) {
            // What the lifter emits: the flags of the operation actually computed.
            Value a = value(width);
            Value c = random.nextInt(4) == 0 ? a : value(width);
            return b.flags(kind, b.binary(kind == FlagsKind.ADD ? Op.ADD : Op.SUB, a, c), a, c);
        }
        List<Value> operands = new ArrayList<>();
        for (FlagsKind.Operand role : kind.operands()) {
            operands.add(
                    role == FlagsKind.Operand.COUNT && random.nextBoolean()
                            ? b.constant(Type.I8, random.nextInt(70))
                            : value(role.type(width)));
        }
        return b.flags(kind, operands.toArray(Value[]::new));
    }

    private Value vector(Op op) {
        long[] aux = new long[2];
        for (int k = 0; k < op.aux().size(); k++) {
            aux[k] = suffix(op.aux().get(k));
        }
        List<Value> operands = switch (op.signature()) {
            case VECTOR_BINARY -> List.of(value(Type.V128), value(Type.V128));
            case VECTOR_SHIFT ->
                List.of(
                        value(Type.V128),
                        random.nextBoolean() ? b.constant(Type.I64, random.nextInt(70)) : value(Type.I64));
            default -> List.of(value(Type.V128));
        };
        return b.append(op, op.signature().fixedResult(), aux[0], aux[1], operands);
    }

    private Value shuffle() {
        byte[] table = new byte[16];
        for (int i = 0; i < 16; i++) {
            table[i] = (byte) (random.nextInt(10) == 0 ? 0xFF : random.nextInt(32));
        }
        return b.vshuffle(value(Type.V128), value(Type.V128), table);
    }

    /** Deterministic helpers that take any argument values: pure ones, ones that raise (#DE, a vector of the block's choosing) and CPUID. */
    private static final List<Helper> HELPERS = List.of(
            CoreHelpers.RAISE_IF.descriptor(),
            CoreHelpers.RAISE_CODE_IF.descriptor(),
            IntegerHelpers.DIV128.descriptor(),
            IntegerHelpers.IDIV128.descriptor(),
            IntegerHelpers.REM128.descriptor(),
            IntegerHelpers.PDEP.descriptor(),
            IntegerHelpers.DAA.descriptor(),
            IntegerHelpers.AAM.descriptor(),
            IntegerHelpers.CPUID.descriptor());

    private Value call() {
        Helper h = HELPERS.get(random.nextInt(HELPERS.size()));
        return b.call(h, h.parameters().stream().map(this::value).toArray(Value[]::new));
    }

    private Block terminal() {
        return switch (random.nextInt(5)) {
            case 0 -> b.jump(target());
            case 1 ->
                b.branch(value(Type.I1), target(), targets != null ? target() : 0x500000L + random.nextInt(0x1000));
            case 2 -> b.jumpIndirect(value(Type.I64));
            case 3 -> b.exit(ExitReason.values()[random.nextInt(ExitReason.MEMORY.ordinal())], pc);
            default -> {
                if (!boundary) {
                    b.boundary(pc, 2);
                }
                Optional<Value> code = random.nextBoolean() ? Optional.of(value(Type.I32)) : Optional.empty();
                yield b.raise(random.nextInt(32), code);
            }
        };
    }

    private long target() {
        return targets != null && random.nextInt(4) != 0 ? targets[random.nextInt(targets.length)] : pc;
    }

    /** A value of type {@code t}: usually an existing one, else a new constant or get. */
    private Value value(Type t) {
        List<Value> existing = pool.getOrDefault(t, List.of());
        if (!existing.isEmpty() && random.nextInt(4) != 0) {
            return existing.get(random.nextInt(existing.size()));
        }
        if (t == Type.FLAGS) {
            return random.nextBoolean() ? get(8 + random.nextInt(2)) : b.flagsExplicit(constant(Type.I64));
        }
        for (int slot = 0; slot < SLOT_TYPES.length && random.nextInt(3) == 0; slot++) {
            if (SLOT_TYPES[slot] == t) {
                return get(slot);
            }
        }
        return constant(t);
    }

    /** Conditions usually test the latest flags, as x86 code does. */
    private Value latestFlags() {
        List<Value> flags = pool.getOrDefault(Type.FLAGS, List.of());
        return flags.isEmpty() || random.nextInt(3) == 0 ? value(Type.FLAGS) : flags.getLast();
    }

    private Value constant(Type t) {
        long low = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : random.nextLong();
        return t == Type.V128 ? b.constantV128(low, random.nextLong()) : b.constant(t, low);
    }

    private Value address() {
        return switch (random.nextInt(5)) {
            case 4 -> b.add(anchor(), b.constant(Type.I64, random.nextInt(64) - 24));
            case 0 -> b.constant(Type.I64, 0x1000 + 4 * random.nextInt(4));
            case 1 -> b.constant(Type.I64, 0x1000 + random.nextInt(0x1000 + 32) - 16);
            case 2 -> b.add(b.constant(Type.I64, 0xff8), b.binary(Op.AND, value(Type.I64), b.constant(Type.I64, 0x1f)));
            default -> value(Type.I64);
        };
    }

    /**
     * The block's base for addresses of the form base + displacement, which compiled code checks together
     * ({@code MemoryChecks}): 0x1000 plus a value's low 12 bits, so that its accesses fall in the page and around it.
     */
    private Value anchor() {
        if (anchor == null) {
            Value low = b.binary(Op.AND, value(Type.I64), b.constant(Type.I64, 0xfff));
            anchor = b.add(low, b.constant(Type.I64, 0x1000));
        }
        return anchor;
    }

    private long suffix(AuxKind kind) {
        return kind.constants().get(random.nextInt(kind.constants().size())).ordinal();
    }

    private Type pick(TypeClass types) {
        List<Type> list = new ArrayList<>(types.types());
        return list.get(random.nextInt(list.size()));
    }

    private Type pickAtMost(int bits) {
        while (true) {
            Type t = pick(TypeClass.BITS);
            if (t.bits() <= bits) {
                return t;
            }
        }
    }
}
