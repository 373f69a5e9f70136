package dev.jx86.runtime.abi;

import dev.jx86.ir.Block;

/**
 * The front end's service to the runtime: turns the guest code at a pc into one IR block. Implemented by the x86
 * front end; the runtime names no front end.
 */
public interface Translator {
    /**
     * The block that starts at {@code pc} in {@code mode}, with guest code read through {@code memory}. An
     * instruction fetch fault at {@code pc} itself propagates as a {@link GuestFault}; a fault or an undecodable
     * instruction later in the block ends the block before it, so that it is raised when execution gets there.
     * Undecodable or unsupported code at {@code pc} becomes a block that raises #UD.
     */
    Block translate(GuestMemory memory, long pc, CpuMode mode);
}
