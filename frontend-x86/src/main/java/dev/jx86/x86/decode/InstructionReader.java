package dev.jx86.x86.decode;

import dev.jx86.x86.decode.tables.DecodeTables;
import dev.jx86.x86.decode.tables.Dimension;
import dev.jx86.x86.decode.tables.Encoding;
import dev.jx86.x86.decode.tables.Node;
import dev.jx86.x86.decode.tables.OpcodeMap;
import dev.jx86.x86.decode.tables.OperandForm;
import dev.jx86.x86.decode.tables.Row;
import dev.jx86.x86.decode.tables.RowFacts;
import dev.jx86.x86.decode.tables.XopOpcodes;
import java.util.List;

/**
 * Reads one instruction, whatever its encoding: prefixes ({@link PrefixRun}), the opcode (with VEX, or
 * EVEX and XOP to their length), a walk of the decode tree, then the operands the row's forms describe
 * ({@link OperandReader}) and which prefixes took effect ({@link PrefixAccounting}), or the
 * {@link Invalid} result the bytes make. One reader per instruction; not shared. The layout rules are
 * those of the Intel SDM Vol. 2, chapter 2. The {@link PlainReader} decodes the common encodings
 * faster; this reader decodes everything.
 */
final class InstructionReader extends OperandReader {
    private final Mode mode;
    // VEX only: a REX byte before it (objdump names it as unused) and VEX.vvvv before the mode masks it.
    int rexBeforeVex;
    private int rawVvvv;

    private OpcodeMap map;
    /** The memory operand when it precedes the opcode byte (3DNow!). */
    private Memory memoryAhead;

    // What the instruction consumed, besides its operands, for the unused-prefix accounting.
    /** Whether the opcode has mandatory-prefix columns: 66 then selects one even under REX.W. */
    boolean prefixColumns;
    /** 66 chose between rows that differ in their mandatory prefix (BSF over TZCNT, MOVBE over CRC32). */
    boolean selected66;

    InstructionReader(Mode mode, byte[] code, int start, int end, long address) {
        super(mode, code, start, end, address);
        this.mode = mode;
    }

    Decoded read() {
        try {
            return readInstruction();
        } catch (Stop stop) {
            int length = stopLength(stop);
            Invalid.Reason reason = stop != Stop.LIMIT
                    ? stop.reason
                    : length >= Decoder.MAX_LENGTH ? Invalid.Reason.TOO_LONG : Invalid.Reason.TRUNCATED;
            return new Invalid(address, length, reason);
        }
    }

