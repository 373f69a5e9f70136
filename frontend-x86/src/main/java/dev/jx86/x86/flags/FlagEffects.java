package dev.jx86.x86.flags;

/**
 * Which EFLAGS bits an instruction reads, writes, and leaves undefined (a subset of those written),
 * as {@link Eflags} masks. Shifts and rotates write their flags only for a non-zero count.
 */
public record FlagEffects(int read, int written, int undefined) {
    public static final FlagEffects NONE = new FlagEffects(0, 0, 0);

    @Override
    public String toString() {
        return "read [" + Eflags.names(read) + "] written [" + Eflags.names(written) + "] undefined ["
                + Eflags.names(undefined) + "]";
    }
}
