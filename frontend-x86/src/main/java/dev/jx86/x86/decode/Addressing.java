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

    /** Displacement bytes by ModRM.mod, for the forms without SIB and RIP: none, disp8, disp32. */
    private static final int[] DISPLACEMENT_SIZE = {0, 1, 4, 0};

    /** Base registers by number (REX.B included), for 64- and 32-bit addresses. */
    private static final Register[] BASES_64 = bases(8);

    private static final Register[] BASES_32 = bases(4);

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
     * code[at]}, through its default segment ({@link #withSegment} applies an override).
     *
     * @param size the access size ({@link Memory#size()})
     * @param vsibIndexSize for VSIB, the vector index register's size (16 or 32), else 0
     */
    static Memory memory(
            byte[] code, int at, int modrm, int rex, int addressSize, boolean mode64, int size, int vsibIndexSize) {
        int mod = modrm >> 6;
        int rm = modrm & 7;
        if (addressSize != 2 && rm != 4 && (rm != 5 || mod != 0)) {
            // The common form, first so that C2 inlines it: a base register and a displacement.
            Register base = (addressSize == 8 ? BASES_64 : BASES_32)[rm | (rex & REX_B) << 3];
            long displacement = mod == 1 ? code[at] : mod == 2 ? int32(code, at) : 0;
            Register segment = rm == 5 ? Register.SS : Register.DS;
            return new Memory(size, segment, false, base, null, 1, displacement, DISPLACEMENT_SIZE[mod], addressSize);
        }
        if (addressSize == 2) {
            return memory16(code, at, mod, rm, size);
        }
        if (rm == 4) {
            return sibMemory(code, at, mod, rex, addressSize, mode64, size, vsibIndexSize);
        }
        return ripRelative(code, at, addressSize, mode64, size);
    }

    /** {@code memory} through the segment of an override prefix that takes effect. */
    static Memory withSegment(Memory memory, Register segment) {
        return new Memory(
                memory.size(),
                segment,
                true,
                memory.base(),
                memory.index(),
                memory.scale(),
                memory.displacement(),
                memory.displacementSize(),
                memory.addressSize());
    }

    /** ModRM.rm 5 without a displacement byte: RIP-relative in 64-bit mode, an absolute disp32 elsewhere. */
    private static Memory ripRelative(byte[] code, int at, int addressSize, boolean mode64, int size) {
        long displacement = int32(code, at);
        Register base = null;
        if (mode64) {
            base = addressSize == 8 ? Register.RIP : Register.EIP;
        } else if (addressSize == 4) {
            displacement &= 0xffffffffL;
        }
        return new Memory(size, Register.DS, false, base, null, 1, displacement, 4, addressSize);
    }

    /** The SIB form: scale, index, base (or a disp32 in its place), then the displacement ModRM.mod gives. */
    private static Memory sibMemory(
            byte[] code, int at, int mod, int rex, int addressSize, boolean mode64, int size, int vsibIndexSize) {
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
        return new Memory(size, segment, false, base, index, scale, displacement, displacementSize, addressSize);
    }

    /** 16-bit addressing: a fixed base and index pair per ModRM.rm (SDM Vol. 2, Table 2-1). */
    private static Memory memory16(byte[] code, int at, int mod, int rm, int size) {
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
        return new Memory(size, segment, false, base, index, 1, displacement, displacementSize, 2);
    }

    private static Register[] bases(int addressSize) {
        Register[] bases = new Register[16];
        for (int number = 0; number < 16; number++) {
            bases[number] = Register.gpr(addressSize, number, true);
        }
        return bases;
    }

    /** A little-endian signed 32-bit value at {@code code[at]}. */
    static int int32(byte[] code, int at) {
        return (int) INT_LE.get(code, at);
    }

    private static short int16(byte[] code, int at) {
        return (short) (code[at] & 0xff | code[at + 1] << 8);
    }
}
