package dev.jx86.ir;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Appends instructions to a block under construction and finishes it with a terminal. It computes result types but
 * does not check operand types: run the verifier on what it builds. Equal constants are shared.
 */
public final class IrBuilder {
    private final long pc;
    private Op[] ops = new Op[16];
    private Type[] types = new Type[16];
    private int[] argStart = new int[17];
    private int[] args = new int[32];
    private long[] aux = new long[32];
    private int size;
    private int argCount;
    private final TreeMap<Integer, Helper> helpers = new TreeMap<>();
    private final Map<List<Object>, Value> constants = new HashMap<>();

    public IrBuilder(long pc) {
        this.pc = pc;
    }

    /** Appends any instruction: the general form that the named methods below use, and that passes copy with. */
    public Value append(Op op, Type type, long aux0, long aux1, List<Value> operands) {
        grow(operands.size());
        ops[size] = op;
        types[size] = type;
        aux[2 * size] = aux0;
        aux[2 * size + 1] = aux1;
        for (Value v : operands) {
            if (v.index() < 0 || v.index() >= size || types[v.index()] != v.type()) {
                throw new IllegalArgumentException("operand " + v + " is not a value of this block");
            }
            args[argCount++] = v.index();
        }
        argStart[++size] = argCount;
        return new Value(size - 1, type);
    }

    private void grow(int operands) {
        if (size + 1 >= ops.length) {
            ops = Arrays.copyOf(ops, ops.length * 2);
            types = Arrays.copyOf(types, types.length * 2);
            argStart = Arrays.copyOf(argStart, argStart.length * 2);
            aux = Arrays.copyOf(aux, aux.length * 2);
        }
        while (argCount + operands > args.length) {
            args = Arrays.copyOf(args, args.length * 2);
        }
    }

    /** The number of instructions appended so far. */
    public int size() {
        return size;
    }

    /** Declares a helper so that calls may use it (calls declare theirs themselves). */
    public void declare(Helper helper) {
        Helper old = helpers.putIfAbsent(helper.id(), helper);
        if (old != null && !old.equals(helper)) {
            throw new IllegalArgumentException("helper id " + helper.id() + " declared twice: " + old + ", " + helper);
        }
    }

    public Value constant(Type type, long value) {
        return constant128(type, type == Type.V128 ? value : value & type.mask(), 0);
    }

    public Value constantV128(long low, long high) {
        return constant128(Type.V128, low, high);
    }

    private Value constant128(Type type, long low, long high) {
        return constants.computeIfAbsent(List.of(type, low, high), k -> append(Op.CONST, type, low, high, List.of()));
    }

    public Value get(Type type, int slot) {
        return append(Op.GET, type, slot, 0, List.of());
    }

    public void set(int slot, Value value) {
        append(Op.SET, Type.VOID, slot, 0, List.of(value));
    }

    public Value load(Type type, Value address) {
        return append(Op.LOAD, type, 0, 0, List.of(address));
    }

    public void store(Value address, Value value) {
        append(Op.STORE, Type.VOID, 0, 0, List.of(address, value));
    }

    /** A UNARY op: (T) -> T. */
    public Value unary(Op op, Value a) {
        return append(op, a.type(), 0, 0, List.of(a));
    }

    /** A BINARY or SHIFT op: (T, T) -> T or (T, I8) -> T. */
    public Value binary(Op op, Value a, Value b) {
        return append(op, a.type(), 0, 0, List.of(a, b));
    }

    public Value add(Value a, Value b) {
        return binary(Op.ADD, a, b);
    }

    public Value sub(Value a, Value b) {
        return binary(Op.SUB, a, b);
    }

    public Value and(Value a, Value b) {
        return binary(Op.AND, a, b);
    }

    public Value or(Value a, Value b) {
        return binary(Op.OR, a, b);
    }

    public Value xor(Value a, Value b) {
        return binary(Op.XOR, a, b);
    }

    public Value icmp(IntCondition condition, Value a, Value b) {
        return append(Op.ICMP, Type.I1, condition.ordinal(), 0, List.of(a, b));
    }

    public Value fcmp(FloatCondition condition, Value a, Value b, Value environment) {
        return append(Op.FCMP, Type.I1, condition.ordinal(), 0, List.of(a, b, environment));
    }

    /** A binary float op ({@code fadd fsub fmul fdiv fmin fmax}) under the float environment. */
    public Value fbinary(Op op, Value a, Value b, Value environment) {
        return append(op, a.type(), 0, 0, List.of(a, b, environment));
    }

    public Value fsqrt(Value a, Value environment) {
        return append(Op.FSQRT, a.type(), 0, 0, List.of(a, environment));
    }

    /** {@code a} rounded to an integral value in the environment's rounding mode. */
    public Value fround(Value a, Value environment) {
        return append(Op.FROUND, a.type(), 0, 0, List.of(a, environment));
    }

    /** {@code fpext}, {@code fptrunc} or {@code sitofp} to {@code type} under the float environment. */
    public Value fconvert(Op op, Type type, Value a, Value environment) {
        return append(op, type, 0, 0, List.of(a, environment));
    }

    public Value select(Value condition, Value ifTrue, Value ifFalse) {
        return append(Op.SELECT, ifTrue.type(), 0, 0, List.of(condition, ifTrue, ifFalse));
    }

    /** A WIDEN, NARROW or CONVERT op to {@code type}. */
    public Value convert(Op op, Type type, Value a) {
        return append(op, type, 0, 0, List.of(a));
    }

