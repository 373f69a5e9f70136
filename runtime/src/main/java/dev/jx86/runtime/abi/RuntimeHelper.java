package dev.jx86.runtime.abi;

import dev.jx86.ir.Helper;
import java.util.BitSet;

/**
 * A helper as one definition: the descriptor that IR {@code call} ops carry and the body the tiers run. Lifters use
 * {@link #descriptor()}; the interpreter and the compiler find the body by the descriptor's id in {@link Helpers}.
 * A helper that reads or writes state may name the only slots it touches ({@code stateSlots}; null: any slot), so
 * that tier 1 writes back and reloads only those around the call (the x87 helpers touch only the x87 state).
 */
public record RuntimeHelper(Helper descriptor, HelperFunction body, BitSet stateSlots) {
    public RuntimeHelper {
        stateSlots = stateSlots == null ? null : (BitSet) stateSlots.clone();
    }

    public int id() {
        return descriptor.id();
    }

    /** The slots it touches, or null for any. */
    @Override
    public BitSet stateSlots() {
        return stateSlots == null ? null : (BitSet) stateSlots.clone();
    }

    /** Whether the helper may read or write state slot {@code slot}. */
    public boolean touchesSlot(int slot) {
        return stateSlots == null || stateSlots.get(slot);
    }

    /** Whether the helper may read or write every slot of the state. */
    public boolean touchesAnySlot() {
        return stateSlots == null;
    }
}
