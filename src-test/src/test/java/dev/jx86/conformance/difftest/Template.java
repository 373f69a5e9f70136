package dev.jx86.conformance.difftest;

import java.util.function.Consumer;

/**
 * Writes one random instance of an instruction family (setup lines, if any, then the instruction).
 *
 * @param family the instruction's mnemonic as the decoder names it, lower case; the unit failures are filed
 *     under
 * @param branch whether the template is a forward branch over a body item that the generator supplies
 */
record Template(String family, boolean branch, Consumer<Operands> emit) {
    static Template of(String family, Consumer<Operands> emit) {
        return new Template(family, false, emit);
    }
}
