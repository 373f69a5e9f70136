package dev.jx86.x86.disasm;

import dev.jx86.x86.decode.Attribute;
import dev.jx86.x86.decode.Decoded;
import dev.jx86.x86.decode.FarPointer;
import dev.jx86.x86.decode.Immediate;
import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Invalid;
import dev.jx86.x86.decode.Memory;
import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.decode.Mode;
import dev.jx86.x86.decode.Operand;
import dev.jx86.x86.decode.Prefixes;
import dev.jx86.x86.decode.Register;
import dev.jx86.x86.decode.RelativeTarget;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Prints decoded instructions in the Intel syntax of GNU objdump ({@code -M intel}), so that the two
 * can be compared line by line: prefixes without effect by name ({@code data16}, {@code rex.W},
 * {@code cs}), size keywords on memory operands, hex immediates at the operand's size.
 *
 * <p>Immutable; the options make new instances.
 */
public final class Disassembler {
    /** Instructions whose mnemonic carries the operand size when it is not the mode's default. */
    private static final Set<Mnemonic> STACK_SIZED = EnumSet.of(
            Mnemonic.PUSHF,
            Mnemonic.POPF,
            Mnemonic.IRET,
            Mnemonic.RETF,
            Mnemonic.PUSHA,
            Mnemonic.POPA,
            Mnemonic.LEAVE,
            Mnemonic.RET,
            Mnemonic.ENTER);

    /** x87 no-wait instructions that objdump names without the n after an FWAIT (fnstsw: fstsw). */
    private static final Set<Mnemonic> WAITING_FORMS = EnumSet.of(
            Mnemonic.FNSTCW,
            Mnemonic.FNSTSW,
            Mnemonic.FNSTENV,
            Mnemonic.FNSAVE,
            Mnemonic.FNINIT,
            Mnemonic.FNCLEX,
            Mnemonic.FNENI,
            Mnemonic.FNDISI,
            Mnemonic.FNSETPM);

    /** x87 state instructions whose mnemonic carries a 66 prefix's choice of the other layout. */
    private static final Set<Mnemonic> X87_ENVIRONMENT =
            EnumSet.of(Mnemonic.FLDENV, Mnemonic.FNSTENV, Mnemonic.FRSTOR, Mnemonic.FNSAVE);

    /** Instructions objdump suffixes with d or q by REX.W in 64-bit mode. */
    private static final Set<Mnemonic> REX_W_SUFFIXED = EnumSet.of(Mnemonic.SYSRET, Mnemonic.SYSEXIT);

    /** Descriptor-table instructions: objdump states the operand size outside 64-bit mode (sgdtd). */
    private static final Set<Mnemonic> SIZE_SUFFIXED_OUTSIDE_64 =
            EnumSet.of(Mnemonic.SGDT, Mnemonic.SIDT, Mnemonic.LGDT, Mnemonic.LIDT);

    private final LongFunction<String> symbols;
    private final boolean bareTargets;

    private Disassembler(LongFunction<String> symbols, boolean bareTargets) {
        this.symbols = symbols;
        this.bareTargets = bareTargets;
    }

    /** Branch targets as {@code 0x1234}, as objdump prints them for flat binaries. */
    public static Disassembler objdump() {
        return new Disassembler(address -> null, false);
    }

    /**
     * Branch targets and RIP-relative addresses as objdump prints them for ELF files: bare hex,
     * followed by {@code <symbol+offset>} where {@code symbols} names the address.
     */
    public Disassembler withSymbols(LongFunction<String> symbols) {
        return new Disassembler(symbols, true);
    }

    /** The instruction in objdump's Intel syntax, without address or bytes. */
    public String format(Decoded decoded) {
        return switch (decoded) {
            case Invalid invalid -> format(invalid);
            case Instruction instruction -> format(instruction);
        };
    }

    /** objdump's {@code (bad)}, after the prefixes that had no effect; an x87 memory operand after it. */
    private String format(Invalid invalid) {
        if (invalid.named() != null) {
            return format(invalid.named(), invalid.badOperand());
        }
        StringBuilder text = new StringBuilder();
        appendPrefixes(text, null, invalid.mode(), invalid.prefixes());
        text.append("(bad)");
        if (invalid.memory() != null) {
            while (text.length() < 6) {
                text.append(' ');
            }
            appendMemory(text.append(' '), invalid.memory(), false);
        }
        return text.toString();
    }

    private String format(Instruction instruction) {
        return format(instruction, -1);
    }

