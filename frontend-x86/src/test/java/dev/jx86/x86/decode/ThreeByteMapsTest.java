package dev.jx86.x86.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The legacy 0F 38 and 0F 3A maps decode and print as GNU objdump 2.40 shows them (texts taken from it). */
class ThreeByteMapsTest {
    private static Decoded decode(Mode mode, String hex) {
        return Decoding.decode(mode, hex, 0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "BITS64 | 0f 38 00 c1              | pshufb mm0,mm1",
                "BITS64 | 66 0f 38 00 01           | pshufb xmm0,XMMWORD PTR [rcx]",
                "BITS64 | 66 44 0f 38 10 c1        | pblendvb xmm8,xmm1,xmm0",
                "BITS64 | 66 0f 38 15 04 24        | blendvpd xmm0,XMMWORD PTR [rsp],xmm0",
                "BITS64 | 66 0f 38 22 01           | pmovsxbq xmm0,WORD PTR [rcx]",
                "BITS64 | 66 0f 38 21 c1           | pmovsxbd xmm0,xmm1",
                "BITS64 | 66 0f 38 2a 00           | movntdqa xmm0,XMMWORD PTR [rax]",
                "BITS64 | 66 0f 38 80 01           | invept rax,OWORD PTR [rcx]",
                "BITS64 | 66 48 0f 38 80 01        | rex.W invept rax,OWORD PTR [rcx]",
                "BITS64 | f2 48 0f 38 f0 c6        | crc32  rax,sil",
                "BITS64 | f2 40 0f 38 f0 c6        | crc32  eax,sil",
                "BITS64 | 66 f2 0f 38 f1 c1        | crc32  eax,cx",
                "BITS64 | 66 f2 0f 38 f0 c1        | data16 crc32 eax,cl",
                "BITS64 | 66 0f 38 f0 01           | movbe  ax,WORD PTR [rcx]",
                "BITS64 | 48 0f 38 f1 01           | movbe  QWORD PTR [rcx],rax",
                "BITS64 | f3 0f 38 f6 c1           | adox   eax,ecx",
                "BITS64 | 66 48 0f 38 f6 c1        | adcx   rax,rcx",
                "BITS64 | 48 0f 38 f6 01           | wrssq  [rcx],rax",
                "BITS64 | 66 0f 38 f8 01           | movdir64b rax,[rcx]",
                "BITS64 | 67 f2 0f 38 f8 01        | enqcmd eax,[ecx]",
                "BITS64 | 48 0f 38 fc 01           | aadd   QWORD PTR [rcx],rax",
                "BITS64 | 0f 38 cb c1              | sha256rnds2 xmm0,xmm1,xmm0",
                "BITS64 | f3 0f 38 d8 09           | aesdecwide128kl [rcx]",
                "BITS64 | f3 0f 38 dc c1           | loadiwkey xmm0,xmm1",
                "BITS64 | 66 0f 3a 0a 01 04        | roundss xmm0,DWORD PTR [rcx],0x4",
                "BITS64 | 66 48 0f 3a 16 c1 01     | pextrq rcx,xmm0,0x1",
                "BITS64 | 66 48 0f 3a 14 c1 01     | rex.W pextrb ecx,xmm0,0x1",
                "BITS64 | 66 0f 3a 15 01 07        | pextrw WORD PTR [rcx],xmm0,0x7",
                "BITS64 | 66 0f 3a 20 c1 00        | pinsrb xmm0,ecx,0x0",
                "BITS64 | 66 0f 3a 21 01 10        | insertps xmm0,DWORD PTR [rcx],0x10",
                "BITS64 | 66 0f 3a 44 c1 11        | pclmulhqhqdq xmm0,xmm1",
                "BITS64 | 66 0f 3a 44 c1 12        | pclmulqdq xmm0,xmm1,0x12",
                "BITS64 | 66 48 0f 3a 61 c1 01     | pcmpestriq xmm0,xmm1,0x1",
                "BITS64 | 0f 3a cc c1 03           | sha1rnds4 xmm0,xmm1,0x3",
                "BITS64 | 0f 3a 0f 01 08           | palignr mm0,QWORD PTR [rcx],0x8",
                "BITS64 | f3 0f 3a f0 c0 01        | hreset 0x1",
                "BITS32 | 66 0f 38 82 01           | invpcid eax,[ecx]",
                "BITS32 | 66 0f 38 f8 01           | movdir64b eax,[ecx]",
                "BITS32 | 67 66 0f 38 f8 01        | movdir64b ax,[bx+di]",
                "BITS16 | 0f 38 f0 01              | movbe  ax,WORD PTR [bx+di]",
                "BITS16 | 66 0f 38 80 06 00 10     | invept eax,OWORD PTR ds:0x1000",
            })
    void decodesAsObjdumpPrints(Mode mode, String hex, String text) {
        Decoding.assertPrints(mode, hex, 0, text);
    }

    @Test
    void registerFormsOfMemoryOnlyRowsAndBlankPrefixColumnsAreUndefined() {
        // MOVDIRI with a register operand; MOVBE under F3; an opcode with no legacy row.
        assertThat(decode(Mode.BITS64, "0f 38 f9 c1")).isEqualTo(new Invalid(0, 3, Invalid.Reason.UNDEFINED_OPCODE));
        assertThat(decode(Mode.BITS64, "f3 0f 38 f0 01")).isEqualTo(new Invalid(0, 4, Invalid.Reason.UNDEFINED_OPCODE));
        Invalid blank = (Invalid) decode(Mode.BITS32, "66 0f 3a 00 c1 05");
        assertThat(blank.length()).isEqualTo(4);
        assertThat(blank.reason()).isEqualTo(Invalid.Reason.UNDEFINED_OPCODE);
    }
}
