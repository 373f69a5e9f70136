package dev.jx86.runtime.profile;

import java.util.Locale;

/** Why guest execution left translated code for the runtime, as a profile counts it. */
public enum ExitKind {
    /** A system call, serviced by the Linux personality; its time is the service time. */
    SYSCALL,
    /** A page fault (#PF) the guest took. */
    PAGE_FAULT,
    /** Any other exception raised by guest code (#UD, #DE, #GP, INT n...). */
    EXCEPTION,
    /** HLT. */
    HALT,
    /** A stop requested from outside the CPU (another thread, an invalidation). */
    STOP_REQUEST,
    /** A translation-cache miss: the block was decoded, lifted and optimized; its time is the translation time. */
    TRANSLATION,
    /** A write to a page holding translated code: its translations were invalidated. */
    CODE_WRITE,
    /** A software-TLB miss (or a page-crossing access) that took the slow path of guest memory. */
    TLB_MISS;

    /** The name in reports and JSON: {@code page_fault}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