    private Decoded readInstruction() {
        legacy.read(this, mode64);
        rex = legacy.rex;
        // The address size is known once the prefixes are: 67 is the only one that changes it.
        addressSize = addressSize();
        int opcodeStart = pos;
        int b = next();
        if (b == 0x0f) {
            int b2 = next();
            if (b2 == 0x38) {
                map = OpcodeMap.MAP_0F38;
                opcode = next();
            } else if (b2 == 0x3a) {
                map = OpcodeMap.MAP_0F3A;
                opcode = next();
            } else if (b2 == 0x0f) {
                // 3DNow!: the opcode byte follows the ModRM form, so the address is read first.
                map = OpcodeMap.THREE_DNOW;
                modrm();
                if (!isRegisterForm()) {
                    addressSize = addressSize();
                    memoryAhead = readMemory(0);
                }
                opcode = next();
            } else {
                map = OpcodeMap.MAP_0F;
                opcode = b2;
            }
        } else if ((b == 0xc4 || b == 0xc5) && (mode64 || peek() >= 0xc0)) {
            Invalid invalid = readVex(b);
            if (invalid != null) {
                return invalid;
            }
            opcode = next();
        } else if (b == 0x62 && (mode64 || peek() >= 0xc0)) {
            return skipEvex();
        } else if (b == 0x8f && (peek() & 0x1f) >= 8) {
            return skipXop();
        } else {
            map = OpcodeMap.ONE_BYTE;
            opcode = b;
        }
        int opcodeEnd = pos;
        Node node = map == OpcodeMap.ONE_BYTE ? DecodeTables.oneByte(opcode) : DecodeTables.root(map, opcode);
        boolean mandatoryPrefix = false;
        Dimension lastSplit = null;
        while (node instanceof Node.Split split) {
            Dimension dimension = split.dimension();
            // The group opcodes' ModRM.reg is the common split: read here, the others in key().
            int key = dimension == Dimension.REG ? modrm() >> 3 & 7 : key(split);
            mandatoryPrefix |= dimension == Dimension.PREFIX && key != 0;
            prefixColumns |= dimension == Dimension.PREFIX;
            lastSplit = dimension;
            node = split.children()[key];
        }
        if (node instanceof Node.NamedUndefined named) {
            return finish(named.facts(), true);
        }
        if (!(node instanceof Node.Leaf leaf)) {
            if (map == OpcodeMap.ONE_BYTE && opcode >= 0xd8 && opcode <= 0xdf) {
                return undefinedEscape();
            }
            if (map == OpcodeMap.THREE_DNOW) {
                // objdump ends an undefined 3DNow! opcode after the first 0F and decodes on from the second.
                pos = opcodeStart + 1;
                Prefixes prefixes = PrefixAccounting.prefixes(this, null, false, List.of());
                return new Invalid(address, pos - start, Invalid.Reason.UNDEFINED_OPCODE, mode, prefixes);
            }
            if (vex != null) {
                // objdump names the legacy prefixes before a rejected VEX encoding, except when VEX.pp
                // selected nothing or VEX.vvvv is not 1111.
                return lastSplit == Dimension.PREFIX || rawVvvv != 0
                        ? new Invalid(address, opcodeEnd - start, Invalid.Reason.UNDEFINED_OPCODE)
                        : vexInvalid(opcodeEnd);
            }
            // Like objdump, an undefined encoding ends after its opcode, whether or not its ModRM was read.
            return undefined(opcodeEnd, mandatoryPrefix && ((Node.Undefined) node).otherPrefixColumn());
        }
        RowFacts facts = leaf.facts();
        if (vex != null && rawVvvv != 0 && !facts.usesVvvv()) {
            // VEX.vvvv must be 1111 where no operand takes it, in every mode (bit 3 too).
            return new Invalid(address, opcodeEnd - start, Invalid.Reason.UNDEFINED_OPCODE);
        }
        if (facts.xchg() && opcode == 0x90 && (rex & REX_B) == 0 && legacy.last66 < 0) {
            facts = DecodeTables.nop90Facts();
        }
        return finish(facts, false);
    }

    /**
     * An undefined opcode. Its prefixes had no effect, unless one was read as a mandatory prefix: the
     * processor (and objdump) then take the bytes as that prefix's undefined column.
     */
    private Invalid undefined(int opcodeEnd, boolean mandatoryPrefix) {
        if (mandatoryPrefix || vex != null || legacy.count() == 0 && rex == 0) {
            return new Invalid(address, opcodeEnd - start, Invalid.Reason.UNDEFINED_OPCODE);
        }
        return new Invalid(
                address, opcodeEnd - start, Invalid.Reason.UNDEFINED_OPCODE, mode, PrefixAccounting.allUnused(this));
    }

    /** A VEX encoding objdump rejects as {@code (bad)}, ending at {@code end}, after the prefixes it names. */
    private Invalid vexInvalid(int end) {
        return new Invalid(
                address,
                end - start,
                Invalid.Reason.UNDEFINED_OPCODE,
                mode,
                PrefixAccounting.prefixes(this, null, false, List.of()));
    }

    /**
     * Reads the rest of a VEX prefix; returns the Invalid result if the map is undefined. 66, F2, F3,
     * LOCK and REX before VEX make the instruction #UD; objdump prints them as unused prefixes, and so
     * does jx86 (they stay unused in {@link Prefixes}).
     */
    private Invalid readVex(int first) {
        rexBeforeVex = rex;
        int vexStart = pos - 1;
        int b1 = next();
        int vexMap;
        boolean w;
        int r;
        int x = 0;
        int bBit = 0;
        int rest;
        if (first == 0xc5) {
            r = ~b1 >> 7 & 1;
            vexMap = 1;
            w = false;
            rest = b1;
        } else {
            int b2 = next();
            r = ~b1 >> 7 & 1;
            x = ~b1 >> 6 & 1;
            bBit = ~b1 >> 5 & 1;
            vexMap = b1 & 0x1f;
            w = (b2 & 0x80) != 0;
            rest = b2;
        }
        int vvvv = ~rest >> 3 & 0xf;
        rawVvvv = vvvv;
        if (!mode64) {
            vvvv &= 7;
            r = 0;
            x = 0;
            bBit = 0;
        }
        vex = new Vex(vexMap, rest & 3, w, (rest & 4) != 0 ? 32 : 16, vvvv);
        rex = 0x40 | (w && mode64 ? REX_W : 0) | r << 2 | x << 1 | bBit;
        rexUsed = 0x4f; // VEX's register bits are not prefixes of their own: never "unused".
        map = switch (vexMap) {
            case 1 -> OpcodeMap.VEX_0F;
            case 2 -> OpcodeMap.VEX_0F38;
            case 3 -> OpcodeMap.VEX_0F3A;
            default -> null;
        };
        // objdump rejects an undefined map at the C4 byte and decodes on from the next byte.
        return map == null ? vexInvalid(vexStart + 1) : null;
    }

