package dev.jx86.runtime.exec;

import dev.jx86.ir.Block;
import dev.jx86.ir.text.Printer;
import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.FlagsState;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.GuestMemory;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.tier1.CompiledBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jx86 run --verify}: the first run of each newly compiled region is checked against the interpreter. The
 * compiled code runs on a copy (a copy of the state, a {@link CopyOnWriteMemory} over guest memory); then the
 * interpreter runs the region's blocks on the real CPU, block after block while they continue inside the region,
 * exactly the path the compiled code takes, both up to the region's first back edge (so that the check ends, and at
 * the same place whenever another thread asks the region to leave). Any difference — a state slot, a byte of memory
 * either wrote, the outcome, the next pc, a fault — is reported with the guest pc and the region's IR, and the compiled
 * code is dropped: the guest goes on with the interpreter's result, so a tier-1 bug cannot corrupt it. Helpers that read the outside
 * world (RDTSC, RDRAND) can differ between the two runs; the report says what differed.
 */
final class RegionVerifier {
    private static final Logger LOG = LoggerFactory.getLogger("jx86.verify");
    private final Interpreter interpreter = new Interpreter();
    private long checked;
    private long mismatches;

    /** What a run ended with, in one comparable string, and its next pc. */
    private record Ending(String text, long next) {}

    /**
     * Runs {@code t}'s region checked; returns the next pc as {@link CompiledBlock#run} would and leaves
     * {@code outcome} filled, or throws the interpreter's fault (with {@code outcome.faultPc} set).
     */
    long run(Translation t, Cpu cpu, Interpreter.Outcome outcome) {
        checked++;
        t.unverified = false;
        List<Block> blocks = t.regionBlocks;
        GuestMemory memory = cpu.memory();
        Cpu copy = new Cpu(new CopyOnWriteMemory(memory), cpu.mode());
        System.arraycopy(cpu.state, 0, copy.state, 0, cpu.state.length);
        // Both runs leave at the region's first back edge, the same place: compiled code leaves at one when an exit is
        // requested (a request may come from another thread at any time, so it is requested from the start).
        outcome.exitRequested = true;
        Ending compiled;
        try {
            long next = t.compiled.run(copy, outcome);
            compiled = new Ending(ended(next, outcome), next);
        } catch (GuestFault f) {
            compiled = new Ending(faulted(f, outcome.faultPc), outcome.faultPc);
        }

        RecordingMemory recording = new RecordingMemory(memory);
        cpu.memory(recording);
        Ending interpreted;
        GuestFault fault = null;
        try {
            long next = interpretRegion(blocks, cpu, outcome);
            interpreted = new Ending(ended(next, outcome), next);
        } catch (GuestFault f) {
            fault = f;
            outcome.faultPc = interpreter.pc();
            interpreted = new Ending(faulted(f, interpreter.pc()), interpreter.pc());
        } finally {
            cpu.memory(memory);
        }

        List<String> differences = new ArrayList<>();
        if (!compiled.text().equals(interpreted.text())) {
            differences.add("compiled code " + compiled.text() + ", interpreter " + interpreted.text());
        }
        // compiled code may leave the flags lazy where the interpreter leaves their bits
        FlagsState.settle(copy.state);
        FlagsState.settle(cpu.state);
        for (int slot = 0; slot < cpu.state.length; slot++) {
            if (copy.state[slot] != cpu.state[slot]) {
                differences.add(String.format(
                        "%s: compiled 0x%x, interpreter 0x%x",
                        StateLayout.INSTANCE.name(slot), copy.state[slot], cpu.state[slot]));
            }
        }
        compareMemory((CopyOnWriteMemory) copy.memory(), recording, memory, differences);
        if (!differences.isEmpty()) {
            mismatches++;
            t.compiled = null;
            t.region = false;
            LOG.warn(
                    "jx86: --verify: the compiled region at 0x{} differs from the interpreter (dropped, interpreting):"
                            + "\n  {}\n{}",
                    Long.toHexString(t.pc()),
                    String.join("\n  ", differences.subList(0, Math.min(differences.size(), 20))),
                    blocks.stream().map(Printer::print).collect(Collectors.joining()));
        }
        if (fault != null) {
            throw fault;
        }
        return interpreted.next();
    }

    /** Runs the region's blocks from its entry while they continue inside it, up to its first back edge. */
    private long interpretRegion(List<Block> blocks, Cpu cpu, Interpreter.Outcome outcome) {
        int current = 0;
        while (true) {
            long next = interpreter.run(blocks.get(current), cpu, outcome);
            if (outcome.kind != Interpreter.Outcome.CONTINUE) {
                return next;
            }
            int following = -1;
            for (int k = 0; k < blocks.size(); k++) {
                following = blocks.get(k).pc() == next ? k : following;
            }
            if (following <= current) {
                return next; // out of the region, or a back edge
            }
            current = following;
        }
    }

    /** Every byte either run wrote must be the same in both memories afterwards. */
    private static void compareMemory(
            CopyOnWriteMemory compiled, RecordingMemory interpreted, GuestMemory real, List<String> differences) {
        Set<Long> addresses = new HashSet<>(interpreted.written);
        for (long page : compiled.writtenPages()) {
            for (long a = page << 12; a < (page + 1) << 12; a++) {
                addresses.add(a);
            }
        }
        addresses.stream().sorted().limit(1 << 20).forEach(a -> {
            byte mine = compiled.readByte(a);
            byte theirs = (byte) real.load(a, 1);
            if (mine != theirs && differences.size() < 40) {
                differences.add(String.format(
                        "memory 0x%x: compiled 0x%02x, interpreter 0x%02x", a, mine & 0xff, theirs & 0xff));
            }
        });
    }

    private static String ended(long next, Interpreter.Outcome o) {
        return switch (o.kind) {
            case Interpreter.Outcome.CONTINUE -> "continued at 0x" + Long.toHexString(next);
            case Interpreter.Outcome.EXIT -> "exited (" + o.exit + ") for 0x" + Long.toHexString(next);
            default -> "raised " + o.vector + " (code " + o.errorCode + ") at 0x" + Long.toHexString(next);
        };
    }

    private static String faulted(GuestFault f, long pc) {
        return "faulted " + f.vector() + " (code " + f.errorCode() + ", address 0x" + Long.toHexString(f.address())
                + ") at 0x" + Long.toHexString(pc);
    }

    long checked() {
        return checked;
    }

    long mismatches() {
        return mismatches;
    }

    /** Forwards to a memory and records every byte stored (without a TLB, so that every store is seen). */
    private static final class RecordingMemory extends ForwardingMemory {
        final Set<Long> written = new HashSet<>();

        RecordingMemory(GuestMemory base) {
            super(base);
        }

        @Override
        public void store(long address, int size, long value) {
            base.store(address, size, value);
            for (int k = 0; k < size; k++) {
                written.add(address + k);
            }
        }
    }
}
