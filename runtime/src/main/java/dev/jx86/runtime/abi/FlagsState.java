package dev.jx86.runtime.abi;

import dev.jx86.ir.FlagsKind;
import dev.jx86.ir.eval.FlagsSemantics;

/**
 * The FLAGS slot as code leaves it: either the six status flags, or — when compiled code left a region while its
 * flags were still the unevaluated result of the last flag-setting operation — that operation, to be evaluated only
 * if somebody reads the flags. Most code that follows overwrites the flags without reading them (a {@code cmp}
 * before the {@code jcc}), so a region exit costs five stores instead of computing six flags (docs/jvm-tier.md).
 *
 * <p>Lazy form: bit 63 of the FLAGS slot set, its low 16 bits the operation's code ({@link FlagsSemantics#code}: the
 * {@link FlagsKind} ordinal shifted left by 8, or'ed with the width in bits), its operands in the four slots from {@link StateLayout#FLAGS_OPERANDS} as
 * {@code flags.K} lists them (unused ones 0). Eager form: bit 63 clear, the flags in EFLAGS layout. Whoever reads
 * FLAGS from the state array goes through {@link #bits}, which turns the lazy form into the eager one.
 */
public final class FlagsState {
    private FlagsState() {}

    /** The FLAGS slot's marker of the lazy form. */
    public static final long LAZY = 1L << 63;

    /** The six flags of {@code state}, evaluating (and storing) them if the slot holds the lazy form. */
    public static long bits(long[] state) {
        long flags = state[StateLayout.FLAGS];
        if (flags >= 0) {
            return flags;
        }
        int code = (int) flags & 0xffff;
        int operands = StateLayout.FLAGS_OPERANDS;
        long bits = FlagsSemantics.bits(
                code, state[operands], state[operands + 1], state[operands + 2], state[operands + 3]);
        state[StateLayout.FLAGS] = bits;
        return bits;
    }

    /**
     * Leaves FLAGS in the eager form and the operand slots zero: the one form that two states with the same flags
     * have, for comparing states slot by slot ({@code --verify}, tests).
     */
    public static void settle(long[] state) {
        bits(state);
        for (int i = 0; i < 4; i++) {
            state[StateLayout.FLAGS_OPERANDS + i] = 0;
        }
    }
}
