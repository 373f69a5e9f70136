package dev.jx86.runtime.elf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the entries of the procedure linkage table {@code name@plt}, as objdump does, so that calls
 * into shared libraries read {@code call 1030 <printf@plt>}. An entry is found by its indirect jump
 * through a GOT slot ({@code ff 25} RIP-relative or absolute, or {@code ff a3} relative to the GOT in
 * 32-bit PIC code, optionally after {@code endbr} and {@code bnd}); the slot's JUMP_SLOT or GLOB_DAT
 * relocation names the symbol.
 */
final class PltEntries {
    private PltEntries() {}

    static List<ElfSymbol> of(ElfFile elf) {
        Map<Long, String> slots = new HashMap<>();
        for (ElfRelocation r : elf.relocations()) {
            // R_386_JMP_SLOT and R_386_GLOB_DAT have the same numbers as their x86-64 counterparts.
            boolean named = r.type() == ElfRelocation.R_X86_64_JUMP_SLOT || r.type() == ElfRelocation.R_X86_64_GLOB_DAT;
            if (named && !r.symbol().isEmpty()) {
                slots.putIfAbsent(r.offset(), r.symbol());
            }
        }
        List<ElfSymbol> entries = new ArrayList<>();
        if (slots.isEmpty() || !elf.header().isX86()) {
            return entries;
        }
        boolean wide = elf.header().machine() == ElfHeader.EM_X86_64;
        long got = elf.section(".got.plt")
                .or(() -> elf.section(".got"))
                .map(ElfSection::address)
                .orElse(0L);
        for (ElfSection section : elf.sections()) {
            if (!section.name().startsWith(".plt") || !section.executable() || !section.hasContents()) {
                continue;
            }
            byte[] code = elf.contents(section);
            for (int i = 0; i + 6 <= code.length; i++) {
                if ((code[i] & 0xff) != 0xff) {
                    continue;
                }
                int modrm = code[i + 1] & 0xff;
                long displacement = (code[i + 2] & 0xffL)
                        | (code[i + 3] & 0xffL) << 8
                        | (code[i + 4] & 0xffL) << 16
                        | (long) code[i + 5] << 24;
                long slot;
                if (modrm == 0x25) {
                    slot = wide ? section.address() + i + 6 + displacement : displacement & 0xffffffffL;
                } else if (modrm == 0xa3 && !wide) {
                    slot = (got + displacement) & 0xffffffffL;
                } else {
                    continue;
                }
                String name = slots.get(slot);
                if (name == null) {
                    continue;
                }
                int start = entryStart(code, i);
                if (start % 8 == 0) {
                    entries.add(new ElfSymbol(
                            name + "@plt",
                            section.address() + start,
                            0,
                            ElfSymbol.STT_FUNC,
                            ElfSymbol.STB_GLOBAL,
                            0,
                            section.index(),
                            true));
                }
            }
        }
        return entries;
    }

    /** Where the entry holding the jump at {@code jump} starts: before a {@code bnd} and an {@code endbr}. */
    private static int entryStart(byte[] code, int jump) {
        int start = jump;
        if (start >= 1 && (code[start - 1] & 0xff) == 0xf2) {
            start--;
        }
        if (start >= 4
                && (code[start - 4] & 0xff) == 0xf3
                && code[start - 3] == 0x0f
                && code[start - 2] == 0x1e
                && ((code[start - 1] & 0xff) == 0xfa || (code[start - 1] & 0xff) == 0xfb)) {
            start -= 4;
        }
        return start;
    }
}
