package dev.jx86.runtime.elf;

/**
 * One section header.
 *
 * @param index the section's position in the section header table
 * @param type sh_type, e.g. {@link #SHT_PROGBITS}
 * @param flags sh_flags, e.g. {@link #SHF_EXECINSTR}
 * @param address sh_addr: where the section is in memory (0 when it is not loaded)
 * @param offset sh_offset: where its bytes are in the file
 * @param size sh_size in bytes
 */
public record ElfSection(
        int index,
        String name,
        int type,
        long flags,
        long address,
        long offset,
        long size,
        int link,
        int info,
        long alignment,
        long entrySize) {
    public static final int SHT_NULL = 0;
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_RELA = 4;
    public static final int SHT_DYNAMIC = 6;
    public static final int SHT_NOTE = 7;
    public static final int SHT_NOBITS = 8;
    public static final int SHT_REL = 9;
    public static final int SHT_DYNSYM = 11;

    public static final long SHF_WRITE = 0x1;
    public static final long SHF_ALLOC = 0x2;
    public static final long SHF_EXECINSTR = 0x4;

    /** Whether the section holds machine code. */
    public boolean executable() {
        return (flags & SHF_EXECINSTR) != 0;
    }

    /** Whether the section occupies memory when the image is loaded. */
    public boolean allocated() {
        return (flags & SHF_ALLOC) != 0;
    }

    /** Whether the section has bytes in the file (everything but SHT_NOBITS and SHT_NULL). */
    public boolean hasContents() {
        return type != SHT_NOBITS && type != SHT_NULL;
    }

    /** Whether {@code address} lies in the section's memory range. */
    public boolean contains(long address) {
        return address - this.address >= 0 && address - this.address < size;
    }
}
