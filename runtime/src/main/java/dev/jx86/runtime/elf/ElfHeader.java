package dev.jx86.runtime.elf;

/**
 * The ELF file header: what kind of image this is and where its tables are.
 *
 * @param bits 32 (ELFCLASS32) or 64 (ELFCLASS64)
 * @param osAbi EI_OSABI
 * @param type e_type, e.g. {@link #ET_EXEC} or {@link #ET_DYN}
 * @param machine e_machine, e.g. {@link #EM_386} or {@link #EM_X86_64}
 * @param entry e_entry, the virtual address execution starts at (0 when there is none)
 */
public record ElfHeader(
        int bits,
        int osAbi,
        int type,
        int machine,
        long entry,
        long programHeaderOffset,
        int programHeaderCount,
        long sectionHeaderOffset,
        int sectionHeaderCount,
        int sectionNameIndex,
        int flags) {
    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    public static final int ET_CORE = 4;

    public static final int EM_386 = 3;
    public static final int EM_X86_64 = 62;

    /** Whether the machine is 32-bit x86 or x86-64, the ones jx86 can run. */
    public boolean isX86() {
        return machine == EM_386 || machine == EM_X86_64;
    }
}
