package dev.jx86.runtime.linux;

import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfHeader;
import dev.jx86.runtime.elf.ElfSegment;
import dev.jx86.runtime.mem.AddressSpace;
import dev.jx86.runtime.mem.Protection;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a static or static-PIE x86-64 or i386 executable into an address space as Linux's binfmt_elf does: each
 * PT_LOAD at its address (plus, for ET_DYN, the base Linux uses without address randomization) with its
 * permissions, file bytes copied and the rest of the memory size (bss, including the tail of the last file page)
 * zero. Dynamically linked programs are refused with a message, for now.
 */
public final class ElfLoader {
    /**
     * ELF_ET_DYN_BASE without randomization: 2/3 of the 64-bit user space below its last page, as Linux computes it;
     * of jx86's 46-bit space ({@link AddressSpace#USER_LIMIT_64}), so 0x2aaaaaaaa000 where Linux has 0x555555554000.
     */
    public static final long PIE_BASE_64 = (AddressSpace.USER_LIMIT_64 - AddressSpace.PAGE_SIZE) / 3 * 2;

    public static final long PIE_BASE_32 = 0x56555000L;

    private static final long PAGE = AddressSpace.PAGE_SIZE;

    private ElfLoader() {}

    /** Loads {@code elf} (named {@code name} in messages) into {@code space}. */
    public static LoadedImage load(ElfFile elf, String name, AddressSpace space) throws ProgramLoadException {
        Abi abi = abiOf(elf, name);
        ElfHeader header = elf.header();
        for (ElfSegment s : elf.segments()) {
            if (s.type() == ElfSegment.PT_INTERP) {
                String interpreter =
                        new String(elf.contents(s), java.nio.charset.StandardCharsets.UTF_8).replace("\0", "");
                throw new ProgramLoadException(name + ": dynamically linked (interpreter " + interpreter
                        + "); jx86 runs static executables only so far");
            }
        }
        List<ElfSegment> loads = new ArrayList<>();
        for (ElfSegment s : elf.segments()) {
            if (s.type() == ElfSegment.PT_LOAD && s.memorySize() > 0) {
                loads.add(s);
            }
        }
        if (loads.isEmpty()) {
            throw new ProgramLoadException(name + ": no loadable segments");
        }
        long lowest = loads.stream().mapToLong(ElfSegment::virtualAddress).min().orElseThrow() & ~(PAGE - 1);
        long bias = header.type() == ElfHeader.ET_DYN ? (abi == Abi.X86_64 ? PIE_BASE_64 : PIE_BASE_32) - lowest : 0;

        long brk = 0;
        long previousEnd = 0;
        int previousProtection = 0;
        for (ElfSegment s : loads) {
            long start = s.virtualAddress() + bias;
            long end = start + s.memorySize();
            if (s.fileSize() > s.memorySize() || end < start || end > space.limit() || start < PAGE) {
                throw new ProgramLoadException(String.format(
                        "%s: segment at 0x%x of 0x%x bytes does not fit the address space",
                        name, s.virtualAddress(), s.memorySize()));
            }
            long first = start & ~(PAGE - 1);
            long last = (end + PAGE - 1) & ~(PAGE - 1);
            int protection = protection(s.flags());
            // A page shared with the previous segment keeps its contents and gets both segments' permissions.
            long mapFrom = Math.max(first, previousEnd);
            if (mapFrom < last) {
                space.map(mapFrom, last - mapFrom, Protection.READ | Protection.WRITE);
            }
            if (first < previousEnd) {
                space.protect(first, previousEnd - first, Protection.READ | Protection.WRITE);
            }
            space.copyOut(start, elf.contents(s));
            if (mapFrom < last) {
                space.protect(mapFrom, last - mapFrom, protection);
            }
            if (first < previousEnd) {
                space.protect(first, previousEnd - first, protection | previousProtection);
            }
            previousEnd = Math.max(previousEnd, last);
            previousProtection = protection;
            brk = Math.max(brk, last);
        }
        return new LoadedImage(
                abi,
                bias,
                header.entry() + bias,
                programHeaders(elf, loads) + bias,
                abi == Abi.X86_64 ? 56 : 32,
                header.programHeaderCount(),
                brk);
    }

    private static Abi abiOf(ElfFile elf, String name) throws ProgramLoadException {
        ElfHeader h = elf.header();
        if (h.bits() == 64 && h.machine() == ElfHeader.EM_X86_64) {
            return checkType(h, name, Abi.X86_64);
        }
        if (h.bits() == 32 && h.machine() == ElfHeader.EM_386) {
            return checkType(h, name, Abi.I386);
        }
        throw new ProgramLoadException(
                name + ": not an x86 executable (ELF" + h.bits() + ", machine " + h.machine() + ")");
    }

    private static Abi checkType(ElfHeader h, String name, Abi abi) throws ProgramLoadException {
        if (h.type() != ElfHeader.ET_EXEC && h.type() != ElfHeader.ET_DYN) {
            throw new ProgramLoadException(name + ": not an executable (ELF type " + h.type() + ")");
        }
        return abi;
    }

    /** AT_PHDR before relocation: PT_PHDR's address, else where the loaded file bytes put the table. */
    private static long programHeaders(ElfFile elf, List<ElfSegment> loads) {
        for (ElfSegment s : elf.segments()) {
            if (s.type() == ElfSegment.PT_PHDR) {
                return s.virtualAddress();
            }
        }
        long offset = elf.header().programHeaderOffset();
        for (ElfSegment s : loads) {
            if (offset >= s.offset() && offset < s.offset() + s.fileSize()) {
                return s.virtualAddress() + (offset - s.offset());
            }
        }
        return 0;
    }

    private static int protection(int flags) {
        int p = 0;
        if ((flags & ElfSegment.PF_R) != 0) {
            p |= Protection.READ;
        }
        if ((flags & ElfSegment.PF_W) != 0) {
            p |= Protection.WRITE;
        }
        if ((flags & ElfSegment.PF_X) != 0) {
            p |= Protection.EXEC;
        }
        return p;
    }
}
