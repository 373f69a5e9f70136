package dev.jx86.runtime.linux;

import java.io.Serial;

/** A program jx86 cannot run (not x86, dynamically linked, malformed); the message is one line for the user. */
public final class ProgramLoadException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public ProgramLoadException(String message) {
        super(message);
    }
}
