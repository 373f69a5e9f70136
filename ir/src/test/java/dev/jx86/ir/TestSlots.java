package dev.jx86.ir;

import dev.jx86.ir.text.SlotNames;
import java.util.HashMap;
import java.util.Map;

/** Slot names and types used by the IR's tests: sixteen x86-style registers, flags and vector registers. */
public final class TestSlots {
    public static final int RAX = 0;
    public static final int RCX = 1;
    public static final int RDX = 2;
    public static final int RBX = 3;
    public static final int FLAGS = 16;
    public static final int XMM0 = 32;

    private static final String[] GPRS = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"
    };

    private TestSlots() {}

    public static SlotNames names() {
        Map<Integer, String> names = new HashMap<>();
        for (int i = 0; i < GPRS.length; i++) {
            names.put(i, GPRS[i]);
        }
        names.put(FLAGS, "flags");
        names.put(FLAGS + 1, "saved_flags");
        for (int i = 0; i < 16; i++) {
            names.put(XMM0 + i, "xmm" + i);
        }
        return SlotNames.of(names);
    }
}
