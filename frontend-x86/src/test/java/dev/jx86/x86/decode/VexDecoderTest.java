package dev.jx86.x86.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.disasm.Disassembler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VEX-encoded instructions: one case per operand shape, with objdump 2.40's text as the oracle. */
class VexDecoderTest {
    private static Decoded decode(Mode mode, String hex) {
        return Decoding.decode(mode, hex, 0x1000);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "BITS64 | c5 fc 58 c1          | vaddps ymm0,ymm0,ymm1",
                "BITS64 | c5 fa 58 00          | vaddss xmm0,xmm0,DWORD PTR [rax]",
                "BITS64 | c5 fd 5a 00          | vcvtpd2ps xmm0,YMMWORD PTR [rax]",
                "BITS64 | c5 f0 c2 c2 01       | vcmpltps xmm0,xmm1,xmm2",
                "BITS64 | c4 e3 71 44 c2 11    | vpclmulhqhqdq xmm0,xmm1,xmm2",
                "BITS64 | c4 e3 79 4a c1 20    | vblendvps xmm0,xmm0,xmm1,xmm2",
                "BITS64 | c4 e3 79 68 c1 20    | vfmaddps xmm0,xmm0,xmm1,xmm2",
                "BITS64 | c4 e2 71 92 04 c8    | vgatherdps xmm0,DWORD PTR [rax+xmm1*8]/(bad),xmm1/(bad)",
                "BITS64 | c4 e2 fd 93 04 c8    | vgatherqpd ymm0/(bad),QWORD PTR [rax+ymm1*8],ymm0/(bad)",
                "BITS64 | c5 f8 90 c1          | kmovw  k0,k1",
                "BITS64 | c4 e2 f8 f2 c1       | andn   rax,rax,rcx",
                "BITS64 | c4 e3 fb f0 c1 07    | rorx   rax,rcx,0x7",
                "BITS64 | c5 f8 77             | vzeroupper",
                "BITS64 | c5 fc 77             | vzeroall",
                "BITS64 | c4 e1 f9 7e c0       | vmovq  rax,xmm0",
                "BITS64 | 66 c5 f8 58 00       | data16 vaddps xmm0,xmm0,XMMWORD PTR [rax]",
                "BITS64 | c4 e2 79 50 c1       | {vex} vpdpbusd xmm0,xmm0,xmm1",
                "BITS64 | c4 e2 7b 4b 0c 08    | tileloadd tmm1,[rax+rcx*1]",
                "BITS64 | c4 e2 7a 5c c1       | tdpbf16ps tmm0/(bad),tmm1,tmm0/(bad)",
                "BITS64 | c4 e3 79 48 00 ab    | vpermil2ps xmm0,xmm0,XMMWORD PTR [rax],xmm10,0xb",
                "BITS32 | c4 e1 f9 7e c0       | vmovd  eax,xmm0",
                "BITS32 | c4 e2 79 92 04 c8    | vgatherdps xmm0/(bad),DWORD PTR [eax+xmm1*8],xmm0/(bad)",
            })
    void decodesAsObjdumpPrints(Mode mode, String hex, String text) {
        Decoding.assertPrints(mode, hex, 0x1000, text);
    }

    @Test
    void vvvvMustBeAllOnesWhereNoOperandTakesIt() {
        assertInvalid(decode(Mode.BITS64, "c5 f1 5a c1"), 3);
        assertInvalid(decode(Mode.BITS32, "c4 e1 38 77"), 4);
    }

    @Test
    void anUndefinedMapEndsAtTheC4Byte() {
        assertInvalid(decode(Mode.BITS64, "c4 e7 f8 58 c1"), 1);
    }

    @Test
    void aRejectedEncodingNamesTheLegacyPrefixesBeforeIt() {
        Decoded decoded = decode(Mode.BITS64, "66 c4 e2 7d f7 c1");
        assertInvalid(decoded, 5);
        assertThat(Disassembler.objdump().format(decoded)).isEqualTo("data16 (bad)");
    }

    private static void assertInvalid(Decoded decoded, int length) {
        assertThat(decoded).isInstanceOf(Invalid.class);
        assertThat(decoded.length()).isEqualTo(length);
        assertThat(((Invalid) decoded).reason()).isEqualTo(Invalid.Reason.UNDEFINED_OPCODE);
    }

    @Test
    void vsibIndexIsAVectorRegister() {
        Instruction gather = (Instruction) decode(Mode.BITS64, "c4 a2 79 92 04 e0");
        Memory memory = (Memory) gather.operand(1);
        assertThat(memory.index()).isEqualTo(Register.XMM12);
        assertThat(memory.size()).isEqualTo(4);
    }
}
