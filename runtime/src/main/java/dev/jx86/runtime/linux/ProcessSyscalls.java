package dev.jx86.runtime.linux;

import dev.jx86.runtime.abi.SegmentDescriptors;
import dev.jx86.runtime.abi.StateLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Process identity and environment: exit, the pid/tid/uid/gid family, uname, arch_prctl and set_thread_area (the
 * TLS bases), set_tid_address, set_robust_list, resource limits, getrandom, sysinfo, sched_yield and the CPU
 * affinity mask.
 */
final class ProcessSyscalls {
    private static final int ARCH_SET_GS = 0x1001;
    private static final int ARCH_SET_FS = 0x1002;
    private static final int ARCH_GET_FS = 0x1003;
    private static final int ARCH_GET_GS = 0x1004;

    /** {@code struct user_desc} flag bits: contents (2 bits from bit 1) and seg_not_present. */
    private static final int CONTENTS = 3 << 1;

    private static final int CONTENTS_CONFORMING_CODE = 3 << 1;
    private static final int SEG_NOT_PRESENT = 1 << 5;

    private static final int PR_SET_PDEATHSIG = 1;
    private static final int PR_GET_DUMPABLE = 3;
    private static final int PR_SET_DUMPABLE = 4;
    private static final int PR_SET_NAME = 15;
    private static final int PR_GET_NAME = 16;

    private static final int RLIMIT_STACK = 3;
    private static final int RLIMIT_NOFILE = 7;
    private static final int RLIM_NLIMITS = 16;
    private static final long RLIM_INFINITY = -1L;

