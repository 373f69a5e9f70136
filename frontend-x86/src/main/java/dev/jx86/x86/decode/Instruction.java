package dev.jx86.x86.decode;

import dev.jx86.x86.flags.FlagEffects;
import dev.jx86.x86.flags.FlagTable;
import java.util.List;

/**
 * A decoded x86 instruction: what it is, its operands (destination first, as in the Intel SDM), the
 * sizes it works at, its prefixes, and the facts its opcode-table row states.
 *
 * @param operandSize effective operand size in bytes (2, 4 or 8)
 * @param addressSize effective address size in bytes (2, 4 or 8)
 * @param attributes the row's {@link Attribute} bits
 */
public record Instruction(
        long address,
        int length,
        Mode mode,
        Mnemonic mnemonic,
        List<Operand> operands,
        int operandSize,
        int addressSize,
        Prefixes prefixes,
        int attributes)
        implements Decoded {

    public boolean has(Attribute attribute) {
        return (attributes & attribute.bit()) != 0;
    }

    /** Address of the next instruction, where relative branches and RIP-relative operands count from. */
    public long nextAddress() {
        return address + length;
    }

    public Operand operand(int i) {
        return operands.get(i);
    }

    /** Whether LOCK is allowed here: a lockable instruction whose destination is in memory. */
    public boolean lockable() {
        return has(Attribute.LOCKABLE) && !operands.isEmpty() && operands.get(0) instanceof Memory;
    }

    public boolean branch() {
        return has(Attribute.BRANCH);
    }

    public boolean privileged() {
        return has(Attribute.PRIVILEGED);
    }

    /** The EFLAGS bits this instruction reads, writes and leaves undefined. */
    public FlagEffects flagEffects() {
        return FlagTable.of(mnemonic);
    }
}
