package dev.jx86.runtime.profile;

import java.util.Locale;

/** What a CPU's thread is doing when its stack is sampled. */
public enum Phase {
    /** Running guest code, interpreted or compiled. */
    GUEST,
    /** Translating guest code (a translation-cache miss on the guest's thread). */
    TRANSLATION,
    /** In the runtime between an exit and the next run: a system call, a fault. */
    RUNTIME;

    /** The name of the flame view's leaf for samples in this phase: {@code [translation]}. */
    public String frameName() {
        return "[" + name().toLowerCase(Locale.ROOT) + "]";
    }
}