    /** The instruction's text; objdump's {@code (bad)} stands at operand index {@code bad} if not -1. */
    private String format(Instruction instruction, int bad) {
        StringBuilder text = new StringBuilder();
        appendPrefixes(text, instruction, instruction.mode(), instruction.prefixes());
        int shown = instruction.operands().size();
        String pseudoOp = PseudoOps.name(instruction);
        if (pseudoOp != null) {
            text.append(pseudoOp);
            shown--;
        } else {
            text.append(mnemonic(instruction));
        }
        String comment = null;
        boolean vector = instruction.operands().stream().anyMatch(Disassembler::isVectorRegister);
        int slots = shown + (bad >= 0 ? 1 : 0);
        for (int i = 0, next = 0; i < slots; i++) {
            if (i == 0) {
                while (text.length() < 6) {
                    text.append(' ');
                }
                text.append(' ');
            } else {
                text.append(',');
            }
            if (i == bad) {
                text.append("(bad)");
                continue;
            }
            Operand operand = instruction.operand(next++);
            appendOperand(text, instruction, operand, vector);
            if (registerClash(instruction, i)) {
                text.append("/(bad)");
            }
            if (operand instanceof Memory memory && memory.ripRelative()) {
                comment = target(instruction.nextAddress() + memory.displacement(), instruction);
            }
        }
        if (comment != null) {
            text.append("        # ").append(comment);
        }
        return text.toString();
    }

    /**
     * For a gather (a VSIB memory operand second) or an AMX tile multiply (three tile registers):
     * whether operand {@code i} names the same register as another of the three, which objdump marks
     * with {@code /(bad)} (such encodings raise #UD).
     */
    private static boolean registerClash(Instruction instruction, int i) {
        List<Operand> operands = instruction.operands();
        if (operands.size() != 3
                || !(operands.get(0) instanceof Register first)
                || !(operands.get(2) instanceof Register third)) {
            return false;
        }
        Register second;
        if (operands.get(1) instanceof Memory memory && memory.index() != null && isVector(memory.index())) {
            second = memory.index();
        } else if (first.kind() == Register.Kind.TILE && operands.get(1) instanceof Register register) {
            second = register;
        } else {
            return false;
        }
        int[] numbers = {first.number(), second.number(), third.number()};
        return numbers[i] == numbers[(i + 1) % 3] || numbers[i] == numbers[(i + 2) % 3];
    }

    private static boolean isVector(Register register) {
        return register.kind() == Register.Kind.XMM || register.kind() == Register.Kind.YMM;
    }

    /** F2 acts as XACQUIRE. */
    private static final int XACQUIRE = 1;
    /** F3 acts as XRELEASE. */
    private static final int XRELEASE = 2;

    /**
     * Where F2/F3 are the HLE hints (SDM Vol. 1, 16.3.1): with LOCK on any lockable instruction with
     * a memory destination, on XCHG with memory without LOCK, and F3 alone on MOV to memory.
     */
    private static int hle(Instruction instruction) {
        if (instruction.operands().isEmpty() || !(instruction.operand(0) instanceof Memory)) {
            return 0;
        }
        if (instruction.prefixes().lock() && instruction.has(Attribute.LOCKABLE)
                || instruction.mnemonic() == Mnemonic.XCHG) {
            return XACQUIRE | XRELEASE;
        }
        return instruction.mnemonic() == Mnemonic.MOV && instruction.has(Attribute.HLE) ? XRELEASE : 0;
    }

    /** The prefixes objdump names; {@code instruction} is null for undefined bytes. */
    private static void appendPrefixes(StringBuilder text, Instruction instruction, Mode mode, Prefixes prefixes) {
        int hle = instruction == null ? 0 : hle(instruction);
        for (int i = 0; i < prefixes.count(); i++) {
            String name = prefixName(instruction, hle, mode, prefixes, i);
            if (name != null) {
                text.append(name).append(' ');
            }
        }
        int unusedRex = prefixes.rexUnusedBits();
        if (unusedRex != 0) {
            int rex = prefixes.rex();
            text.append("rex");
            if ((rex & 0xf) != 0) {
                text.append('.');
                text.append((rex & 8) != 0 ? "W" : "")
                        .append((rex & 4) != 0 ? "R" : "")
                        .append((rex & 2) != 0 ? "X" : "")
                        .append((rex & 1) != 0 ? "B" : "");
            }
            text.append(' ');
        }
    }