    /** The {@code type}-wide bit field of {@code a} at {@code offset} (e.g. AH: {@code extract(I8, rax, 8)}). */
    public Value extract(Type type, Value a, int offset) {
        return append(Op.EXTRACT, type, offset, 0, List.of(a));
    }

    /** {@code base} with the bit field at {@code offset} replaced by {@code field}. */
    public Value insert(Value base, Value field, int offset) {
        return append(Op.INSERT, base.type(), offset, 0, List.of(base, field));
    }

    /** A lane-wise op whose only aux is its lane shape. */
    public Value vector(Op op, LaneShape shape, Value... operands) {
        return append(op, op.signature().fixedResult(), shape.ordinal(), 0, List.of(operands));
    }

    public Value vicmp(IntCondition condition, LaneShape shape, Value a, Value b) {
        return append(Op.VICMP, Type.V128, condition.ordinal(), shape.ordinal(), List.of(a, b));
    }

    public Value vfcmp(FloatCondition condition, LaneShape shape, Value a, Value b, Value environment) {
        return append(Op.VFCMP, Type.V128, condition.ordinal(), shape.ordinal(), List.of(a, b, environment));
    }

    /** The exception flags ({@link FloatEnvironment#INVALID}...) of {@code operation} on a and b. */
    public Value fexcept(FloatOperation operation, Value a, Value b, Value environment) {
        return append(Op.FEXCEPT, Type.I32, operation.ordinal(), 0, List.of(a, b, environment));
    }

    /** The exception flags of {@code operation} on every lane of a and b, or-ed together. */
    public Value vfexcept(FloatOperation operation, LaneShape shape, Value a, Value b, Value environment) {
        return append(Op.VFEXCEPT, Type.I32, operation.ordinal(), shape.ordinal(), List.of(a, b, environment));
    }

    /** A lane-wise float op ({@code vfadd}... {@code vfsqrt}) under the float environment. */
    public Value vfloat(Op op, LaneShape shape, Value environment, Value... operands) {
        List<Value> all = new java.util.ArrayList<>(List.of(operands));
        all.add(environment);
        return append(op, Type.V128, shape.ordinal(), 0, all);
    }

    /** Result byte i is byte {@code table[i]} of (a, b) (0..15 from a, 16..31 from b), or zero for 0xFF. */
    public Value vshuffle(Value a, Value b, byte[] table) {
        long low = 0;
        long high = 0;
        for (int i = 0; i < 8; i++) {
            low |= (table[i] & 0xFFL) << (8 * i);
            high |= (table[i + 8] & 0xFFL) << (8 * i);
        }
        return append(Op.VSHUFFLE, Type.V128, low, high, List.of(a, b));
    }

    /** Result byte i is byte {@code b[i] & 15} of a, or zero where the top bit of {@code b[i]} is set. */
    public Value vpermute(Value a, Value b) {
        return append(Op.VPERMUTE, Type.V128, 0, 0, List.of(a, b));
    }

    public Value vconvert(VectorConversion conversion, Value a, Value environment) {
        return append(Op.VCONVERT, Type.V128, conversion.ordinal(), 0, List.of(a, environment));
    }

    public Value flags(FlagsKind kind, Value... operands) {
        return append(Op.FLAGS, Type.FLAGS, kind.ordinal(), 0, List.of(operands));
    }

    public Value cond(FlagCondition condition, Value flags) {
        return append(Op.COND, Type.I1, condition.ordinal(), 0, List.of(flags));
    }

    public Value flag(Flag flag, Value flags) {
        return append(Op.FLAG_TEST, Type.I1, flag.ordinal(), 0, List.of(flags));
    }

    public Value flagsExplicit(Value bits) {
        return append(Op.FLAGS_EXPLICIT, Type.FLAGS, 0, 0, List.of(bits));
    }

    public Value flagsBits(Value flags) {
        return append(Op.FLAGS_BITS, Type.I64, 0, 0, List.of(flags));
    }

    public Value call(Helper helper, Value... operands) {
        declare(helper);
        return append(Op.CALL, helper.result(), helper.id(), 0, List.of(operands));
    }

    public void boundary(long guestPc, int length) {
        append(Op.BOUNDARY, Type.VOID, guestPc, length, List.of());
    }

    public Block jump(long target) {
        return finish(new Terminal.Jump(target));
    }

    public Block branch(Value condition, long taken, long notTaken) {
        return finish(new Terminal.Branch(condition, taken, notTaken));
    }

    public Block jumpIndirect(Value target) {
        return finish(new Terminal.JumpIndirect(target));
    }

    public Block exit(ExitReason reason, long next) {
        return finish(new Terminal.Exit(reason, next));
    }

    public Block raise(int vector, Optional<Value> errorCode) {
        return finish(new Terminal.Raise(vector, errorCode));
    }

    /** Ends the block; the builder must not be used afterwards. */
    public Block finish(Terminal terminal) {
        for (Value v : terminal.uses()) {
            if (v.index() < 0 || v.index() >= size || types[v.index()] != v.type()) {
                throw new IllegalArgumentException("terminal operand " + v + " is not a value of this block");
            }
        }
        return new Block(
                pc,
                Arrays.copyOf(ops, size),
                Arrays.copyOf(types, size),
                Arrays.copyOf(argStart, size + 1),
                Arrays.copyOf(args, argCount),
                Arrays.copyOf(aux, 2 * size),
                helpers,
                terminal);
    }
}
