package dev.jx86.x86.decode;

import dev.jx86.x86.decode.tables.DecodeTables;
import dev.jx86.x86.decode.tables.Dimension;
import dev.jx86.x86.decode.tables.Encoding;
import dev.jx86.x86.decode.tables.Node;
import dev.jx86.x86.decode.tables.OpcodeMap;
import dev.jx86.x86.decode.tables.OperandForm;
import dev.jx86.x86.decode.tables.Row;
import dev.jx86.x86.decode.tables.RowFacts;
import dev.jx86.x86.decode.tables.Type;
import dev.jx86.x86.decode.tables.XopOpcodes;
import java.util.List;

/**
 * Reads one instruction: prefixes, opcode, a walk of the decode tree, ModRM/SIB/displacement,
 * immediates, then the operands the row's forms describe. One reader per instruction; not shared.
 * The layout rules are those of the Intel SDM Vol. 2, chapter 2.
 */
final class InstructionReader {
    /** Ends decoding early; preallocated and stackless, it never leaves this class. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Stop TRUNCATED = new Stop(Invalid.Reason.TRUNCATED);
        /**
         * A read reached {@code limit}: the instruction ends there, TOO_LONG at 15 bytes, else TRUNCATED.
         * Decided in {@link #read()}, so that the readers stay under C2's 35-byte inlining limit.
         */
        static final Stop LIMIT = new Stop(Invalid.Reason.TRUNCATED);

        final Invalid.Reason reason;

