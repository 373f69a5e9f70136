package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.Op;
import dev.jx86.ir.Type;
import dev.jx86.runtime.abi.FlagsState;
import dev.jx86.runtime.abi.StateLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;

/**
 * The guest state of a region in JVM locals: every slot the region reads or writes (except RIP, which the runtime
 * owns) in a {@code long} local loaded on entry, the written ones stored back to {@code cpu.state} on the way out.
 * When the region writes FLAGS, the slot is kept lazily instead: a code for the last {@code flags.K} written (its
 * kind and width, or -1 for plain bits) and up to four operands, whose bits {@code gen.Support.flags} computes only
 * when the slot is read; it goes back to the state as it is, in {@link FlagsState}'s lazy form, and comes in from
 * the state the same way.
 */
final class StateLocals implements Opcodes {
    private static final String FLAGS_STATE = "dev/jx86/runtime/abi/FlagsState";

    private final int stateLocal;
    /** The JVM local of each state slot kept in one, or -1. */
    private final int[] slotLocal = new int[StateLayout.SIZE];
    /** Slots the region writes (FLAGS excluded when it is lazy): stored back on the way out. */
    private final BitSet written = new BitSet();

    private final List<Integer> cachedSlots = new ArrayList<>();
    private final boolean lazyFlags;
    private final int flagsCodeLocal;
    private final int flagsOperandLocal;
    /** What the lazy FLAGS locals hold at the point being emitted, as {@link KnownFlags} says. */
    private int knownFlags = KnownFlags.UNKNOWN;

    private final int end;

    /** The slots {@code blocks} use, in locals from {@code first} on; {@code stateLocal} holds {@code cpu.state}. */
    StateLocals(List<Block> blocks, int first, int stateLocal) {
        this.stateLocal = stateLocal;
        Arrays.fill(slotLocal, -1);
        BitSet used = new BitSet();
        for (Block block : blocks) {
            for (int i = 0; i < block.size(); i++) {
                Op op = block.op(i);
                int slot = (int) block.aux0(i);
                if ((op == Op.GET || op == Op.SET) && slot != StateLayout.RIP) {
                    Type t = op == Op.GET ? block.type(i) : block.type(block.arg(i, 0));
                    int width = t == Type.V128 ? 2 : 1;
                    used.set(slot, slot + width);
                    if (op == Op.SET) {
                        written.set(slot, slot + width);
                    }
                }
            }
        }
        lazyFlags = written.get(StateLayout.FLAGS);
        if (lazyFlags) {
            used.clear(StateLayout.FLAGS);
            written.clear(StateLayout.FLAGS);
        }
        int next = first;
        for (int slot = used.nextSetBit(0); slot >= 0; slot = used.nextSetBit(slot + 1)) {
            slotLocal[slot] = next;
            cachedSlots.add(slot);
            next += 2;
        }
        flagsCodeLocal = next;
        flagsOperandLocal = next + 1; // four longs
        end = next + 9;
    }

    /** The first local after these. */
    int end() {
        return end;
    }

    /** Whether FLAGS is kept lazily. */
    boolean lazyFlags() {
        return lazyFlags;
    }

    /** On entry: every local assigned (the lazy operands read on every path), then the slots loaded. */
    void initialize(Asm asm) {
        if (lazyFlags) {
            for (int k = 1; k < 4; k++) {
                asm.mv.visitInsn(LCONST_0);
                asm.storeLong(flagsOperandLocal + 2 * k);
            }
        }
        load(asm);
    }

    /**
     * Every slot from {@code cpu.state} into its local. FLAGS, which the state may hold in {@link FlagsState}'s lazy
     * form: into the lazy locals as it is when the region writes FLAGS (so that it stays unevaluated if the region
     * overwrites it first), else evaluated.
     */
    void load(Asm asm) {
        load(asm, slot -> true);
    }

