package dev.jx86.x86.lift;

import dev.jx86.ir.Block;
import dev.jx86.ir.ExitReason;
import dev.jx86.ir.FlagCondition;
import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.CoreHelpers;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.RuntimeHelper;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.X87Helpers;
import dev.jx86.x86.decode.Immediate;
import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Memory;
import dev.jx86.x86.decode.Operand;
import dev.jx86.x86.decode.Register;
import dev.jx86.x86.decode.RelativeTarget;
import java.util.Optional;

/**
 * What a semantics handler lifts one instruction with: its operands read and written by size (partial registers
 * merge, 32-bit writes zero-extend), effective addresses, memory, flags, and the block's end.
 *
 * <p>State writes are held back until the instruction ends ({@link #finishInstruction()}), and reads see them: so
 * a handler may write registers in any order and still every op that can fault comes before the instruction's
 * first {@code set}, as precise faults require (docs/ir.md, "Boundaries and precise state").
 */
public final class LiftContext {
    private final IrBuilder b;
    private final CpuMode mode;
    private final Value[] pending = new Value[StateLayout.SIZE];
    private final int[] pendingOrder = new int[StateLayout.SIZE];
    private int pendingCount;
    private Instruction insn;
    private Block block;
    private final Memory[] addressedOperands = new Memory[2];
    private final Value[] addresses = new Value[2];
    private boolean mmxInstruction;
    private boolean afterMmxInstruction;

    LiftContext(IrBuilder builder, CpuMode mode) {
        this.b = builder;
        this.mode = mode;
    }

    void begin(Instruction instruction) {
        afterMmxInstruction = mmxInstruction;
        mmxInstruction = false;
        insn = instruction;
        addressedOperands[0] = addressedOperands[1] = null;
        if (instruction.prefixes().fwait()) {
            // The decoder joins an FWAIT to the x87 instruction after it (as objdump prints them); they are two
            // instructions, each with its own address for its faults: FWAIT's #MF, then the x87 instruction's.
            b.boundary(instruction.address(), 1);
            b.call(X87Helpers.WAIT.descriptor());
            b.boundary(instruction.address() + 1, instruction.length() - 1);
            return;
        }
        b.boundary(instruction.address(), instruction.length());
    }

    /** Starts bytes that are no instruction (they raise an exception). */
    void begin(long address, int length) {
        afterMmxInstruction = mmxInstruction = false;
        insn = null;
        b.boundary(address, length);
    }

    /** Marks this instruction as an MMX instruction that leaves TOP 0, every tag valid and no x87 exception pending. */
    void markMmxInstruction() {
        mmxInstruction = true;
    }

    /** Whether the previous instruction of this block was one {@link #markMmxInstruction} marked. */
    boolean afterMmxInstruction() {
        return afterMmxInstruction;
    }

    /** The builder, for ops this class has no shorthand for. */
    public IrBuilder ir() {
        return b;
    }

    public Instruction insn() {
        return insn;
    }

    public CpuMode mode() {
        return mode;
    }

    public boolean is64() {
        return mode == CpuMode.LONG_64;
    }

    /** The address of the next instruction. */
    public long next() {
        return insn.nextAddress();
    }

    /** The block, once a terminal ended it. */
    Block block() {
        return block;
    }

    boolean ended() {
        return block != null;
    }

    // ---- types and constants

    /** The integer type of {@code bytes} bytes (1, 2, 4, 8). */
    public static Type type(int bytes) {
        return switch (bytes) {
            case 1 -> Type.I8;
            case 2 -> Type.I16;
            case 4 -> Type.I32;
            case 8 -> Type.I64;
            case 16 -> Type.V128;
            default -> throw new IllegalArgumentException("no integer type of " + bytes + " bytes");
        };
    }

    /** The type of the instruction's effective operand size. */
    public Type operandType() {
        return type(insn.operandSize());
    }

    public Value constant(Type type, long value) {
        return b.constant(type, value);
    }

    public Value i64(long value) {
        return b.constant(Type.I64, value);
    }

    public Value i8(long value) {
        return b.constant(Type.I8, value);
    }

    /** {@code v} zero-extended or truncated to {@code type}. */
    public Value resize(Value v, Type type) {
        if (v.type() == type) {
            return v;
        }
        return b.convert(v.type().bits() < type.bits() ? Op.ZEXT : Op.TRUNC, type, v);
    }