    /** EVEX (AVX-512) is decoded to its length only: jx86 does not support it, so it raises #UD. */
    private Decoded skipEvex() {
        int escape = pos - 1;
        int p0 = next();
        int evexMap = p0 & 7;
        // Maps 0, 4 and 7 and a set reserved bit 3 are not EVEX; neither is P1 bit 2 clear (SDM 2.7.1).
        if (evexMap == 0 || evexMap == 4 || evexMap == 7 || (p0 & 8) != 0) {
            return unsupported(escape + 1);
        }
        int p1 = next();
        if ((p1 & 4) == 0) {
            return unsupported(escape + 2);
        }
        next();
        int op = next();
        int m = next();
        skipAddress(m);
        boolean immediate =
                evexMap == 3 || evexMap == 1 && (op >= 0x70 && op <= 0x73 || op == 0xc2 || op >= 0xc4 && op <= 0xc6);
        if (immediate) {
            next();
        }
        return unsupported(pos);
    }

    /**
     * AMD XOP is decoded to its length only: it raises #UD on the processors jx86 models. Bytes that
     * are no XOP instruction end, as objdump has them, after 8F (a map other than 8, 9 or A) or after
     * the opcode.
     */
    private Decoded skipXop() {
        int escape = pos - 1;
        int b1 = next();
        int xopMap = b1 & 0x1f;
        if (xopMap != 8 && xopMap != 9 && xopMap != 0xa) {
            return unsupported(escape + 1);
        }
        int b2 = next();
        int op = next();
        int m = next();
        int immediate = XopOpcodes.immediateSize(
                xopMap, op, (b2 & 0x80) != 0, (b2 & 4) != 0, b2 & 3, b2 >> 3 & 0xf, m >> 3 & 7);
        if (immediate < 0) {
            return unsupported(escape + 4);
        }
        skipAddress(m);
        for (int i = 0; i < immediate; i++) {
            next();
        }
        return unsupported(pos);
    }

    private Invalid unsupported(int end) {
        return new Invalid(
                address, end - start, Invalid.Reason.UNSUPPORTED_EXTENSION, mode, PrefixAccounting.allUnused(this));
    }

    /**
     * An undefined x87 escape: the escapes always take a ModRM byte (SDM Vol. 2, A.5), so the encoding
     * still spans its SIB and displacement, and objdump shows its memory operand after {@code (bad)}.
     */
    private Invalid undefinedEscape() {
        addressSize = addressSize();
        modrm();
        Memory memory = isRegisterForm() ? null : readMemory(0);
        Prefixes prefixes = PrefixAccounting.prefixes(this, null, false, memory == null ? List.of() : List.of(memory));
        return new Invalid(address, pos - start, Invalid.Reason.UNDEFINED_OPCODE, mode, prefixes, memory);
    }

    /** Skips the SIB and displacement that follow {@code m} without building an operand. */
    private void skipAddress(int m) {
        modrm = m;
        if ((m >> 6) != 3) {
            addressSize = addressSize();
            readMemory(0);
        }
    }

    private int key(Node.Split split) {
        return switch (split.dimension()) {
            case PREFIX -> {
                int prefix = prefixKey();
                selected66 |= prefix == 1 && vex == null;
                yield prefix;
            }
            case REG -> modrm() >> 3 & 7;
            case MOD -> (modrm() >> 6) == 3 ? Encoding.REGISTER : Encoding.MEMORY;
            case RM -> modrm() & 7;
            case W -> (vex != null ? vex.w() : (rex & REX_W) != 0) ? 1 : 0;
            case L -> vex != null && vex.vectorLength() == 32 ? 1 : 0;
            case MODE -> mode64 ? 1 : 0;
            case OPERAND_SIZE -> sizeIndex(operandSize(split.defaultSize64(), split.mandatory66()));
            case ADDRESS_SIZE -> sizeIndex(addressSize());
        };
    }

