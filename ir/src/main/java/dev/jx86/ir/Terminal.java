package dev.jx86.ir;

import java.util.List;
import java.util.Optional;

/** How a block ends: where guest execution continues, or why it leaves translated code. */
public sealed interface Terminal {
    /** The values the terminal reads. */
    List<Value> uses();

    /** Continue at a constant guest pc. */
    record Jump(long target) implements Terminal {
        public List<Value> uses() {
            return List.of();
        }
    }

    /** Continue at {@code taken} if the I1 {@code condition} is 1, else at {@code notTaken}. */
    record Branch(Value condition, long taken, long notTaken) implements Terminal {
        public List<Value> uses() {
            return List.of(condition);
        }
    }

    /** Continue at the guest pc held in an I64 value. */
    record JumpIndirect(Value target) implements Terminal {
        public List<Value> uses() {
            return List.of(target);
        }
    }

    /** Return to the dispatcher for {@code reason}; execution resumes at {@code next} afterwards. */
    record Exit(ExitReason reason, long next) implements Terminal {
        public List<Value> uses() {
            return List.of();
        }
    }

    /**
     * Raise guest exception {@code vector} (0..255), with an optional I32 error code, at the current instruction:
     * the one whose boundary is the last in the block. The state is the one committed at that boundary.
     */
    record Raise(int vector, Optional<Value> errorCode) implements Terminal {
        public List<Value> uses() {
            return errorCode.map(List::of).orElse(List.of());
        }
    }
}