    /** {@code v} sign-extended or truncated to {@code type}. */
    public Value resizeSigned(Value v, Type type) {
        if (v.type() == type) {
            return v;
        }
        return b.convert(v.type().bits() < type.bits() ? Op.SEXT : Op.TRUNC, type, v);
    }

    // ---- state slots (held back until the instruction ends)

    /** Reads slot {@code slot} as {@code type}, seeing this instruction's own earlier writes. */
    public Value get(Type type, int slot) {
        Value v = pending[slot];
        if (v != null) {
            if (v.type() != type) {
                throw new IllegalStateException("slot " + slot + " read as " + type + " after a write of " + v.type());
            }
            return v;
        }
        return b.get(type, slot);
    }

    /** Writes slot {@code slot} when the instruction ends. */
    public void set(int slot, Value value) {
        if (pending[slot] == null) {
            pendingOrder[pendingCount++] = slot;
        }
        pending[slot] = value;
    }

    /** Emits this instruction's held-back state writes. */
    void finishInstruction() {
        for (int k = 0; k < pendingCount; k++) {
            int slot = pendingOrder[k];
            b.set(slot, pending[slot]);
            pending[slot] = null;
        }
        pendingCount = 0;
    }

    /**
     * Commits this instruction's writes so far and starts a second boundary at the same instruction, so that a fault
     * in what follows reports this instruction with those writes done (MASKMOVQ's x87 state transition, which the
     * processor makes before its store can fault).
     */
    void commitAndContinue() {
        finishInstruction();
        b.boundary(insn.address(), insn.length());
    }

    /** Drops this instruction's held-back writes (it raises an exception instead). */
    private void discardInstruction() {
        for (int k = 0; k < pendingCount; k++) {
            pending[pendingOrder[k]] = null;
        }
        pendingCount = 0;
    }

    // ---- general-purpose registers

    /** Full 64-bit register {@code number}. */
    public Value gpr64(int number) {
        return get(Type.I64, StateLayout.gpr(number));
    }

    /** Register {@code r} (any GPR size) as a value of its size. */
    public Value read(Register r) {
        return switch (r.kind()) {
            case GPR64 -> gpr64(r.number());
            case GPR32, GPR16, GPR8 -> b.convert(Op.TRUNC, type(r.size()), gpr64(r.number()));
            case GPR8_HIGH -> b.extract(Type.I8, gpr64(r.number() - 4), 8);
            case XMM -> get(Type.V128, StateLayout.xmm(r.number()));
            case MMX -> get(Type.I64, StateLayout.fpr(r.number()));
            case SEGMENT -> resize(get(Type.I64, StateLayout.segment(r.number())), Type.I16);
            default -> throw new UnsupportedOperationException("register " + r.text() + " is not lifted");
        };
    }

    /** Writes register {@code r} with x86's partial-register rules: 8/16-bit writes merge, 32-bit zero-extend. */
    public void write(Register r, Value v) {
        switch (r.kind()) {
            case GPR64 -> set(StateLayout.gpr(r.number()), v);
            case GPR32 -> set(StateLayout.gpr(r.number()), resize(v, Type.I64));
            case GPR16, GPR8 -> set(StateLayout.gpr(r.number()), b.insert(gpr64(r.number()), v, 0));
            case GPR8_HIGH -> {
                int n = r.number() - 4;
                set(StateLayout.gpr(n), b.insert(gpr64(n), v, 8));
            }
            case XMM -> set(StateLayout.xmm(r.number()), v);
            case MMX -> {
                // MMn is the significand of physical register Rn; a write sets Rn's sign and exponent to all ones
                // (SDM Vol. 1 9.5.1). TOP and the tags are the MMX instruction's (MmxOperands).
                set(StateLayout.fpr(r.number()), resize(v, Type.I64));
                set(StateLayout.fpr(r.number()) + 1, b.constant(Type.I64, 0xffff));
            }
            default -> throw new UnsupportedOperationException("register " + r.text() + " is not written here");
        }
    }

