package dev.jx86.runtime.tier1;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.exec.Interpreter;

/**
 * One block compiled to host code, with exactly the contract of
 * {@link Interpreter#run(dev.jx86.ir.Block, Cpu, Interpreter.Outcome)}: it returns the guest pc where execution
 * continues and fills {@code outcome} ({@link Interpreter.Outcome#kind}, and the exit reason or the raised vector and
 * error code); for a raise it returns the pc of the raising instruction. State and memory change exactly as the
 * interpreter changes them, including the call to {@link Cpu#rip(long)} before each helper.
 *
 * <p>A {@link GuestFault} thrown by memory or a helper propagates with the state as the interpreter would leave it;
 * the compiled code stores the pc of the faulting instruction in {@link Interpreter.Outcome#faultPc} before every
 * op that may fault, so the caller sets RIP from there. A compiled block holds no per-run state and may run on
 * several CPU threads at once.
 */
public interface CompiledBlock {
    long run(Cpu cpu, Interpreter.Outcome outcome);
}
