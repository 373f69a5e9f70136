package dev.jx86.runtime.linux;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.SegmentDescriptors;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.runtime.elf.ElfFile;
import dev.jx86.runtime.elf.ElfFormatException;
import dev.jx86.runtime.elf.Symbolizer;
import dev.jx86.runtime.exec.CodeWatch;
import dev.jx86.runtime.exec.Engine;
import dev.jx86.runtime.exec.Stop;
import dev.jx86.runtime.mem.AddressSpace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * A Linux process in user mode: its address space, file descriptors, working directory, heap break and exit
 * status, and the system call tables (x86-64 and i386) that serve its CPU. {@link #start} loads a program and
 * makes its first CPU; {@link #run} drives an {@link Engine} until the guest exits or dies of a fault.
 */
public final class LinuxProcess implements AutoCloseable {
    private final AddressSpace space;
    private final Abi abi;
    private final FdTable fds;
    private final GuestPaths paths;
    private final UserCopy user;
    private final ProcessState state;
    private final SyscallTable table64;
    private final SyscallTable table32;
    private PrintStream diagnostics;
    private Engine engine;
    /** The program file and its load bias, for {@link #symbols()}; null for a process made without a program. */
    private Path program;

    private long bias;
    private Symbolizer symbols;

    /** A process with an empty address space (for {@link #start} and for tests of system calls). */
    LinuxProcess(AddressSpace space, Abi abi, ProcessOptions options, String executable, long brk) {
        this.space = space;
        this.abi = abi;
        this.fds = FdTable.withStandardStreams(options.stdio());
        this.paths = new GuestPaths(options.sysroot(), options.workingDirectory());
        this.user = new UserCopy(space, abi);
        this.state = new ProcessState(executable, brk, abi);
        this.table64 = SyscallTables.x86_64(this);
        this.table32 = SyscallTables.i386(this);
        this.diagnostics =
                options.stdio().map(io -> new PrintStream(io.err(), true)).orElse(System.err);
    }

    /** A loaded program and the CPU that starts it. */
    public record Started(LinuxProcess process, Cpu cpu) {}

    /**
     * Loads the static executable at {@code program}, builds its initial stack from {@code argv} and {@code envp},
     * and makes a CPU with RIP at the entry point and RSP at argc, in 64-bit or 32-bit mode as the ELF says.
     */
    public static Started start(Path program, List<String> argv, List<String> envp, ProcessOptions options)
            throws IOException, ProgramLoadException {
        ElfFile elf;
        try {
            elf = ElfFile.read(program);
        } catch (ElfFormatException e) {
            throw new ProgramLoadException(program + ": " + e.getMessage());
        }
        long limit = elf.bits() == 64 ? AddressSpace.USER_LIMIT_64 : AddressSpace.LIMIT_32;
        AddressSpace space = new AddressSpace(limit, Math.min(limit, options.memoryLimit()));
        try {
            LoadedImage image = ElfLoader.load(elf, program.toString(), space);
            LinuxProcess process = new LinuxProcess(space, image.abi(), options, program.toString(), image.brk());
            process.program = program;
            process.bias = image.bias();
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String execfn = argv.isEmpty() ? program.toString() : argv.get(0);
            long sp = InitialStack.build(space, image, argv, envp, execfn, random);
            Cpu cpu = process.newCpu();
            cpu.rip(image.entry());
            cpu.gpr(StateLayout.RSP, sp);
            return new Started(process, cpu);
        } catch (ProgramLoadException | RuntimeException e) {
            space.close();
            throw e;
        }
    }

    /** A new CPU of this process, in its mode, with the user-mode segment selectors Linux gives it. */
    public Cpu newCpu() {
        Cpu cpu = new Cpu(space.newView(), abi.mode());
        boolean wide = abi == Abi.X86_64;
        cpu.state[StateLayout.CS] = wide ? SegmentDescriptors.USER_CS : SegmentDescriptors.USER32_CS;
        cpu.state[StateLayout.SS] = SegmentDescriptors.USER_DS;
        cpu.state[StateLayout.DS] = wide ? 0 : SegmentDescriptors.USER_DS;
        cpu.state[StateLayout.ES] = wide ? 0 : SegmentDescriptors.USER_DS;
        return cpu;
    }

    /**
     * What the execution loop calls after translating code on a page ({@link CodeWatch#watch}): marks it in the
     * address space, whose next write to it {@link #run} turns into {@link Engine#invalidate}.
     */
    public CodeWatch codeWatch() {
        return pageAddress -> space.markCode(pageAddress >>> AddressSpace.PAGE_SHIFT);
    }

    /**
     * The program's symbols ({@code .symtab} and {@code .dynsym}) at their load addresses, read from its file on the
     * first call (empty for a stripped program, or when the file cannot be read again). Thread-safe.
     */
    public synchronized Symbolizer symbols() {
        if (symbols == null) {
            symbols = Symbolizer.empty();
            if (program != null) {
                try {
                    symbols = Symbolizer.of(ElfFile.read(program)).relocated(bias);
                } catch (IOException unreadable) {
                    // the program changed or vanished since it was loaded (ElfFormatException is one): no names
                }
            }
        }
        return symbols;
    }

    public AddressSpace space() {
        return space;
    }

    public Abi abi() {
        return abi;
    }

    /** The exit status once the guest has called exit or exit_group. */
    public Optional<Integer> exitStatus() {
        return state.exitStatus();
    }

    /**
     * Runs {@code cpu} on {@code engine} until the process ends; returns its exit status, or 128 + the signal
     * number when a fault it has no handler for ends it (after a one-line message on stderr).
     */
    public int run(Engine engine, Cpu cpu) {
        this.engine = engine;
        space.onCodeWrite(
                page -> engine.invalidate(page << AddressSpace.PAGE_SHIFT, (page + 1) << AddressSpace.PAGE_SHIFT));
        try {
            while (true) {
                Stop stop = engine.run(cpu);
                switch (stop) {
                    case Stop.Syscall s -> syscall(cpu);
                    case Stop.Fault f -> {
                        return terminate(f.fault(), f.pc());
                    }
                    case Stop.Halt h -> {
                        // HLT is privileged: user mode takes #GP at the instruction (one byte, F4).
                        return terminate(new GuestFault(Vectors.GP, 0, 0), h.next() - 1);
                    }
                    case Stop.Requested r -> {}
                }
                if (state.exitStatus().isPresent()) {
                    if (state.killedBy() != 0) {
                        diagnostics.println("jx86: guest terminated by signal " + FaultSignal.name(state.killedBy()));
                        diagnostics.flush();
                    }
                    return finish(state.exitStatus().get());
                }
            }
        } finally {
            this.engine = null;
        }
    }

    /**
     * Services the system call {@code cpu} stopped at: the x86-64 table in 64-bit mode, the i386 table otherwise;
     * the result goes to RAX (EAX).
     */
    public void syscall(Cpu cpu) {
        long result;
        boolean compat = cpu.mode() == CpuMode.LONG_64 && trappedByInt80(cpu);
        if (cpu.mode() == CpuMode.LONG_64 && !compat) {
            // SYSCALL's own effects (RCX = return address, R11 = RFLAGS) are the instruction's: the lifter has done
            // them.
            SyscallArgs args = new SyscallArgs(
                    Abi.X86_64,
                    cpu,
                    cpu.gpr(StateLayout.RDI),
                    cpu.gpr(StateLayout.RSI),
                    cpu.gpr(StateLayout.RDX),
                    cpu.gpr(10),
                    cpu.gpr(8),
                    cpu.gpr(9));
            result = table64.call(cpu.gpr(StateLayout.RAX), args);
            cpu.gpr(StateLayout.RAX, result);
        } else {
            SyscallArgs args = new SyscallArgs(
                    Abi.I386,
                    cpu,
                    cpu.gpr(StateLayout.RBX) & 0xffffffffL,
                    cpu.gpr(StateLayout.RCX) & 0xffffffffL,
                    cpu.gpr(StateLayout.RDX) & 0xffffffffL,
                    cpu.gpr(StateLayout.RSI) & 0xffffffffL,
                    cpu.gpr(StateLayout.RDI) & 0xffffffffL,
                    cpu.gpr(StateLayout.RBP) & 0xffffffffL);
            result = table32.call(cpu.gpr(StateLayout.RAX) & 0xffffffffL, args);
            if (compat) {
                // int 0x80 from 64-bit code: the i386 table, a sign-extended result, and R8-R11 cleared, as
                // Linux's compat entry does.
                cpu.gpr(StateLayout.RAX, (int) result);
                for (int r = 8; r <= 11; r++) {
                    cpu.gpr(r, 0);
                }
            } else {
                cpu.gpr(StateLayout.RAX, result & 0xffffffffL);
            }
        }
    }

    /**
     * Whether the call came from {@code int 0x80} (CD 80) rather than SYSCALL (0F 05): both are two bytes and RIP is
     * past them. Linux tells them apart by their entry points; the bytes say the same here.
     */
    private boolean trappedByInt80(Cpu cpu) {
        try {
            byte[] insn = space.copyIn(cpu.rip() - 2, 2);
            return (insn[0] & 0xff) == 0xcd && (insn[1] & 0xff) == 0x80;
        } catch (GuestFault unreadable) {
            return false;
        }
    }

    /** Drops translations of [start, end) after the map changed under them (munmap, mprotect, MAP_FIXED). */
    void invalidate(long start, long end) {
        if (engine != null) {
            engine.invalidate(start, end);
        }
    }

    /** Where jx86's own messages about the process go (stderr unless a test captures them). */
    void diagnostics(PrintStream stream) {
        diagnostics = stream;
    }

    /** The engine system calls report map changes to; {@link #run} sets it (tests set it directly). */
    void engine(Engine engine) {
        this.engine = engine;
    }

    private int terminate(GuestFault fault, long pc) {
        diagnostics.println(FaultSignal.describe(fault, pc));
        diagnostics.flush();
        return finish(128 + FaultSignal.of(fault.vector()).number());
    }

    private int finish(int status) {
        fds.closeAll();
        return status;
    }

    FdTable fds() {
        return fds;
    }

    GuestPaths paths() {
        return paths;
    }

    UserCopy user() {
        return user;
    }

    ProcessState state() {
        return state;
    }

    SyscallTable table(Abi which) {
        return which == Abi.X86_64 ? table64 : table32;
    }

    @Override
    public void close() {
        fds.closeAll();
        space.close();
    }
}
