package dev.jx86.tools.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a minimal relocatable-looking ELF file for tests: one executable {@code .text} section at a
 * given address, function symbols in {@code .symtab}, and the string tables. No gcc needed.
 */
final class TinyElf {
    private final int bits;
    private final int machine;
    private final long textAddress;
    private final byte[] text;
    private final Map<String, Long> functions = new LinkedHashMap<>();

    TinyElf(int bits, int machine, long textAddress, byte[] text) {
        this.bits = bits;
        this.machine = machine;
        this.textAddress = textAddress;
        this.text = text.clone();
    }

    TinyElf function(String name, long address) {
        functions.put(name, address);
        return this;
    }

    byte[] bytes() {
        boolean wide = bits == 64;
        int headerSize = wide ? 64 : 52;
        int sectionEntry = wide ? 64 : 40;
        int symbolEntry = wide ? 24 : 16;

        ByteArrayOutputStream strtab = new ByteArrayOutputStream();
        strtab.write(0);
        ByteBuffer symtab =
                ByteBuffer.allocate(symbolEntry * (functions.size() + 1)).order(ByteOrder.LITTLE_ENDIAN);
        symtab.position(symbolEntry);
        for (Map.Entry<String, Long> f : functions.entrySet()) {
            int name = strtab.size();
            strtab.writeBytes((f.getKey() + "\0").getBytes(StandardCharsets.US_ASCII));
            int info = 1 << 4 | 2; // STB_GLOBAL, STT_FUNC
            if (wide) {
                symtab.putInt(name).put((byte) info).put((byte) 0).putShort((short) 1);
                symtab.putLong(f.getValue()).putLong(1);
            } else {
                symtab.putInt(name).putInt((int) (long) f.getValue()).putInt(1);
                symtab.put((byte) info).put((byte) 0).putShort((short) 1);
            }
        }
        byte[] shstrtab = "\0.text\0.symtab\0.strtab\0.shstrtab\0".getBytes(StandardCharsets.US_ASCII);
        byte[] strings = strtab.toByteArray();

        int textOffset = headerSize;
        int symtabOffset = align(textOffset + text.length);
        int strtabOffset = symtabOffset + symtab.capacity();
        int shstrtabOffset = strtabOffset + strings.length;
        int shoff = align(shstrtabOffset + shstrtab.length);
        ByteBuffer b = ByteBuffer.allocate(shoff + 5 * sectionEntry).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (wide ? 2 : 1), 1, 1, 0});
        b.putShort(16, (short) 1).putShort(18, (short) machine).putInt(20, 1);
        if (wide) {
            b.putLong(24, textAddress).putLong(32, 0).putLong(40, shoff);
            b.putShort(52, (short) headerSize).putShort(58, (short) sectionEntry);
            b.putShort(60, (short) 5).putShort(62, (short) 4);
        } else {
            b.putInt(24, (int) textAddress).putInt(28, 0).putInt(32, shoff);
            b.putShort(40, (short) headerSize).putShort(46, (short) sectionEntry);
            b.putShort(48, (short) 5).putShort(50, (short) 4);
        }
        b.put(textOffset, text).put(symtabOffset, symtab.array());
        b.put(strtabOffset, strings).put(shstrtabOffset, shstrtab);
        int at = shoff + sectionEntry;
        section(b, at, 1, 1, 6, textAddress, textOffset, text.length, 0, 0, 0);
        section(b, at += sectionEntry, 7, 2, 0, 0, symtabOffset, symtab.capacity(), 3, 1, symbolEntry);
        section(b, at += sectionEntry, 15, 3, 0, 0, strtabOffset, strings.length, 0, 0, 0);
        section(b, at + sectionEntry, 23, 3, 0, 0, shstrtabOffset, shstrtab.length, 0, 0, 0);
        return b.array();
    }

    private void section(
            ByteBuffer b,
            int at,
            int name,
            int type,
            long flags,
            long address,
            long offset,
            long size,
            int link,
            int info,
            int entrySize) {
        if (bits == 64) {
            b.putInt(at, name).putInt(at + 4, type).putLong(at + 8, flags).putLong(at + 16, address);
            b.putLong(at + 24, offset)
                    .putLong(at + 32, size)
                    .putInt(at + 40, link)
                    .putInt(at + 44, info);
            b.putLong(at + 48, 1).putLong(at + 56, entrySize);
        } else {
            b.putInt(at, name).putInt(at + 4, type).putInt(at + 8, (int) flags).putInt(at + 12, (int) address);
            b.putInt(at + 16, (int) offset).putInt(at + 20, (int) size).putInt(at + 24, link);
            b.putInt(at + 28, info).putInt(at + 32, 1).putInt(at + 36, entrySize);
        }
    }

    private static int align(int offset) {
        return (offset + 7) & ~7;
    }
}
