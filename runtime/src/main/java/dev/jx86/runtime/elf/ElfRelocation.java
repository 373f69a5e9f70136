package dev.jx86.runtime.elf;

/**
 * One entry of a relocation section (SHT_RELA or SHT_REL).
 *
 * @param section the name of the relocation section, e.g. {@code .rela.plt}
 * @param offset r_offset: in executables and shared objects, the virtual address to patch
 * @param type the relocation type (machine-specific: {@link #R_X86_64_JUMP_SLOT}, {@link #R_386_JMP_SLOT}, ...)
 * @param symbol the name of the symbol it refers to, without version; empty for none
 * @param addend r_addend for SHT_RELA; 0 for SHT_REL, whose addend is in the patched word
 */
public record ElfRelocation(String section, long offset, int type, String symbol, long addend) {
    public static final int R_X86_64_GLOB_DAT = 6;
    public static final int R_X86_64_JUMP_SLOT = 7;
    public static final int R_386_GLOB_DAT = 6;
    public static final int R_386_JMP_SLOT = 7;
}
