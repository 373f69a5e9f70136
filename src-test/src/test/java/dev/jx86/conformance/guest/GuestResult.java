package dev.jx86.conformance.guest;

import java.nio.charset.StandardCharsets;

/** What a finished guest run produced: its standard output and error, and its exit status (0-255). */
public record GuestResult(byte[] stdout, byte[] stderr, int status) {
    public GuestResult {
        stdout = stdout.clone();
        stderr = stderr.clone();
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /** Standard output byte for byte as text (ISO-8859-1, so that no byte is lost or merged). */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.ISO_8859_1);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.ISO_8859_1);
    }
}
