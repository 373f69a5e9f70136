package dev.jx86.runtime.linux;

/**
 * Where the loader put an executable: what the initial stack's auxiliary vector and brk need.
 *
 * @param abi the process ABI the ELF class and machine ask for
 * @param bias the load bias (0 for ET_EXEC; the chosen base for a static PIE)
 * @param entry the entry point, relocated
 * @param programHeaders the program header table's guest address (AT_PHDR)
 * @param programHeaderSize AT_PHENT
 * @param programHeaderCount AT_PHNUM
 * @param brk the first page after the highest segment, where the heap starts
 */
public record LoadedImage(
        Abi abi, long bias, long entry, long programHeaders, int programHeaderSize, int programHeaderCount, long brk) {}
