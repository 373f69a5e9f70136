package dev.jx86.x86.decode.tables;

import java.util.regex.Pattern;

/**
 * Where a row sits in the opcode space, parsed from the Intel SDM's opcode column: {@code "00 /r"},
 * {@code "80 /7"}, {@code "B8+r"}, {@code "66 0F 58 /r"}, {@code "NP 0F 10 /r"}, {@code "REX.W 0F C7
 * /1"}, {@code "0F 01 C8"} (a full ModRM byte), {@code "D8 C0+i"} (ModRM with ST(i) in rm), {@code
 * "VEX.256.66.0F38.W0 18 /r"}, {@code "0F 0F /r 9E"} (3DNow!: the opcode byte after the ModRM form). A
 * trailing {@code mem} or {@code reg} restricts ModRM.mod where the operands do not already.
 *
 * @param prefix the mandatory prefix: {@link #ANY}, or 0 (NP), 1 (66), 2 (F3), 3 (F2), as VEX.pp
 * @param reg ModRM.reg required, or {@link #ANY}
 * @param mod {@link #MEMORY}, {@link #REGISTER} or {@link #ANY}
 * @param rm ModRM.rm required (register form), or {@link #ANY}
 * @param w REX.W / VEX.W required (0 or 1), or {@link #ANY}
 * @param l VEX.L required (0 or 1), or {@link #ANY}
 * @param hasModRm whether a ModRM byte follows the opcode
 * @param plusR whether the low three opcode bits name a register (the row covers 8 opcodes)
 */
public record Encoding(
        OpcodeMap map,
        int opcode,
        int prefix,
        int reg,
        int mod,
        int rm,
        int w,
        int l,
        boolean hasModRm,
        boolean plusR) {

    public static final int ANY = -1;
    public static final int MEMORY = 0;
    public static final int REGISTER = 1;

    /** Compiled once: every start parses the ~2,000 rows of the tables (String.split would compile it per row). */
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    public static Encoding parse(String text) {
        String[] tokens = BLANKS.split(text.trim());
        int i = 0;
        int prefix = ANY;
        int w = ANY;
        int l = ANY;
        OpcodeMap map = OpcodeMap.ONE_BYTE;
        switch (tokens[i]) {
            case "NP" -> prefix = 0;
            case "66" -> prefix = 1;
            case "F3" -> prefix = 2;
            case "F2" -> prefix = 3;
            default -> i--;
        }
        i++;
        if (tokens[i].equals("REX.W")) {
            w = 1;
            i++;
        }
        if (tokens[i].startsWith("VEX.")) {
            if (prefix != ANY || w != ANY) {
                throw new IllegalArgumentException("legacy prefix with VEX in '" + text + "'");
            }
            prefix = 0;
            for (String field : tokens[i].substring(4).split("\\.")) {
                switch (field) {
                    case "128", "L0", "LZ" -> l = 0;
                    case "256", "L1" -> l = 1;
                    case "LIG" -> l = ANY;
                    case "66" -> prefix = 1;
                    case "F3" -> prefix = 2;
                    case "F2" -> prefix = 3;
                    case "0F" -> map = OpcodeMap.VEX_0F;
                    case "0F38" -> map = OpcodeMap.VEX_0F38;
                    case "0F3A" -> map = OpcodeMap.VEX_0F3A;
                    case "W0" -> w = 0;
                    case "W1" -> w = 1;
                    case "WIG" -> w = ANY;
                    default -> throw new IllegalArgumentException("bad VEX field " + field + " in '" + text + "'");
                }
            }
            if (map == OpcodeMap.ONE_BYTE) {
                throw new IllegalArgumentException("VEX without a map in '" + text + "'");
            }
            i++;
        } else if (tokens[i].equals("0F")) {
            i++;
            if (tokens.length == i + 3 && tokens[i].equals("0F") && tokens[i + 1].equals("/r")) {
                // 3DNow! in AMD's notation, 0F 0F /r 9E: the opcode byte follows the ModRM form.
                int suffix = Integer.parseInt(tokens[i + 2], 16);
                return new Encoding(OpcodeMap.THREE_DNOW, suffix, prefix, ANY, ANY, ANY, w, l, true, false);
            }
            map = OpcodeMap.MAP_0F;
            if (tokens.length > i + 1 && (tokens[i].equals("38") || tokens[i].equals("3A"))) {
                map = tokens[i].equals("38") ? OpcodeMap.MAP_0F38 : OpcodeMap.MAP_0F3A;
                i++;
            }
        }
        String op = tokens[i++];
        boolean plusR = op.endsWith("+r");
        int opcode = Integer.parseInt(plusR ? op.substring(0, op.length() - 2) : op, 16);
        if (plusR && (opcode & 7) != 0) {
            throw new IllegalArgumentException("+r opcode must be a multiple of 8 in '" + text + "'");
        }
        int reg = ANY;
        int mod = ANY;
        int rm = ANY;
        boolean hasModRm = false;
        for (; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("/r")) {
                hasModRm = true;
            } else if (token.length() == 2 && token.charAt(0) == '/') {
                hasModRm = true;
                reg = token.charAt(1) - '0';
            } else if (token.equals("mem")) {
                mod = MEMORY;
            } else if (token.equals("reg")) {
                mod = REGISTER;
            } else if (token.endsWith("+i")) {
                int modrm = Integer.parseInt(token.substring(0, 2), 16);
                hasModRm = true;
                mod = REGISTER;
                reg = modrm >> 3 & 7;
            } else {
                int modrm = Integer.parseInt(token, 16);
                if (modrm < 0xc0) {
                    throw new IllegalArgumentException("exact ModRM must be register form in '" + text + "'");
                }
                hasModRm = true;
                mod = REGISTER;
                reg = modrm >> 3 & 7;
                rm = modrm & 7;
            }
        }
        if (reg < ANY || reg > 7) {
            throw new IllegalArgumentException("bad /digit in '" + text + "'");
        }
        return new Encoding(map, opcode, prefix, reg, mod, rm, w, l, hasModRm, plusR);
    }
}
