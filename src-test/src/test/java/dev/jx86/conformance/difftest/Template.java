package dev.jx86.conformance.difftest;

import java.util.function.Consumer;

/**
 * Writes one random instance of an instruction family (setup lines, if any, then the instruction).
 *
 * @param family the instruction's mnemonic as the decoder names it, lower case; the unit failures are filed
 *     under
 * @param branch whether the template is a forward branch over a body item that the generator supplies
 * @param longModeOnly whether the template is left out of 32-bit runs
 */
record Template(String family, boolean branch, boolean longModeOnly, Consumer<Operands> emit) {
    static Template of(String family, Consumer<Operands> emit) {
        return new Template(family, false, false, emit);
    }

    /** A template of an instruction or form that exists in 64-bit mode only. */
    static Template longMode(String family, Consumer<Operands> emit) {
        return new Template(family, false, true, emit);
    }

    Template inLongModeOnly() {
        return new Template(family, branch, true, emit);
    }
}
