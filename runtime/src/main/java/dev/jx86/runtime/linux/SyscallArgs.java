package dev.jx86.runtime.linux;

import dev.jx86.runtime.abi.Cpu;

/**
 * The six arguments of a system call as the registers held them (i386's zero-extended from 32 bits), read by type:
 * an {@code int} is the low 32 bits sign-extended, a pointer or size the whole word, a signed word ({@code long},
 * {@code off_t}) sign-extended from the ABI's word size.
 */
final class SyscallArgs {
    private final long[] raw;
    private final Abi abi;
    private final Cpu cpu;

    SyscallArgs(Abi abi, Cpu cpu, long... raw) {
        this.abi = abi;
        this.cpu = cpu;
        this.raw = raw;
    }

    /** The CPU that made the call (arch_prctl and set_thread_area change its state). */
    Cpu cpu() {
        return cpu;
    }

    Abi abi() {
        return abi;
    }

    int i(int n) {
        return (int) raw[n];
    }

    /** A pointer or an unsigned word. */
    long p(int n) {
        return abi.word(raw[n]);
    }

    /** A signed word. */
    long s(int n) {
        return abi.wordSize() == 8 ? raw[n] : (int) raw[n];
    }

    /** Two consecutive 32-bit arguments forming a 64-bit value, low word first (i386's split offsets). */
    long pair(int low) {
        return (raw[low] & 0xffffffffL) | raw[low + 1] << 32;
    }
}
