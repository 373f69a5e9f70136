/** The jx86 runtime: CPU state, memory, execution, Linux user mode and the SPIs. */
module dev.jx86.runtime {
    requires transitive dev.jx86.ir;
    requires com.github.benmanes.caffeine;
    requires org.slf4j;
    requires jdk.jfr;
    requires java.management;

    exports dev.jx86.runtime.abi;
    exports dev.jx86.runtime.elf;
    exports dev.jx86.runtime.exec;
    exports dev.jx86.runtime.linux;
    exports dev.jx86.runtime.mem;
    exports dev.jx86.runtime.profile;
    exports dev.jx86.runtime.tier1;
}
