package dev.jx86.x86.decode.tables;

import dev.jx86.x86.decode.Register;
import java.util.Locale;

/**
 * One operand of a table row in the SDM's notation: an addressing method and a type ({@code Ev},
 * {@code Gb}, {@code Vps}, {@code Ibs}), or a register the row names ({@code AL}, {@code rAX}, {@code
 * eAX}, {@code DX}, {@code ST}), the constant {@code 1}, or {@code ST(i)}; for the VEX maps also
 * opmask forms ({@code KGw}, {@code KEq}...) and VSIB memory ({@code vm32x:d}: the
 * SDM's vm32x, gathering dword elements).
 *
 * @param fixed for {@link Method#FIXED}: the register, or for a size-following name ({@code rAX},
 *     {@code eAX}) the 64-bit register it widens to
 * @param sizeFollows for {@code rAX}/{@code eAX}-style names: the register's size follows the operand
 *     size ({@code rAX} up to 64 bits, {@code eAX} up to 32)
 */
public record OperandForm(Method method, Type type, Type memoryType, Register fixed, int sizeFollows) {

    public static OperandForm parse(String text) {
        switch (text) {
            case "1" -> {
                return new OperandForm(Method.ONE, Type.B, Type.B, null, 0);
            }
            case "ST(i)" -> {
                return new OperandForm(Method.STI, Type.T, Type.T, null, 0);
            }
            case "TG", "TR", "TH" -> {
                return new OperandForm(Method.valueOf(text), Type.NONE, Type.NONE, null, 0);
            }
            case "Msib" -> {
                return new OperandForm(Method.SIBMEM, Type.NONE, Type.NONE, null, 0);
            }
            case "I4" -> {
                return new OperandForm(Method.I4, Type.B, Type.B, null, 0);
            }
            case "[rBX]b" -> {
                return new OperandForm(Method.TABLE, Type.B, Type.B, null, 0);
            }
            case "ST" -> {
                return new OperandForm(Method.FIXED, Type.T, Type.T, Register.ST, 0);
            }
            case "bnd" -> {
                return new OperandForm(Method.BND, Type.NONE, Type.NONE, null, 0);
            }
            case "bnd/M" -> {
                return new OperandForm(Method.BND_RM, Type.NONE, Type.NONE, null, 0);
            }
            default -> {}
        }
        if (text.startsWith("vm")) {
            // vm32x:d = the SDM's vm32x (dword indices in an XMM register) gathering dword elements;
            // the type is the index register's size, the memory type the element's.
            Type index = text.charAt(4) == 'x' ? Type.DQ : Type.QQ;
            return new OperandForm(Method.VSIB, index, typeOf(text.substring(6)), null, 0);
        }
        if (text.length() == 3 && text.charAt(0) == 'K' && "GERH".indexOf(text.charAt(1)) >= 0) {
            Type type = typeOf(text.substring(2));
            return new OperandForm(Method.valueOf(text.substring(0, 2)), type, type, null, 0);
        }
        if (text.length() == 3 && (text.charAt(0) == 'r' || text.charAt(0) == 'e')) {
            // rAX, eCX...: the register widens with the operand size (eXX stops at 32 bits).
            Register wide = Register.valueOf("R" + text.substring(1).toUpperCase(Locale.ROOT));
            return new OperandForm(Method.FIXED, Type.V, Type.V, wide, text.charAt(0) == 'r' ? 8 : 4);
        }
        if (Character.isUpperCase(text.charAt(0)) && text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
            Register register = Register.valueOf(text);
            return new OperandForm(Method.FIXED, Type.NONE, Type.NONE, register, 0);
        }
        int slash = text.indexOf('/');
        if (slash > 0) {
            Method register = Method.valueOf(text.substring(0, 1));
            if (text.charAt(slash + 1) != 'M') {
                throw new IllegalArgumentException("second form must be memory: " + text);
            }
            Method either = switch (register) {
                case R -> Method.E;
                case U -> Method.W;
                case N -> Method.Q;
                default -> throw new IllegalArgumentException("first form must be R, U or N: " + text);
            };
            return new OperandForm(
                    either, typeOf(text.substring(1, slash)), typeOf(text.substring(slash + 2)), null, 0);
        }
        Type type = typeOf(text.substring(1));
        return new OperandForm(Method.valueOf(text.substring(0, 1)), type, type, null, 0);
    }

    private static Type typeOf(String code) {
        return code.isEmpty() ? Type.NONE : Type.valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Whether the operand's size depends on the operand-size attribute (66, REX.W, D64). */
    public boolean followsOperandSize() {
        return sizeFollows != 0
                || switch (type) {
                    case V, Z, Y, A, P, BS -> true;
                    default -> false;
                };
    }

    /** Whether the form takes only the register encoding of ModRM.rm (mod = 11). */
    public boolean registerOnly() {
        return switch (method) {
            case R, U, N, STI, KR, TR -> true;
            default -> false;
        };
    }

    /** Whether the form takes only the memory encoding of ModRM.rm. */
    public boolean memoryOnly() {
        return method == Method.M || method == Method.VSIB || method == Method.SIBMEM;
    }

    /** As {@link #followsOperandSize()}, for the memory form when {@code memory} (a split form's M part). */
    public boolean followsOperandSize(boolean memory) {
        if (!memory || memoryType == type) {
            return followsOperandSize();
        }
        return switch (memoryType) {
            case V, Z, Y, A, P, BS -> true;
            default -> false;
        };
    }

    /** Whether the form is encoded in the ModRM byte. */
    public boolean usesModRm() {
        return switch (method) {
            case C, D, E, G, M, N, P, Q, R, S, T, U, V, W, STI, BND, BND_RM, KG, KE, KR, VSIB, TG, TR, SIBMEM -> true;
            default -> false;
        };
    }
}
