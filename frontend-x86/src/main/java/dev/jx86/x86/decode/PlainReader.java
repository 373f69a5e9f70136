package dev.jx86.x86.decode;

import java.util.Arrays;
import java.util.List;

/**
 * Decodes the plain encodings, most of real code, in one straight pass: at most a segment override
 * (FS or GS in 64-bit mode), then at most one of 66, F3 and F2, at most a REX prefix, an opcode of the
 * one-byte or 0F map, and the operands of a {@link PlainRow}. Everything else (more prefixes, VEX, x87, other operand forms, undefined bytes)
 * it leaves to the {@link InstructionReader} by returning null; the two give equal results where both
 * decode (PlainReaderTest decodes real and random code both ways). The caller guarantees {@link
 * Decoder#MAX_LENGTH} bytes from the start, so no read checks a limit: a plain instruction is at most
 * 14 bytes long.
 */
final class PlainReader {
    private static final int REX_X = 2;
    private static final int REX_B = 1;
    private static final int REX_R = 4;
    private static final int REX_W = 8;
    /** Stands for "the REX byte changed which byte register was named" in the unused-bit mask. */
    private static final int REX_PRESENCE = 16;

    // The prefixes the plain reader takes, by kind: the prefix columns 1 (66), 2 (F3) and 3 (F2), and
    // a segment override.
    private static final byte NOT_PREFIX = 0;
    private static final byte SEGMENT = 4;
    private static final byte[] PREFIX_KIND = prefixKinds();

    private PlainReader() {}

    private static byte[] prefixKinds() {
        byte[] kinds = new byte[256];
        kinds[0x66] = 1;
        kinds[0xf3] = 2;
        kinds[0xf2] = 3;
        for (int b : new int[] {0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65}) {
            kinds[b] = SEGMENT;
        }
        return kinds;
    }

    /** The instruction at {@code code[start]}, or null when it is not plain. */
    static Instruction read(PlainTable table, byte[] code, int start, long address) {
        // Segment, prefix column, REX, opcode: the row.
        int p = start;
        int first = code[p] & 0xff;
        int kind = PREFIX_KIND[first];
        int column = 0;
        Register segment = null;
        if (kind != NOT_PREFIX) {
            if (kind == SEGMENT) {
                segment = table.segmentOverride(first);
                first = code[++p] & 0xff;
                kind = PREFIX_KIND[first];
                if (segment == null || kind == SEGMENT) {
                    return null;
                }
            }
            if (kind != NOT_PREFIX) {
                column = kind;
                first = code[++p] & 0xff;
            }
        }
        int rex = table.mode64 && (first & 0xf0) == 0x40 ? first : 0;
        p += rex >>> 6;
        int opcode = code[p] & 0xff;
        int key = column << PlainTable.COLUMN_SHIFT | (rex & REX_W) << 6 | opcode;
        if (opcode == 0x0f) {
            opcode = code[++p] & 0xff;
            key = column << PlainTable.COLUMN_SHIFT | (rex & REX_W) << 6 | PlainTable.MAP_0F_KEY | opcode;
        }
        int modrm = code[p + 1] & 0xff;
        PlainRow row = table.row(key, modrm);
        if (row != null && row.byReg != null) {
            row = row.byReg[modrm >> 3 & 7];
        }
        if (row == null) {
            return null;
        }
        if (row.shape == PlainRow.NOP_90 && (rex & REX_B) != 0) {
            row = row.rexBAlternative;
        }
        // ModRM's operand, the register operand, the immediate or target after them.
        int at = p + 1;
        int used = row.rexUsed;
        Operand e = null;
        if (row.hasModRm) {
            at++;
            if (row.memory) {
                Memory memory = Addressing.memory(code, at, modrm, rex, table.addressSize, table.mode64, row.eSize, 0);
                boolean sib = Addressing.hasSib(modrm, table.addressSize);
                at += memory.displacementSize() + (sib ? 1 : 0);
                used |= sib ? REX_X : 0;
                e = segment == null ? memory : Addressing.withSegment(memory, segment);
            } else {
                int number = modrm & 7 | (rex & REX_B) << 3;
                used |= byteRegisterUse(row.eSize, number);
                e = row.eRegisters[rex >> 2 & 16 | number];
            }
        }
        int gNumber = row.zRegister ? opcode & 7 | (rex & REX_B) << 3 : modrm >> 3 & 7 | (rex & REX_R) << 1;
        used |= byteRegisterUse(row.gSize, gNumber);
        int g = rex >> 2 & 16 | gNumber;
        int end = at + row.tailLength;
        List<Operand> operands = switch (row.shape) {
            case PlainRow.NONE, PlainRow.NOP_90 -> List.of();
            case PlainRow.G_E -> List.of(row.gRegisters[g], e);
            case PlainRow.E_G -> List.of(e, row.gRegisters[g]);
            case PlainRow.E -> List.of(e);
            case PlainRow.E_I -> List.of(e, immediate(code, at, row));
            case PlainRow.G_E_I -> List.of(row.gRegisters[g], e, immediate(code, at, row));
            case PlainRow.E_F -> List.of(e, row.fixed);
            case PlainRow.E_1 -> List.of(e, PlainRow.ONE);
            case PlainRow.Z -> List.of(row.gRegisters[g]);
            case PlainRow.Z_I -> List.of(row.gRegisters[g], immediate(code, at, row));
            case PlainRow.J -> List.of(target(table, code, at, row, address + (end - start)));
            case PlainRow.I -> List.of(immediate(code, at, row));
            case PlainRow.F_I -> List.of(row.fixed, immediate(code, at, row));
            case PlainRow.E_G_I -> List.of(e, row.gRegisters[g], immediate(code, at, row));
            case PlainRow.E_G_F -> List.of(e, row.gRegisters[g], row.fixed);
            case PlainRow.Z_F -> List.of(row.gRegisters[g], row.fixed);
            default -> throw new IllegalStateException("shape " + row.shape);
        };
        int rexUnused = rex == 0 ? 0 : rexUnused(rex, used);
        Prefixes prefixes;
        if (segment != null) {
            prefixes = segmentPrefixes(code, start, row, column, rex, rexUnused);
        } else if (row.prefix == null) {
            prefixes = rex == 0 ? Prefixes.NONE : Prefixes.rexOnly(rex, rexUnused);
        } else {
            prefixes = new Prefixes(row.prefix, row.prefixUnused, rex, rexUnused, null);
        }
        return new Instruction(
                address,
                end - start,
                table.mode,
                row.mnemonic,
                operands,
                row.operandSize,
                table.addressSize,
                prefixes,
                row.attributes);
    }