    /**
     * Writes register {@code r} only if {@code condition} (an i1) holds: with the condition false the whole 64-bit
     * register keeps its value, even for a 32-bit write (CMPXCHG's accumulator, BSF with a zero source).
     */
    public void writeIf(Register r, Value condition, Value v) {
        int n = r.kind() == Register.Kind.GPR8_HIGH ? r.number() - 4 : r.number();
        Value old = gpr64(n);
        write(r, v);
        set(StateLayout.gpr(n), b.select(condition, gpr64(n), old));
    }

    /** The general-purpose register of {@code bytes} size and number {@code number} (for implicit operands). */
    public Register gpr(int bytes, int number) {
        return Register.gpr(bytes, number, true);
    }

    // ---- operands

    /** Operand {@code i} as a value of its own size (memory is loaded, immediates become constants). */
    public Value read(int i) {
        return read(insn.operand(i), operandBytes(insn.operand(i)));
    }

    /** Operand {@code i} read as {@code bytes} bytes (an immediate is sign-extended to it). */
    public Value read(int i, int bytes) {
        return read(insn.operand(i), bytes);
    }

    private Value read(Operand op, int bytes) {
        return switch (op) {
            case Register r -> resize(read(r), type(bytes));
            case Memory m -> b.load(type(bytes), address(m));
            case Immediate imm -> b.constant(type(bytes), imm.value());
            case RelativeTarget t -> b.constant(type(bytes), t.target());
            default -> throw new UnsupportedOperationException("operand " + op + " is not lifted");
        };
    }

    /** Writes operand {@code i} (a register or memory) with {@code v}. */
    public void write(int i, Value v) {
        switch (insn.operand(i)) {
            case Register r -> write(r, v);
            case Memory m -> b.store(address(m), v);
            default -> throw new IllegalArgumentException("operand " + i + " of " + insn + " is not writable");
        }
    }

    /** The size in bytes of operand {@code i}. */
    public int operandBytes(int i) {
        return operandBytes(insn.operand(i));
    }

    private int operandBytes(Operand op) {
        return switch (op) {
            case Register r -> r.size();
            case Memory m -> m.size() != 0 ? m.size() : insn.operandSize();
            case Immediate imm -> imm.size();
            default -> insn.operandSize();
        };
    }

    public boolean isMemory(int i) {
        return insn.operand(i) instanceof Memory;
    }

    public Memory memory(int i) {
        return (Memory) insn.operand(i);
    }

    // ---- addresses

    /**
     * The linear address of {@code m}: segment base + base + index*scale + displacement, wrapped to its size. An
     * instruction computes each memory operand's address once, from the registers as they were when it was first
     * asked for: a read-modify-write whose register operand is also its base ({@code xadd [rax], rax}) stores where
     * it loaded, and POP's destination, computed only after the pop, sees the incremented stack pointer.
     */
    public Value address(Memory m) {
        for (int k = 0; k < addressedOperands.length; k++) {
            if (addressedOperands[k] == m) {
                return addresses[k];
            }
        }
        Value a = withSegmentBase(m.segment(), resize(effectiveAddress(m), Type.I64));
        for (int k = 0; k < addressedOperands.length; k++) {
            if (addressedOperands[k] == null) {
                addressedOperands[k] = m;
                addresses[k] = a;
                break;
            }
        }
        return a;
    }

    /** The offset of {@code m} within its segment (LEA's result), of the address size's type. */
    public Value effectiveAddress(Memory m) {
        Type size = type(m.addressSize());
        Value ea;
        if (m.ripRelative()) {
            ea = b.constant(size, insn.nextAddress() + m.displacement());
        } else {
            ea = null;
            if (m.base() != null) {
                ea = resize(read(m.base()), size);
            }
            if (m.index() != null && m.index().kind() != Register.Kind.ZERO_INDEX) {
                Value index = resize(read(m.index()), size);
                if (m.scale() > 1) {
                    index = b.binary(Op.SHL, index, i8(Integer.numberOfTrailingZeros(m.scale())));
                }
                ea = ea == null ? index : b.add(ea, index);
            }
            if (ea == null) {
                ea = b.constant(size, m.displacement());
            } else if (m.displacement() != 0) {
                ea = b.add(ea, b.constant(size, m.displacement()));
            }
        }
        return ea;
    }

