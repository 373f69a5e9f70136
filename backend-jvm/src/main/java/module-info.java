/** The jx86 JVM backend: IR to hidden classes. */
module dev.jx86.backend.jvm {
    requires transitive dev.jx86.runtime;
    requires org.objectweb.asm;
    requires org.objectweb.asm.util;

    exports dev.jx86.backend.jvm;
}
