package dev.jx86.runtime.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The CALL forms a stack scan recognizes before a return address (encodings as GNU as writes them). */
class CallInstructionsTest {
    private static long before(String hex, long base, boolean wide) {
        byte[] code = HexFormat.ofDelimiter(" ").parseHex(hex);
        return CallInstructions.before(code, code.length, base, wide);
    }

    @Test
    void aDirectCallGivesItsTarget() {
        // 401000: e8 fb 0f 00 00    call 402000
        assertThat(before("90 90 e8 fb 0f 00 00", 0x400ffe, true)).isEqualTo(0x402000L);
        // backwards: 401000: e8 fb ef ff ff    call 400000
        assertThat(before("e8 fb ef ff ff", 0x401000, true)).isEqualTo(0x400000L);
        // 32-bit code wraps at 4 GiB
        assertThat(before("e8 00 00 00 80", 0x80000000L, false)).isEqualTo(0x5L);
    }

    @Test
    void indirectCallsInEveryModRmForm() {
        for (String call : new String[] {
            "ff d0", // call rax
            "41 ff d3", // call r11
            "ff 10", // call [rax]
            "ff 15 10 20 00 00", // call [rip+0x2010]
            "ff 50 08", // call [rax+8]
            "ff 14 24", // call [rsp]
            "ff 54 24 08", // call [rsp+8]
            "ff 14 c5 00 10 40 00", // call [rax*8+0x401000]
            "ff 94 c3 00 01 00 00", // call [rbx+rax*8+0x100]
            "41 ff 54 24 10", // call [r12+0x10]
        }) {
            assertThat(before("90 90 90 90 90 90 90 90 " + call, 0x1000, true))
                    .as(call)
                    .isEqualTo(CallInstructions.INDIRECT);
        }
        // i386 glibc's system call entry: call *%gs:0x10
        assertThat(before("65 ff 15 10 00 00 00", 0x1000, false)).isEqualTo(CallInstructions.INDIRECT);
    }

    @Test
    void otherCodeIsNoCall() {
        assertThat(before("90 90 90 90 90 90 90 90", 0x1000, true)).isEqualTo(CallInstructions.NONE);
        assertThat(before("48 89 c7", 0x1000, true)).isEqualTo(CallInstructions.NONE); // mov rdi, rax
        assertThat(before("ff e0", 0x1000, true)).isEqualTo(CallInstructions.NONE); // jmp rax
        assertThat(before("ff 30", 0x1000, true)).isEqualTo(CallInstructions.NONE); // push [rax]
        assertThat(before("ff", 0x1000, true)).isEqualTo(CallInstructions.NONE);
    }
}