    /** The name objdump gives the {@code i}-th legacy prefix here, or null when it prints none. */
    private static String prefixName(Instruction instruction, int hle, Mode mode, Prefixes prefixes, int i) {
        int prefix = prefixes.byteAt(i);
        boolean unused = prefixes.unused(i);
        if (instruction == null) {
            if (!unused) {
                return null;
            }
            return switch (prefix) {
                case 0xf0 -> "lock";
                case 0xf2 -> "repnz";
                case 0xf3 -> "repz";
                case 0x66 -> mode == Mode.BITS16 ? "data32" : "data16";
                case 0x67 -> mode == Mode.BITS32 ? "addr16" : "addr32";
                case 0x9b -> null;
                default -> segmentName(prefix);
            };
        }
        boolean bnd = instruction.has(Attribute.BND);
        boolean rep = instruction.has(Attribute.REP);
        boolean repeRepne = instruction.has(Attribute.REPE_REPNE);
        boolean notrack = instruction.has(Attribute.NOTRACK);
        return switch (prefix) {
            case 0x9b -> null;
            // A LOCK that selected CR8-CR15 is part of the register name instead.
            case 0xf0 -> unused || instruction.has(Attribute.LOCKABLE) ? "lock" : null;
            case 0xf2 ->
                (hle & XACQUIRE) != 0 ? "xacquire" : unused ? bnd ? "bnd" : "repnz" : repeRepne || rep ? "repnz" : null;
            case 0xf3 -> (hle & XRELEASE) != 0 ? "xrelease" : rep ? "rep" : unused || repeRepne ? "repz" : null;
            case 0x66 -> unused ? (mode == Mode.BITS16 ? "data32" : "data16") : null;
            case 0x67 -> unused ? (mode == Mode.BITS32 ? "addr16" : "addr32") : null;
            case 0x3e -> unused ? (notrack ? "notrack" : "ds") : null;
            default -> unused ? segmentName(prefix) : null;
        };
    }

    private static String segmentName(int prefix) {
        return switch (prefix) {
            case 0x26 -> "es";
            case 0x2e -> "cs";
            case 0x36 -> "ss";
            case 0x3e -> "ds";
            case 0x64 -> "fs";
            default -> "gs";
        };
    }

    /** The pseudo-op objdump prints for a compare whose immediate is a predicate it names, or null. */
    private static String mnemonic(Instruction instruction) {
        Mnemonic mnemonic = instruction.mnemonic();
        String text = mnemonic.text();
        if (WAITING_FORMS.contains(mnemonic) && instruction.prefixes().fwait()) {
            text = "f" + text.substring(2);
        }
        int size = instruction.operandSize();
        int defaultSize = instruction.mode() == Mode.BITS16 ? 2 : 4;
        if (mnemonic == Mnemonic.MOV && isAbsolute64(instruction)) {
            return "movabs";
        }
        if (X87_ENVIRONMENT.contains(mnemonic)) {
            // The 16-bit layout when 66 asks for it, whatever REX.W says (objdump: fnsavew, frstord).
            return used66(instruction.prefixes()) ? text + (instruction.mode() == Mode.BITS16 ? "d" : "w") : text;
        }
        if (SIZE_SUFFIXED_OUTSIDE_64.contains(mnemonic) && instruction.mode() != Mode.BITS64) {
            return text + (size == 2 ? "w" : "d");
        }
        if (REX_W_SUFFIXED.contains(mnemonic) && instruction.mode() == Mode.BITS64) {
            return text + ((instruction.prefixes().rex() & 8) != 0 ? "q" : "d");
        }
        Operand first = instruction.operands().isEmpty() ? null : instruction.operand(0);
        boolean stackSized = STACK_SIZED.contains(mnemonic)
                || (mnemonic == Mnemonic.PUSH || mnemonic == Mnemonic.POP)
                        && (first instanceof Immediate
                                || first instanceof Register r && r.kind() == Register.Kind.SEGMENT)
                || (mnemonic == Mnemonic.CALL || mnemonic == Mnemonic.JMP)
                        && first instanceof RelativeTarget relative
                        && relative.displacementSize() != 1;
        if (!stackSized) {
            return text;
        }
        if (size == 8) {
            boolean explicit =
                    (instruction.prefixes().rex() & 8) != 0 && (mnemonic == Mnemonic.IRET || mnemonic == Mnemonic.RETF);
            return explicit ? text + "q" : text;
        }
        if (size != defaultSize && !(instruction.mode() == Mode.BITS64 && size == 4)) {
            return text + (size == 2 ? "w" : "d");
        }
        return text;
    }

