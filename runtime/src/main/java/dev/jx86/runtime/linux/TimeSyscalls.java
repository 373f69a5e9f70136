package dev.jx86.runtime.linux;

import java.time.Instant;

/**
 * Clocks and sleeping: clock_gettime, clock_getres, gettimeofday, time, nanosleep, clock_nanosleep. The time
 * structures have word-sized fields on x86-64, 32-bit ones in i386's old calls, and 64-bit ones in i386's *_time64
 * calls; {@code timeWord} says which.
 */
final class TimeSyscalls {
    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME_ID = 2;
    static final int CLOCK_THREAD_CPUTIME_ID = 3;
    static final int CLOCK_MONOTONIC_RAW = 4;
    static final int CLOCK_REALTIME_COARSE = 5;
    static final int CLOCK_MONOTONIC_COARSE = 6;
    static final int CLOCK_BOOTTIME = 7;
    static final int CLOCK_TAI = 11;

    private static final int TIMER_ABSTIME = 1;
    private static final long BILLION = 1_000_000_000L;

    private final UserCopy user;
    /** The monotonic clock's zero: the host's uptime when the process started, so values look like Linux's. */
    private final long monotonicOffset;

    TimeSyscalls(LinuxProcess process) {
        this.user = process.user();
        this.monotonicOffset = HostMemoryInfo.uptimeSeconds() * BILLION - System.nanoTime();
    }

    /** The clock's time in nanoseconds, or -1 for an unknown clock. */
    long now(int clock) {
        return switch (clock) {
            case CLOCK_REALTIME, CLOCK_REALTIME_COARSE, CLOCK_TAI -> {
                Instant t = Instant.now();
                yield t.getEpochSecond() * BILLION + t.getNano();
            }
            case CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME ->
                System.nanoTime() + monotonicOffset;
            case CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID ->
                ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(d -> d.toNanos())
                        .orElse(0L);
            default -> -1;
        };
    }

    long clockGettime(int clock, long address, int timeWord) {
        long t = now(clock);
        if (t < 0) {
            return -Errno.EINVAL;
        }
        user.write(address, timespec(t, timeWord));
        return 0;
    }

    long clockGetres(int clock, long address, int timeWord) {
        if (now(clock) < 0) {
            return -Errno.EINVAL;
        }
        boolean coarse = clock == CLOCK_REALTIME_COARSE || clock == CLOCK_MONOTONIC_COARSE;
        if (address != 0) {
            user.write(address, timespec(coarse ? 4_000_000 : 1, timeWord));
        }
        return 0;
    }

    long gettimeofday(long tv, long tz, int timeWord) {
        if (tv != 0) {
            long t = now(CLOCK_REALTIME);
            user.write(
                    tv,
                    new GuestStruct(2 * timeWord)
                            .word(0, timeWord, t / BILLION)
                            .word(timeWord, timeWord, t % BILLION / 1000)
                            .array());
        }
        if (tz != 0) {
            user.write(tz, new byte[8]);
        }
        return 0;
    }

    long time(long address, int timeWord) {
        long seconds = now(CLOCK_REALTIME) / BILLION;
        if (address != 0) {
            user.write(
                    address,
                    new GuestStruct(timeWord).word(0, timeWord, seconds).array());
        }
        return seconds;
    }

    long nanosleep(long request, long remaining, int timeWord) {
        long duration = readTimespec(request, timeWord);
        sleep(duration);
        return 0;
    }

    long clockNanosleep(int clock, int flags, long request, long remaining, int timeWord) {
        if (clock == CLOCK_THREAD_CPUTIME_ID || now(clock) < 0) {
            return -Errno.EINVAL;
        }
        long t = readTimespec(request, timeWord);
        sleep((flags & TIMER_ABSTIME) != 0 ? t - now(clock) : t);
        return 0;
    }

    private static void sleep(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyscallException(Errno.EINTR);
        }
    }

    /** A timespec as nanoseconds; EINVAL when the nanoseconds are out of range or the seconds negative. */
    private long readTimespec(long address, int timeWord) {
        GuestStruct s = new GuestStruct(user.read(address, 2 * timeWord));
        long seconds = s.signedWord(0, timeWord);
        long nanos = s.signedWord(timeWord, timeWord);
        if (seconds < 0 || nanos < 0 || nanos >= BILLION) {
            throw new SyscallException(Errno.EINVAL);
        }
        return seconds > Long.MAX_VALUE / BILLION - 1 ? Long.MAX_VALUE : seconds * BILLION + nanos;
    }

    private static byte[] timespec(long nanos, int timeWord) {
        return new GuestStruct(2 * timeWord)
                .word(0, timeWord, Math.floorDiv(nanos, BILLION))
                .word(timeWord, timeWord, Math.floorMod(nanos, BILLION))
                .array();
    }
}