        private Stop(Invalid.Reason reason) {
            super(reason.toString(), null, false, false);
            this.reason = reason;
        }
    }

    private static final int REX_W = 8;
    private static final int REX_R = 4;
    private static final int REX_X = 2;
    private static final int REX_B = 1;
    private static final byte NOT_PREFIX = 0;
    private static final byte LEGACY = 1;
    /** A REX prefix in 64-bit mode; INC or DEC elsewhere. */
    private static final byte REX = 2;
    /** Each byte's kind, so that the common case (no prefix) costs one load. */
    private static final byte[] PREFIX_KIND = prefixKinds();
    /** Stands for "the REX byte changed which byte register was named" in the unused-bit mask. */
    private static final int REX_PRESENCE = 16;
    /** Stands in for the row of an undefined encoding in the prefix accounting: no prefix is its own. */
    private static final RowFacts NO_ROW = new RowFacts(new Row(Encoding.parse("D6"), Mnemonic.NOP, List.of(), 0));

    private final Mode mode;
    private final boolean mode64;
    private final byte[] code;
    private final int start;
    private final int end;
    /** The first byte the instruction may not reach: its end or the 15-byte limit, whichever is first. */
    private final int limit;

    private final long address;
    private int pos;

    // Prefixes.
    /** The legacy prefix bytes read; allocated with the first (most instructions have none). */
    private byte[] prefixBytes;

    private int prefixCount;
    private int last66 = -1;
    private int last67 = -1;
    private int lastRepeat = -1;
    private int lastSegment = -1;
    private int lock = -1;
    private int rex;
    private Vex vex;
    // VEX only: a REX byte before it (objdump names it as unused), VEX.vvvv before the mode masks it,
    // and the is4 byte (register in bits 7:4) once read.
    private int rexBeforeVex;
    private int rawVvvv;
    private int is4;

    // Opcode and ModRM.
    private OpcodeMap map;
    private int opcode;
    private int modrm = -1;
    private boolean sib;
    /** For a VSIB operand: the size of its vector index register (16 or 32), else 0. */
    private int vsibIndexSize;
    /** The memory operand when it precedes the opcode byte (3DNow!). */
    private Memory memoryAhead;

    private int operandSize;
    private int addressSize;

    // What the instruction consumed, for the unused-prefix accounting.
    /** Whether the opcode has mandatory-prefix columns: 66 then selects one even under REX.W. */
    private boolean prefixColumns;

    private int rexUsed;
    private boolean memoryOperand;
    private boolean segmentUsed;
    /** 66 chose between rows that differ in their mandatory prefix (BSF over TZCNT, MOVBE over CRC32). */
    private boolean selected66;
    /** ModRM.reg named segment register 6 or 7, which do not exist: #UD once the length is known. */
    private boolean noSuchSegment;

    // Relative branch displacement, resolved once the length is known.

    InstructionReader(Mode mode, byte[] code, int start, int end, long address) {
        this.mode = mode;
        this.mode64 = mode == Mode.BITS64;
        this.code = code;
        this.start = start;
        this.end = end;
        this.limit = Math.min(end, start + Decoder.MAX_LENGTH);
        this.address = address;
        this.pos = start;
    }

    Decoded read() {
        try {
            return readInstruction();
        } catch (Stop stop) {
            if (stop == Stop.LIMIT) {
                // As if the bytes up to the limit had been read one at a time.
                pos = limit;
                return new Invalid(
                        address,
                        pos - start,
                        pos - start >= Decoder.MAX_LENGTH ? Invalid.Reason.TOO_LONG : Invalid.Reason.TRUNCATED);
            }
            return new Invalid(address, pos - start, stop.reason);
        }
    }

    /** The next byte; 35 bytecodes, so that C2 inlines it at every call site. */
    private int next() {
        if (pos >= limit) {
            throw Stop.LIMIT;
        }
        return Byte.toUnsignedInt(code[pos++]);
    }

    private int peek() {
        if (pos >= end) {
            throw Stop.TRUNCATED;
        }
        return code[pos] & 0xff;
    }

    private Decoded readInstruction() {
        if (PREFIX_KIND[peek()] != NOT_PREFIX) {
            readPrefixes();
        }
        while (peek() == 0x9b && waitJoinsEscape()) {
            // FWAIT before an x87 escape is kept with it as a prefix, as objdump shows it (9B D9 /7:
            // fstcw). A REX before the 9B applies to no opcode.
            boolean prefixed = prefixCount > 0 || rex != 0;
            next();
            addPrefix(0x9b);
            rex = 0;
            if (prefixed) {
                break;
            }
            readPrefixes();
        }
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
                Prefixes prefixes = prefixes(null, false, List.of());
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
        if (facts.xchg() && opcode == 0x90 && (rex & REX_B) == 0 && last66 < 0) {
            facts = DecodeTables.nop90Facts();
        }
        return finish(facts, false);
    }

    /**
     * An undefined opcode. Its prefixes had no effect, unless one was read as a mandatory prefix: the
     * processor (and objdump) then take the bytes as that prefix's undefined column.
     */
    private Invalid undefined(int opcodeEnd, boolean mandatoryPrefix) {
        if (mandatoryPrefix || vex != null || prefixCount == 0 && rex == 0) {
            return new Invalid(address, opcodeEnd - start, Invalid.Reason.UNDEFINED_OPCODE);
        }
        return new Invalid(address, opcodeEnd - start, Invalid.Reason.UNDEFINED_OPCODE, mode, allUnused());
    }

    /** The prefixes read so far, none of them with an effect: objdump names them before (bad). */
    private Prefixes allUnused() {
        return new Prefixes(
                prefixBytes(), (1 << prefixCount) - 1, rex, rex == 0 ? 0 : (rex & 0xf) != 0 ? rex & 0xf : 16, null);
    }

    private void readPrefixes() {
        while (true) {
            int b = peek();
            int kind = PREFIX_KIND[b];
            if (kind == NOT_PREFIX || kind == REX && !mode64) {
                return;
            }
            if (kind == REX) {
                // REX counts only directly before the opcode; a later prefix voids it.
                next();
                rex = b;
                if (isLegacyPrefix(peek())) {
                    rex = 0;
                }
                continue;
            }
            switch (b) {
                case 0x66 -> last66 = prefixCount;
                case 0x67 -> last67 = prefixCount;
                case 0xf0 -> lock = prefixCount;
                case 0xf2, 0xf3 -> lastRepeat = prefixCount;
                default -> lastSegment = prefixCount;
            }
            next();
            addPrefix(b);
        }
    }

    private void addPrefix(int b) {
        if (prefixBytes == null) {
            prefixBytes = new byte[Decoder.MAX_LENGTH];
        }
        prefixBytes[prefixCount++] = (byte) b;
    }

    /**
     * Whether the FWAIT at {@code pos} joins the x87 escape that follows: directly, or, when no prefix
     * came before it, after further prefixes and FWAITs (objdump's rule).
     */
    private boolean waitJoinsEscape() {
        int limit = Math.min(end, start + Decoder.MAX_LENGTH);
        int j = pos + 1;
        if (prefixCount == 0 && rex == 0) {
            while (j < limit
                    && (isLegacyPrefix(code[j] & 0xff)
                            || (code[j] & 0xff) == 0x9b
                            || mode64 && (code[j] & 0xf0) == 0x40)) {
                j++;
            }
        }
        return j < limit && (code[j] & 0xff) >= 0xd8 && (code[j] & 0xff) <= 0xdf;
    }

    private static boolean isLegacyPrefix(int b) {
        return PREFIX_KIND[b] == LEGACY;
    }

    private static byte[] prefixKinds() {
        byte[] kinds = new byte[256];
        for (int b : new int[] {0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3}) {
            kinds[b] = LEGACY;
        }
        for (int b = 0x40; b <= 0x4f; b++) {
            kinds[b] = REX;
        }
        return kinds;
    }

    /** A VEX encoding objdump rejects as {@code (bad)}, ending at {@code end}, after the prefixes it names. */
    private Invalid vexInvalid(int end) {
        return new Invalid(
                address, end - start, Invalid.Reason.UNDEFINED_OPCODE, mode, prefixes(null, false, List.of()));
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
        return new Invalid(address, end - start, Invalid.Reason.UNSUPPORTED_EXTENSION, mode, allUnused());
    }

    /**
     * An undefined x87 escape: the escapes always take a ModRM byte (SDM Vol. 2, A.5), so the encoding
     * still spans its SIB and displacement, and objdump shows its memory operand after {@code (bad)}.
     */
    private Invalid undefinedEscape() {
        addressSize = addressSize();
        modrm();
        Memory memory = isRegisterForm() ? null : readMemory(0);
        Prefixes prefixes = prefixes(null, false, memory == null ? List.of() : List.of(memory));
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

    private int modrm() {
        if (modrm < 0) {
            modrm = next();
        }
        return modrm;
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
        if (lastRepeat >= 0) {
            return prefixBytes[lastRepeat] == (byte) 0xf3 ? 2 : 3;
        }
        return last66 >= 0 ? 1 : 0;
    }

    private int operandSize(boolean defaultSize64, boolean mandatory66) {
        boolean override = last66 >= 0 && !mandatory66;
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
        boolean override = last67 >= 0;
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
        Prefixes prefixes =
                prefixCount == 0 && rex == 0 && vex == null ? Prefixes.NONE : prefixes(facts, mandatory66, operands);
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

    /** The ModRM memory operand, sized by the row's memory form, or null for the register form. */
    private Memory modRmMemory(RowFacts facts) {
        if (modrm < 0 || (modrm >> 6) == 3) {
            return null;
        }
        vsibIndexSize = facts.vsibIndexSize();
        return readMemory(size(facts.memorySizeCode()));
    }

    private List<Operand> operands(RowFacts facts, Memory memory) {
        return switch (facts.forms().length) {
            case 0 -> List.of();
            case 1 -> List.of(operand(facts, 0, memory));
            case 2 -> {
                Operand first = operand(facts, 0, memory);
                yield List.of(first, operand(facts, 1, memory));
            }
            default -> operands(facts, memory, false);
        };
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

    private static boolean wrongForm(OperandForm form, Memory memory) {
        return memory == null ? form.memoryOnly() : form.registerOnly();
    }

    /** The operands of {@code forms} in order; with {@code named}, without those in the wrong ModRM form. */
    private List<Operand> operands(RowFacts facts, Memory memory, boolean named) {
        OperandForm[] forms = facts.forms();
        Operand[] read = new Operand[forms.length];
        int count = 0;
        for (int i = 0; i < forms.length; i++) {
            if (!(named && wrongForm(forms[i], memory))) {
                read[count++] = operand(facts, i, memory);
            }
        }
        return switch (count) {
            case 0 -> List.of();
            case 1 -> List.of(read[0]);
            case 2 -> List.of(read[0], read[1]);
            default -> List.of(java.util.Arrays.copyOf(read, count));
        };
    }

    /**
     * Whether VEX.R, VEX.B or VEX.vvvv bit 3 extends an opmask or tile register number past 7 (objdump:
     * "(bad)").
     */
    private boolean namesMissingRegister(OperandForm[] forms) {
        for (OperandForm form : forms) {
            boolean bad = switch (form.method()) {
                case KG, TG -> (rex & REX_R) != 0;
                case KR, TR -> (rex & REX_B) != 0;
                case KE -> isRegisterForm() && (rex & REX_B) != 0;
                case KH, TH -> vex.vvvv() > 7;
                default -> false;
            };
            if (bad) {
                return true;
            }
        }
        return false;
    }

    /** A branch target wraps to the operand size (16 bits), or to 32 bits outside 64-bit mode. */
    private long wrap(long target) {
        if (operandSize == 2) {
            return target & 0xffff;
        }
        return mode64 ? target : target & 0xffffffffL;
    }

    /**
     * The operand the row's {@code i}-th form describes: the common general-purpose forms by their int
     * codes (RowFacts), kept small to inline; the rest by their {@link OperandForm}.
     */
    private Operand operand(RowFacts facts, int i, Memory memory) {
        return switch (facts.formCode(i)) {
            case RowFacts.E ->
                isRegisterForm() ? gpr(size(facts.sizeCode(i)), rmNumber()) : sized(memory, facts.memorySizeCode(i));
            case RowFacts.M -> sized(memory, facts.memorySizeCode(i));
            case RowFacts.G -> gpr(size(facts.sizeCode(i)), regNumber());
            case RowFacts.Z -> {
                rexUsed |= REX_B;
                yield gpr(size(facts.sizeCode(i)), (opcode & 7) | (rex & REX_B) << 3);
            }
            case RowFacts.IB -> new Immediate((byte) next(), 1, 1);
            case RowFacts.IBS -> new Immediate((byte) next(), operandSize, 1);
            case RowFacts.ID -> new Immediate(readInt32(), 4, 4);
            case RowFacts.IZ ->
                operandSize == 2 ? new Immediate(readSigned(2), 2, 2) : new Immediate(readInt32(), operandSize, 4);
            case RowFacts.JB -> relative(1);
            case RowFacts.JZ -> relative(operandSize == 2 ? 2 : 4);
            default -> otherOperand(facts.forms()[i], memory);
        };
    }

    private Operand otherOperand(OperandForm form, Memory memory) {
        Type type = form.type();
        return switch (form.method()) {
            case E, M, G, Z -> throw new IllegalStateException("common form " + form);
            case I -> immediate(type);
            case J -> relative(type == Type.B ? 1 : operandSize == 2 ? 2 : 4);
            case R -> gpr(size(type), rmNumber());
            case B -> gpr(size(type), vex.vvvv());
            case O -> offset(0);
            case A -> farPointer();
            case S -> segmentRegister();
            // Outside 64-bit mode LOCK selects CR8-CR15 (AMD's alternative to REX.R).
            case C -> Register.control(regNumber() | (lock >= 0 && !mode64 ? 8 : 0));
            case D -> Register.debug(regNumber());
            case T -> Register.test(modrm >> 3 & 7);
            case P -> Register.mmx(modrm >> 3 & 7);
            case N -> Register.mmx(modrm & 7);
            case Q -> isRegisterForm() ? Register.mmx(modrm & 7) : sized(memory, form.memoryType());
            case V -> Register.vector(vectorSize(type), regNumber());
            case U -> Register.vector(vectorSize(type), rmNumber());
            case W ->
                isRegisterForm() ? Register.vector(vectorSize(type), rmNumber()) : sized(memory, form.memoryType());
            case H -> Register.vector(vectorSize(type), vex.vvvv());
            case L -> {
                is4 = next();
                yield Register.vector(vectorSize(type), is4 >> 4 & (mode64 ? 0xf : 7));
            }
            case I4 -> new Immediate(is4 & 0xf, 1, 1); // encoded in the is4 byte, shared with the register
            case X -> stringOperand(size(type), Register.DS, 6);
            case Y -> stringOperand(size(type), Register.ES, 7);
            case FIXED ->
                form.sizeFollows() != 0
                        ? Register.gpr(
                                Math.min(operandSize, form.sizeFollows()),
                                form.fixed().number(),
                                false)
                        : form.fixed();
            case ONE -> new Immediate(1, 1, 0);
            case STI -> Register.st(modrm & 7);
            case KG -> Register.mask(modrm >> 3 & 7);
            case KE -> isRegisterForm() ? Register.mask(modrm & 7) : sized(memory, form.memoryType());
            case KR -> Register.mask(modrm & 7);
            case KH -> Register.mask(vex.vvvv() & 7);
            case VSIB, SIBMEM -> sized(memory, form.memoryType());
            case TG -> Register.tile(modrm >> 3 & 7);
            case TR -> Register.tile(modrm & 7);
            case TH -> Register.tile(vex.vvvv() & 7);
            case TABLE -> {
                memoryOperand = true;
                Register base = Register.gpr(addressSize, 3, false);
                Register override = segmentOverride();
                // As for a string source, objdump takes any segment prefix as the table's.
                segmentUsed |= lastSegment >= 0;
                Register segment = override != null ? override : Register.DS;
                yield new Memory(1, segment, true, base, null, 1, 0, 0, addressSize);
            }
            case BND -> Register.bound(modrm >> 3 & 3);
            case BND_RM -> isRegisterForm() ? Register.bound(modrm & 3) : sized(memory, form.memoryType());
        };
    }

    /** Segment registers 6 and 7 do not exist: #UD (objdump prints "?"). */
    private Register segmentRegister() {
        int number = modrm >> 3 & 7;
        if (number > 5) {
            noSuchSegment = true;
            return Register.ES;
        }
        return Register.segment(number);
    }

    private boolean isRegisterForm() {
        return (modrm >> 6) == 3;
    }

    private int regNumber() {
        rexUsed |= REX_R;
        return (modrm >> 3 & 7) | (rex & REX_R) << 1;
    }

    private int rmNumber() {
        rexUsed |= REX_B;
        return (modrm & 7) | (rex & REX_B) << 3;
    }

    private Register gpr(int size, int number) {
        if (size == 1 && rex != 0 && number >= 4 && number < 8) {
            rexUsed |= REX_PRESENCE;
        }
        return Register.gpr(size, number, rex != 0);
    }

    /** Size in bytes of a general-register or memory operand of {@code type}. */
    private int size(Type type) {
        return size(RowFacts.sizeCode(type));
    }

    /** Size in bytes of an operand by its {@link RowFacts#sizeCode(Type) size code}. */
    private int size(int code) {
        return code >= 0 ? code : code == RowFacts.SIZE_V ? operandSize : sizeByRule(code);
    }

    private int sizeByRule(int code) {
        return RowFacts.size(
                code, operandSize, mode64, (rex & REX_W) != 0, last66 >= 0, vex != null ? vex.vectorLength() : 16);
    }

    private int vectorSize(Type type) {
        return switch (type) {
            case QQ -> 32;
            case X, PS, PD -> vex != null ? vex.vectorLength() : 16;
            default -> 16;
        };
    }

    private Memory sized(Memory memory, Type type) {
        return sized(memory, RowFacts.sizeCode(type));
    }

    /** {@code memory} at the size {@code sizeCode} gives: itself when it has that size already. */
    private Memory sized(Memory memory, int sizeCode) {
        int size = size(sizeCode);
        return size == memory.size() ? memory : resized(memory, size);
    }

    private static Memory resized(Memory memory, int size) {
        return new Memory(
                size,
                memory.segment(),
                memory.explicitSegment(),
                memory.base(),
                memory.index(),
                memory.scale(),
                memory.displacement(),
                memory.displacementSize(),
                memory.addressSize());
    }

    /** Reads SIB and displacement for the ModRM memory form ({@link Addressing}). */
    private Memory readMemory(int size) {
        memoryOperand = true;
        // objdump counts REX.B as taken by every memory form, even those without a base register.
        rexUsed |= REX_B;
        int at = pos;
        int sibByte = 0;
        if (Addressing.hasSib(modrm, addressSize)) {
            sibByte = next();
            sib = true;
            rexUsed |= REX_X;
        }
        int length = Addressing.length(modrm, sibByte, addressSize);
        if (at > limit - length) {
            throw Stop.LIMIT;
        }
        pos = at + length;
        Register override = lastSegment < 0 ? null : segmentOverride();
        if (override != null) {
            segmentUsed = true;
        }
        return Addressing.memory(code, at, modrm, rex, addressSize, mode64, size, override, vsibIndexSize);
    }

    /** The segment override that takes effect: the last one; in 64-bit mode only FS and GS act. */
    private Register segmentOverride() {
        if (lastSegment < 0) {
            return null;
        }
        if (mode64) {
            // CS, DS, ES and SS overrides are ignored as if absent: the last FS or GS acts.
            for (int i = lastSegment; i >= 0; i--) {
                switch (prefixBytes[i]) {
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
        return switch (prefixBytes[lastSegment]) {
            case 0x26 -> Register.ES;
            case 0x2e -> Register.CS;
            case 0x36 -> Register.SS;
            case 0x3e -> Register.DS;
            case 0x64 -> Register.FS;
            default -> Register.GS;
        };
    }

    private Memory stringOperand(int size, Register segment, int register) {
        memoryOperand = true;
        Register base = Register.gpr(addressSize, register, false);
        Register override = segment == Register.DS ? segmentOverride() : null;
        if (segment == Register.DS && lastSegment >= 0) {
            // objdump takes the prefix as the source's even where 64-bit mode ignores it.
            segmentUsed = true;
        }
        return new Memory(size, override != null ? override : segment, true, base, null, 1, 0, 0, addressSize);
    }

    /** A moffs operand (A0-A3). Its size is the register operand's, so like objdump it states none. */
    private Memory offset(int size) {
        long offset = readUnsigned(addressSize);
        Register override = segmentOverride();
        if (override != null) {
            segmentUsed = true;
        }
        Register segment = override != null ? override : Register.DS;
        return new Memory(size, segment, override != null, null, null, 1, offset, addressSize, addressSize);
    }

    private Immediate immediate(Type type) {
        return switch (type) {
            case B -> new Immediate(readSigned(1), 1, 1);
            case BS -> new Immediate(readSigned(1), operandSize, 1);
            case W -> new Immediate(readSigned(2), 2, 2);
            case D -> new Immediate(readSigned(4), 4, 4);
            case Z ->
                operandSize == 2 ? new Immediate(readSigned(2), 2, 2) : new Immediate(readSigned(4), operandSize, 4);
            case V -> new Immediate(readSigned(operandSize), operandSize, operandSize);
            default -> throw new IllegalStateException("no immediate of type " + type);
        };
    }

    /** A relative branch target: J forms end their instruction (TableBuilder checks), so it is known. */
    private Operand relative(int size) {
        long displacement = readSigned(size);
        return new RelativeTarget(wrap(address + (pos - start) + displacement), size);
    }

    private FarPointer farPointer() {
        long offset = readUnsigned(operandSize == 2 ? 2 : 4);
        int selector = (int) readUnsigned(2);
        return new FarPointer(selector, offset);
    }

    private long readUnsigned(int size) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (long) next() << (8 * i);
        }
        return value;
    }

    private long readSigned(int size) {
        return switch (size) {
            case 1 -> (byte) next();
            case 4 -> readInt32();
            default -> {
                long value = readUnsigned(size);
                int shift = 64 - 8 * size;
                yield value << shift >> shift;
            }
        };
    }

    /** A little-endian signed 32-bit value, with one limit check for its four bytes. */
    private int readInt32() {
        int at = pos;
        if (at > limit - 4) {
            throw Stop.LIMIT;
        }
        pos = at + 4;
        return Addressing.int32(code, at);
    }

    /**
     * Which prefixes took effect, in the sense objdump prints the others by name. {@code row} is null
     * for an undefined encoding, where only the memory operand uses prefixes.
     */
    private Prefixes prefixes(RowFacts facts, boolean mandatory66, List<Operand> operands) {
        if (prefixCount == 0 && rex == 0 && vex == null) {
            return Prefixes.NONE;
        }
        if (facts == null) {
            facts = NO_ROW;
        }
        int unused = prefixCount == 0 ? 0 : unusedLegacy(facts, mandatory66, operands);
        int rexUnused = rex != 0 && vex == null ? rexUnused(facts) : 0;
        if (vex != null && rexBeforeVex != 0) {
            rexUnused = (rexBeforeVex & 0xf) != 0 ? rexBeforeVex & 0xf : REX_PRESENCE;
            return new Prefixes(prefixBytes(), unused, rexBeforeVex, rexUnused, vex);
        }
        if (prefixCount == 0 && vex == null) {
            return Prefixes.rexOnly(rex, rexUnused);
        }
        return new Prefixes(prefixBytes(), unused, vex == null ? rex : 0, rexUnused, vex);
    }

    /** The mask of the legacy prefixes that had no effect. */
    private int unusedLegacy(RowFacts facts, boolean mandatory66, List<Operand> operands) {
        int unused = 0;
        for (int i = 0; i < prefixCount; i++) {
            if (!legacyUsed(i, facts, mandatory66, operands)) {
                unused |= 1 << i;
            }
        }
        return unused;
    }

    private boolean legacyUsed(int i, RowFacts facts, boolean mandatory66, List<Operand> operands) {
        Row row = facts.row();
        int mandatory = facts.mandatoryPrefix();
        return switch (prefixBytes[i] & 0xff) {
            case 0x66 ->
                i == last66
                        && vex == null
                        && (mandatory66
                                || selected66
                                // REX.W overrides 66 as the operand size, which leaves 66 unused.
                                || facts.usesOperandSize(memoryOperand) && !(rexWOverrides66(facts) && !prefixColumns));
            case 0x67 ->
                i == last67
                        && (memoryOperand && !hasAbsolute(operands)
                                || row.has(Attribute.AS16)
                                || row.has(Attribute.AS32)
                                || row.has(Attribute.AS64));
            case 0xf2, 0xf3 ->
                i == lastRepeat
                        && (vex == null && (mandatory == 2 || mandatory == 3)
                                || row.has(Attribute.REP)
                                || row.has(Attribute.REPE_REPNE));
            case 0x9b -> true;
            case 0xf0 ->
                row.has(Attribute.LOCKABLE) && !operands.isEmpty() && operands.get(0) instanceof Memory
                        || !mode64 && hasControlRegister(operands);
            default -> i == lastSegment && segmentUsed;
        };
    }

    /** The bits of a legacy-encoding REX that had no effect ({@link Prefixes#rexUnusedBits()}). */
    private int rexUnused(RowFacts facts) {
        if (facts.sizeFromW(memoryOperand) || facts.farReturn() || facts.wSplit()) {
            rexUsed |= REX_W;
        }
        int rexUnused = rex & 0xf & ~rexUsed;
        if ((rex & 0xf) == 0 && (rexUsed & REX_PRESENCE) == 0) {
            rexUnused |= REX_PRESENCE;
        }
        return rexUnused;
    }

    private static final byte[] NO_PREFIX_BYTES = new byte[0];

    private byte[] prefixBytes() {
        return prefixCount == 0 ? NO_PREFIX_BYTES : java.util.Arrays.copyOf(prefixBytes, prefixCount);
    }

    /** objdump does not count 67 as taken by a 32-bit absolute address (16- and 64-bit modes). */
    private static boolean hasAbsolute(List<Operand> operands) {
        for (Operand operand : operands) {
            if (operand instanceof Memory m && m.base() == null && m.index() == null && m.addressSize() == 4) {
                return true;
            }
        }
        return false;
    }

    /** Outside 64-bit mode a LOCK on MOV to or from a control register selects CR8-CR15. */
    private static boolean hasControlRegister(List<Operand> operands) {
        for (Operand operand : operands) {
            if (operand instanceof Register r && r.kind() == Register.Kind.CONTROL) {
                return true;
            }
        }
        return false;
    }

    /**
     * REX.W sets a 64-bit operand size whatever 66 says, so 66 has no effect (on D64 and F64 rows
     * too); except at 90, where 66 is what makes the bytes XCHG rather than NOP.
     */
    private boolean rexWOverrides66(RowFacts facts) {
        return (rex & REX_W) != 0
                && vex == null
                && (facts.sizeFromW(memoryOperand) || facts.defaultSize64())
                && !(facts.xchg() && opcode == 0x90);
    }
}
