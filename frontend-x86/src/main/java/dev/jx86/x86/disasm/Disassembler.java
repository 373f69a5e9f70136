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
import java.util.Map;
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

    /**
     * SSE compares whose immediate selects a predicate: objdump prints predicates 0-7 as pseudo-ops
     * ({@code cmpltps}) without the immediate, the mnemonic split around the predicate.
     */
    private static final Map<Mnemonic, String[]> COMPARE_PSEUDO_OPS = Map.of(
            Mnemonic.CMPPS, new String[] {"cmp", "ps"},
            Mnemonic.CMPPD, new String[] {"cmp", "pd"},
            Mnemonic.CMPSS, new String[] {"cmp", "ss"},
            Mnemonic.CMPSD, new String[] {"cmp", "sd"});

    private static final String[] COMPARE_PREDICATES = {"eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"};

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

    /** objdump's {@code (bad)}, after the prefixes that had no effect. */
    private String format(Invalid invalid) {
        if (invalid.named() != null) {
            return format(invalid.named(), invalid.badOperand());
        }
        StringBuilder text = new StringBuilder();
        appendPrefixes(text, null, invalid.mode(), invalid.prefixes());
        return text.append("(bad)").toString();
    }

    private String format(Instruction instruction) {
        return format(instruction, -1);
    }

    /** The instruction's text; objdump's {@code (bad)} stands at operand index {@code bad} if not -1. */
    private String format(Instruction instruction, int bad) {
        StringBuilder text = new StringBuilder();
        appendPrefixes(text, instruction, instruction.mode(), instruction.prefixes());
        int shown = instruction.operands().size();
        String pseudoOp = comparePseudoOp(instruction);
        if (pseudoOp != null) {
            text.append(pseudoOp);
            shown--;
        } else {
            text.append(mnemonic(instruction));
        }
        String comment = null;
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
            appendOperand(text, instruction, operand);
            if (operand instanceof Memory memory && memory.ripRelative()) {
                comment = target(instruction.nextAddress() + memory.displacement(), instruction);
            }
        }
        if (comment != null) {
            text.append("        # ").append(comment);
        }
        return text.toString();
    }

    /** The prefixes objdump names; {@code instruction} is null for undefined bytes. */
    private static void appendPrefixes(StringBuilder text, Instruction instruction, Mode mode, Prefixes prefixes) {
        for (int i = 0; i < prefixes.count(); i++) {
            String name = prefixName(instruction, mode, prefixes, i);
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
    private static String prefixName(Instruction instruction, Mode mode, Prefixes prefixes, int i) {
        int prefix = prefixes.byteAt(i);
        boolean unused = prefixes.unused(i);
        if (instruction == null) {
            return switch (prefix) {
                case 0xf0 -> "lock";
                case 0xf2 -> "repnz";
                case 0xf3 -> "repz";
                case 0x66 -> mode == Mode.BITS16 ? "data32" : "data16";
                case 0x67 -> mode == Mode.BITS32 ? "addr16" : "addr32";
                default -> segmentName(prefix);
            };
        }
        return switch (prefix) {
            // A LOCK that selected CR8-CR15 is part of the register name instead.
            case 0xf0 -> unused || instruction.has(Attribute.LOCKABLE) ? "lock" : null;
            case 0xf2 ->
                unused
                        ? instruction.has(Attribute.BND) ? "bnd" : "repnz"
                        : instruction.has(Attribute.REPE_REPNE) || instruction.has(Attribute.REP) ? "repnz" : null;
            case 0xf3 ->
                unused
                        ? "repz"
                        : instruction.has(Attribute.REPE_REPNE)
                                ? "repz"
                                : instruction.has(Attribute.REP) ? "rep" : null;
            case 0x66 -> unused ? (instruction.mode() == Mode.BITS16 ? "data32" : "data16") : null;
            case 0x67 -> unused ? (instruction.mode() == Mode.BITS32 ? "addr16" : "addr32") : null;
            case 0x3e -> unused ? (instruction.has(Attribute.NOTRACK) ? "notrack" : "ds") : null;
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
    private static String comparePseudoOp(Instruction instruction) {
        String[] parts = COMPARE_PSEUDO_OPS.get(instruction.mnemonic());
        if (parts == null) {
            return null;
        }
        Operand last = instruction.operand(instruction.operands().size() - 1);
        if (!(last instanceof Immediate immediate)) {
            return null;
        }
        long predicate = immediate.value() & 0xff;
        return predicate < COMPARE_PREDICATES.length ? parts[0] + COMPARE_PREDICATES[(int) predicate] + parts[1] : null;
    }

    private static String mnemonic(Instruction instruction) {
        Mnemonic mnemonic = instruction.mnemonic();
        String text = mnemonic.text();
        int size = instruction.operandSize();
        int defaultSize = instruction.mode() == Mode.BITS16 ? 2 : 4;
        if (mnemonic == Mnemonic.MOV && isAbsolute64(instruction)) {
            return "movabs";
        }
        if (SIZE_SUFFIXED_OUTSIDE_64.contains(mnemonic) && instruction.mode() != Mode.BITS64) {
            return text + (size == 2 ? "w" : "d");
        }
        if (REX_W_SUFFIXED.contains(mnemonic) && instruction.mode() == Mode.BITS64) {
            return text + ((instruction.prefixes().rex() & 8) != 0 ? "q" : "d");
        }
        boolean segment = !instruction.operands().isEmpty()
                && instruction.operand(0) instanceof Register register
                && register.kind() == Register.Kind.SEGMENT;
        boolean stackSized = STACK_SIZED.contains(mnemonic)
                || (mnemonic == Mnemonic.PUSH || mnemonic == Mnemonic.POP) && segment
                || mnemonic == Mnemonic.PUSH && instruction.operand(0) instanceof Immediate
                || mnemonic == Mnemonic.CALL && instruction.operand(0) instanceof RelativeTarget;
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

    private void appendOperand(StringBuilder text, Instruction instruction, Operand operand) {
        switch (operand) {
            case Register register -> text.append(register.text());
            case Immediate immediate ->
                text.append("0x").append(Long.toHexString(mask(immediate.value(), immediate.size())));
            case RelativeTarget relative -> text.append(target(relative.target(), instruction));
            case FarPointer far ->
                text.append("0x")
                        .append(Integer.toHexString(far.selector()))
                        .append(":0x")
                        .append(Long.toHexString(far.offset()));
            case Memory memory -> appendMemory(text, instruction, memory);
        }
    }

    private String target(long address, Instruction instruction) {
        long wrapped = instruction.mode() == Mode.BITS64 ? address : address & 0xffffffffL;
        if (!bareTargets) {
            return "0x" + Long.toHexString(wrapped);
        }
        String symbol = symbols.apply(wrapped);
        return Long.toHexString(wrapped) + (symbol != null ? " <" + symbol + ">" : "");
    }

    private static void appendMemory(StringBuilder text, Instruction instruction, Memory memory) {
        // objdump calls CMPXCHG16B's operand an octword, every other 16-byte one an XMMWORD.
        String keyword = instruction.mnemonic() == Mnemonic.CMPXCHG16B ? "OWORD" : sizeKeyword(memory.size());
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
                // 16-bit addressing has no scale; objdump shows SIB's *1 but not [bx+si].
                text.append('*').append(memory.scale());
            }
        }
        if (memory.displacementSize() != 0) {
            long displacement = memory.displacement();
            if (memory.ripRelative()) {
                // objdump shows a RIP-relative displacement as a 64-bit unsigned number.
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
