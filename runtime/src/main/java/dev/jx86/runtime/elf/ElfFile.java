package dev.jx86.runtime.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A parsed 32- or 64-bit little-endian ELF file: header, sections, segments and the symbols of
 * {@code .symtab} and {@code .dynsym}. Every offset and size is checked against the file when it is
 * read, so malformed input fails in {@link #parse} with one {@link ElfFormatException}, never later.
 *
 * <p>Immutable; the file's bytes are kept privately and handed out as copies.
 */
public final class ElfFile {
    private static final int SHN_XINDEX = 0xffff;
    private static final int PN_XNUM = 0xffff;

    private final byte[] bytes;
    private final ElfHeader header;
    private final List<ElfSection> sections;
    private final List<ElfSegment> segments;
    private final List<ElfSymbol> symbols;
    private final List<ElfRelocation> relocations;

    private ElfFile(
            byte[] bytes,
            ElfHeader header,
            List<ElfSection> sections,
            List<ElfSegment> segments,
            List<ElfSymbol> symbols,
            List<ElfRelocation> relocations) {
        this.bytes = bytes;
        this.header = header;
        this.sections = sections;
        this.segments = segments;
        this.symbols = symbols;
        this.relocations = relocations;
    }

    /** Reads and parses the file at {@code path}. */
    public static ElfFile read(Path path) throws IOException {
        return parse(Files.readAllBytes(path));
    }

    /** Parses an ELF image; the array is copied. */
    public static ElfFile parse(byte[] image) throws ElfFormatException {
        return new Parser(image.clone()).parse();
    }

    public ElfHeader header() {
        return header;
    }

    /** 32 or 64. */
    public int bits() {
        return header.bits();
    }

    /** The section headers in file order; index 0 is the null section when there are any. */
    public List<ElfSection> sections() {
        return sections;
    }

    public Optional<ElfSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<ElfSegment> segments() {
        return segments;
    }

    /** The symbols of {@code .symtab} followed by those of {@code .dynsym}, without the null entries. */
    public List<ElfSymbol> symbols() {
        return symbols;
    }

    /** The entries of every SHT_RELA and SHT_REL section, in file order. */
    public List<ElfRelocation> relocations() {
        return relocations;
    }

    /** A copy of the section's bytes in the file (empty for SHT_NOBITS). */
    public byte[] contents(ElfSection section) {
        if (!section.hasContents() || section.size() == 0) {
            return new byte[0];
        }
        return Arrays.copyOfRange(bytes, (int) section.offset(), (int) (section.offset() + section.size()));
    }

    /** A copy of the bytes the segment takes from the file ({@code fileSize} of them). */
    public byte[] contents(ElfSegment segment) {
        if (segment.fileSize() == 0) {
            return new byte[0];
        }
        return Arrays.copyOfRange(bytes, (int) segment.offset(), (int) (segment.offset() + segment.fileSize()));
    }

    /** Names addresses by the symbols of this file and its PLT entries; see {@link Symbolizer}. */
    public Symbolizer symbolizer() {
        return Symbolizer.of(this);
    }

    /** One pass over the image; all range checks live here. */
    private static final class Parser {
        private final byte[] b;
        private boolean wide;

        Parser(byte[] b) {
            this.b = b;
        }

        ElfFile parse() throws ElfFormatException {
            if (b.length < 16 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
                throw new ElfFormatException("not an ELF file (bad magic)");
            }
            int elfClass = b[4];
            if (elfClass != 1 && elfClass != 2) {
                throw new ElfFormatException("unknown ELF class " + elfClass + " (expected 1 or 2)");
            }
            wide = elfClass == 2;
            if (b[5] == 2) {
                throw new ElfFormatException("big-endian ELF is not supported");
            }
            if (b[5] != 1) {
                throw new ElfFormatException("unknown ELF data encoding " + b[5]);
            }
            int headerSize = wide ? 64 : 52;
            need(0, headerSize, "ELF header");
            int osAbi = u8(7);
            int type = u16(16);
            int machine = u16(18);
            long entry = word(24);
            long phoff = wide ? u64(32) : u32(28);
            long shoff = wide ? u64(40) : u32(32);
            int flags = (int) u32(wide ? 48 : 36);
            int at = wide ? 54 : 42;
            int phentsize = u16(at);
            int phnum = u16(at + 2);
            int shentsize = u16(at + 4);
            int shnum = u16(at + 6);
            int shstrndx = u16(at + 8);

            int sectionEntry = wide ? 64 : 40;
            if (shoff != 0) {
                if (shentsize < sectionEntry) {
                    throw new ElfFormatException("section header size " + shentsize + " < " + sectionEntry);
                }
                need(shoff, sectionEntry, "section header 0");
                if (shnum == 0) {
                    shnum = count(sectionZeroSize(shoff), "section count");
                }
                if (shstrndx == SHN_XINDEX) {
                    shstrndx = (int) u32(shoff + (wide ? 40 : 24));
                }
                if (phnum == PN_XNUM) {
                    phnum = count(u32(shoff + (wide ? 44 : 28)), "segment count");
                }
            } else {
                shnum = 0;
            }
            ElfHeader header = new ElfHeader(
                    wide ? 64 : 32, osAbi, type, machine, entry, phoff, phnum, shoff, shnum, shstrndx, flags);

            List<ElfSegment> segments = segments(phoff, phentsize, phnum);
            List<ElfSection> sections = sections(shoff, shentsize, shnum, shstrndx);
            List<ElfSymbol> symbols = new ArrayList<>();
            for (ElfSection s : sections) {
                if (s.type() == ElfSection.SHT_SYMTAB) {
                    symbols(s, sections, false, symbols);
                }
            }
            for (ElfSection s : sections) {
                if (s.type() == ElfSection.SHT_DYNSYM) {
                    symbols(s, sections, true, symbols);
                }
            }
            List<ElfRelocation> relocations = new ArrayList<>();
            for (ElfSection s : sections) {
                if (s.type() == ElfSection.SHT_RELA || s.type() == ElfSection.SHT_REL) {
                    relocations(s, sections, relocations);
                }
            }
            return new ElfFile(
                    b,
                    header,
                    List.copyOf(sections),
                    List.copyOf(segments),
                    List.copyOf(symbols),
                    List.copyOf(relocations));
        }

        /** Section 0's sh_size, which holds the section count when e_shnum cannot (ELF gABI, extended numbering). */
        private long sectionZeroSize(long shoff) throws ElfFormatException {
            return wide ? u64(shoff + 32) : u32(shoff + 20);
        }

        private List<ElfSegment> segments(long phoff, int phentsize, int phnum) throws ElfFormatException {
            List<ElfSegment> segments = new ArrayList<>();
            if (phnum == 0) {
                return segments;
            }
            int entry = wide ? 56 : 32;
            if (phentsize < entry) {
                throw new ElfFormatException("program header size " + phentsize + " < " + entry);
            }
            need(phoff, (long) phentsize * phnum, "program header table");
            for (int i = 0; i < phnum; i++) {
                long p = phoff + (long) i * phentsize;
                ElfSegment segment = wide
                        ? new ElfSegment(
                                (int) u32(p),
                                (int) u32(p + 4),
                                u64(p + 8),
                                u64(p + 16),
                                u64(p + 24),
                                u64(p + 32),
                                u64(p + 40),
                                u64(p + 48))
                        : new ElfSegment(
                                (int) u32(p),
                                (int) u32(p + 24),
                                u32(p + 4),
                                u32(p + 8),
                                u32(p + 12),
                                u32(p + 16),
                                u32(p + 20),
                                u32(p + 28));
                if (segment.fileSize() != 0) {
                    need(segment.offset(), segment.fileSize(), "segment " + i);
                }
                segments.add(segment);
            }
            return segments;
        }

        private List<ElfSection> sections(long shoff, int shentsize, int shnum, int shstrndx)
                throws ElfFormatException {
            List<ElfSection> sections = new ArrayList<>();
            if (shnum == 0) {
                return sections;
            }
            need(shoff, (long) shentsize * shnum, "section header table");
            long[][] raw = new long[shnum][];
            for (int i = 0; i < shnum; i++) {
                long s = shoff + (long) i * shentsize;
                raw[i] = wide
                        ? new long[] {
                            u32(s),
                            u32(s + 4),
                            u64(s + 8),
                            u64(s + 16),
                            u64(s + 24),
                            u64(s + 32),
                            u32(s + 40),
                            u32(s + 44),
                            u64(s + 48),
                            u64(s + 56)
                        }
                        : new long[] {
                            u32(s),
                            u32(s + 4),
                            u32(s + 8),
                            u32(s + 12),
                            u32(s + 16),
                            u32(s + 20),
                            u32(s + 24),
                            u32(s + 28),
                            u32(s + 32),
                            u32(s + 36)
                        };
                boolean contents = raw[i][1] != ElfSection.SHT_NOBITS && raw[i][1] != ElfSection.SHT_NULL;
                if (contents && raw[i][5] != 0) {
                    need(raw[i][4], raw[i][5], "section " + i);
                }
            }
            long namesOffset = -1;
            long namesSize = 0;
            if (shstrndx != 0) {
                if (shstrndx >= shnum) {
                    throw new ElfFormatException("section name table index " + shstrndx + " >= " + shnum);
                }
                long namesType = raw[shstrndx][1];
                if (namesType == ElfSection.SHT_NOBITS || namesType == ElfSection.SHT_NULL) {
                    throw new ElfFormatException("section name table " + shstrndx + " has no contents");
                }
                namesOffset = raw[shstrndx][4];
                namesSize = raw[shstrndx][5];
            }
            for (int i = 0; i < shnum; i++) {
                long[] r = raw[i];
                String name = namesOffset < 0 ? "" : string(namesOffset, namesSize, r[0], "section name");
                sections.add(new ElfSection(
                        i, name, (int) r[1], r[2], r[3], r[4], r[5], (int) r[6], (int) r[7], r[8], r[9]));
            }
            return sections;
        }

        private void symbols(ElfSection table, List<ElfSection> sections, boolean dynamic, List<ElfSymbol> out)
                throws ElfFormatException {
            int entry = wide ? 24 : 16;
            if (table.entrySize() != 0 && table.entrySize() < entry) {
                throw new ElfFormatException(table.name() + ": symbol size " + table.entrySize() + " < " + entry);
            }
            long stride = table.entrySize() == 0 ? entry : table.entrySize();
            if (table.link() <= 0 || table.link() >= sections.size()) {
                throw new ElfFormatException(table.name() + ": string table index " + table.link() + " out of range");
            }
            ElfSection strings = sections.get(table.link());
            if (!strings.hasContents()) {
                throw new ElfFormatException(table.name() + ": string table " + strings.name() + " has no contents");
            }
            long count = table.size() / stride;
            for (long i = 1; i < count; i++) {
                long s = table.offset() + i * stride;
                long nameOffset = u32(s);
                long value;
                long size;
                int info;
                int other;
                int shndx;
                if (wide) {
                    info = u8(s + 4);
                    other = u8(s + 5);
                    shndx = u16(s + 6);
                    value = u64(s + 8);
                    size = u64(s + 16);
                } else {
                    value = u32(s + 4);
                    size = u32(s + 8);
                    info = u8(s + 12);
                    other = u8(s + 13);
                    shndx = u16(s + 14);
                }
                String name = string(strings.offset(), strings.size(), nameOffset, table.name() + " symbol name");
                int at = name.indexOf('@');
                if (at > 0) {
                    name = name.substring(0, at);
                }
                out.add(new ElfSymbol(name, value, size, info & 0xf, info >>> 4, other & 3, shndx, dynamic));
            }
        }

        private void relocations(ElfSection table, List<ElfSection> sections, List<ElfRelocation> out)
                throws ElfFormatException {
            boolean explicitAddend = table.type() == ElfSection.SHT_RELA;
            int entry = (wide ? 8 : 4) * (explicitAddend ? 3 : 2);
            if (table.entrySize() != 0 && table.entrySize() < entry) {
                throw new ElfFormatException(table.name() + ": relocation size " + table.entrySize() + " < " + entry);
            }
            long stride = table.entrySize() == 0 ? entry : table.entrySize();
            ElfSection symbolTable = null;
            if (table.link() != 0) {
                if (table.link() < 0 || table.link() >= sections.size()) {
                    throw new ElfFormatException(
                            table.name() + ": symbol table index " + table.link() + " out of range");
                }
                symbolTable = sections.get(table.link());
                if (symbolTable.type() != ElfSection.SHT_SYMTAB && symbolTable.type() != ElfSection.SHT_DYNSYM) {
                    symbolTable = null;
                }
            }
            long count = table.size() / stride;
            for (long i = 0; i < count; i++) {
                long r = table.offset() + i * stride;
                long offset = word(r);
                long info = word(r + (wide ? 8 : 4));
                long addend = explicitAddend ? (wide ? u64(r + 16) : (int) u32(r + 8)) : 0;
                int type = (int) (wide ? info & 0xffffffffL : info & 0xff);
                long symbol = wide ? info >>> 32 : info >>> 8;
                String name = symbol == 0 || symbolTable == null ? "" : symbolName(symbolTable, sections, symbol);
                out.add(new ElfRelocation(table.name(), offset, type, name, addend));
            }
        }

        /** The name of entry {@code index} of a symbol table, without version. */
        private String symbolName(ElfSection table, List<ElfSection> sections, long index) throws ElfFormatException {
            long stride = table.entrySize() == 0 ? (wide ? 24 : 16) : table.entrySize();
            if (index >= table.size() / stride) {
                throw new ElfFormatException(table.name() + ": symbol index " + index + " out of range");
            }
            if (table.link() <= 0 || table.link() >= sections.size()) {
                throw new ElfFormatException(table.name() + ": string table index " + table.link() + " out of range");
            }
            ElfSection strings = sections.get(table.link());
            if (!strings.hasContents()) {
                throw new ElfFormatException(table.name() + ": string table " + strings.name() + " has no contents");
            }
            String name = string(strings.offset(), strings.size(), u32(table.offset() + index * stride), "symbol name");
            int at = name.indexOf('@');
            return at > 0 ? name.substring(0, at) : name;
        }

        private String string(long tableOffset, long tableSize, long offset, String what) throws ElfFormatException {
            if (offset >= tableSize) {
                throw new ElfFormatException(what + " offset 0x" + Long.toHexString(offset) + " is outside its table");
            }
            int start = (int) (tableOffset + offset);
            int limit = (int) (tableOffset + tableSize);
            int end = start;
            while (end < limit && b[end] != 0) {
                end++;
            }
            return new String(b, start, end - start, StandardCharsets.UTF_8);
        }

        private static int count(long value, String what) throws ElfFormatException {
            if (value > 0xffffff) {
                throw new ElfFormatException(what + " " + value + " is implausibly large");
            }
            return (int) value;
        }

        /** Fails unless {@code [offset, offset + length)} lies inside the file. */
        private void need(long offset, long length, String what) throws ElfFormatException {
            if (offset < 0 || length < 0 || offset > b.length || length > b.length - offset) {
                throw new ElfFormatException(what + " (offset 0x" + Long.toHexString(offset) + ", size 0x"
                        + Long.toHexString(length) + ") lies outside the file (size 0x"
                        + Integer.toHexString(b.length) + ")");
            }
        }

        private int u8(long at) throws ElfFormatException {
            need(at, 1, "field");
            return b[(int) at] & 0xff;
        }

        private int u16(long at) throws ElfFormatException {
            need(at, 2, "field");
            int i = (int) at;
            return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
        }

        private long u32(long at) throws ElfFormatException {
            need(at, 4, "field");
            int i = (int) at;
            return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
        }

        private long u64(long at) throws ElfFormatException {
            return u32(at) | u32(at + 4) << 32;
        }

        /** An address-sized field: 4 bytes in ELF32, 8 in ELF64. */
        private long word(long at) throws ElfFormatException {
            return wide ? u64(at) : u32(at);
        }
    }
}
