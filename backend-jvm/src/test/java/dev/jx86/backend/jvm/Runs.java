package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.exec.Interpreter;
import dev.jx86.runtime.tier1.CompiledBlock;

/** Runs a block by tier 0 or by its compiled class and describes how it ended, in one comparable string. */
final class Runs {
    private Runs() {}

    static String interpret(Block block, Cpu cpu) {
        Interpreter interpreter = new Interpreter();
        Interpreter.Outcome outcome = new Interpreter.Outcome();
        try {
            return ended(interpreter.run(block, cpu, outcome), outcome);
        } catch (GuestFault f) {
            return faulted(f, interpreter.pc());
        }
    }

    static String compiled(CompiledBlock block, Cpu cpu) {
        Interpreter.Outcome outcome = new Interpreter.Outcome();
        try {
            return ended(block.run(cpu, outcome), outcome);
        } catch (GuestFault f) {
            return faulted(f, outcome.faultPc);
        }
    }

    private static String ended(long next, Interpreter.Outcome o) {
        return switch (o.kind) {
            case Interpreter.Outcome.CONTINUE -> "continue 0x" + Long.toHexString(next);
            case Interpreter.Outcome.EXIT -> "exit " + o.exit + " 0x" + Long.toHexString(next);
            default -> "raise " + o.vector + " code " + o.errorCode + " at 0x" + Long.toHexString(next);
        };
    }

    private static String faulted(GuestFault f, long pc) {
        return "fault " + f.vector() + " code " + f.errorCode() + " address 0x" + Long.toHexString(f.address())
                + " at 0x" + Long.toHexString(pc);
    }
}
