package dev.jx86.runtime.mem;

/**
 * One mapped range of an {@link AddressSpace}: the guest pages [{@code start}, {@code end}) with one protection.
 * Adjacent mappings may have the same protection; they are not merged.
 */
public record Mapping(long start, long end, int protection) {
    public long length() {
        return end - start;
    }

    public boolean contains(long address) {
        return address >= start && address < end;
    }

    @Override
    public String toString() {
        return String.format("%x-%x %s", start, end, Protection.toString(protection));
    }
}