    private static boolean used66(Prefixes prefixes) {
        for (int i = 0; i < prefixes.count(); i++) {
            if (prefixes.byteAt(i) == 0x66 && !prefixes.unused(i)) {
                return true;
            }
        }
        return false;
    }

    /** MOV with a 64-bit immediate or a 64-bit memory offset: objdump's movabs. */
    private static boolean isAbsolute64(Instruction instruction) {
        for (Operand operand : instruction.operands()) {
            if (operand instanceof Immediate immediate && immediate.encodedSize() == 8
                    || operand instanceof Memory memory && memory.displacementSize() == 8) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVectorRegister(Operand operand) {
        return operand instanceof Register register
                && switch (register.kind()) {
                    case XMM, YMM, ZMM -> true;
                    default -> false;
                };
    }

    private void appendOperand(StringBuilder text, Instruction instruction, Operand operand, boolean vector) {
        switch (operand) {
            case Register register -> text.append(register.text());
            case Immediate immediate when immediate.encodedSize() == 0 -> text.append(immediate.value());
            case Immediate immediate ->
                text.append("0x").append(Long.toHexString(mask(immediate.value(), immediate.size())));
            case RelativeTarget relative -> text.append(target(displayTarget(relative, instruction), instruction));
            case FarPointer far ->
                text.append("0x")
                        .append(Integer.toHexString(far.selector()))
                        .append(":0x")
                        .append(Long.toHexString(far.offset()));
            case Memory memory -> appendMemory(text, memory, vector);
        }
    }

    /**
     * objdump wraps a rel16 branch target to 16 bits but not a rel8 one: it adds the sign-extended
     * displacement to the next address.
     */
    private static long displayTarget(RelativeTarget relative, Instruction instruction) {
        if (instruction.operandSize() != 2 || relative.displacementSize() != 1) {
            return relative.target();
        }
        long next = instruction.nextAddress();
        return next + (byte) (relative.target() - next);
    }

    private String target(long address, Instruction instruction) {
        long wrapped = instruction.mode() == Mode.BITS64 ? address : address & 0xffffffffL;
        if (!bareTargets) {
            return "0x" + Long.toHexString(wrapped);
        }
        String symbol = symbols.apply(wrapped);
        return Long.toHexString(wrapped) + (symbol != null ? " <" + symbol + ">" : "");
    }

    /**
     * A 16-byte operand is an XMMWORD beside vector registers and an OWORD elsewhere (INVEPT,
     * CMPXCHG16B), as objdump names them.
     */
    private static void appendMemory(StringBuilder text, Memory memory, boolean vector) {
        String keyword = memory.size() == 16 && !vector ? "OWORD" : sizeKeyword(memory.size());
        if (keyword != null) {
            text.append(keyword).append(" PTR ");
        }
        boolean absolute = memory.base() == null && memory.index() == null;
        if (memory.explicitSegment() || absolute) {
            text.append(memory.segment().text()).append(':');
        }
        if (absolute) {
            text.append("0x").append(Long.toHexString(mask(memory.displacement(), memory.addressSize())));
            return;
        }
        text.append('[');
        if (memory.base() != null) {
            text.append(memory.base().text());
        }
        if (memory.index() != null) {
            if (memory.base() != null) {
                text.append('+');
            }
            text.append(memory.index().text());
            if (memory.addressSize() != 2) {
                // 16-bit addressing has no scale: objdump writes [bx+si], not [bx+si*1].
                text.append('*').append(memory.scale());
            }
        }
        if (memory.displacementSize() != 0) {
            long displacement = memory.displacement();
            if (memory.ripRelative()) {
                // objdump shows a RIP- (and EIP-) relative displacement as a 64-bit unsigned number.
                text.append("+0x").append(Long.toHexString(displacement));
            } else if (displacement < 0) {
                text.append("-0x").append(Long.toHexString(mask(-displacement, memory.addressSize())));
            } else {
                text.append("+0x").append(Long.toHexString(mask(displacement, memory.addressSize())));
            }
        }
        text.append(']');
    }

    private static String sizeKeyword(int size) {
        return switch (size) {
            case 1 -> "BYTE";
            case 2 -> "WORD";
            case 4 -> "DWORD";
            case 6 -> "FWORD";
            case 8 -> "QWORD";
            case 10 -> "TBYTE";
            case 16 -> "XMMWORD";
            case 32 -> "YMMWORD";
            case 64 -> "ZMMWORD";
            default -> null;
        };
    }

    private static long mask(long value, int size) {
        return size >= 8 ? value : value & ((1L << (8 * size)) - 1);
    }
}