    private static final long PID = ProcessHandle.current().pid();
    private static final long PARENT =
            ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);

    private final LinuxProcess process;
    private final UserCopy user;
    private final SecureRandom random = new SecureRandom();
    private byte[] processName;

    ProcessSyscalls(LinuxProcess process) {
        this.process = process;
        this.user = process.user();
        String executable = Path.of(process.state().executable()).getFileName().toString();
        byte[] name = executable.getBytes(StandardCharsets.UTF_8);
        this.processName = java.util.Arrays.copyOf(name, Math.min(name.length, 15));
    }

    static long pid() {
        return PID;
    }

    long exit(int status) {
        process.state().exit(status);
        return 0;
    }

    long getppid() {
        return PARENT;
    }

    long uid() {
        return Identity.uid();
    }

    long gid() {
        return Identity.gid();
    }

    /** setuid/setgid and friends: only to the ids the process already has (it is not privileged). */
    long setId(long requested, long current) {
        int value = (int) requested;
        return value == -1 || value == (int) current ? 0 : -Errno.EPERM;
    }

    /** getresuid/getresgid: the real, effective and saved ids, 32-bit each. */
    long getResIds(long real, long effective, long saved, long id) {
        user.writeU32(real, id);
        user.writeU32(effective, id);
        user.writeU32(saved, id);
        return 0;
    }

    long getgroups(int size, long list) {
        return size < 0 ? -Errno.EINVAL : 0;
    }

    long uname(long buffer) {
        String release =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                        ? System.getProperty("os.version")
                        : "6.1.0";
        String[] fields = {
            "Linux", hostName(), release, "#1 SMP jx86", process.abi().platform(), "(none)"
        };
        GuestStruct utsname = new GuestStruct(6 * 65);
        for (int i = 0; i < fields.length; i++) {
            byte[] bytes = fields[i].getBytes(StandardCharsets.UTF_8);
            utsname.bytes(i * 65, java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 64)));
        }
        user.write(buffer, utsname.array());
        return 0;
    }

    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    long archPrctl(SyscallArgs a) {
        int code = a.i(0);
        long address = a.p(1);
        if (a.abi() != Abi.X86_64) {
            return -Errno.EINVAL;
        }
        long[] state = a.cpu().state;
        return switch (code) {
            case ARCH_SET_FS -> setBase(state, StateLayout.FS_BASE, address);
            case ARCH_SET_GS -> setBase(state, StateLayout.GS_BASE, address);
            case ARCH_GET_FS -> {
                user.writeWord(address, state[StateLayout.FS_BASE]);
                yield 0;
            }
            case ARCH_GET_GS -> {
                user.writeWord(address, state[StateLayout.GS_BASE]);
                yield 0;
            }
            default -> -Errno.EINVAL;
        };
    }

    private static long setBase(long[] state, int slot, long base) {
        if ((base << 16 >> 16) != base) {
            return -Errno.EPERM;
        }
        state[slot] = base;
        return 0;
    }

    /**
     * i386 set_thread_area: fills a TLS entry of the calling CPU's descriptors from a {@code struct user_desc}
     * (entry, base, limit, flag bits); entry -1 picks a free one and reports it back. If FS or GS already holds the
     * entry's selector, its base changes at once, as the kernel reloads it.
     */
    long setThreadArea(SyscallArgs a) {
        long address = a.p(0);
        GuestStruct desc = new GuestStruct(user.read(address, 16));
        int entry = (int) desc.u32(0);
        long base = desc.u32(4);
        int limit = (int) desc.u32(8);
        int flags = (int) desc.u32(12);
        SegmentDescriptors descriptors = a.cpu().descriptors;
        if (entry == -1) {
            entry = descriptors.freeTlsEntry();
            if (entry < 0) {
                return -Errno.ESRCH;
            }
            user.writeU32(address, entry);
        }
        if (entry < SegmentDescriptors.TLS_FIRST
                || entry >= SegmentDescriptors.TLS_FIRST + SegmentDescriptors.TLS_COUNT) {
            return -Errno.EINVAL;
        }
        boolean present = (flags & SEG_NOT_PRESENT) == 0;
        if (present && (flags & CONTENTS) == CONTENTS_CONFORMING_CODE) {
            return -Errno.EINVAL;
        }
        descriptors.setTls(entry, base, limit, flags, present);
        int selector = entry << 3 | 3;
        long[] state = a.cpu().state;
        if (state[StateLayout.FS] == selector) {
            state[StateLayout.FS_BASE] = present ? base : 0;
        }
        if (state[StateLayout.GS] == selector) {
            state[StateLayout.GS_BASE] = present ? base : 0;
        }
        return 0;
    }

    /**
     * prctl: the process name (PR_SET_NAME/PR_GET_NAME, 16 bytes), dumpable (always 1), the parent-death signal
     * (recorded); other options are EINVAL, as for an option the kernel does not know.
     */
    long prctl(int option, long argument) {
        return switch (option) {
            case PR_SET_PDEATHSIG -> argument >= 0 && argument <= 64 ? 0 : -Errno.EINVAL;
            case PR_GET_DUMPABLE -> 1;
            case PR_SET_DUMPABLE -> argument == 0 || argument == 1 ? 0 : -Errno.EINVAL;
            case PR_SET_NAME -> {
                byte[] name = user.read(argument, 16);
                int end = 0;
                while (end < 15 && name[end] != 0) {
                    end++;
                }
                processName = java.util.Arrays.copyOf(name, end);
                yield 0;
            }
            case PR_GET_NAME -> {
                user.write(argument, java.util.Arrays.copyOf(processName, 16));
                yield 0;
            }
            default -> -Errno.EINVAL;
        };
    }

    long setTidAddress(long address) {
        process.state().tidAddress(address);
        return PID;
    }

    long setRobustList(long head, long length) {
        if (length != 3L * process.abi().wordSize()) {
            return -Errno.EINVAL;
        }
        process.state().robustList(head);
        return 0;
    }

    /** prlimit64: reports the limits a fresh Linux process has; new limits are accepted. */
    long prlimit64(int pid, int resource, long newLimit, long oldLimit) {
        if (pid != 0 && pid != PID) {
            return -Errno.ESRCH;
        }
        if (resource < 0 || resource >= RLIM_NLIMITS) {
            return -Errno.EINVAL;
        }
        if (newLimit != 0) {
            user.read(newLimit, 16);
        }
        if (oldLimit != 0) {
            long[] limit = limit(resource);
            user.write(
                    oldLimit,
                    new GuestStruct(16).u64(0, limit[0]).u64(8, limit[1]).array());
        }
        return 0;
    }

    /** getrlimit (x86-64, i386 ugetrlimit): word-sized fields, infinity as all ones. */
    long getrlimit(int resource, long address) {
        if (resource < 0 || resource >= RLIM_NLIMITS) {
            return -Errno.EINVAL;
        }
        int word = process.abi().wordSize();
        long[] limit = limit(resource);
        user.write(
                address,
                new GuestStruct(2 * word)
                        .word(0, word, limit[0])
                        .word(word, word, limit[1])
                        .array());
        return 0;
    }

    long setrlimit(int resource, long address) {
        if (resource < 0 || resource >= RLIM_NLIMITS) {
            return -Errno.EINVAL;
        }
        user.read(address, 2 * process.abi().wordSize());
        return 0;
    }

    private static long[] limit(int resource) {
        return switch (resource) {
            case RLIMIT_STACK -> new long[] {InitialStack.SIZE, RLIM_INFINITY};
            case RLIMIT_NOFILE -> new long[] {FdTable.LIMIT, FdTable.LIMIT};
            default -> new long[] {RLIM_INFINITY, RLIM_INFINITY};
        };
    }

    long getrandom(long buffer, long length, int flags) {
        if ((flags & ~7) != 0) {
            return -Errno.EINVAL;
        }
        int n = (int) FileIoSyscalls.clamp(length, 33554431);
        user.checkWritable(buffer, n);
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        user.write(buffer, bytes);
        return n;
    }

    /** sysinfo: uptime, memory and process count in the ABI's {@code struct sysinfo}. */
    long sysinfo(long buffer) {
        int word = process.abi().wordSize();
        long[] memory = HostMemoryInfo.read();
        long uptime = HostMemoryInfo.uptimeSeconds();
        GuestStruct s = new GuestStruct(word == 8 ? 112 : 64);
        s.word(0, word, uptime);
        int at = 4 * word; // three load averages left zero
        long[] sizes = {memory[0], memory[1], 0, memory[2], memory[3], memory[4]};
        for (long size : sizes) {
            s.word(at, word, size);
            at += word;
        }
        s.u16(at, 1);
        int unit = word == 8 ? 104 : 52;
        s.u32(unit, 1);
        user.write(buffer, s.array());
        return 0;
    }

    long schedYield() {
        Thread.yield();
        return 0;
    }

    /** sched_getaffinity: one bit per host processor; returns the mask's size in bytes. */
    long schedGetaffinity(int pid, long size, long mask) {
        if (pid != 0 && pid != PID) {
            return -Errno.ESRCH;
        }
        int word = process.abi().wordSize();
        int cpus = Runtime.getRuntime().availableProcessors();
        int bytes = ((cpus + 8 * word - 1) / (8 * word)) * word;
        if (size < bytes || size % word != 0) {
            return -Errno.EINVAL;
        }
        byte[] bits = new byte[bytes];
        for (int i = 0; i < cpus; i++) {
            bits[i / 8] |= (byte) (1 << (i % 8));
        }
        user.write(mask, bits);
        return bytes;
    }
}
