package dev.jx86.conformance.difftest;

import java.util.List;

/**
 * One generated instruction sequence and the state it starts from.
 *
 * @param id the case's number in its run (with the run's seed it regenerates the case)
 * @param items the instruction groups it was made of, each with its family and assembly lines
 * @param code the assembled bytes (filled in by {@link GnuAssembler})
 * @param initial the registers; the data buffer is filled from {@code dataSeed}
 * @param bits64 64-bit mode, else 32-bit mode
 */
record TestCase(long id, List<Item> items, byte[] code, MachineState initial, long dataSeed, boolean bits64) {
    /** A group of assembly lines generated together for one instruction family (setup lines, then the instruction). */
    record Item(String family, List<String> lines) {}

    TestCase withCode(byte[] assembled) {
        return new TestCase(id, items, assembled, initial, dataSeed, bits64);
    }

    /** The assembly text, one instruction per line. */
    List<String> lines() {
        return items.stream().flatMap(i -> i.lines().stream()).toList();
    }

    /** The family the case is filed under: its first item's. */
    String family() {
        return items.getFirst().family();
    }
}
