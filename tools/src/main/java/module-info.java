/** The jx86 command line and tools; wires runtime, front end, back end and devices together. */
module dev.jx86.tools {
    requires dev.jx86.runtime;
    requires dev.jx86.x86;
    requires dev.jx86.backend.jvm;
    requires dev.jx86.devices;
    requires info.picocli;
    requires org.slf4j;

    opens dev.jx86.tools.cli to
            info.picocli;
}
