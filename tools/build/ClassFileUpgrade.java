import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites, in place, the class files of a jar that are older than Java 6 (class-file version 49 or lower) as version
 * 52 with the stack map frames ASM computes; the bytecode itself is left as it is. The build runs it on the launcher's
 * copy of picocli, compiled for Java 5: the JDK's AOT cache holds no class it cannot verify when the cache is made, so
 * an old class is read from the jar and checked by the old verifier on every start (docs/performance.md, "Start-up").
 * A jar with nothing to rewrite is not touched, so the build may run this again on the same file.
 *
 * <p>Usage: {@code java -cp asm.jar tools/build/ClassFileUpgrade.java JAR}, run by the tools module's pom.
 */
public final class ClassFileUpgrade {
    /** Java 6: the first class-file version verified by type checking (JVMS 4.10.1), which the AOT cache needs. */
    private static final int FIRST_VERIFIABLE = Opcodes.V1_6;

    private static final int TARGET = Opcodes.V1_8;

    private final Map<String, byte[]> classes = new HashMap<>();

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp asm.jar ClassFileUpgrade.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        int upgraded = new ClassFileUpgrade().upgrade(jar);
        System.out.println("ClassFileUpgrade: " + jar.getFileName() + ": " + upgraded + " classes rewritten as version 52");
    }

    /** Rewrites the old classes of {@code jar}; returns how many. */
    int upgrade(Path jar) throws IOException {
        List<ZipEntry> entries = new ArrayList<>();
        Map<String, byte[]> contents = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.add(entry);
                    contents.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        contents.forEach((name, bytes) -> {
            if (isClass(name)) {
                classes.put(name.substring(0, name.length() - ".class".length()), bytes);
            }
        });
        int upgraded = 0;
        for (ZipEntry entry : entries) {
            byte[] bytes = contents.get(entry.getName());
            if (isClass(entry.getName()) && majorVersion(bytes) < FIRST_VERIFIABLE) {
                contents.put(entry.getName(), rewrite(bytes));
                upgraded++;
            }
        }
        if (upgraded > 0) {
            write(jar, entries, contents);
        }
        return upgraded;
    }

    /** A class of the jar's base version (not one of a multi-release jar's later versions, not a module descriptor). */
    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class");
    }

    private static int majorVersion(byte[] classFile) {
        return (classFile[6] & 0xff) << 8 | classFile[7] & 0xff;
    }

    private byte[] rewrite(byte[] classFile) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return commonSuperClass(a, b);
            }
        };
        ClassVisitor retarget = new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(TARGET, access, name, signature, superName, interfaces);
            }
        };
        new ClassReader(classFile).accept(retarget, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    private static void write(Path jar, List<ZipEntry> entries, Map<String, byte[]> contents) throws IOException {
        Path temporary = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
            for (ZipEntry entry : entries) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(contents.get(entry.getName()));
                out.closeEntry();
            }
        }
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The nearest common superclass of two classes, for a frame that merges them (ASM's own version loads the classes;
     * this one reads them from the jar or the JDK). Interfaces merge to Object, as the type-checking verifier treats them.
     */
    private String commonSuperClass(String a, String b) {
        if (isAssignableFrom(a, b)) {
            return a;
        }
        if (isAssignableFrom(b, a)) {
            return b;
        }
        if (isInterface(a) || isInterface(b)) {
            return "java/lang/Object";
        }
        String common = a;
        do {
            common = reader(common).getSuperName();
        } while (!isAssignableFrom(common, b));
        return common;
    }

    /** Whether a value of class {@code sub} is a {@code type}. */
    private boolean isAssignableFrom(String type, String sub) {
        if (type.equals(sub) || type.equals("java/lang/Object")) {
            return true;
        }
        for (String c = sub; c != null; c = reader(c).getSuperName()) {
            if (c.equals(type)) {
                return true;
            }
            for (String implemented : reader(c).getInterfaces()) {
                if (isAssignableFrom(type, implemented)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isInterface(String name) {
        return (reader(name).getAccess() & Opcodes.ACC_INTERFACE) != 0;
    }

    private ClassReader reader(String name) {
        byte[] bytes = classes.get(name);
        if (bytes != null) {
            return new ClassReader(bytes);
        }
        try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
            if (in == null) {
                throw new IllegalStateException("class " + name + " is neither in the jar nor in the JDK");
            }
            return new ClassReader(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
