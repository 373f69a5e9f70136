package dev.jx86.conformance.difftest;

import java.util.function.Consumer;

/**
 * Writes one random instance of an instruction family (setup lines, if any, then the instruction).
 *
 * @param family the instruction's mnemonic as the decoder names it, lower case; the unit failures are filed
 *     under
 * @param branch whether the template is a forward branch over a body item that the generator supplies
 * @param modes the modes the template is generated for
 */
record Template(String family, boolean branch, Modes modes, Consumer<Operands> emit) {
    /** Which modes a template's instruction or form exists in. */
    enum Modes {
        BOTH,
        LONG_ONLY,
        LEGACY_ONLY;

        boolean includes(boolean bits64) {
            return this == BOTH || (this == LONG_ONLY) == bits64;
        }
    }

    static Template of(String family, Consumer<Operands> emit) {
        return new Template(family, false, Modes.BOTH, emit);
    }

    /** A template of an instruction or form that exists in 64-bit mode only. */
    static Template longMode(String family, Consumer<Operands> emit) {
        return new Template(family, false, Modes.LONG_ONLY, emit);
    }

    /** A template of an instruction that exists outside 64-bit mode only (BCD, PUSHA/POPA). */
    static Template legacyMode(String family, Consumer<Operands> emit) {
        return new Template(family, false, Modes.LEGACY_ONLY, emit);
    }

    Template inLongModeOnly() {
        return new Template(family, branch, Modes.LONG_ONLY, emit);
    }
}
