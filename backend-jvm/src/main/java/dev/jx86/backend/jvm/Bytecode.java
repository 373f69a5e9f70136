package dev.jx86.backend.jvm;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * The text form of a generated class (ASM's {@link Textifier}, as {@code javap -c} shows it): what {@code -d out_asm}
 * logs. Deterministic: it names no host address.
 */
final class Bytecode {
    private Bytecode() {}

    static String text(RegionEmitter.Emitted emitted) {
        return text(emitted.bytes());
    }

    static String text(byte[] classFile) {
        StringWriter out = new StringWriter();
        new ClassReader(classFile).accept(new TraceClassVisitor(null, new Textifier(), new PrintWriter(out)), 0);
        return out.toString();
    }
}
