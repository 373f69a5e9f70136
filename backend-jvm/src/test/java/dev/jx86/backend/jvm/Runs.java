package dev.jx86.backend.jvm;

import dev.jx86.ir.Block;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.exec.Interpreter;
import dev.jx86.runtime.tier1.CompiledBlock;
import dev.jx86.runtime.tier1.Region;
import java.util.List;

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

    /** Runs {@code block} once: a jump back into it leaves at the back edge, as the exit request asks. */
    static String compiled(CompiledBlock block, Cpu cpu) {
        Interpreter.Outcome outcome = new Interpreter.Outcome();
        outcome.exitRequested = true;
        try {
            return ended(block.run(cpu, outcome), outcome);
        } catch (GuestFault f) {
            return faulted(f, outcome.faultPc);
        }
    }

    /**
     * Runs {@code region} block by block in the interpreter as its compiled code runs it with an exit request
     * pending: from the entry, on to the next block while a block continues to a later block of the region.
     */
    static String interpret(Region region, Cpu cpu) {
        return interpret(region, cpu, new long[region.blocks().size()]);
    }

    /** {@link #interpret(Region, Cpu)}, counting in {@code entries[k]} each time it enters block k. */
    static String interpret(Region region, Cpu cpu, long[] entries) {
        Interpreter interpreter = new Interpreter();
        Interpreter.Outcome outcome = new Interpreter.Outcome();
        List<Block> blocks = region.blocks();
        int k = 0;
        try {
            while (true) {
                entries[k]++;
                long next = interpreter.run(blocks.get(k), cpu, outcome);
                int following = k;
                for (int j = k + 1; j < blocks.size(); j++) {
                    if (blocks.get(j).pc() == next) {
                        following = j;
                    }
                }
                if (outcome.kind != Interpreter.Outcome.CONTINUE || following == k) {
                    return ended(next, outcome);
                }
                k = following;
            }
        } catch (GuestFault f) {
            return faulted(f, interpreter.pc());
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
