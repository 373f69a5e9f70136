package dev.jx86.backend.jvm;

import dev.jx86.runtime.tier1.Region;

/**
 * Names generated classes after the guest code they run, so that JVM profilers, JFR and stack traces show guest
 * functions: the prefix ({@code B_} for a single block, {@code R_} for a region, {@code W_} for code for the baseline
 * compiler: {@code RegionEmitter.prefix}) and the entry's pc, followed by its guest symbol when there is one
 * ({@code R_401a2c_main+0x1c}). Characters a class name should not hold become {@code _}.
 */
final class ClassNames {
    /** Symbols are cut here: C++ names can be very long, and the address already identifies the code. */
    static final int MAX_SYMBOL = 80;

    private ClassNames() {}

    /** The internal name (with {@code /}) of the class of {@code region}, after {@code prefix} ({@code B_}...). */
    static String of(Region region, String prefix) {
        String base = RegionEmitter.PACKAGE + prefix + Long.toHexString(region.pc());
        String symbol = sanitize(region.name());
        return symbol.isEmpty() ? base : base + "_" + symbol;
    }

    /** {@code name} with only letters, digits, {@code _ $ + -} kept, the rest as {@code _}, cut to {@link #MAX_SYMBOL}. */
    static String sanitize(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_SYMBOL));
        for (int i = 0; i < name.length() && out.length() < MAX_SYMBOL; i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '$'
                    || c == '+'
                    || c == '-';
            out.append(plain ? c : '_');
        }
        return out.toString();
    }
}
