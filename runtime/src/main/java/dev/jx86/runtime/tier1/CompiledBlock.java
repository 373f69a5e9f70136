package dev.jx86.runtime.tier1;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.exec.Interpreter;

/**
 * A compiled block or {@link Region}, with the contract of
 * {@link Interpreter#run(dev.jx86.ir.Block, Cpu, Interpreter.Outcome)} applied to the blocks it runs: it returns the
 * guest pc where execution continues outside the region and fills {@code outcome} ({@link Interpreter.Outcome#kind},
 * and the exit reason or the raised vector and error code); for a raise it returns the pc of the raising
 * instruction. State and memory change exactly as the interpreter, running the same blocks one after the other,
 * changes them, including the call to {@link Cpu#rip(long)} before each helper. Guest registers may live in host
 * locals inside: the state is written back before every exit, helper and fault.
 *
 * <p>A {@link GuestFault} thrown by memory or a helper propagates with the state as the interpreter would leave it,
 * and with the pc of the faulting instruction in {@link Interpreter.Outcome#faultPc}, so the caller sets RIP from
 * there. Inside a region, jumps back to an earlier block return to the caller when
 * {@link Interpreter.Outcome#exitRequested} is set. A compiled block holds no per-run state and may run on several
 * CPU threads at once.
 */
public interface CompiledBlock {
    long run(Cpu cpu, Interpreter.Outcome outcome);
}
