package dev.jx86.runtime.linux;

import dev.jx86.runtime.abi.CpuMode;

/** The two Linux x86 process ABIs: word size, the system call convention's registers, the platform name. */
public enum Abi {
    /** x86-64: SYSCALL, number in RAX, arguments in RDI RSI RDX R10 R8 R9. */
    X86_64(8, "x86_64", CpuMode.LONG_64),
    /** i386: {@code int 0x80}, number in EAX, arguments in EBX ECX EDX ESI EDI EBP. */
    I386(4, "i686", CpuMode.PROTECTED_32);

    private final int wordSize;
    private final String platform;
    private final CpuMode mode;

    Abi(int wordSize, String platform, CpuMode mode) {
        this.wordSize = wordSize;
        this.platform = platform;
        this.mode = mode;
    }

    /** The size of a pointer and of {@code long}: 8 or 4. */
    public int wordSize() {
        return wordSize;
    }

    /** AT_PLATFORM and uname's machine field. */
    public String platform() {
        return platform;
    }

    public CpuMode mode() {
        return mode;
    }

    /** The ABI whose code runs in {@code mode}. */
    public static Abi of(CpuMode mode) {
        return mode == CpuMode.LONG_64 ? X86_64 : I386;
    }

    /** A guest word value as the ABI sees it: all 64 bits, or the low 32 zero-extended. */
    long word(long value) {
        return wordSize == 8 ? value : value & 0xffffffffL;
    }
}
