package dev.jx86.x86.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.disasm.Disassembler;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecoderTest {
    private static Decoded decode(Mode mode, String hex) {
        return Decoding.decode(mode, hex, 0x1000);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "BITS64 | 48 01 c8             | add    rax,rcx",
                "BITS64 | 66 2e 0f 1f 84 00 00 00 00 00 | cs nop WORD PTR [rax+rax*1+0x0]",
                "BITS64 | 48 8b 05 10 00 00 00 | mov    rax,QWORD PTR [rip+0x10]        # 0x1017",
                "BITS64 | f3 ab                | rep stos DWORD PTR es:[rdi],eax",
                "BITS64 | 4a 01 c0             | rex.WX add rax,rax",
                "BITS64 | 48 b8 01 00 00 00 00 00 00 00 | movabs rax,0x1",
                "BITS64 | 66 6a ff             | pushw  0xffff",
                "BITS64 | 41 90                | xchg   r8d,eax",
                "BITS64 | f3 90                | pause",
                "BITS32 | 8b 05 10 00 00 00    | mov    eax,DWORD PTR ds:0x10",
                "BITS32 | 66 e8 00 00          | callw  0x1004",
                "BITS16 | 8b 46 fe             | mov    ax,WORD PTR [bp-0x2]",
                "BITS16 | 66 9c                | pushfd",
            })
    void decodesAsObjdumpPrints(Mode mode, String hex, String text) {
        Decoding.assertPrints(mode, hex, 0x1000, text);
    }

    @Test
    void aRexBeforeALegacyPrefixIsIgnored() {
        Instruction instruction = (Instruction) decode(Mode.BITS64, "48 66 90");
        assertThat(instruction.length()).isEqualTo(3);
        assertThat(instruction.operandSize()).isEqualTo(2);
    }

    @Test
    void undefinedTruncatedAndOverlongBytesAreInvalidNotExceptions() {
        assertThat(decode(Mode.BITS64, "d6")).isEqualTo(new Invalid(0x1000, 1, Invalid.Reason.UNDEFINED_OPCODE));
        assertThat(decode(Mode.BITS64, "48 8b")).isEqualTo(new Invalid(0x1000, 2, Invalid.Reason.TRUNCATED));
        assertThat(decode(Mode.BITS64, "66".repeat(15) + "90"))
                .isEqualTo(new Invalid(0x1000, 15, Invalid.Reason.TOO_LONG));
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(86);
        byte[] code = new byte[1 << 16];
        random.nextBytes(code);
        for (Mode mode : Mode.values()) {
            Decoder decoder = new Decoder(mode);
            for (int offset = 0; offset < code.length; offset++) {
                Decoded decoded = decoder.decode(code, offset, offset);
                assertThat(decoded.length()).isBetween(0, Decoder.MAX_LENGTH);
                Disassembler.objdump().format(decoded);
            }
        }
    }
}
