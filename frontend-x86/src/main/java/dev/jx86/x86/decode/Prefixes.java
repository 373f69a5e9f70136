package dev.jx86.x86.decode;

import java.util.Arrays;

/**
 * The prefixes of one instruction: the legacy prefix bytes in order, which of them took effect, the
 * REX byte and the VEX fields. Prefixes without effect are kept because objdump prints them and
 * because some (a second LOCK, a REX before a legacy prefix) matter to the hardware's length rules.
 */
public final class Prefixes {
    static final Prefixes NONE = new Prefixes(new byte[0], 0, 0, 0, null);

    /** The prefixes of a legacy encoding with only a REX byte, by its low bits and unused bits (shared). */
    private static final Prefixes[] REX_ONLY = rexOnlyPrefixes();

    private final byte[] legacy;
    private final int unusedMask;
    private final int rex;
    private final int rexUnusedBits;
    private final Vex vex;

    Prefixes(byte[] legacy, int unusedMask, int rex, int rexUnusedBits, Vex vex) {
        this.legacy = legacy;
        this.unusedMask = unusedMask;
        this.rex = rex;
        this.rexUnusedBits = rexUnusedBits;
        this.vex = vex;
    }

    /** The prefixes of a legacy encoding whose only prefix is {@code rex} (0x40-0x4F). */
    static Prefixes rexOnly(int rex, int rexUnusedBits) {
        return REX_ONLY[(rex & 0xf) << 5 | rexUnusedBits];
    }

    private static Prefixes[] rexOnlyPrefixes() {
        Prefixes[] all = new Prefixes[16 << 5];
        for (int i = 0; i < all.length; i++) {
            all[i] = new Prefixes(NONE.legacy, 0, 0x40 | i >> 5, i & 0x1f, null);
        }
        return all;
    }

    /**
     * Number of legacy prefix bytes (F0, F2, F3, 26, 2E, 36, 3E, 64, 65, 66, 67), counting an FWAIT (9B)
     * joined to an x87 instruction.
     */
    public int count() {
        return legacy.length;
    }

    /** The {@code i}-th legacy prefix byte, in the order they appear. */
    public int byteAt(int i) {
        return legacy[i] & 0xff;
    }

    /** Whether the {@code i}-th legacy prefix had no effect on the instruction. */
    public boolean unused(int i) {
        return (unusedMask >>> i & 1) != 0;
    }

    /** The REX byte (0x40-0x4F) of the instruction, or 0 when it has none. */
    public int rex() {
        return rex;
    }

    /** The bits of the REX byte (W=8, R=4, X=2, B=1) that had no effect; 0x40 itself counts as bit 16. */
    public int rexUnusedBits() {
        return rexUnusedBits;
    }

    /** The VEX fields, or null for a legacy encoding. */
    public Vex vex() {
        return vex;
    }

    /**
     * Whether an FWAIT (9B) came before this x87 instruction and was joined to it, as objdump shows it
     * (9B DF E0: fstsw ax): the instruction first waits for pending unmasked x87 exceptions.
     */
    public boolean fwait() {
        return contains(0x9b);
    }

    public boolean lock() {
        return contains(0xf0);
    }

    /** Whether the last of F2/F3 is F3 (REP/REPE). */
    public boolean rep() {
        return lastRepeat() == 0xf3;
    }

    /** Whether the last of F2/F3 is F2 (REPNE). */
    public boolean repne() {
        return lastRepeat() == 0xf2;
    }

    private int lastRepeat() {
        for (int i = legacy.length - 1; i >= 0; i--) {
            int b = legacy[i] & 0xff;
            if (b == 0xf2 || b == 0xf3) {
                return b;
            }
        }
        return 0;
    }

    private boolean contains(int prefix) {
        for (byte b : legacy) {
            if ((b & 0xff) == prefix) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prefixes p
                && Arrays.equals(legacy, p.legacy)
                && unusedMask == p.unusedMask
                && rex == p.rex
                && rexUnusedBits == p.rexUnusedBits
                && java.util.Objects.equals(vex, p.vex);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(legacy) * 31 + rex;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Prefixes[");
        for (int i = 0; i < legacy.length; i++) {
            s.append(String.format("%02x%s ", legacy[i] & 0xff, unused(i) ? "(unused)" : ""));
        }
        if (rex != 0) {
            s.append(String.format("rex=%02x ", rex));
        }
        if (vex != null) {
            s.append(vex);
        }
        return s.toString().trim() + "]";
    }
}
