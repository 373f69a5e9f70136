package dev.jx86.conformance.difftest;

import dev.jx86.x86.decode.Attribute;
import dev.jx86.x86.decode.Decoded;
import dev.jx86.x86.decode.Decoder;
import dev.jx86.x86.decode.Immediate;
import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Memory;
import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.decode.Mode;
import dev.jx86.x86.decode.Register;
import dev.jx86.x86.decode.RelativeTarget;
import dev.jx86.x86.flags.Eflags;
import dev.jx86.x86.flags.FlagEffects;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which status flags a comparison must ignore: those the SDM leaves undefined. Walks the case's instructions up to
 * where it stopped, as the decoder reads them ({@link Instruction#flagEffects()}): a flag is masked once an
 * instruction leaves it undefined, until one that surely runs defines it again. An instruction a forward branch may
 * jump over only masks, and so does a shift or rotate whose count may be zero (it then writes no flag). A count of
 * one defines OF; SHL and SHR of a byte or word by its width or more (or by CL) leave CF undefined. REPE/REPNE
 * CMPS and SCAS only mask too (with a zero count they write nothing).
 *
 * @param undefined the status flags to ignore
 * @param tainted whether an instruction read a masked flag, so host and jx86 may rightly differ after it
 */
record FlagMask(int undefined, boolean tainted) {
    private static final Set<Mnemonic> COUNTED = Set.of(
            Mnemonic.SHL,
            Mnemonic.SHR,
            Mnemonic.SAR,
            Mnemonic.ROL,
            Mnemonic.ROR,
            Mnemonic.RCL,
            Mnemonic.RCR,
            Mnemonic.SHLD,
            Mnemonic.SHRD);

    /** The instructions of {@code code} at {@code address}, decoded in 64-bit mode (up to the first it cannot). */
    static List<Instruction> decode(byte[] code, long address) {
        return decode(code, address, true);
    }

    /** The instructions of {@code code} at {@code address} in 64-bit or 32-bit mode (up to the first it cannot). */
    static List<Instruction> decode(byte[] code, long address, boolean bits64) {
        Decoder decoder = new Decoder(bits64 ? Mode.BITS64 : Mode.BITS32);
        List<Instruction> out = new ArrayList<>();
        int offset = 0;
        while (offset < code.length) {
            Decoded d = decoder.decode(code, offset, address + offset);
            if (!(d instanceof Instruction i)) {
                break;
            }
            out.add(i);
            offset += i.length();
        }
        return out;
    }

    /** The mask for a case whose instructions are {@code code} and that stopped at {@code stopPc}. */
    static FlagMask of(List<Instruction> code, long stopPc) {
        int mask = 0;
        boolean tainted = false;
        for (Instruction insn : code) {
            if (insn.address() >= stopPc) {
                break;
            }
            FlagEffects effects = insn.flagEffects();
            if ((effects.read() & mask & Eflags.STATUS) != 0) {
                tainted = true;
            }
            int undefined = effects.undefined();
            // A repeated string instruction with a count of zero writes no flag.
            boolean repeated = insn.prefixes().rep() || insn.prefixes().repne();
            boolean surely = !skippable(code, insn)
                    && !(repeated && (insn.mnemonic() == Mnemonic.CMPS || insn.mnemonic() == Mnemonic.SCAS));
            if (COUNTED.contains(insn.mnemonic())) {
                int count = count(insn);
                if (count == 0) {
                    continue;
                }
                if (count == 1) {
                    undefined &= ~Eflags.OF;
                }
                // SHL/SHR of a byte or word by its width or more leave CF undefined (SDM SAL/SAR/SHL/SHR).
                boolean shift = insn.mnemonic() == Mnemonic.SHL || insn.mnemonic() == Mnemonic.SHR;
                if (shift && (count < 0 || count >= 8 * width(insn)) && width(insn) < 4) {
                    undefined |= Eflags.CF;
                }
                surely &= count > 0;
            }
            mask |= undefined & Eflags.STATUS;
            if (surely) {
                mask &= ~(effects.written() & ~undefined);
            }
        }
        return new FlagMask(mask, tainted);
    }

    /** The masked count of a shift or rotate by an immediate, or -1 for a count in CL. */
    private static int count(Instruction insn) {
        if (!(insn.operands().getLast() instanceof Immediate imm)) {
            return -1;
        }
        return (int) imm.value() & (insn.operandSize() == 8 ? 63 : 31);
    }

    /** The size in bytes of the destination operand. */
    private static int width(Instruction insn) {
        return switch (insn.operand(0)) {
            case Register r -> r.size();
            case Memory m -> m.size();
            default -> insn.operandSize();
        };
    }

    /** Whether a relative branch before {@code insn} may jump over it. */
    private static boolean skippable(List<Instruction> code, Instruction insn) {
        for (Instruction b : code) {
            if (b.address() >= insn.address()) {
                return false;
            }
            if (b.has(Attribute.BRANCH)
                    && b.operands().size() == 1
                    && b.operand(0) instanceof RelativeTarget t
                    && t.target() > insn.address()) {
                return true;
            }
        }
        return false;
    }
}