    /** As {@link #load(Asm)}, only the slots in {@code slots}. */
    void load(Asm asm, IntPredicate slots) {
        for (int slot : cachedSlots) {
            if (!slots.test(slot)) {
                continue;
            }
            if (slot == StateLayout.FLAGS) {
                asm.mv.visitVarInsn(ALOAD, stateLocal);
                asm.invokeStatic(FLAGS_STATE, "bits", "([J)J");
            } else {
                stateLoad(asm, slot);
            }
            asm.storeLong(slotLocal[slot]);
        }
        if (lazyFlags && slots.test(StateLayout.FLAGS)) {
            knownFlags = KnownFlags.UNKNOWN;
            Label eager = new Label();
            Label done = new Label();
            stateLoad(asm, StateLayout.FLAGS);
            asm.mv.visitInsn(DUP2);
            asm.storeLong(flagsOperandLocal);
            asm.mv.visitInsn(LCONST_0);
            asm.mv.visitInsn(LCMP);
            asm.mv.visitJumpInsn(IFGE, eager);
            asm.loadLong(flagsOperandLocal);
            asm.mv.visitInsn(L2I);
            asm.pushInt(0xffff);
            asm.mv.visitInsn(IAND);
            asm.mv.visitVarInsn(ISTORE, flagsCodeLocal);
            for (int k = 0; k < 4; k++) {
                stateLoad(asm, StateLayout.FLAGS_OPERANDS + k);
                asm.storeLong(flagsOperandLocal + 2 * k);
            }
            asm.mv.visitJumpInsn(GOTO, done);
            asm.mv.visitLabel(eager);
            asm.mv.visitInsn(ICONST_M1);
            asm.mv.visitVarInsn(ISTORE, flagsCodeLocal);
            asm.mv.visitLabel(done);
        }
    }

    /** Every written slot from its local back to {@code cpu.state}. */
    void writeBack(Asm asm) {
        writeBack(asm, slot -> true);
    }

    /** As {@link #writeBack(Asm)}, only the slots in {@code slots}. */
    void writeBack(Asm asm, IntPredicate slots) {
        for (int slot = written.nextSetBit(0); slot >= 0; slot = written.nextSetBit(slot + 1)) {
            int s = slot;
            if (slots.test(slot)) {
                stateStore(asm, slot, () -> asm.loadLong(slotLocal[s]));
            }
        }
        if (lazyFlags && slots.test(StateLayout.FLAGS)) {
            writeBackFlags(asm);
        }
    }

    /** FLAGS back to the state as it is kept: the bits, or the last flags op in {@link FlagsState}'s lazy form. */
    private void writeBackFlags(Asm asm) {
        Label bits = new Label();
        Label done = new Label();
        asm.mv.visitVarInsn(ILOAD, flagsCodeLocal);
        asm.mv.visitJumpInsn(IFLT, bits);
        stateStore(asm, StateLayout.FLAGS, () -> {
            asm.mv.visitVarInsn(ILOAD, flagsCodeLocal);
            asm.mv.visitInsn(I2L);
            asm.pushLong(FlagsState.LAZY);
            asm.mv.visitInsn(LOR);
        });
        for (int k = 0; k < 4; k++) {
            int local = flagsOperandLocal + 2 * k;
            stateStore(asm, StateLayout.FLAGS_OPERANDS + k, () -> asm.loadLong(local));
        }
        asm.mv.visitJumpInsn(GOTO, done);
        asm.mv.visitLabel(bits);
        stateStore(asm, StateLayout.FLAGS, () -> asm.loadLong(flagsOperandLocal));
        asm.mv.visitLabel(done);
    }

    /** Pushes slot {@code slot} (lazy FLAGS as its bits). */
    void push(Asm asm, int slot) {
        if (lazyFlags && slot == StateLayout.FLAGS) {
            pushFlags(asm);
        } else if (slotLocal[slot] >= 0) {
            asm.loadLong(slotLocal[slot]);
        } else {
            stateLoad(asm, slot);
        }
    }

