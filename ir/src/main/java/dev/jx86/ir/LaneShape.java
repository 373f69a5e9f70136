package dev.jx86.ir;

import java.util.Locale;

/** How a V128 is split into lanes for a lane-wise op: integer lanes of 8..64 bits, or float lanes of 32 or 64 bits. */
public enum LaneShape {
    I8X16(8),
    I16X8(16),
    I32X4(32),
    I64X2(64),
    F32X4(32),
    F64X2(64);

    private final int laneBits;

    LaneShape(int laneBits) {
        this.laneBits = laneBits;
    }

    public int laneBits() {
        return laneBits;
    }

    public int lanes() {
        return 128 / laneBits;
    }

    public boolean isFloat() {
        return this == F32X4 || this == F64X2;
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
