/** The x86 front end: decoder, disassembler and lifter. */
module dev.jx86.x86 {
    requires transitive dev.jx86.runtime;
    requires org.slf4j;

    exports dev.jx86.x86.decode;
    exports dev.jx86.x86.disasm;
    exports dev.jx86.x86.flags;
    exports dev.jx86.x86.lift;
}
