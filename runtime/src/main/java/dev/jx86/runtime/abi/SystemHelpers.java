package dev.jx86.runtime.abi;

import static dev.jx86.runtime.abi.Helpers.define;

import dev.jx86.ir.Effect;
import dev.jx86.ir.Type;
import java.util.List;
import java.util.Set;

/** Helpers for segment and system state. Ids 400-499. */
public final class SystemHelpers {
    private SystemHelpers() {}

    /**
     * {@code load_segment(segment, selector)}: loads a data segment register (ES 0 ... GS 5, not CS) at CPL 3: the
     * selector goes to its slot and, for FS and GS, the descriptor's base to FS_BASE/GS_BASE. A selector user code
     * may not load raises #GP(selector) before anything changes. Loading SS with a null selector is #GP(0) too.
     */
    public static final RuntimeHelper LOAD_SEGMENT = define(
            400,
            "load_segment",
            List.of(Type.I32, Type.I32),
            Type.VOID,
            Set.of(Effect.READS_STATE, Effect.WRITES_STATE, Effect.MAY_FAULT),
            (cpu, args) -> {
                int segment = (int) args[0];
                int selector = (int) args[1] & 0xffff;
                if (segment == 2 && selector >>> 3 == 0) {
                    throw new GuestFault(Vectors.GP, 0, 0);
                }
                long base = cpu.descriptors.baseOf(selector);
                cpu.state[StateLayout.segment(segment)] = selector;
                if (segment == 4) {
                    cpu.state[StateLayout.FS_BASE] = base;
                } else if (segment == 5) {
                    cpu.state[StateLayout.GS_BASE] = base;
                }
                return 0;
            });

    static List<RuntimeHelper> all() {
        return List.of(LOAD_SEGMENT);
    }
}
