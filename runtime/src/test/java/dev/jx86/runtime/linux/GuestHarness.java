package dev.jx86.runtime.linux;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.mem.AddressSpace;
import dev.jx86.runtime.mem.Protection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process with an empty address space plus a scratch area, for calling system calls directly the way the guest
 * would: arguments in the ABI's registers, the result from RAX.
 */
final class GuestHarness implements AutoCloseable {
    static final long SCRATCH = 0x10000000L;
    static final int SCRATCH_SIZE = 1 << 20;
    static final long BRK = 0x08100000L;

    final AddressSpace space;
    final LinuxProcess process;
    final Cpu cpu;
    private long next = SCRATCH;

    GuestHarness(Abi abi, Path cwd) {
        space = new AddressSpace(abi == Abi.X86_64 ? AddressSpace.LIMIT_64 : AddressSpace.LIMIT_32, 1L << 28);
        process = new LinuxProcess(
                space, abi, new ProcessOptions(Optional.empty(), cwd, 1L << 28, Optional.empty()), "/bin/guest", BRK);
        cpu = process.newCpu();
        space.map(SCRATCH, SCRATCH_SIZE, Protection.READ | Protection.WRITE);
    }

    /** Makes system call {@code number} with {@code args}; returns RAX (sign-extended from EAX for i386). */
    long call(int number, long... args) {
        int[] registers = process.abi() == Abi.X86_64
                ? new int[] {StateLayout.RDI, StateLayout.RSI, StateLayout.RDX, 10, 8, 9}
                : new int[] {
                    StateLayout.RBX, StateLayout.RCX, StateLayout.RDX, StateLayout.RSI, StateLayout.RDI, StateLayout.RBP
                };
        for (int i = 0; i < args.length; i++) {
            cpu.gpr(registers[i], process.abi() == Abi.X86_64 ? args[i] : args[i] & 0xffffffffL);
        }
        cpu.gpr(StateLayout.RAX, number);
        process.syscall(cpu);
        long rax = cpu.gpr(StateLayout.RAX);
        return process.abi() == Abi.X86_64 ? rax : (int) rax;
    }

    /** Scratch memory of {@code size} bytes, 16-aligned, zeroed. */
    long alloc(int size) {
        long at = next;
        next = (next + size + 15) & ~15L;
        space.zero(at, size);
        return at;
    }

    long string(String s) {
        byte[] b = (s + "\0").getBytes(StandardCharsets.UTF_8);
        long at = alloc(b.length);
        space.copyOut(at, b);
        return at;
    }

    byte[] read(long address, int length) {
        return space.copyIn(address, length);
    }

    ByteBuffer struct(long address, int length) {
        return ByteBuffer.wrap(read(address, length)).order(ByteOrder.LITTLE_ENDIAN);
    }

    void write(long address, byte[] bytes) {
        space.copyOut(address, bytes);
    }

    @Override
    public void close() {
        process.close();
    }
}
