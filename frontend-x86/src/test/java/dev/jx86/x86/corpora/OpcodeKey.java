package dev.jx86.x86.corpora;

import dev.jx86.x86.decode.Mode;

/**
 * Names the opcode an encoding selects, for grouping disagreements: the mandatory prefix and map
 * ("66 0f 38 f6"), the VEX/EVEX/XOP map, and the ModRM.reg extension for group opcodes ("ff /3").
 */
final class OpcodeKey {
    private OpcodeKey() {}

    static String of(byte[] code, Mode mode) {
        int i = 0;
        int mandatory = 0;
        while (i < code.length) {
            int b = code[i] & 0xff;
            if (b == 0x66 && mandatory == 0 || b == 0xf2 || b == 0xf3) {
                mandatory = b;
            } else if (!(b == 0x26 || b == 0x2e || b == 0x36 || b == 0x3e || b == 0x64 || b == 0x65 || b == 0x66
                    || b == 0x67 || b == 0xf0)) {
                break;
            }
            i++;
        }
        if (mode == Mode.BITS64 && i < code.length && (code[i] & 0xf0) == 0x40) {
            i++;
        }
        if (i >= code.length) {
            return "prefixes only";
        }
        int b = code[i] & 0xff;
        boolean extended = mode == Mode.BITS64 || i + 1 < code.length && (code[i + 1] & 0xc0) == 0xc0;
        if ((b == 0xc4 || b == 0xc5 || b == 0x62) && extended && i + 1 < code.length) {
            String kind = b == 0x62 ? "EVEX" : "VEX";
            int map = b == 0xc5 ? 1 : code[i + 1] & (b == 0x62 ? 0x07 : 0x1f);
            int ppByte = b == 0xc5 ? i + 1 : i + 2;
            int pp = ppByte < code.length ? code[ppByte] & 3 : 0;
            int at = i + (b == 0xc5 ? 2 : b == 0x62 ? 4 : 3);
            String opcode = at < code.length ? String.format("%02x", code[at] & 0xff) : "??";
            return kind + "." + new String[] {"NP", "66", "F3", "F2"}[pp] + "." + mapName(map) + " " + opcode;
        }
        if (b == 0x8f && i + 1 < code.length && (code[i + 1] & 0x38) != 0) {
            int at = i + 3;
            return "XOP.map" + (code[i + 1] & 0x1f) + " "
                    + (at < code.length ? String.format("%02x", code[at] & 0xff) : "??");
        }
        String prefix = mandatory == 0 ? "" : String.format("%02x ", mandatory);
        if (b != 0x0f) {
            return prefix.isEmpty() || !(b >= 0x90 && b <= 0x97 || b >= 0xa4 && b <= 0xaf)
                    ? group(String.format("%02x", b), b, code, i + 1)
                    : prefix + String.format("%02x", b);
        }
        if (i + 1 >= code.length) {
            return "0f";
        }
        int b2 = code[i + 1] & 0xff;
        if (b2 == 0x0f) {
            return "0f 0f (3DNow!) " + String.format("%02x", code[code.length - 1] & 0xff);
        }
        if ((b2 == 0x38 || b2 == 0x3a) && i + 2 < code.length) {
            return prefix + String.format("0f %02x %02x", b2, code[i + 2] & 0xff);
        }
        String key = prefix + String.format("0f %02x", b2);
        boolean grouped = b2 == 0x00
                || b2 == 0x01
                || b2 == 0x18
                || b2 == 0x71
                || b2 == 0x72
                || b2 == 0x73
                || b2 == 0xae
                || b2 == 0xba
                || b2 == 0xc7
                || b2 == 0xb9
                || b2 == 0x0d;
        return grouped ? withReg(key, code, i + 2, b2 == 0x01 || b2 == 0xae || b2 == 0xc7) : key;
    }

    private static String group(String key, int b, byte[] code, int modrm) {
        boolean grouped = b >= 0x80 && b <= 0x83
                || b == 0x8f
                || b == 0xc0
                || b == 0xc1
                || b == 0xc6
                || b == 0xc7
                || b >= 0xd0 && b <= 0xd3
                || b == 0xf6
                || b == 0xf7
                || b == 0xfe
                || b == 0xff;
        if (b >= 0xd8 && b <= 0xdf) {
            return withReg(key, code, modrm, true);
        }
        return grouped ? withReg(key, code, modrm, false) : key;
    }

    /** Adds "/reg", and for maps where register forms are separate instructions, "mod3 xx". */
    private static String withReg(String key, byte[] code, int at, boolean registerFormsDiffer) {
        if (at >= code.length) {
            return key;
        }
        int modrm = code[at] & 0xff;
        if (registerFormsDiffer && modrm >= 0xc0) {
            return key + String.format(" %02x", modrm);
        }
        return key + " /" + ((modrm >> 3) & 7);
    }

    private static String mapName(int map) {
        return switch (map) {
            case 1 -> "0F";
            case 2 -> "0F38";
            case 3 -> "0F3A";
            default -> "map" + map;
        };
    }
}