    /** {@code offset} (already wrapped to the address size) plus the base of {@code segment}. */
    public Value withSegmentBase(Register segment, Value offset) {
        int baseSlot = segment == Register.FS ? StateLayout.FS_BASE : segment == Register.GS ? StateLayout.GS_BASE : -1;
        if (baseSlot < 0) {
            return offset;
        }
        Value linear = b.add(offset, get(Type.I64, baseSlot));
        return is64() ? linear : resize(resize(linear, Type.I32), Type.I64);
    }

    // ---- memory

    public Value load(Type type, Value address) {
        return b.load(type, address);
    }

    public void store(Value address, Value value) {
        b.store(address, value);
    }

    // ---- the stack

    /** Bytes a push or pop moves in this mode at operand size {@code bytes}: 64-bit mode pushes 8 unless 66. */
    public Type stackType() {
        return type(insn.operandSize());
    }

    /** RSP, or ESP zero-extended in 32-bit mode. */
    public Value stackPointer() {
        return is64() ? gpr64(StateLayout.RSP) : resize(read(Register.ESP), Type.I64);
    }

    /** Writes the stack pointer: all of RSP in 64-bit mode, ESP (zero-extending) in 32-bit mode. */
    public void stackPointer(Value sp) {
        if (is64()) {
            set(StateLayout.gpr(StateLayout.RSP), sp);
        } else {
            write(Register.ESP, resize(sp, Type.I32));
        }
    }

    private Value wrapAddress(Value a) {
        return is64() ? a : resize(resize(a, Type.I32), Type.I64);
    }

    /** Pushes {@code v} (its own size): stores below the stack pointer, then moves it. */
    public void push(Value v) {
        Value sp = wrapAddress(b.sub(stackPointer(), i64(v.type().bits() / 8)));
        b.store(sp, v);
        stackPointer(sp);
    }

    /** Pops a value of {@code type}. */
    public Value pop(Type type) {
        Value sp = stackPointer();
        Value v = b.load(type, sp);
        stackPointer(wrapAddress(b.add(sp, i64(type.bits() / 8))));
        return v;
    }

    // ---- flags

    /** The six status flags as a flags value. */
    public Value flags() {
        return get(Type.FLAGS, StateLayout.FLAGS);
    }

    public void flags(Value flags) {
        set(StateLayout.FLAGS, flags);
    }

    /** Whether condition {@code cc} holds on the current flags. */
    public Value condition(FlagCondition cc) {
        return b.cond(cc, flags());
    }

    // ---- helpers

    public Value call(RuntimeHelper helper, Value... args) {
        return b.call(helper.descriptor(), args);
    }

    /** Raises guest exception {@code vector} at this instruction if {@code condition} (an i1) holds. */
    public void raiseIf(Value condition, int vector) {
        call(CoreHelpers.RAISE_IF, condition, constant(Type.I32, vector));
    }

    /** Raises guest exception {@code vector} at this instruction if {@code bits} (an i32) are not 0. */
    public void raiseIfAny(Value bits, int vector) {
        call(CoreHelpers.RAISE_IF_ANY, bits, constant(Type.I32, vector));
    }

    /** Raises guest exception {@code vector} with error code {@code code} at this instruction if {@code condition}. */
    public void raiseIf(Value condition, int vector, int code) {
        call(CoreHelpers.RAISE_CODE_IF, condition, constant(Type.I32, vector), constant(Type.I32, code));
    }

    // ---- ending the block

    public void jump(long target) {
        finishInstruction();
        block = b.jump(target);
    }

    public void branch(Value condition, long taken, long notTaken) {
        finishInstruction();
        block = b.branch(condition, taken, notTaken);
    }

    public void jumpIndirect(Value target) {
        finishInstruction();
        block = b.jumpIndirect(target);
    }

    /** Ends the block with an exit to the dispatcher, resuming at {@code next}. */
    public void exit(ExitReason reason, long next) {
        finishInstruction();
        block = b.exit(reason, next);
    }

    /** Raises guest exception {@code vector} at this instruction; nothing it computed is kept. */
    public void raise(int vector) {
        discardInstruction();
        block = b.raise(vector, Optional.empty());
    }

    /** Raises guest exception {@code vector} with error code {@code code} at this instruction. */
    public void raise(int vector, int code) {
        discardInstruction();
        block = b.raise(vector, Optional.of(b.constant(Type.I32, code)));
    }
}
