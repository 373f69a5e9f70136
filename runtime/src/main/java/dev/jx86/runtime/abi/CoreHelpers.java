package dev.jx86.runtime.abi;

import static dev.jx86.runtime.abi.Helpers.define;

import dev.jx86.ir.Effect;
import dev.jx86.ir.Type;
import java.util.List;
import java.util.Set;

/** Helpers every front end needs: conditional guest exceptions. Ids 1-99. */
public final class CoreHelpers {
    private CoreHelpers() {}

    /**
     * {@code raise_if(cond, vector)}: raises guest exception {@code vector} (no error code) when {@code cond} is 1.
     * For faults that depend on values (#DE on a zero divisor, #GP on a misaligned MOVAPS) in the middle of a block.
     */
    public static final RuntimeHelper RAISE_IF =
            define(1, "raise_if", List.of(Type.I1, Type.I32), Type.VOID, Set.of(Effect.MAY_FAULT), (cpu, args) -> {
                if (args[0] != 0) {
                    throw new GuestFault((int) args[1]);
                }
                return 0;
            });

    /**
     * {@code raise_code_if(cond, vector, code)}: as {@link #RAISE_IF} with an error code (#GP(0) on a misaligned
     * SSE access, for example).
     */
    public static final RuntimeHelper RAISE_CODE_IF = define(
            2,
            "raise_code_if",
            List.of(Type.I1, Type.I32, Type.I32),
            Type.VOID,
            Set.of(Effect.MAY_FAULT),
            (cpu, args) -> {
                if (args[0] != 0) {
                    throw new GuestFault((int) args[1], args[2], 0);
                }
                return 0;
            });

    /**
     * {@code raise_if_any(bits, vector)}: raises guest exception {@code vector} when the i32 {@code bits} are not 0.
     * For an SSE instruction's unmasked exception flags (#XM), which need no compare to a 0/1 condition first.
     */
    public static final RuntimeHelper RAISE_IF_ANY =
            define(3, "raise_if_any", List.of(Type.I32, Type.I32), Type.VOID, Set.of(Effect.MAY_FAULT), (cpu, args) -> {
                if (args[0] != 0) {
                    throw new GuestFault((int) args[1]);
                }
                return 0;
            });

    static List<RuntimeHelper> all() {
        return List.of(RAISE_IF, RAISE_CODE_IF, RAISE_IF_ANY);
    }
}
