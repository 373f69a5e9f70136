package dev.jx86.runtime.elf;

/**
 * One program header: a segment the loader maps, or information for it (interpreter, dynamic table).
 *
 * @param type p_type, e.g. {@link #PT_LOAD}
 * @param flags p_flags: {@link #PF_X}, {@link #PF_W}, {@link #PF_R}
 * @param offset p_offset: where the segment's bytes start in the file
 * @param virtualAddress p_vaddr
 * @param physicalAddress p_paddr
 * @param fileSize p_filesz: bytes taken from the file
 * @param memorySize p_memsz: bytes in memory; the rest after fileSize is zero
 * @param alignment p_align
 */
public record ElfSegment(
        int type,
        int flags,
        long offset,
        long virtualAddress,
        long physicalAddress,
        long fileSize,
        long memorySize,
        long alignment) {
    public static final int PT_NULL = 0;
    public static final int PT_LOAD = 1;
    public static final int PT_DYNAMIC = 2;
    public static final int PT_INTERP = 3;
    public static final int PT_NOTE = 4;
    public static final int PT_PHDR = 6;
    public static final int PT_TLS = 7;
    public static final int PT_GNU_STACK = 0x6474e551;

    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;
}
