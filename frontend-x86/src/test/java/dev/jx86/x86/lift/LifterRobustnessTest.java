package dev.jx86.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jx86.ir.Block;
import dev.jx86.ir.Terminal;
import dev.jx86.ir.opt.PassPipeline;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfSection;
import dev.jx86.x86.decode.Decoded;
import dev.jx86.x86.decode.Decoder;
import dev.jx86.x86.decode.Instruction;
import dev.jx86.x86.decode.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whatever the bytes, lifting gives a valid block (the verifier checks it after every pass) and never a Java
 * exception: instructions without a handler and bytes that are no instruction become #UD, privileged ones #GP.
 * Random bytes reach the odd corners; a real program's code reaches what compilers emit.
 */
class LifterRobustnessTest {
    private static final X86Translator TRANSLATOR = new X86Translator(PassPipeline.standard(true));

    @ParameterizedTest
    @EnumSource(
            value = CpuMode.class,
            names = {"LONG_64", "PROTECTED_32"})
    void randomBytesLiftToValidBlocks(CpuMode mode) {
        SplittableRandom random = new SplittableRandom(mode.ordinal() + 1);
        FlatMemory memory = new FlatMemory(LiftTester.CODE, 64 * 1024);
        int blocks = 0;
        int raisingUd = 0;
        for (int round = 0; round < 300; round++) {
            random.nextBytes(memory.bytes);
            for (int offset = 0; offset < memory.bytes.length - 256; offset += 211) {
                Block b = TRANSLATOR.translate(memory, LiftTester.CODE + offset, mode);
                blocks++;
                if (b.terminal() instanceof Terminal.Raise r && r.vector() == Vectors.UD) {
                    raisingUd++;
                }
            }
        }
        assertThat(blocks).isEqualTo(300 * ((64 * 1024 - 256 + 210) / 211));
        assertThat(raisingUd).as("some random blocks end in undefined opcodes").isPositive();
    }

    /**
     * Every instruction of a real static program, as the start of a block: lifted, verified, and no instruction
     * of it (compiled C and glibc's hand-written assembly) is left without a handler except what the CPU model
     * does not advertise.
     */
    @ParameterizedTest
    @EnumSource(
            value = CpuMode.class,
            names = {"LONG_64", "PROTECTED_32"})
    void everyInstructionOfBusyboxLifts(CpuMode mode) throws IOException {
        Path busybox = mode == CpuMode.LONG_64
                ? Path.of("/bin/busybox")
                : Path.of(System.getProperty("user.home"), ".cache/jx86/i386/bin/busybox");
        assumeTrue(Files.isReadable(busybox), busybox + " is missing (busybox-static; scripts/fetch-i386-samples)");
        ElfFile elf = ElfFile.read(busybox);
        ElfSection text = elf.section(".text").orElseThrow();
        byte[] code = elf.contents(text);
        FlatMemory memory = new FlatMemory(text.address(), code.length + 16);
        memory.put(text.address(), code);
        Decoder decoder = new Decoder(mode == CpuMode.LONG_64 ? Mode.BITS64 : Mode.BITS32);
        Map<dev.jx86.x86.decode.Mnemonic, Integer> unlifted = new EnumMap<>(dev.jx86.x86.decode.Mnemonic.class);
        int instructions = 0;
        for (int offset = 0; offset < code.length; ) {
            Decoded d = decoder.decode(code, offset, text.address() + offset);
            if (d instanceof Instruction insn) {
                instructions++;
                if (Lifter.handlers().get(insn) == null
                        && !insn.privileged()
                        && insn.prefixes().vex() == null) {
                    unlifted.merge(insn.mnemonic(), 1, Integer::sum);
                }
                if (instructions % 7 == 0) {
                    TRANSLATOR.translate(memory, d.address(), mode);
                }
            }
            offset += Math.max(1, d.length());
        }
        assertThat(instructions).isGreaterThan(100_000);
        unlifted.keySet().removeIf(LifterRobustnessTest::isLaterIssue);
        assertThat(unlifted).as("instructions of %s without a handler", busybox).isEmpty();
    }

    /**
     * What the CPU model does not advertise, so that programs
     * never take those paths and #UD is the hardware's answer: XSAVE and XGETBV (no OSXSAVE), TSX, shadow stacks,
     * AVX-512 opmask instructions. (VEX-encoded AVX is left out above, by its prefix.)
     */
    private static boolean isLaterIssue(dev.jx86.x86.decode.Mnemonic m) {
        if (m.name().startsWith("K") || m.name().startsWith("XSAVE") || m.name().startsWith("XRSTOR")) {
            return true;
        }
        return switch (m.name()) {
            case "XGETBV", "XBEGIN", "XEND", "XABORT", "XTEST", "INCSSPD", "INCSSPQ" -> true;
            default -> false;
        };
    }
}
