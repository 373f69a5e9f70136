package dev.jx86.runtime.linux;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Standard input, output and error for a guest process embedded in a Java program (or a test) instead of the JVM's
 * own: the guest sees them as pipes (no terminal). Writes go straight through, unbuffered by jx86.
 */
public record Stdio(InputStream in, OutputStream out, OutputStream err) {}