    private static int sizeIndex(int size) {
        return size == 2 ? 0 : size == 4 ? 1 : 2;
    }

    /** The mandatory-prefix key: the last of F2/F3, else 66, else none; VEX gives it in pp. */
    private int prefixKey() {
        if (vex != null) {
            return vex.pp();
        }
        return legacy.column();
    }

    private int operandSize(boolean defaultSize64, boolean mandatory66) {
        boolean override = legacy.last66 >= 0 && !mandatory66;
        if (mode64) {
            if ((rex & REX_W) != 0) {
                return 8;
            }
            return override ? 2 : defaultSize64 ? 8 : 4;
        }
        int size = mode == Mode.BITS32 ? 4 : 2;
        return override ? 6 - size : size;
    }

    private int addressSize() {
        boolean override = legacy.last67 >= 0;
        if (mode64) {
            return override ? 4 : 8;
        }
        // 67 switches 32-bit mode to 16-bit addresses and 16-bit mode to 32-bit ones.
        return override != (mode == Mode.BITS32) ? 4 : 2;
    }

    /**
     * Reads the rest of {@code row}'s instruction. With {@code named}, ModRM has the form the row does
     * not take: the result is undefined, carrying the instruction objdump names without that operand.
     */
    private Decoded finish(RowFacts facts, boolean named) {
        Row row = facts.row();
        boolean mandatory66 = facts.mandatoryPrefix() == 1 && vex == null;
        operandSize = operandSize(facts.defaultSize64(), mandatory66);
        if (facts.hasModRm()) {
            modrm();
            if (facts.modIgnored()) {
                modrm |= 0xc0;
            }
        }
        OperandForm[] forms = facts.forms();
        Memory memory = memoryAhead != null ? memoryAhead : modRmMemory(facts);
        if (memory != null
                && memoryAhead == null
                && (vsibIndexSize != 0 || facts.sibmem())
                && (addressSize == 2 || !sib)) {
            // VSIB and AMX's sibmem need a SIB byte (and 32/64-bit addressing); objdump prints "(bad)".
            return new Invalid(address, pos - start, Invalid.Reason.UNDEFINED_OPCODE);
        }
        List<Operand> operands = named ? operands(facts, memory, true) : operands(facts, memory);
        if (noSuchSegment || vex != null && mode64 && facts.vexRegisterLimits() && namesMissingRegister(forms)) {
            return new Invalid(address, pos - start, Invalid.Reason.UNDEFINED_OPCODE);
        }
        Prefixes prefixes = legacy.count() == 0 && rex == 0 && vex == null
                ? Prefixes.NONE
                : PrefixAccounting.prefixes(this, facts, mandatory66, operands);
        Instruction instruction = new Instruction(
                address,
                pos - start,
                mode,
                row.mnemonic(),
                operands,
                operandSize,
                addressSize,
                prefixes,
                row.attributes());
        return named ? namedInvalid(instruction, forms, memory) : instruction;
    }

    /** Undefined bytes in the ModRM form the row does not take, named as {@code instruction} (objdump). */
    private Invalid namedInvalid(Instruction instruction, OperandForm[] forms, Memory memory) {
        int badOperand = badOperand(forms, memory);
        if (badOperand < 0) {
            badOperand = instruction.operands().size(); // A ModRM byte the row names exactly: objdump appends (bad).
        }
        Invalid.Reason reason =
                memory == null ? Invalid.Reason.REGISTER_FORM_NOT_ALLOWED : Invalid.Reason.MEMORY_FORM_NOT_ALLOWED;
        return new Invalid(address, pos - start, reason, mode, Prefixes.NONE, instruction, badOperand);
    }

    /** The last operand in the ModRM form the row does not take, or -1. */
    private static int badOperand(OperandForm[] forms, Memory memory) {
        int bad = -1;
        for (int i = 0; i < forms.length; i++) {
            if (wrongForm(forms[i], memory)) {
                bad = i;
            }
        }
        return bad;
    }
}
