package dev.jx86.x86.lift;

import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Mnemonic;
import dev.jx86.x86.decode.Operand;
import dev.jx86.x86.decode.Register;
import java.util.EnumMap;
import java.util.Map;

/**
 * The map from mnemonic to handler; each semantics class registers its mnemonics here, each exactly once. An
 * instruction with an MMX register operand (PADDB mm, mm/m64) shares its mnemonic with its SSE2 form but is a
 * form of its own in the SDM's opcode tables, so MMX forms have their own map, filled by the {@code Mmx*} classes.
 */
public final class HandlerTable {
    private final Map<Mnemonic, Handler> handlers = new EnumMap<>(Mnemonic.class);
    private final Map<Mnemonic, Handler> mmxForms = new EnumMap<>(Mnemonic.class);

    HandlerTable() {}

    /** Registers {@code handler} for {@code mnemonics}. */
    public void on(Handler handler, Mnemonic... mnemonics) {
        for (Mnemonic m : mnemonics) {
            if (handlers.putIfAbsent(m, handler) != null) {
                throw new IllegalStateException("two handlers for " + m);
            }
        }
    }

    /** Registers {@code handler} for the MMX-register forms of {@code mnemonics}. */
    public void onMmx(Handler handler, Mnemonic... mnemonics) {
        for (Mnemonic m : mnemonics) {
            if (mmxForms.putIfAbsent(m, handler) != null) {
                throw new IllegalStateException("two handlers for the MMX form of " + m);
            }
        }
    }

    /** The handler of {@code m}, or null if it is not lifted (the instruction raises #UD). */
    public Handler get(Mnemonic m) {
        return handlers.get(m);
    }

    /** The handler of {@code insn}: its MMX form's if it has an MMX register operand; null if not lifted. */
    public Handler get(Instruction insn) {
        return hasMmxRegister(insn) ? mmxForms.get(insn.mnemonic()) : handlers.get(insn.mnemonic());
    }

    static boolean hasMmxRegister(Instruction insn) {
        for (Operand op : insn.operands()) {
            if (op instanceof Register r && r.kind() == Register.Kind.MMX) {
                return true;
            }
        }
        return false;
    }

    public Map<Mnemonic, Handler> asMap() {
        return Map.copyOf(handlers);
    }

    /** The mnemonics whose MMX-register forms have a handler. */
    public Map<Mnemonic, Handler> mmxForms() {
        return Map.copyOf(mmxForms);
    }
}
