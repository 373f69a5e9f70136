package dev.jx86.conformance.difftest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assembles the test cases' Intel-syntax text with GNU {@code as} in one go (one label before and after each
 * case), then cuts each case's bytes out of the {@code .text} section ({@code objcopy -O binary}) by the labels'
 * values ({@code nm}). So jx86's differential test needs no encoder of its own.
 */
final class GnuAssembler {
    private final Path dir;

    GnuAssembler(Path dir) {
        this.dir = dir;
    }

    /** Whether {@code as}, {@code objcopy} and {@code nm} can be run; null if so, else what is missing. */
    static String missingTool() {
        for (String tool : new String[] {"as", "objcopy", "nm"}) {
            try {
                Process p = new ProcessBuilder(tool, "--version")
                        .redirectErrorStream(true)
                        .start();
                p.getInputStream().readAllBytes();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return tool + " --version failed";
                }
            } catch (IOException e) {
                return tool + " not found (" + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return null;
    }

    /** The cases with their code filled in. */
    List<TestCase> assemble(List<TestCase> cases) throws IOException {
        StringBuilder source = new StringBuilder(".intel_syntax noprefix\n.text\n");
        List<Integer> firstLines = new ArrayList<>();
        int line = 3;
        for (int i = 0; i < cases.size(); i++) {
            source.append("s").append(i).append(":\n");
            line++;
            firstLines.add(line);
            for (String text : cases.get(i).lines()) {
                source.append(text).append('\n');
                line++;
            }
            source.append("e").append(i).append(":\n");
            line++;
        }
        Path asm = dir.resolve("cases.s");
        Path object = dir.resolve("cases.o");
        Path binary = dir.resolve("cases.bin");
        Files.writeString(asm, source);
        String mode = cases.isEmpty() || cases.getFirst().bits64() ? "--64" : "--32";
        String errors = run(List.of("as", mode, "-o", object.toString(), asm.toString()));
        if (errors != null) {
            throw new IllegalStateException(
                    "as rejected the generated code (a generator bug):\n" + explain(errors, cases, firstLines));
        }
        String failed = run(List.of("objcopy", "-O", "binary", "-j", ".text", object.toString(), binary.toString()));
        if (failed != null) {
            throw new IOException("objcopy failed: " + failed);
        }
        byte[] text = Files.readAllBytes(binary);
        Map<String, Integer> symbols = symbols(object);
        List<TestCase> out = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            int start = symbols.get("s" + i);
            int end = symbols.get("e" + i);
            if (end - start > Layout.MAX_CODE) {
                throw new IllegalStateException("case " + cases.get(i).id() + " has " + (end - start) + " bytes");
            }
            byte[] code = new byte[end - start];
            System.arraycopy(text, start, code, 0, code.length);
            out.add(cases.get(i).withCode(code));
        }
        return out;
    }

    private Map<String, Integer> symbols(Path object) throws IOException {
        Process p = new ProcessBuilder("nm", object.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<String, Integer> symbols = new HashMap<>();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        for (String s : out.split("\n")) {
            String[] parts = s.trim().split(" ");
            if (parts.length == 3) {
                symbols.put(parts[2], (int) Long.parseLong(parts[0], 16));
            }
        }
        waitFor(p);
        return symbols;
    }

    /** Runs a tool; null on success, else its messages. */
    private String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return waitFor(p) == 0 ? null : out;
    }

    private static int waitFor(Process p) throws IOException {
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroy();
                throw new IOException(
                        "tool did not finish: " + p.info().commandLine().orElse("?"));
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The assembler's first errors, each with the case it belongs to. */
    private static String explain(String errors, List<TestCase> cases, List<Integer> firstLines) {
        StringBuilder sb = new StringBuilder();
        errors.lines().filter(l -> l.contains("Error")).limit(10).forEach(l -> {
            sb.append(l).append('\n');
            Matcher m = Pattern.compile("cases\\.s:(\\d+):").matcher(l);
            if (m.find()) {
                int n = Integer.parseInt(m.group(1));
                int c = 0;
                while (c + 1 < firstLines.size() && firstLines.get(c + 1) <= n) {
                    c++;
                }
                sb.append("  in case ")
                        .append(cases.get(c).id())
                        .append(": ")
                        .append(String.join("; ", cases.get(c).lines()))
                        .append('\n');
            }
        });
        return sb.toString();
    }
}
