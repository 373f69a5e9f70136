package dev.jx86.conformance.difftest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs test cases on the host CPU through {@code difftest-harness.c}, compiled with gcc into a work directory on
 * first use. One harness process runs a whole batch; the file formats are described in the C source.
 */
final class NativeHarness {
    private static final String SOURCE = "difftest-harness.c";
    private static final int REGS_SIZE = 488;

    private final Path dir;
    private final Path executable;

    private NativeHarness(Path dir, Path executable) {
        this.dir = dir;
        this.executable = executable;
    }

    /** Compiles the 64-bit harness into {@code dir}. */
    static NativeHarness compile(Path dir) throws IOException {
        return compile(dir, true);
    }

    /**
     * Compiles the harness into {@code dir}, as a 64-bit program or ({@code bits64} false) a 32-bit one; throws
     * {@link IllegalStateException} with gcc's messages when it cannot (a 32-bit build needs gcc-multilib).
     */
    static NativeHarness compile(Path dir, boolean bits64) throws IOException {
        Path source = dir.resolve(SOURCE);
        try (InputStream in = NativeHarness.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SOURCE + " is missing from the test resources");
            }
            Files.write(source, in.readAllBytes());
        }
        Path executable = dir.resolve(bits64 ? "difftest-harness" : "difftest-harness32");
        List<String> command = new ArrayList<>(List.of("gcc", "-O1", "-Wall", "-Wextra", "-Werror"));
        if (!bits64) {
            command.addAll(List.of("-m32", "-fno-pie", "-no-pie"));
        }
        command.addAll(List.of("-o", executable.toString(), source.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(p, 2) != 0) {
            throw new IllegalStateException(
                    "gcc " + String.join(" ", command.subList(1, command.size())) + " failed:\n" + out);
        }
        return new NativeHarness(dir, executable);
    }

    /** Whether gcc can be run; null if so, else why not. */
    static String missingCompiler() {
        try {
            Process p = new ProcessBuilder("gcc", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return waitFor(p, 1) == 0 ? null : "gcc --version failed";
        } catch (IOException e) {
            return "gcc not found (" + e.getMessage() + ")";
        }
    }

    /** Runs the cases (with code) natively; their results in the same order. */
    List<Outcome> run(List<TestCase> cases) throws IOException {
        Path input = dir.resolve("cases.in");
        Path output = dir.resolve("cases.out");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(input), 1 << 16)) {
            ByteBuffer b = ByteBuffer.allocate(16 + Layout.SLOT + REGS_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            b.put("JXDT".getBytes(StandardCharsets.US_ASCII)).putInt(2).putInt(cases.size());
            out.write(b.array(), 0, b.position());
            for (TestCase c : cases) {
                b.clear();
                b.putInt(c.code().length).put(c.code());
                putRegs(b, c.initial());
                b.putLong(c.dataSeed());
                out.write(b.array(), 0, b.position());
            }
        }
        Process p = new ProcessBuilder(executable.toString(), input.toString(), output.toString())
                .redirectErrorStream(true)
                .start();
        String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(p, 10) != 0) {
            throw new IOException("difftest-harness failed (exit " + p.exitValue() + "):\n" + messages);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(output), 1 << 16))) {
            return read(in, cases);
        }
    }

    private static void putRegs(ByteBuffer b, MachineState s) {
        for (long r : s.gpr) {
            b.putLong(r);
        }
        b.putLong(s.rflags).putInt(s.mxcsr).putInt(0);
        for (long x : s.xmm) {
            b.putLong(x);
        }
        b.putShort((short) s.fcw)
                .putShort((short) s.fsw)
                .putShort((short) s.ftw)
                .putShort((short) 0);
        for (int i = 0; i < 8; i++) {
            b.putLong(s.stSignificand[i]).putShort((short) s.stExponent[i]);
        }
    }

    private static List<Outcome> read(DataInputStream in, List<TestCase> cases) throws IOException {
        byte[] header = new byte[8];
        in.readFully(header);
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt() != 0x5244584a || h.getInt() != cases.size()) { // "JXDR"
            throw new IOException("difftest-harness wrote an unexpected result header");
        }
        List<Outcome> outcomes = new ArrayList<>(cases.size());
        byte[] record = new byte[16 + REGS_SIZE];
        byte[] word = new byte[12];
        for (TestCase c : cases) {
            in.readFully(record);
            ByteBuffer b = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
            int signal = b.getInt();
            int changed = b.getInt();
            long pc = b.getLong();
            MachineState s = new MachineState();
            for (int i = 0; i < 16; i++) {
                s.gpr[i] = b.getLong();
            }
            s.rflags = b.getLong();
            s.mxcsr = b.getInt();
            b.getInt();
            for (int i = 0; i < 32; i++) {
                s.xmm[i] = b.getLong();
            }
            s.fcw = b.getShort() & 0xffff;
            s.fsw = b.getShort() & 0xffff;
            s.ftw = b.getShort() & 0xffff;
            b.getShort();
            for (int i = 0; i < 8; i++) {
                s.stSignificand[i] = b.getLong();
                s.stExponent[i] = b.getShort() & 0xffff;
            }
            MachineState.fill(s.data, c.dataSeed());
            ByteBuffer w = ByteBuffer.wrap(word).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < changed; i++) {
                in.readFully(word);
                w.clear();
                int offset = w.getInt();
                long value = w.getLong();
                for (int k = 0; k < 8; k++) {
                    s.data[offset + k] = (byte) (value >>> (8 * k));
                }
            }
            outcomes.add(outcome(signal, pc, s, outcomes.size(), c));
        }
        return outcomes;
    }

    private static Outcome outcome(int signal, long pc, MachineState s, int slot, TestCase c) {
        long end = Layout.codeAddress(slot) + c.code().length;
        Outcome.Stop stop = switch (signal) {
            case 4 -> pc == end ? Outcome.Stop.END : Outcome.Stop.SIGILL;
            case 5 -> Outcome.Stop.SIGTRAP;
            case 7 -> Outcome.Stop.SIGBUS;
            case 8 -> Outcome.Stop.SIGFPE;
            case 11 -> Outcome.Stop.SIGSEGV;
            case 14 -> Outcome.Stop.TIMEOUT;
            default -> Outcome.Stop.OTHER;
        };
        return new Outcome(stop, pc, signal, s, null);
    }

    private static int waitFor(Process p, int minutes) throws IOException {
        try {
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + p.info().commandLine().orElse("?"));
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
