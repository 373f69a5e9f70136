package dev.jx86.runtime.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * The guest addresses {@code -dfilter} lets through, as QEMU's {@code -dfilter} writes them: comma-separated
 * {@code START..LAST} (inclusive), {@code START+LENGTH}, {@code END-LENGTH} (the LENGTH bytes before END) or a single
 * address, in hex with or without {@code 0x}.
 *
 * @param ranges half-open [start, end) pairs
 */
public record LogFilter(List<Range> ranges) {
    /** Everything passes. */
    public static final LogFilter ALL = new LogFilter(List.of(new Range(0, -1)));

    /** [start, end), compared unsigned; an end of -1 means no end. */
    public record Range(long start, long end) {
        boolean contains(long pc) {
            return Long.compareUnsigned(pc, start) >= 0 && (end == -1 || Long.compareUnsigned(pc, end) < 0);
        }
    }

    public LogFilter {
        ranges = List.copyOf(ranges);
    }

    public boolean contains(long pc) {
        for (Range r : ranges) {
            if (r.contains(pc)) {
                return true;
            }
        }
        return false;
    }

    /** Parses {@code -dfilter}'s argument; throws {@link IllegalArgumentException} with a one-line reason. */
    public static LogFilter parse(String text) {
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            try {
                int dots = p.indexOf("..");
                int plus = p.indexOf('+');
                int minus = p.indexOf('-');
                if (dots > 0) {
                    long last = hex(p.substring(dots + 2));
                    ranges.add(new Range(hex(p.substring(0, dots)), last == -1 ? -1 : last + 1));
                } else if (plus > 0) {
                    long start = hex(p.substring(0, plus));
                    ranges.add(new Range(start, start + hex(p.substring(plus + 1))));
                } else if (minus > 0) {
                    long end = hex(p.substring(0, minus));
                    ranges.add(new Range(end - hex(p.substring(minus + 1)), end));
                } else {
                    long at = hex(p);
                    ranges.add(new Range(at, at + 1));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad -dfilter range '" + p
                        + "'; write START..LAST, START+LENGTH, END-LENGTH or ADDRESS in hex");
            }
        }
        return new LogFilter(ranges);
    }

    private static long hex(String s) {
        String t = s.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        return Long.parseUnsignedLong(t, 16);
    }
}
