package dev.jx86.x86.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The memory operand of ModRM's memory form, from the ModRM byte and the SIB and displacement bytes
 * after it (SDM Vol. 2, 2.1.5, Tables 2-1 to 2-3). Callers first take {@link #length} and check that
 * those bytes are there; building the operand then reads them without further checks. Shared by the
 * {@link InstructionReader} and the {@link PlainReader}.
 */
final class Addressing {
    private static final int REX_X = 2;
    private static final int REX_B = 1;

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Addressing() {}

    /** Whether the memory form {@code modrm} has a SIB byte (32- and 64-bit addresses, rm 100). */
    static boolean hasSib(int modrm, int addressSize) {
        return addressSize != 2 && (modrm & 7) == 4;
    }

    /**
     * The bytes after the ModRM byte that its memory form takes: SIB and displacement. {@code sib} is the
     * byte after ModRM, read only when the form has one.
     */
    static int length(int modrm, int sib, int addressSize) {
        int mod = modrm >> 6;
        int rm = modrm & 7;
        if (addressSize == 2) {
            return mod == 1 ? 1 : mod == 2 || mod == 0 && rm == 6 ? 2 : 0;
        }
        int sibLength = rm == 4 ? 1 : 0;
        if (mod == 1) {
            return sibLength + 1;
        }
        if (mod == 2 || rm == 5 || rm == 4 && (sib & 7) == 5) {
            return sibLength + 4;
        }
        return sibLength;
    }

    /**
     * The operand of the memory form {@code modrm} whose SIB and displacement bytes start at {@code
     * code[at]}.
     *
     * @param size the access size ({@link Memory#size()})
     * @param override the segment override that takes effect, or null
     * @param vsibIndexSize for VSIB, the vector index register's size (16 or 32), else 0
     */
    static Memory memory(
            byte[] code,
            int at,
            int modrm,
            int rex,
            int addressSize,
            boolean mode64,
            int size,
            Register override,
            int vsibIndexSize) {
        int mod = modrm >> 6;
        int rm = modrm & 7;
        if (addressSize == 2) {
            return memory16(code, at, mod, rm, size, override);
        }
        if (rm == 4) {
            return sibMemory(code, at, mod, rex, addressSize, mode64, size, override, vsibIndexSize);
        }
        if (rm == 5 && mod == 0) {
            return ripRelative(code, at, addressSize, mode64, size, override);
        }
        Register base = Register.gpr(addressSize, rm | (rex & REX_B) << 3, true);
        long displacement = 0;
        int displacementSize = 0;
        if (mod == 1) {
            displacement = code[at];
            displacementSize = 1;
        } else if (mod == 2) {
            displacement = int32(code, at);
            displacementSize = 4;
        }
        Register segment = rm == 5 ? Register.SS : Register.DS;
        return withSegment(size, segment, override, base, null, 1, displacement, displacementSize, addressSize);
    }

    /** ModRM.rm 5 without a displacement byte: RIP-relative in 64-bit mode, an absolute disp32 elsewhere. */
    private static Memory ripRelative(
            byte[] code, int at, int addressSize, boolean mode64, int size, Register override) {
        long displacement = int32(code, at);
        Register base = null;
        if (mode64) {
            base = addressSize == 8 ? Register.RIP : Register.EIP;
        } else if (addressSize == 4) {
            displacement &= 0xffffffffL;
        }
        return withSegment(size, Register.DS, override, base, null, 1, displacement, 4, addressSize);
    }

    /** The SIB form: scale, index, base (or a disp32 in its place), then the displacement ModRM.mod gives. */
    private static Memory sibMemory(
            byte[] code,
            int at,
            int mod,
            int rex,
            int addressSize,
            boolean mode64,
            int size,
            Register override,
            int vsibIndexSize) {
        int s = code[at] & 0xff;
        int scale = 1 << (s >> 6);
        int indexNumber = (s >> 3 & 7) | (rex & REX_X) << 2;
        int baseLow = s & 7;
        Register index = null;
        if (vsibIndexSize != 0) {
            index = Register.vector(vsibIndexSize, indexNumber);
        } else if (indexNumber != 4) {
            index = Register.gpr(addressSize, indexNumber, true);
        } else if (scale != 1 || baseLow != 4 && !(baseLow == 5 && mod == 0 && addressSize == 8)) {
            // objdump names the absent index (riz) unless SIB is the usual [rsp+...] or a 64-bit absolute.
            index = addressSize == 8 ? Register.RIZ : Register.EIZ;
        }
        Register base = null;
        long displacement = 0;
        int displacementSize = 0;
        boolean stackDefault = false;
        if (baseLow == 5 && mod == 0) {
            displacement = int32(code, at + 1);
            displacementSize = 4;
        } else {
            base = Register.gpr(addressSize, baseLow | (rex & REX_B) << 3, true);
            stackDefault = baseLow == 4 || baseLow == 5;
        }
        if (mod == 1) {
            displacement = code[at + 1];
            displacementSize = 1;
        } else if (mod == 2) {
            displacement = int32(code, at + 1);
            displacementSize = 4;
        }
        if (addressSize == 4 && base == null && (index == null || mode64 && index == Register.EIZ)) {
            displacement &= 0xffffffffL;
        }
        Register segment = stackDefault ? Register.SS : Register.DS;
        return withSegment(size, segment, override, base, index, scale, displacement, displacementSize, addressSize);
    }

    /** 16-bit addressing: a fixed base and index pair per ModRM.rm (SDM Vol. 2, Table 2-1). */
    private static Memory memory16(byte[] code, int at, int mod, int rm, int size, Register override) {
        Register base = null;
        Register index = null;
        long displacement = 0;
        int displacementSize = 0;
        if (mod == 0 && rm == 6) {
            displacement = int16(code, at) & 0xffff;
            displacementSize = 2;
        } else {
            base = switch (rm) {
                case 0, 1, 7 -> Register.BX;
                case 2, 3, 6 -> Register.BP;
                case 4 -> Register.SI;
                default -> Register.DI;
            };
            index = switch (rm) {
                case 0, 2 -> Register.SI;
                case 1, 3 -> Register.DI;
                default -> null;
            };
            if (mod == 1) {
                displacement = code[at];
                displacementSize = 1;
            } else if (mod == 2) {
                displacement = int16(code, at);
                displacementSize = 2;
            }
        }
        Register segment = base == Register.BP ? Register.SS : Register.DS;
        return withSegment(size, segment, override, base, index, 1, displacement, displacementSize, 2);
    }

    private static Memory withSegment(
            int size,
            Register defaultSegment,
            Register override,
            Register base,
            Register index,
            int scale,
            long displacement,
            int displacementSize,
            int addressSize) {
        if (override != null) {
            return new Memory(size, override, true, base, index, scale, displacement, displacementSize, addressSize);
        }
        return new Memory(size, defaultSegment, false, base, index, scale, displacement, displacementSize, addressSize);
    }

    /** A little-endian signed 32-bit value at {@code code[at]}. */
    static int int32(byte[] code, int at) {
        return (int) INT_LE.get(code, at);
    }

    private static short int16(byte[] code, int at) {
        return (short) (code[at] & 0xff | code[at + 1] << 8);
    }
}
