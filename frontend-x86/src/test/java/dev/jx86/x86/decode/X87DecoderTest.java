package dev.jx86.x86.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.disasm.Disassembler;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The x87 escapes, FWAIT joined to them, and 3DNow!, against texts objdump 2.40 printed. */
class X87DecoderTest {
    private static Decoded decode(Mode mode, String hex) {
        return Decoding.decode(mode, hex, 0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "BITS32 | d8 c1                | fadd   st,st(1)",
                "BITS32 | dc c1                | fadd   st(1),st",
                "BITS32 | dc e1                | fsubr  st(1),st",
                "BITS32 | de e9                | fsubp  st(1),st",
                "BITS32 | de f1                | fdivrp st(1),st",
                "BITS32 | d9 c9                | fxch   st(1)",
                "BITS32 | df e0                | fnstsw ax",
                "BITS32 | db 2c 24             | fld    TBYTE PTR [esp]",
                "BITS32 | dd 30                | fnsave [eax]",
                "BITS32 | 66 dd 30             | fnsavew [eax]",
                "BITS16 | 66 d9 66 02          | fldenvd [bp+0x2]",
                "BITS64 | 66 48 dd 20          | rex.W frstorw [rax]",
                "BITS32 | 66 d8 00             | data16 fadd DWORD PTR [eax]",
                "BITS64 | 41 d9 c0             | rex.B fld st(0)",
                "BITS64 | 41 d9 05 00 00 00 00 | fld    DWORD PTR [rip+0x0]        # 0x7",
                "BITS32 | db e4                | fnsetpm(287 only)",
                "BITS32 | df c1                | ffreep st(1)",
                "BITS32 | db f1                | fcomi  st,st(1)",
                "BITS32 | 9b d9 38             | fstcw  WORD PTR [eax]",
                "BITS32 | 9b df e0             | fstsw  ax",
                "BITS32 | 9b db e3             | finit",
                "BITS32 | 9b 66 dd 30          | fsavew [eax]",
                "BITS32 | 9b d9 c0             | fld    st(0)",
                "BITS32 | 66 9b d9 38          | data16 fstcw WORD PTR [eax]",
                "BITS32 | 0f 0f c1 0d          | pi2fd  mm0,mm1",
                "BITS32 | 0f 0f 04 24 9e       | pfadd  mm0,QWORD PTR [esp]",
                "BITS32 | 0f 0f 05 11 22 33 44 bb | pswapd mm0,QWORD PTR ds:0x44332211",
            })
    void decodesAsObjdumpPrints(Mode mode, String hex, String text) {
        Decoding.assertPrints(mode, hex, 0, text);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "BITS32 | d9 08                | 2 | (bad)  [eax]",
                "BITS32 | db 24 11             | 3 | (bad)  [ecx+edx*1]",
                "BITS32 | 66 d9 08             | 3 | data16 (bad) [eax]",
                "BITS64 | 48 d9 d8             | 3 | rex.W (bad)",
                "BITS32 | dd c8                | 2 | (bad)",
                "BITS32 | 0f 0f c1 00          | 1 | (bad)",
                "BITS32 | f3 0f 0f c1 00       | 2 | repz (bad)",
            })
    void undefinedFormsSpanWhatObjdumpShows(Mode mode, String hex, int length, String text) {
        Decoded decoded = decode(mode, hex);
        assertThat(decoded).isInstanceOf(Invalid.class);
        assertThat(decoded.length()).isEqualTo(length);
        assertThat(Disassembler.objdump().format(decoded)).isEqualTo(text);
    }

    @Test
    void fwaitAloneStaysAnInstruction() {
        Instruction fwait = (Instruction) decode(Mode.BITS32, "9b 90");
        assertThat(fwait.mnemonic()).isEqualTo(Mnemonic.FWAIT);
        assertThat(fwait.length()).isEqualTo(1);
        Instruction joined = (Instruction) decode(Mode.BITS32, "9b df e0");
        assertThat(joined.mnemonic()).isEqualTo(Mnemonic.FNSTSW);
        assertThat(joined.prefixes().fwait()).isTrue();
    }

    @Test
    void everyEscapeAndModRmTruncatedAnywhereDecodesWithoutThrowing() {
        for (Mode mode : Mode.values()) {
            Decoder decoder = new Decoder(mode);
            for (int escape = 0xd8; escape <= 0xdf; escape++) {
                for (int modrm = 0; modrm < 256; modrm++) {
                    byte[] full = {(byte) 0x9b, (byte) escape, (byte) modrm, 0x24, 0x11, 0x22, 0x33, 0x44, 0x0d};
                    for (int cut = 2; cut <= full.length; cut++) {
                        byte[] code = Arrays.copyOf(full, cut);
                        assertThat(decoder.decode(code, 0, 0).length()).isBetween(0, Decoder.MAX_LENGTH);
                        assertThat(decoder.decode(code, 1, 1).length()).isBetween(0, Decoder.MAX_LENGTH);
                        code[0] = 0x0f;
                        code[1] = 0x0f;
                        Disassembler.objdump().format(decoder.decode(code, 0, 0));
                    }
                }
            }
        }
    }
}
