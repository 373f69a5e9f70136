package dev.jx86.runtime.profile;

/**
 * Recognizes the CALL instruction that ends just before a possible return address, as a stack scan needs: {@code E8
 * rel32} (whose target it gives) and {@code FF /2} with any ModRM form, segment, address-size and (in 64-bit mode)
 * REX prefixes (SDM Vol. 2A, CALL; Table 2-2 for ModRM and SIB lengths).
 */
final class CallInstructions {
    /** No call ends here. */
    static final long NONE = Long.MIN_VALUE;
    /** An indirect call ends here: its target is not in the code. */
    static final long INDIRECT = Long.MIN_VALUE + 1;

    private CallInstructions() {}

    /**
     * What call ends at {@code code[end]} (exclusive), the code starting at guest address {@code base}: {@link #NONE},
     * {@link #INDIRECT}, or the target of a direct call.
     */
    static long before(byte[] code, int end, long base, boolean wide) {
        if (end >= 5 && (code[end - 5] & 0xff) == 0xe8) {
            int rel = (code[end - 4] & 0xff)
                    | (code[end - 3] & 0xff) << 8
                    | (code[end - 2] & 0xff) << 16
                    | (code[end - 1] & 0xff) << 24;
            long target = base + end + rel;
            return wide ? target : target & 0xffffffffL;
        }
        for (int length = 2; length <= 8 && length <= end; length++) {
            if (isIndirectCall(code, end - length, end, wide)) {
                return INDIRECT;
            }
        }
        return NONE;
    }

    /** Whether {@code code[start, end)} is exactly one {@code FF /2} with prefixes. */
    private static boolean isIndirectCall(byte[] code, int start, int end, boolean wide) {
        int at = start;
        while (at < end && isPrefix(code[at] & 0xff, wide)) {
            at++;
        }
        if (at + 2 > end || (code[at] & 0xff) != 0xff) {
            return false;
        }
        int modrm = code[at + 1] & 0xff;
        if ((modrm >> 3 & 7) != 2) {
            return false;
        }
        return at + 2 + operandBytes(modrm, at + 2 < end ? code[at + 2] & 0xff : 0) == end;
    }

    private static boolean isPrefix(int b, boolean wide) {
        return switch (b) {
            case 0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x67 -> true;
            default -> wide && (b & 0xf0) == 0x40;
        };
    }

    /** Bytes after the ModRM byte: SIB and displacement (32-bit addressing forms; 16-bit forms are not scanned). */
    private static int operandBytes(int modrm, int sib) {
        int mod = modrm >> 6;
        int rm = modrm & 7;
        if (mod == 3) {
            return 0;
        }
        int sibBytes = rm == 4 ? 1 : 0;
        int disp = switch (mod) {
            case 0 -> rm == 5 || (rm == 4 && (sib & 7) == 5) ? 4 : 0;
            case 1 -> 1;
            default -> 4;
        };
        return sibBytes + disp;
    }
}
