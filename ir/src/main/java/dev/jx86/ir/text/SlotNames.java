package dev.jx86.ir.text;

import java.util.HashMap;
import java.util.Map;

/**
 * Names the state slots in IR text. The IR does not know what a slot means; its user (the runtime's state layout)
 * supplies names, and any slot without one is written {@code s<number>}.
 */
public interface SlotNames {
    /** The name of {@code slot}. */
    String name(int slot);

    /** The slot called {@code name}, or -1. */
    int slot(String name);

    /** Names every slot {@code s<number>}. */
    static SlotNames numbered() {
        return of(Map.of());
    }

    /** Names the slots in {@code names}; the others are {@code s<number>}. */
    static SlotNames of(Map<Integer, String> names) {
        Map<String, Integer> slots = new HashMap<>();
        names.forEach((slot, name) -> slots.put(name, slot));
        return new SlotNames() {
            @Override
            public String name(int slot) {
                return names.getOrDefault(slot, "s" + slot);
            }

            @Override
            public int slot(String name) {
                Integer slot = slots.get(name);
                if (slot != null) {
                    return slot;
                }
                if (name.matches("s[0-9]{1,5}")) {
                    return Integer.parseInt(name.substring(1));
                }
                return -1;
            }
        };
    }
}
