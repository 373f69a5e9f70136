package dev.jx86.runtime.elf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Names addresses by the nearest symbol at or below them, as {@code name} or {@code name+0x1c}: for
 * disassembly labels, branch targets and profiles. Only defined symbols with a name that stand for
 * code or data count (not section or file symbols). Where several symbols share an address the most
 * telling one wins: a function over other kinds, a global over a weak over a local one, {@code .symtab}
 * over {@code .dynsym}, then the first in the file.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Symbolizer {
    private final long[] addresses;
    private final String[] names;

    private Symbolizer(long[] addresses, String[] names) {
        this.addresses = addresses;
        this.names = names;
    }

    /** The file's symbols, and {@code name@plt} for each PLT entry (as objdump synthesizes them). */
    public static Symbolizer of(ElfFile elf) {
        List<ElfSymbol> symbols = new ArrayList<>(elf.symbols());
        symbols.addAll(PltEntries.of(elf));
        return of(symbols);
    }

    public static Symbolizer of(List<ElfSymbol> symbols) {
        List<ElfSymbol> useful = new ArrayList<>();
        for (ElfSymbol s : symbols) {
            if (s.defined()
                    && !s.name().isEmpty()
                    && s.type() != ElfSymbol.STT_SECTION
                    && s.type() != ElfSymbol.STT_FILE
                    && s.type() != ElfSymbol.STT_TLS) {
                useful.add(s);
            }
        }
        // A stable sort keeps file order among equals, so "first in the file" needs no key of its own.
        useful.sort(Comparator.comparingLong(ElfSymbol::value)
                .thenComparing(Symbolizer::rank)
                .thenComparing(ElfSymbol::dynamic));
        long[] addresses = new long[useful.size()];
        String[] names = new String[useful.size()];
        int n = 0;
        for (ElfSymbol s : useful) {
            if (n > 0 && addresses[n - 1] == s.value()) {
                continue;
            }
            addresses[n] = s.value();
            names[n] = s.name();
            n++;
        }
        return new Symbolizer(Arrays.copyOf(addresses, n), Arrays.copyOf(names, n));
    }

    /** Lower is preferred. */
    private static int rank(ElfSymbol s) {
        int kind = s.function() ? 0 : s.type() == ElfSymbol.STT_OBJECT ? 1 : 2;
        int binding = switch (s.binding()) {
            case ElfSymbol.STB_GLOBAL -> 0;
            case ElfSymbol.STB_WEAK -> 1;
            default -> 2;
        };
        return kind * 3 + binding;
    }

    /** The symbol starting exactly at {@code address}, for a {@code <name>:} label. */
    public Optional<String> symbolAt(long address) {
        int i = Arrays.binarySearch(addresses, address);
        return i >= 0 ? Optional.of(names[i]) : Optional.empty();
    }

    /** {@code name} or {@code name+0xoffset} for the nearest symbol at or below {@code address}. */
    public Optional<String> describe(long address) {
        int i = Arrays.binarySearch(addresses, address);
        if (i >= 0) {
            return Optional.of(names[i]);
        }
        int below = -i - 2;
        if (below < 0) {
            return Optional.empty();
        }
        return Optional.of(names[below] + "+0x" + Long.toHexString(address - addresses[below]));
    }

    /** The symbols moved by {@code bias}: those of a position-independent program at its load address. */
    public Symbolizer relocated(long bias) {
        if (bias == 0) {
            return this;
        }
        long[] moved = new long[addresses.length];
        for (int i = 0; i < moved.length; i++) {
            moved[i] = addresses[i] + bias;
        }
        return new Symbolizer(moved, names);
    }

    /** No symbols: every lookup is empty. */
    public static Symbolizer empty() {
        return new Symbolizer(new long[0], new String[0]);
    }

    /** The address of the nearest symbol at or below {@code address} (the start of its function), or -1. */
    public long startOf(long address) {
        int i = nearest(address);
        return i < 0 ? -1 : addresses[i];
    }

    /** The name of the nearest symbol at or below {@code address}, without an offset. */
    public Optional<String> nameOf(long address) {
        int i = nearest(address);
        return i < 0 ? Optional.empty() : Optional.of(names[i]);
    }

    private int nearest(long address) {
        int i = Arrays.binarySearch(addresses, address);
        return i >= 0 ? i : -i - 2;
    }

    /** Whether there are no symbols (a stripped program). */
    public boolean isEmpty() {
        return addresses.length == 0;
    }

    /** Addresses that have a symbol, ascending: where labels go. */
    public long[] addresses() {
        return addresses.clone();
    }
}