    /** Slot {@code slot} := the long {@code pushValue} pushes (not lazy FLAGS: see {@link #keepFlags}). */
    void store(Asm asm, int slot, Runnable pushValue) {
        if (slotLocal[slot] >= 0) {
            pushValue.run();
            asm.storeLong(slotLocal[slot]);
        } else {
            stateStore(asm, slot, pushValue);
        }
    }

    /** A block starts here whose FLAGS locals hold {@code known} ({@link KnownFlags}) on every way in. */
    void enterBlock(int known) {
        knownFlags = known;
    }

    /**
     * Pushes the lazily kept FLAGS as {@code FlagsSemantics.bits(int, ...)} and its one-flag functions take it: the
     * code (a constant where {@link KnownFlags} knows it) and the four operands.
     */
    void pushKeptFlags(Asm asm) {
        if (knownFlags != KnownFlags.UNKNOWN) {
            asm.pushInt(knownFlags);
        } else {
            asm.mv.visitVarInsn(ILOAD, flagsCodeLocal);
        }
        for (int k = 0; k < 4; k++) {
            asm.loadLong(flagsOperandLocal + 2 * k);
        }
    }

    /** Lazy FLAGS := {@code flags.K} with {@code code} (see FlagsLowering.flagsCode), its operands pushed one by one. */
    void keepFlags(Asm asm, int code, int operands, IntConsumer pushOperand) {
        knownFlags = code;
        asm.pushInt(code);
        asm.mv.visitVarInsn(ISTORE, flagsCodeLocal);
        for (int k = 0; k < operands; k++) {
            pushOperand.accept(k);
            asm.storeLong(flagsOperandLocal + 2 * k);
        }
    }

    /** Lazy FLAGS := the bits {@code pushBits} pushes. */
    void keepFlagBits(Asm asm, Runnable pushBits) {
        knownFlags = KnownFlags.BITS;
        asm.mv.visitInsn(ICONST_M1);
        asm.mv.visitVarInsn(ISTORE, flagsCodeLocal);
        pushBits.run();
        asm.storeLong(flagsOperandLocal);
    }

    /**
     * Pushes the bits of the lazily kept FLAGS slot: as they are, or computed from the kept op, by its kind's own
     * method where the kind is known here, else by a dispatch on the code local.
     */
    private void pushFlags(Asm asm) {
        if (knownFlags == KnownFlags.BITS) {
            asm.loadLong(flagsOperandLocal);
            return;
        }
        if (knownFlags != KnownFlags.UNKNOWN) {
            FlagsKind kind = FlagsKind.values()[knownFlags >>> 8];
            int operands = kind.operands().size();
            asm.pushInt(knownFlags & 0xff);
            for (int k = 0; k < operands; k++) {
                asm.loadLong(flagsOperandLocal + 2 * k);
            }
            FlagsLowering.invokeKind(asm, kind);
            return;
        }
        Label bits = new Label();
        Label done = new Label();
        asm.mv.visitVarInsn(ILOAD, flagsCodeLocal);
        asm.mv.visitJumpInsn(IFLT, bits);
        asm.mv.visitVarInsn(ILOAD, flagsCodeLocal);
        for (int k = 0; k < 4; k++) {
            asm.loadLong(flagsOperandLocal + 2 * k);
        }
        asm.invokeStatic(RegionEmitter.PACKAGE + "Support", "flags", "(IJJJJ)J");
        asm.mv.visitJumpInsn(GOTO, done);
        asm.mv.visitLabel(bits);
        asm.loadLong(flagsOperandLocal);
        asm.mv.visitLabel(done);
    }

    private void stateLoad(Asm asm, int slot) {
        asm.mv.visitVarInsn(ALOAD, stateLocal);
        asm.pushInt(slot);
        asm.mv.visitInsn(LALOAD);
    }

    private void stateStore(Asm asm, int slot, Runnable pushValue) {
        asm.mv.visitVarInsn(ALOAD, stateLocal);
        asm.pushInt(slot);
        pushValue.run();
        asm.mv.visitInsn(LASTORE);
    }
}
