package dev.jx86.runtime.exec;

import dev.jx86.runtime.abi.Cpu;

/** Runs guest code on a CPU until something needs its caller: a system call, a fault, HLT or a stop request. */
public interface Engine extends AutoCloseable {
    /** Runs from {@code cpu}'s RIP until the next {@link Stop}. */
    Stop run(Cpu cpu);

    /** Asks a running {@link #run} to return soon with {@link Stop.Requested}; callable from any thread. */
    void requestStop();

    /** Drops every translation of code in the guest pages [{@code start}, {@code end}) (after mmap/munmap). */
    void invalidate(long start, long end);

    /** Releases what the engine holds beyond the guest's life (a background compiler thread); idempotent. */
    @Override
    default void close() {}
}
