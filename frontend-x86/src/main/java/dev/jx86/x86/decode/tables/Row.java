package dev.jx86.x86.decode.tables;

import dev.jx86.x86.decode.Attribute;
import dev.jx86.x86.decode.Mnemonic;
import java.util.List;

/**
 * One row of an opcode table: an encoding, the instruction it decodes to, its operands in the SDM's
 * notation and its attributes.
 *
 * @param attributes {@link Attribute} bits
 */
public record Row(Encoding encoding, Mnemonic mnemonic, List<OperandForm> operands, int attributes) {

    public boolean has(Attribute attribute) {
        return (attributes & attribute.bit()) != 0;
    }

    /** The row's requirement on ModRM.mod, from the encoding and from register- or memory-only operands. */
    public int mod() {
        if (encoding.mod() != Encoding.ANY) {
            return encoding.mod();
        }
        if (has(Attribute.MOD_IGNORED)) {
            return Encoding.ANY;
        }
        for (OperandForm form : operands) {
            if (form.memoryOnly()) {
                return Encoding.MEMORY;
            }
            if (form.registerOnly()) {
                return Encoding.REGISTER;
            }
        }
        return Encoding.ANY;
    }

    /**
     * Whether the operand-size attribute changes what this row decodes to in its memory form ({@code
     * memory}) or its register form: {@code Rv/Mw} follows the operand size only in register form.
     */
    public boolean usesOperandSize(boolean memory) {
        if ((attributes & (Attribute.OS16.bit() | Attribute.OS32.bit() | Attribute.OS64.bit())) != 0) {
            return true;
        }
        for (OperandForm form : operands) {
            if (form.followsOperandSize(memory)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return encoding + " " + mnemonic + " " + operands;
    }
}
