package dev.jx86.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The agreement floors in {@code decoder-agreement.properties}: per suite, the least percentage of
 * boundaries and texts that must agree. Raise them as the tables fill up; never lower them silently.
 */
final class Ratchet {
    private final Properties floors = new Properties();

    Ratchet() {
        try (InputStream in = Ratchet.class.getResourceAsStream("/decoder-agreement.properties")) {
            if (in == null) {
                throw new IllegalStateException("decoder-agreement.properties is missing from the test resources");
            }
            floors.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double floor(String suite, String what) {
        String value = floors.getProperty(suite + "." + what);
        if (value == null) {
            throw new IllegalStateException("decoder-agreement.properties has no " + suite + "." + what);
        }
        return Double.parseDouble(value);
    }
}
