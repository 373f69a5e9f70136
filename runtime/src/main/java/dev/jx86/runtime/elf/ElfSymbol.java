package dev.jx86.runtime.elf;

/**
 * One entry of a symbol table.
 *
 * @param name the name, without a symbol version
 * @param value st_value: for defined symbols in executables and shared objects, a virtual address
 * @param size st_size in bytes (0 when unknown)
 * @param type ELF{32,64}_ST_TYPE(st_info), e.g. {@link #STT_FUNC}
 * @param binding ELF{32,64}_ST_BIND(st_info), e.g. {@link #STB_GLOBAL}
 * @param visibility st_other &amp; 3
 * @param sectionIndex st_shndx: the section it is defined in, {@link #SHN_UNDEF} or a special index
 * @param dynamic whether it comes from .dynsym rather than .symtab
 */
public record ElfSymbol(
        String name, long value, long size, int type, int binding, int visibility, int sectionIndex, boolean dynamic) {
    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;
    public static final int STT_FILE = 4;
    public static final int STT_COMMON = 5;
    public static final int STT_TLS = 6;
    public static final int STT_GNU_IFUNC = 10;

    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;

    public static final int SHN_UNDEF = 0;
    public static final int SHN_ABS = 0xfff1;
    public static final int SHN_COMMON = 0xfff2;

    /** Whether the symbol is defined in this file (not undefined, not common). */
    public boolean defined() {
        return sectionIndex != SHN_UNDEF && sectionIndex != SHN_COMMON;
    }

    public boolean function() {
        return type == STT_FUNC || type == STT_GNU_IFUNC;
    }
}
