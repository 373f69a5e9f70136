package dev.jx86.userland;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.exec.ExecutionLoop;
import dev.jx86.runtime.exec.TranslationCache;
import dev.jx86.runtime.linux.LinuxProcess;
import dev.jx86.runtime.linux.ProcessOptions;
import dev.jx86.x86.lift.X86Translator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole static programs built with gcc at test time run under the Linux personality on tier 0 and leave the same
 * file and exit status as when run natively: libc start-up (TLS, auxv, brk/mmap through malloc), stdio to a file,
 * and code generated at run time and then rewritten (the code-page write path).
 */
class StaticProgramsTest {
    private static final String PROGRAM = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <sys/mman.h>
            #include <sys/stat.h>
            #include <unistd.h>
            #include <fcntl.h>

            static int run_generated(unsigned char *code, int value) {
                /* mov eax, imm32 ; ret */
                code[0] = 0xb8; memcpy(code + 1, &value, 4); code[5] = 0xc3;
                return ((int (*)(void)) code)();
            }

            int main(int argc, char **argv) {
                FILE *out = fopen(argv[1], "w");
                if (!out) return 99;
                char *big = malloc(1 << 20);
                for (int i = 0; i < (1 << 20); i++) big[i] = (char) i;
                long sum = 0;
                for (int i = 0; i < (1 << 20); i += 4096) sum += big[i + 7];
                char *more = malloc(300000);
                strcpy(more, "heap");
                struct stat st;
                stat(argv[1], &st);
                unsigned char *code = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                int first = run_generated(code, 11);
                int second = run_generated(code, 22);
                fprintf(out, "argc=%d last=%s sum=%ld %s mode=%o code=%d,%d env=%s\\n", argc, argv[argc - 1], sum,
                        more, (unsigned) (st.st_mode & 0777), first, second, getenv("JX86_TEST"));
                fclose(out);
                return 42;
            }
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"-static", "-static-pie", "-m32 -static", "-m32 -static-pie"})
    void runsLikeNatively(String flags) throws Exception {
        Path program = gcc(flags.split(" "));
        Assumptions.assumeTrue(program != null, "gcc " + flags + " is not available");
        Path nativeOut = dir.resolve("native.txt");
        ProcessBuilder builder = new ProcessBuilder(program.toString(), nativeOut.toString(), "two words");
        builder.environment().put("JX86_TEST", "yes");
        Process nativeRun = builder.redirectErrorStream(true).start();
        nativeRun.getInputStream().readAllBytes();
        assertThat(nativeRun.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Path guestOut = dir.resolve("guest.txt");
        List<String> argv = List.of(program.toString(), guestOut.toString(), "two words");
        LinuxProcess.Started started =
                LinuxProcess.start(program, argv, List.of("JX86_TEST=yes"), ProcessOptions.defaults());
        int status;
        try (LinuxProcess process = started.process()) {
            ExecutionLoop loop =
                    new ExecutionLoop(new X86Translator(), process.codeWatch(), TranslationCache.DEFAULT_MAX_OPS);
            status = process.run(loop, started.cpu());
        }
        assertThat(status).isEqualTo(nativeRun.exitValue()).isEqualTo(42);
        String expected = Files.readString(nativeOut);
        assertThat(Files.readString(guestOut)).isEqualTo(expected);
        assertThat(expected).contains("code=11,22");
    }

    private Path gcc(String... flags) throws IOException, InterruptedException {
        Path source = dir.resolve("program.c");
        Files.writeString(source, PROGRAM);
        Path out = dir.resolve("program");
        List<String> command = new ArrayList<>(List.of("gcc", "-O1", "-o", out.toString()));
        command.addAll(List.of(flags));
        command.add(source.toString());
        Process gcc;
        try {
            gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        gcc.getInputStream().readAllBytes();
        if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            return null;
        }
        return out;
    }
}
