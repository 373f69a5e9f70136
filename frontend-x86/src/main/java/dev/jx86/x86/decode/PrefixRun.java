package dev.jx86.x86.decode;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The prefixes before an opcode as the {@link InstructionReader} reads them (SDM Vol. 2, 2.1.1 and
 * 2.2.1): the legacy prefix bytes in order, where the last of each kind stands (the last one acts),
 * and the REX byte, which counts only directly before the opcode. An FWAIT that objdump joins to the
 * x87 instruction after it is kept as a prefix byte too.
 */
final class PrefixRun {
    private static final byte NOT_PREFIX = 0;
    private static final byte LEGACY = 1;
    /** A REX prefix in 64-bit mode; INC or DEC elsewhere. */
    private static final byte REX = 2;
    /** Each byte's kind, so that the common case (no prefix) costs one load. */
    private static final byte[] KIND = kinds();

    private static final byte[] NO_BYTES = new byte[0];
    private static final int FWAIT = 0x9b;

    /** The legacy prefix bytes read; allocated with the first (most instructions have none). */
    private byte[] bytes;

    private int count;
    int last66 = -1;
    int last67 = -1;
    int lastRepeat = -1;
    int lastSegment = -1;
    int lock = -1;
    /** The REX byte directly before the opcode, or 0. */
    int rex;

    /** Reads the prefixes at {@code in}, and FWAITs that join an x87 escape after them. */
    void read(ByteCursor in, boolean mode64) {
        if (KIND[in.peek()] != NOT_PREFIX) {
            readRun(in, mode64);
        }
        while (in.peek() == FWAIT && waitJoinsEscape(in, mode64)) {
            // FWAIT before an x87 escape is kept with it as a prefix, as objdump shows it (9B D9 /7:
            // fstcw). A REX before the 9B applies to no opcode.
            boolean prefixed = count > 0 || rex != 0;
            in.next();
            add(FWAIT);
            rex = 0;
            if (prefixed) {
                break;
            }
            readRun(in, mode64);
        }
    }

    private void readRun(ByteCursor in, boolean mode64) {
        while (true) {
            int b = in.peek();
            int kind = KIND[b];
            if (kind == NOT_PREFIX || kind == REX && !mode64) {
                return;
            }
            if (kind == REX) {
                // REX counts only directly before the opcode; a later prefix voids it.
                in.next();
                rex = b;
                if (isLegacy(in.peek())) {
                    rex = 0;
                }
                continue;
            }
            switch (b) {
                case 0x66 -> last66 = count;
                case 0x67 -> last67 = count;
                case 0xf0 -> lock = count;
                case 0xf2, 0xf3 -> lastRepeat = count;
                default -> lastSegment = count;
            }
            in.next();
            add(b);
        }
    }

    private void add(int b) {
        if (bytes == null) {
            bytes = new byte[Decoder.MAX_LENGTH];
        }
        bytes[count++] = (byte) b;
    }

    /**
     * Whether the FWAIT at the cursor joins the x87 escape that follows: directly, or, when no prefix
     * came before it, after further prefixes and FWAITs (objdump's rule).
     */
    private boolean waitJoinsEscape(ByteCursor in, boolean mode64) {
        byte[] code = in.code;
        int j = in.pos + 1;
        if (count == 0 && rex == 0) {
            while (j < in.limit
                    && (isLegacy(code[j] & 0xff) || (code[j] & 0xff) == FWAIT || mode64 && (code[j] & 0xf0) == 0x40)) {
                j++;
            }
        }
        return j < in.limit && (code[j] & 0xff) >= 0xd8 && (code[j] & 0xff) <= 0xdf;
    }

    static boolean isLegacy(int b) {
        return KIND[b] == LEGACY;
    }

    private static byte[] kinds() {
        byte[] kinds = new byte[256];
        for (int b : new int[] {0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3}) {
            kinds[b] = LEGACY;
        }
        for (int b = 0x40; b <= 0x4f; b++) {
            kinds[b] = REX;
        }
        return kinds;
    }

    /** Legacy prefix bytes read, FWAIT included. */
    int count() {
        return count;
    }

    /** The {@code i}-th legacy prefix byte. */
    int byteAt(int i) {
        return bytes[i] & 0xff;
    }

    /** The legacy prefix bytes, as {@link Prefixes} keeps them. */
    byte[] toArray() {
        return count == 0 ? NO_BYTES : Arrays.copyOf(bytes, count);
    }

    /** The mandatory-prefix column of a legacy encoding: the last of F2/F3, else 66, else none. */
    int column() {
        if (lastRepeat >= 0) {
            return bytes[lastRepeat] == (byte) 0xf3 ? 2 : 3;
        }
        return last66 >= 0 ? 1 : 0;
    }

    /** The segment override that takes effect, or null: the last one; in 64-bit mode only FS and GS act. */
    Register segmentOverride(boolean mode64) {
        if (lastSegment < 0) {
            return null;
        }
        if (mode64) {
            // CS, DS, ES and SS overrides are ignored as if absent: the last FS or GS acts.
            for (int i = lastSegment; i >= 0; i--) {
                switch (bytes[i]) {
                    case 0x64 -> {
                        return Register.FS;
                    }
                    case 0x65 -> {
                        return Register.GS;
                    }
                    default -> {}
                }
            }
            return null;
        }
        return switch (bytes[lastSegment]) {
            case 0x26 -> Register.ES;
            case 0x2e -> Register.CS;
            case 0x36 -> Register.SS;
            case 0x3e -> Register.DS;
            case 0x64 -> Register.FS;
            default -> Register.GS;
        };
    }

    @Override
    public String toString() {
        String text = HexFormat.ofDelimiter(" ").formatHex(toArray());
        return "PrefixRun[" + text + (rex != 0 ? " rex=" + Integer.toHexString(rex) : "") + "]";
    }
}
