package dev.jx86.x86.lift;

import dev.jx86.x86.decode.Mnemonic;
import java.util.EnumMap;
import java.util.Map;

/** The one map from mnemonic to handler; each semantics class registers its mnemonics here, each exactly once. */
public final class HandlerTable {
    private final Map<Mnemonic, Handler> handlers = new EnumMap<>(Mnemonic.class);

    HandlerTable() {}

    /** Registers {@code handler} for {@code mnemonics}. */
    public void on(Handler handler, Mnemonic... mnemonics) {
        for (Mnemonic m : mnemonics) {
            if (handlers.putIfAbsent(m, handler) != null) {
                throw new IllegalStateException("two handlers for " + m);
            }
        }
    }

    /** The handler of {@code m}, or null if it is not lifted (the instruction raises #UD). */
    public Handler get(Mnemonic m) {
        return handlers.get(m);
    }

    public Map<Mnemonic, Handler> asMap() {
        return Map.copyOf(handlers);
    }
}
