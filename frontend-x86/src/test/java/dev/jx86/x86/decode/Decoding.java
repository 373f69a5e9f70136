package dev.jx86.x86.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.disasm.Disassembler;
import java.util.HexFormat;

/** Decodes hex bytes for the decoder tests and checks them against objdump's text. */
final class Decoding {
    private Decoding() {}

    /** Decodes the instruction at the start of {@code hex} ("66 0f 58 c1"), placed at {@code address}. */
    static Decoded decode(Mode mode, String hex, long address) {
        byte[] code = HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
        return new Decoder(mode).decode(code, 0, address);
    }

    /** {@code hex} is exactly one instruction, which objdump -M intel prints as {@code text}. */
    static void assertPrints(Mode mode, String hex, long address, String text) {
        Decoded decoded = decode(mode, hex, address);
        assertThat(decoded).isInstanceOf(Instruction.class);
        assertThat(decoded.length()).isEqualTo(hex.trim().split("\\s+").length);
        assertThat(Disassembler.objdump().format(decoded)).isEqualTo(text);
    }
}
