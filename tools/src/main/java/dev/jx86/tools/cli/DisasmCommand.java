package dev.jx86.tools.cli;

import picocli.CommandLine.Command;

/** {@code jx86 disasm}: prints the instructions of an ELF file, a flat binary or hex bytes. */
@Command(name = "disasm", description = "Disassemble x86 code (objdump -M intel syntax).")
final class DisasmCommand implements Runnable {
    @Override
    public void run() {}
}