    /**
     * The prefixes of an instruction with a segment override first: it takes effect on a memory
     * operand and on nothing else (the general reader's accounting, {@link PrefixAccounting}).
     */
    private static Prefixes segmentPrefixes(byte[] code, int start, PlainRow row, int column, int rex, int rexUnused) {
        int unused = row.memory ? 0 : 1;
        if (column != 0) {
            unused |= row.prefixUnused << 1;
        }
        byte[] legacy = Arrays.copyOfRange(code, start, start + (column != 0 ? 2 : 1));
        return new Prefixes(legacy, unused, rex, rexUnused, null);
    }

    /** SPL, BPL, SIL and DIL are named only with a REX byte (which then counts as taken). */
    private static int byteRegisterUse(int size, int number) {
        return size == 1 && (number & 0xc) == 4 ? REX_PRESENCE : 0;
    }

    /** The bits of the REX byte that had no effect ({@link Prefixes#rexUnusedBits()}). */
    private static int rexUnused(int rex, int used) {
        int unused = rex & 0xf & ~used;
        if ((rex & 0xf) == 0 && (used & REX_PRESENCE) == 0) {
            unused |= REX_PRESENCE;
        }
        return unused;
    }

    private static Immediate immediate(byte[] code, int at, PlainRow row) {
        return new Immediate(signed(code, at, row.tailLength), row.immediateSize, row.tailLength);
    }

    /** A relative branch target: the next instruction's address plus the displacement, wrapped as the mode does. */
    private static RelativeTarget target(PlainTable table, byte[] code, int at, PlainRow row, long next) {
        long target = next + signed(code, at, row.tailLength);
        if (row.operandSize == 2) {
            target &= 0xffff;
        } else if (!table.mode64) {
            target &= 0xffffffffL;
        }
        return new RelativeTarget(target, row.tailLength);
    }

    /** The little-endian signed value of {@code size} bytes at {@code code[at]}. */
    private static long signed(byte[] code, int at, int size) {
        return switch (size) {
            case 1 -> code[at];
            case 2 -> (short) (code[at] & 0xff | code[at + 1] << 8);
            case 4 -> Addressing.int32(code, at);
            default -> Addressing.int32(code, at) & 0xffffffffL | (long) Addressing.int32(code, at + 4) << 32;
        };
    }
}
