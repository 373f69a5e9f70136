package dev.jx86.x86.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.x86.disasm.Disassembler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two-byte map (0F xx) against the text GNU objdump 2.40 prints for the same bytes. */
class TwoByteMapTest {
    private static Decoded decode(Mode mode, String hex) {
        return Decoding.decode(mode, hex, 0x1000);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "BITS64 | 0f 00 c1             | sldt   ecx",
                "BITS64 | 48 0f 00 00          | rex.W sldt WORD PTR [rax]",
                "BITS64 | 66 0f 00 08          | data16 str WORD PTR [rax]",
                "BITS32 | 0f 01 00             | sgdtd  [eax]",
                "BITS16 | 66 0f 01 18          | lidtd  [bx+si]",
                "BITS64 | 0f 01 c8             | monitor",
                "BITS64 | 0f 01 f9             | rdtscp",
                "BITS64 | f3 0f 01 e8          | setssbsy",
                "BITS64 | 0f 07                | sysretd",
                "BITS64 | 48 0f 07             | sysretq",
                "BITS32 | 0f 07                | sysret",
                "BITS64 | 0f 20 08             | mov    rax,cr1",
                "BITS64 | 44 0f 20 c0          | mov    rax,cr8",
                "BITS32 | f0 0f 20 c0          | mov    eax,cr8",
                "BITS32 | 0f 21 c1             | mov    ecx,dr0",
                "BITS32 | 0f 24 c1             | mov    ecx,tr0",
                "BITS64 | 0f 10 08             | movups xmm1,XMMWORD PTR [rax]",
                "BITS64 | f3 0f 10 08          | movss  xmm1,DWORD PTR [rax]",
                "BITS64 | 0f 12 c1             | movhlps xmm0,xmm1",
                "BITS64 | f2 0f 12 08          | movddup xmm1,QWORD PTR [rax]",
                "BITS64 | f3 48 0f 2a c1       | cvtsi2ss xmm0,rcx",
                "BITS64 | f2 0f 2c 08          | cvttsd2si ecx,QWORD PTR [rax]",
                "BITS64 | 0f 60 08             | punpcklbw mm1,DWORD PTR [rax]",
                "BITS64 | 48 0f 6e c1          | movq   mm0,rcx",
                "BITS64 | 66 0f 7e c1          | movd   ecx,xmm0",
                "BITS64 | f3 0f 7e 08          | movq   xmm1,QWORD PTR [rax]",
                "BITS64 | 66 0f 73 f9 08       | pslldq xmm1,0x8",
                "BITS64 | 0f c2 c1 01          | cmpltps xmm0,xmm1",
                "BITS64 | f2 0f c2 c1 08       | cmpsd  xmm0,xmm1,0x8",
                "BITS64 | 66 0f d6 08          | movq   QWORD PTR [rax],xmm1",
                "BITS64 | f2 0f f0 08          | lddqu  xmm1,[rax]",
                "BITS64 | 66 0f a0             | pushw  fs",
                "BITS64 | 66 48 0f af c1       | data16 imul rax,rcx",
                "BITS64 | f3 0f b8 c1          | popcnt eax,ecx",
                "BITS64 | 48 0f c7 08          | cmpxchg16b OWORD PTR [rax]",
                "BITS64 | f3 48 0f c7 f9       | rex.W rdpid rcx",
                "BITS64 | 0f ae e9             | lfence",
                "BITS64 | f3 48 0f ae c1       | rdfsbase rcx",
                "BITS64 | 48 0f ae 00          | fxsave64 [rax]",
                "BITS64 | 66 0f 1a c1          | bndmov bnd0,bnd1",
                "BITS64 | f3 0f 1a c1          | bndcl  bnd0,rcx",
                "BITS64 | f3 0f 1e fa          | endbr64",
                "BITS64 | 0f 18 08             | prefetcht0 BYTE PTR [rax]",
                "BITS64 | 0f 19 c1             | nop    ecx",
                "BITS64 | 0f ff c1             | ud0    eax,ecx",
                "BITS64 | 48 0f 1f 05 f0 ff ff ff | nop    QWORD PTR [rip+0xfffffffffffffff0]        # 0xff8",
            })
    void decodesAsObjdumpPrints(Mode mode, String hex, String text) {
        Decoding.assertPrints(mode, hex, 0x1000, text);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "BITS64 | 66 0f 04    | data16 (bad)",
                "BITS64 | 48 0f 04    | rex.W (bad)",
                "BITS64 | 66 0f 77    | (bad)",
                "BITS64 | f3 0f 14 c0 | (bad)",
                "BITS64 | 0f 13 c0    | (bad)",
            })
    void undefinedBytesShowThePrefixesObjdumpShows(Mode mode, String hex, String text) {
        Decoded decoded = decode(mode, hex);
        assertThat(decoded).isInstanceOf(Invalid.class);
        assertThat(Disassembler.objdump().format(decoded)).isEqualTo(text);
    }
}
