package dev.jx86.runtime.exec;

import dev.jx86.runtime.tier1.Optimization;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Finds where the guest spends its time: a daemon thread looks every other millisecond at the translation the dispatcher
 * last entered and counts a sample on it, if the guest's thread used the CPU meanwhile (on a loaded host a thread
 * waiting for a CPU would otherwise collect samples as if it ran). A region compiled for the baseline compiler that collects the tiering's
 * hot-samples count is queued for the optimizing compiler, and the running region is asked to leave at its next back
 * edge so that the dispatcher takes the queue soon. The guest's thread pays one plain store per dispatch.
 *
 * <p>Samples measure time, which execution counts do not: a region entered a million times for one short pass and a
 * region entered once for a loop of a billion iterations look alike to counters. Optimizing compilation is the
 * expensive part of the JVM tier (docs/jvm-tier.md), so it goes only where time goes.
 */
final class HotSampler implements AutoCloseable {
    /** How often it looks; every other millisecond costs the sampling thread about 1% of a CPU. */
    static final long PERIOD_NANOS = 2_000_000;

    private static final VarHandle CURRENT;

    static {
        try {
            CURRENT = MethodHandles.lookup().findVarHandle(HotSampler.class, "current", Translation.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through CURRENT
    private Translation current;

    private volatile Thread guest;

    private final int threshold;
    private final Runnable wake;
    private final ConcurrentLinkedQueue<Translation> hot = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /** Samples until {@code close}; {@code wake} asks the running region to return to the dispatcher. */
    HotSampler(int threshold, Runnable wake) {
        this.threshold = threshold;
        this.wake = wake;
        this.thread = Thread.ofPlatform().name("jx86-sampler").daemon().start(this::sample);
    }

    /** The thread whose time is sampled: the one that runs the dispatcher. */
    void guest(Thread thread) {
        guest = thread;
    }

    /** The dispatcher is about to run {@code t}. */
    void entering(Translation t) {
        CURRENT.setOpaque(this, t);
    }

    /** Whether a region is waiting for the optimizing compiler. */
    boolean hasHot() {
        return !hot.isEmpty();
    }

    /** The next region to compile for the optimizing compiler, or null. */
    Translation pollHot() {
        return hot.poll();
    }

    private void sample() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean(); // here: off the guest's thread
        boolean cpuTime = threads.isThreadCpuTimeSupported();
        long lastCpu = 0;
        while (!closed) {
            LockSupport.parkNanos(PERIOD_NANOS);
            Translation t = (Translation) CURRENT.getOpaque(this);
            Thread running = guest;
            if (t == null || running == null) {
                continue;
            }
            if (cpuTime) {
                long cpu = threads.getThreadCpuTime(running.threadId());
                if (cpu - lastCpu < PERIOD_NANOS / 2) {
                    lastCpu = cpu < 0 ? lastCpu : cpu;
                    continue;
                }
                lastCpu = cpu;
            }
            // Only this thread counts samples (a put-off promotion resets them); compiled and optimization are read
            // racily: a region seen before its installation is seen again at the next sample.
            int samples = ++t.samples;
            if (samples >= threshold
                    && !t.promotionQueued
                    && t.compiled != null
                    && t.optimization == Optimization.BASELINE) {
                t.promotionQueued = true;
                hot.add(t);
                wake.run();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
