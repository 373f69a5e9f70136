package dev.jx86.runtime.profile;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.GuestFault;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.mem.AddressSpace;
import dev.jx86.runtime.mem.Mapping;
import dev.jx86.runtime.mem.Protection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Samples a CPU's guest call stack from a thread of its own, every interval, without stopping the guest: it reads
 * RIP and RSP from the CPU's state (as last written back: at every dispatch, at every exit of compiled code and
 * before every helper call, so inside a compiled region they are those of its entry or of its last helper call) and
 * scans the guest stack upward from RSP for return addresses: words that point into executable memory just after a
 * CALL instruction ({@link CallInstructions}). No frame pointers are needed (programs built with {@code -O2} have
 * none); a stale return address left in a live frame can show up as an extra frame.
 *
 * <p>The guest pays nothing: the sampler only reads. Its own cost is one scan per sample (at most {@link #MAX_SCAN}
 * bytes of stack, usually a few hundred), on another core when there is one.
 */
public final class StackSampler {
    /** Bytes of stack scanned above RSP at most. */
    static final int MAX_SCAN = 256 * 1024;
    /** Frames kept at most (a deep recursion is cut at its innermost frames). */
    static final int MAX_FRAMES = 128;

    private final Cpu cpu;
    private final AddressSpace space;
    private final boolean wide;
    private final long intervalNanos;
    private final Supplier<Phase> phase;
    private final Map<Key, long[]> counts = new HashMap<>();
    private final byte[] page = new byte[(int) AddressSpace.PAGE_SIZE];
    private final byte[] code = new byte[16];
    private long[] executable = new long[0];
    private long samples;
    private volatile boolean running;
    private Thread thread;

    /** Identical stacks are one key. */
    private record Key(long[] pcs, long[] functions, Phase phase) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && k.phase == phase
                    && Arrays.equals(k.pcs, pcs)
                    && Arrays.equals(k.functions, functions);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(pcs) * 31 + Arrays.hashCode(functions) + phase.ordinal();
        }
    }

    /**
     * A sampler of {@code cpu}'s stack in {@code space} ({@code wide}: 64-bit mode, 8-byte return addresses), every
     * {@code intervalNanos}; {@code phase} tells what the CPU's thread is doing.
     */
    public StackSampler(Cpu cpu, AddressSpace space, boolean wide, long intervalNanos, Supplier<Phase> phase) {
        if (intervalNanos < 100_000) {
            throw new IllegalArgumentException("a sampling interval under 0.1 ms: " + intervalNanos + " ns");
        }
        this.cpu = cpu;
        this.space = space;
        this.wide = wide;
        this.intervalNanos = intervalNanos;
        this.phase = phase;
    }

    /** Starts sampling on a daemon thread. */
    public void start() {
        running = true;
        thread = new Thread(this::loop, "jx86-stack-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops sampling and waits for the thread: call before the address space closes. */
    public void stop() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        long next = System.nanoTime() + intervalNanos;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            next += intervalNanos;
            if (next < System.nanoTime()) {
                next = System.nanoTime() + intervalNanos; // fell behind: do not sample in a burst
            }
            sample();
        }
    }

    /** Takes one sample now (on the caller's thread: the sampler thread, or a test). */
    void sample() {
        Phase now = phase.get();
        long rip = cpu.state[StateLayout.RIP];
        long rsp = cpu.state[StateLayout.RSP];
        if (!wide) {
            rip &= 0xffffffffL;
            rsp &= 0xffffffffL;
        }
        if ((samples++ & 127) == 0) {
            executable = executableRanges();
        }
        long[] pcs = new long[MAX_FRAMES];
        long[] functions = new long[MAX_FRAMES];
        pcs[0] = rip;
        functions[0] = -1;
        int frames = 1;
        try {
            frames = scan(rsp, pcs, functions);
        } catch (GuestFault | IllegalArgumentException unreadable) {
            // the stack changed under the scan (unmapped meanwhile): keep the frames found
        }
        Key key = new Key(Arrays.copyOf(pcs, frames), Arrays.copyOf(functions, frames), now);
        synchronized (counts) {
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
        }
    }

    /** Fills frames 1... from the stack above {@code rsp}; returns the frame count. */
    private int scan(long rsp, long[] pcs, long[] functions) {
        int frames = 1;
        var stack = space.mappingAt(rsp);
        if (stack.isEmpty()) {
            return frames;
        }
        int word = wide ? 8 : 4;
        long at = rsp & -word;
        long limit = Math.min(stack.get().end(), at + MAX_SCAN);
        while (at < limit && frames < MAX_FRAMES) {
            long pageEnd = Math.min(limit, (at | AddressSpace.PAGE_MASK) + 1);
            int n = (int) (pageEnd - at);
            space.copyIn(at, page, 0, n);
            for (int off = 0; off + word <= n && frames < MAX_FRAMES; off += word) {
                long value = wide ? readLong(page, off) : readInt(page, off);
                if (!isExecutable(value)) {
                    continue;
                }
                long call = callBefore(value);
                if (call == CallInstructions.NONE) {
                    continue;
                }
                functions[frames - 1] = call == CallInstructions.INDIRECT ? -1 : call;
                pcs[frames] = value;
                functions[frames] = -1;
                frames++;
            }
            at = pageEnd;
        }
        return frames;
    }

    /** {@link CallInstructions#before} the guest address {@code returnAddress}. */
    private long callBefore(long returnAddress) {
        int n = (int) Math.min(code.length, returnAddress & AddressSpace.PAGE_MASK);
        if (n < 2) {
            return CallInstructions.NONE; // a call across a page boundary: rare, not worth a second read
        }
        try {
            space.copyIn(returnAddress - n, code, 0, n);
        } catch (GuestFault unreadable) {
            return CallInstructions.NONE;
        }
        return CallInstructions.before(code, n, returnAddress - n, wide);
    }

    private boolean isExecutable(long address) {
        long[] ranges = executable;
        for (int i = 0; i < ranges.length; i += 2) {
            if (address >= ranges[i] && address < ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    private long[] executableRanges() {
        List<Long> bounds = new ArrayList<>();
        for (Mapping m : space.mappings()) {
            if ((m.protection() & Protection.EXEC) != 0) {
                bounds.add(m.start());
                bounds.add(m.end());
            }
        }
        return bounds.stream().mapToLong(Long::longValue).toArray();
    }

    private static long readLong(byte[] b, int off) {
        return (readInt(b, off) & 0xffffffffL) | readInt(b, off + 4) << 32;
    }

    private static long readInt(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    /** The stacks sampled so far. */
    public CallStacks stacks() {
        List<CallStacks.Stack> list = new ArrayList<>();
        long total = 0;
        synchronized (counts) {
            for (var e : counts.entrySet()) {
                Key k = e.getKey();
                list.add(new CallStacks.Stack(k.pcs(), k.functions(), k.phase(), e.getValue()[0]));
                total += e.getValue()[0];
            }
        }
        list.sort((a, b) -> Long.compare(b.count(), a.count()));
        return new CallStacks(list, total, intervalNanos);
    }
}
