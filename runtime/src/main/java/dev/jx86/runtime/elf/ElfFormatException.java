package dev.jx86.runtime.elf;

import java.io.IOException;

/** The bytes are not a well-formed little-endian ELF file; the message says what is wrong and where. */
public final class ElfFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ElfFormatException(String message) {
        super(message);
    }
}
