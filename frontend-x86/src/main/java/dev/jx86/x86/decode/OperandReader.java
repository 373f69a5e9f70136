package dev.jx86.x86.decode;

import dev.jx86.x86.decode.tables.OperandForm;
import dev.jx86.x86.decode.tables.RowFacts;
import dev.jx86.x86.decode.tables.Type;
import java.util.List;

/**
 * The operands of an instruction, built from the forms of its table row ({@link RowFacts}) once the
 * {@link InstructionReader} has read its prefixes and opcode: registers from ModRM and the opcode,
 * memory through {@link Addressing}, immediates, branch targets, string and table operands, at the
 * sizes the prefixes and the row give. It also records what the operands consumed (REX bits, a
 * segment prefix, a memory access), which {@link PrefixAccounting} needs. The fields that
 * PrefixAccounting reads are package-private.
 */
abstract sealed class OperandReader extends ByteCursor permits InstructionReader {
    static final int REX_W = 8;
    static final int REX_R = 4;
    static final int REX_X = 2;
    static final int REX_B = 1;
    /** Stands for "the REX byte changed which byte register was named" in the unused-bit mask. */
    private static final int REX_PRESENCE = 16;

    final boolean mode64;
    final long address;

    final PrefixRun legacy = new PrefixRun();
    /** The REX byte in effect: the legacy one, or the one VEX stands for. */
    int rex;

    Vex vex;
    /** The is4 byte (a register in bits 7:4) once read. */
    int is4;

    int opcode;
    int modrm = -1;
    boolean sib;
    /** For a VSIB operand: the size of its vector index register (16 or 32), else 0. */
    int vsibIndexSize;

    int operandSize;
    int addressSize;

    // What the operands consumed, for the unused-prefix accounting.
    int rexUsed;
    boolean memoryOperand;
    boolean segmentUsed;
    /** ModRM.reg named segment register 6 or 7, which do not exist: #UD once the length is known. */
    boolean noSuchSegment;

    OperandReader(Mode mode, byte[] code, int start, int end, long address) {
        super(code, start, end);
        this.mode64 = mode == Mode.BITS64;
        this.address = address;
    }

    final List<Operand> operands(RowFacts facts, Memory memory) {
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

    static boolean wrongForm(OperandForm form, Memory memory) {
        return memory == null ? form.memoryOnly() : form.registerOnly();
    }

    /** The operands of {@code forms} in order; with {@code named}, without those in the wrong ModRM form. */
    final List<Operand> operands(RowFacts facts, Memory memory, boolean named) {
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
    final boolean namesMissingRegister(OperandForm[] forms) {
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
            case C -> Register.control(regNumber() | (legacy.lock >= 0 && !mode64 ? 8 : 0));
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
                Register override = legacy.segmentOverride(mode64);
                // As for a string source, objdump takes any segment prefix as the table's.
                segmentUsed |= legacy.lastSegment >= 0;
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

    final boolean isRegisterForm() {
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
    final int size(Type type) {
        return size(RowFacts.sizeCode(type));
    }

    /** Size in bytes of an operand by its {@link RowFacts#sizeCode(Type) size code}. */
    final int size(int code) {
        return code >= 0 ? code : code == RowFacts.SIZE_V ? operandSize : sizeByRule(code);
    }

    private int sizeByRule(int code) {
        return RowFacts.size(
                code,
                operandSize,
                mode64,
                (rex & REX_W) != 0,
                legacy.last66 >= 0,
                vex != null ? vex.vectorLength() : 16);
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
    final Memory readMemory(int size) {
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
        Register override = legacy.lastSegment < 0 ? null : legacy.segmentOverride(mode64);
        if (override != null) {
            segmentUsed = true;
        }
        Memory memory = Addressing.memory(code, at, modrm, rex, addressSize, mode64, size, vsibIndexSize);
        return override == null ? memory : Addressing.withSegment(memory, override);
    }

    private Memory stringOperand(int size, Register segment, int register) {
        memoryOperand = true;
        Register base = Register.gpr(addressSize, register, false);
        Register override = segment == Register.DS ? legacy.segmentOverride(mode64) : null;
        if (segment == Register.DS && legacy.lastSegment >= 0) {
            // objdump takes the prefix as the source's even where 64-bit mode ignores it.
            segmentUsed = true;
        }
        return new Memory(size, override != null ? override : segment, true, base, null, 1, 0, 0, addressSize);
    }

    /** A moffs operand (A0-A3). Its size is the register operand's, so like objdump it states none. */
    private Memory offset(int size) {
        long offset = readUnsigned(addressSize);
        Register override = legacy.segmentOverride(mode64);
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

    final int modrm() {
        if (modrm < 0) {
            modrm = next();
        }
        return modrm;
    }

    /** The ModRM memory operand, sized by the row's memory form, or null for the register form. */
    final Memory modRmMemory(RowFacts facts) {
        if (modrm < 0 || (modrm >> 6) == 3) {
            return null;
        }
        vsibIndexSize = facts.vsibIndexSize();
        return readMemory(size(facts.memorySizeCode()));
    }
}
