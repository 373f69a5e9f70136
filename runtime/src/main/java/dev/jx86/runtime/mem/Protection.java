package dev.jx86.runtime.mem;

/**
 * Page permission bits, with the values of Linux's {@code PROT_*} so that mmap and mprotect pass them through. As on
 * x86 without protection keys, any permission implies read, and write implies read.
 */
public final class Protection {
    private Protection() {}

    public static final int NONE = 0;
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXEC = 4;
    public static final int ALL = READ | WRITE | EXEC;

    /** Whether pages with {@code protection} can be read. */
    public static boolean readable(int protection) {
        return (protection & ALL) != 0;
    }

    public static boolean writable(int protection) {
        return (protection & WRITE) != 0;
    }

    public static boolean executable(int protection) {
        return (protection & EXEC) != 0;
    }

    /** "rwx" style, as in /proc/self/maps. */
    public static String toString(int protection) {
        return (readable(protection) ? "r" : "-")
                + (writable(protection) ? "w" : "-")
                + (executable(protection) ? "x" : "-");
    }
}
