package dev.jx86.runtime.linux;

import static dev.jx86.runtime.linux.GuestPaths.AT_FDCWD;

import dev.jx86.runtime.linux.StatSyscalls.Layout;

/**
 * The system call numbers of both ABIs (asm/unistd_64.h and asm/unistd_32.h) bound to their handlers: one line
 * per call, the argument conversions visible. Both tables share the handler objects of one process.
 */
final class SyscallTables {
    private SyscallTables() {}

    private static final int SIGPIPE = 13;

    /** The handler objects of one process, one per area. */
    private record Areas(
            FileIoSyscalls io,
            FileSystemSyscalls fs,
            StatSyscalls stat,
            MemorySyscalls memory,
            ProcessSyscalls proc,
            TimeSyscalls time,
            SignalSyscalls signals) {
        static Areas of(LinuxProcess p) {
            return new Areas(
                    new FileIoSyscalls(p),
                    new FileSystemSyscalls(p),
                    new StatSyscalls(p),
                    new MemorySyscalls(p),
                    new ProcessSyscalls(p),
                    new TimeSyscalls(p),
                    new SignalSyscalls(p));
        }

        /** A write that found its pipe closed also raises SIGPIPE, which by default ends the process. */
        long piped(long result) {
            if (result == -Errno.EPIPE) {
                signals.kill(ProcessSyscalls.pid(), SIGPIPE);
            }
            return result;
        }
    }

    static SyscallTable x86_64(LinuxProcess process) {
        Areas x = Areas.of(process);
        SyscallTable t = new SyscallTable(Abi.X86_64);
        t.define(0, "read", a -> x.io.read(a.i(0), a.p(1), a.p(2)));
        t.define(1, "write", a -> x.piped(x.io.write(a.i(0), a.p(1), a.p(2))));
        t.define(2, "open", a -> x.fs.openat(AT_FDCWD, a.p(0), a.i(1), a.i(2)));
        t.define(3, "close", a -> x.io.close(a.i(0)));
        t.define(4, "stat", a -> x.stat.stat(a.p(0), a.p(1), Layout.STAT_64, true));
        t.define(5, "fstat", a -> x.stat.fstat(a.i(0), a.p(1), Layout.STAT_64));
        t.define(6, "lstat", a -> x.stat.stat(a.p(0), a.p(1), Layout.STAT_64, false));
        t.define(8, "lseek", a -> x.io.lseek(a.i(0), a.s(1), a.i(2)));
        t.define(9, "mmap", a -> x.memory.mmap(a.p(0), a.p(1), a.i(2), a.i(3), a.i(4), a.s(5)));
        t.define(10, "mprotect", a -> x.memory.mprotect(a.p(0), a.p(1), a.i(2)));
        t.define(11, "munmap", a -> x.memory.munmap(a.p(0), a.p(1)));
        t.define(12, "brk", a -> x.memory.brk(a.p(0)));
        t.define(13, "rt_sigaction", a -> x.signals.rtSigaction(a.i(0), a.p(1), a.p(2), a.p(3)));
        t.define(14, "rt_sigprocmask", a -> x.signals.rtSigprocmask(a.i(0), a.p(1), a.p(2), a.p(3)));
        t.define(16, "ioctl", a -> x.io.ioctl(a.i(0), a.i(1), a.p(2)));
        t.define(17, "pread64", a -> x.io.pread(a.i(0), a.p(1), a.p(2), a.s(3)));
        t.define(18, "pwrite64", a -> x.piped(x.io.pwrite(a.i(0), a.p(1), a.p(2), a.s(3))));
        t.define(19, "readv", a -> x.io.readv(a.i(0), a.p(1), a.i(2)));
        t.define(20, "writev", a -> x.piped(x.io.writev(a.i(0), a.p(1), a.i(2))));
        t.define(21, "access", a -> x.fs.faccessat(AT_FDCWD, a.p(0), a.i(1), 0));
        t.define(22, "pipe", a -> x.io.pipe2(a.p(0), 0));
        t.define(24, "sched_yield", a -> x.proc.schedYield());
        t.define(25, "mremap", a -> x.memory.mremap(a.p(0), a.p(1), a.p(2), a.i(3), a.p(4)));
        t.define(28, "madvise", a -> x.memory.madvise(a.p(0), a.p(1), a.i(2)));
        t.define(32, "dup", a -> x.io.dup(a.i(0)));
        t.define(33, "dup2", a -> x.io.dup2(a.i(0), a.i(1)));
        t.define(35, "nanosleep", a -> x.time.nanosleep(a.p(0), a.p(1), 8));
        t.define(39, "getpid", a -> ProcessSyscalls.pid());
        t.define(40, "sendfile", a -> x.piped(x.io.sendfile(a.i(0), a.i(1), a.p(2), a.p(3), 8)));
        t.define(60, "exit", a -> x.proc.exit(a.i(0)));
        t.define(62, "kill", a -> x.signals.kill(a.i(0), a.i(1)));
        t.define(63, "uname", a -> x.proc.uname(a.p(0)));
        t.define(72, "fcntl", a -> x.io.fcntl(a.i(0), a.i(1), a.p(2)));
        t.define(74, "fsync", a -> x.io.fsync(a.i(0)));
        t.define(75, "fdatasync", a -> x.io.fsync(a.i(0)));
        t.define(76, "truncate", a -> x.fs.truncate(a.p(0), a.s(1)));
        t.define(77, "ftruncate", a -> x.io.ftruncate(a.i(0), a.s(1)));
        t.define(79, "getcwd", a -> x.fs.getcwd(a.p(0), a.p(1)));
        t.define(80, "chdir", a -> x.fs.chdir(a.p(0)));
        t.define(81, "fchdir", a -> x.fs.fchdir(a.i(0)));
        t.define(82, "rename", a -> x.fs.renameat2(AT_FDCWD, a.p(0), AT_FDCWD, a.p(1), 0));
        t.define(83, "mkdir", a -> x.fs.mkdirat(AT_FDCWD, a.p(0), a.i(1)));
        t.define(84, "rmdir", a -> x.fs.unlinkat(AT_FDCWD, a.p(0), FileSystemSyscalls.AT_REMOVEDIR));
        t.define(85, "creat", a -> x.fs.openat(AT_FDCWD, a.p(0), CREAT_FLAGS, a.i(1)));
        t.define(86, "link", a -> x.fs.linkat(AT_FDCWD, a.p(0), AT_FDCWD, a.p(1), 0));
        t.define(87, "unlink", a -> x.fs.unlinkat(AT_FDCWD, a.p(0), 0));
        t.define(88, "symlink", a -> x.fs.symlinkat(a.p(0), AT_FDCWD, a.p(1)));
        t.define(89, "readlink", a -> x.fs.readlinkat(AT_FDCWD, a.p(0), a.p(1), a.i(2)));
        t.define(95, "umask", a -> x.fs.umask(a.i(0)));
        t.define(96, "gettimeofday", a -> x.time.gettimeofday(a.p(0), a.p(1), 8));
        t.define(97, "getrlimit", a -> x.proc.getrlimit(a.i(0), a.p(1)));
        t.define(99, "sysinfo", a -> x.proc.sysinfo(a.p(0)));
        t.define(102, "getuid", a -> x.proc.uid());
        t.define(104, "getgid", a -> x.proc.gid());
        t.define(105, "setuid", a -> x.proc.setId(a.i(0), x.proc.uid()));
        t.define(106, "setgid", a -> x.proc.setId(a.i(0), x.proc.gid()));
        t.define(107, "geteuid", a -> x.proc.uid());
        t.define(108, "getegid", a -> x.proc.gid());
        t.define(110, "getppid", a -> x.proc.getppid());
        t.define(115, "getgroups", a -> x.proc.getgroups(a.i(0), a.p(1)));
        t.define(118, "getresuid", a -> x.proc.getResIds(a.p(0), a.p(1), a.p(2), x.proc.uid()));
        t.define(120, "getresgid", a -> x.proc.getResIds(a.p(0), a.p(1), a.p(2), x.proc.gid()));
        t.define(157, "prctl", a -> x.proc.prctl(a.i(0), a.p(1)));
        t.define(158, "arch_prctl", x.proc::archPrctl);
        t.define(160, "setrlimit", a -> x.proc.setrlimit(a.i(0), a.p(1)));
        t.define(186, "gettid", a -> ProcessSyscalls.pid());
        t.define(200, "tkill", a -> x.signals.kill(a.i(0), a.i(1)));
        t.define(201, "time", a -> x.time.time(a.p(0), 8));
        t.define(204, "sched_getaffinity", a -> x.proc.schedGetaffinity(a.i(0), a.p(1), a.p(2)));
        t.define(217, "getdents64", a -> x.fs.getdents64(a.i(0), a.p(1), a.i(2) & 0xffffffffL));
        t.define(218, "set_tid_address", a -> x.proc.setTidAddress(a.p(0)));
        t.define(228, "clock_gettime", a -> x.time.clockGettime(a.i(0), a.p(1), 8));
        t.define(229, "clock_getres", a -> x.time.clockGetres(a.i(0), a.p(1), 8));
        t.define(230, "clock_nanosleep", a -> x.time.clockNanosleep(a.i(0), a.i(1), a.p(2), a.p(3), 8));
        t.define(231, "exit_group", a -> x.proc.exit(a.i(0)));
        t.define(234, "tgkill", a -> x.signals.kill(a.i(0), a.i(2)));
        t.define(257, "openat", a -> x.fs.openat(a.i(0), a.p(1), a.i(2), a.i(3)));
        t.define(258, "mkdirat", a -> x.fs.mkdirat(a.i(0), a.p(1), a.i(2)));
        t.define(262, "newfstatat", a -> x.stat.fstatat(a.i(0), a.p(1), a.p(2), a.i(3), Layout.STAT_64));
        t.define(263, "unlinkat", a -> x.fs.unlinkat(a.i(0), a.p(1), a.i(2)));
        t.define(265, "linkat", a -> x.fs.linkat(a.i(0), a.p(1), a.i(2), a.p(3), a.i(4)));
        t.define(266, "symlinkat", a -> x.fs.symlinkat(a.p(0), a.i(1), a.p(2)));
        t.define(264, "renameat", a -> x.fs.renameat2(a.i(0), a.p(1), a.i(2), a.p(3), 0));
        t.define(267, "readlinkat", a -> x.fs.readlinkat(a.i(0), a.p(1), a.p(2), a.i(3)));
        t.define(269, "faccessat", a -> x.fs.faccessat(a.i(0), a.p(1), a.i(2), 0));
        t.define(273, "set_robust_list", a -> x.proc.setRobustList(a.p(0), a.p(1)));
        t.define(292, "dup3", a -> x.io.dup3(a.i(0), a.i(1), a.i(2)));
        t.define(293, "pipe2", a -> x.io.pipe2(a.p(0), a.i(1)));
        t.define(302, "prlimit64", a -> x.proc.prlimit64(a.i(0), a.i(1), a.p(2), a.p(3)));
        t.define(316, "renameat2", a -> x.fs.renameat2(a.i(0), a.p(1), a.i(2), a.p(3), a.i(4)));
        t.define(318, "getrandom", a -> x.proc.getrandom(a.p(0), a.p(1), a.i(2)));
        t.define(332, "statx", a -> x.stat.statx(a.i(0), a.p(1), a.i(2), a.i(3), a.p(4)));
        t.define(334, "rseq", a -> NO_RSEQ);
        t.define(439, "faccessat2", a -> x.fs.faccessat(a.i(0), a.p(1), a.i(2), a.i(3)));
        return t;
    }

    static SyscallTable i386(LinuxProcess process) {
        Areas x = Areas.of(process);
        SyscallTable t = new SyscallTable(Abi.I386);
        t.define(1, "exit", a -> x.proc.exit(a.i(0)));
        t.define(3, "read", a -> x.io.read(a.i(0), a.p(1), a.p(2)));
        t.define(4, "write", a -> x.piped(x.io.write(a.i(0), a.p(1), a.p(2))));
        t.define(5, "open", a -> x.fs.openat(AT_FDCWD, a.p(0), a.i(1), a.i(2)));
        t.define(6, "close", a -> x.io.close(a.i(0)));
        t.define(8, "creat", a -> x.fs.openat(AT_FDCWD, a.p(0), CREAT_FLAGS, a.i(1)));
        t.define(9, "link", a -> x.fs.linkat(AT_FDCWD, a.p(0), AT_FDCWD, a.p(1), 0));
        t.define(10, "unlink", a -> x.fs.unlinkat(AT_FDCWD, a.p(0), 0));
        t.define(83, "symlink", a -> x.fs.symlinkat(a.p(0), AT_FDCWD, a.p(1)));
        t.define(12, "chdir", a -> x.fs.chdir(a.p(0)));
        t.define(13, "time", a -> x.time.time(a.p(0), 4));
        t.define(19, "lseek", a -> x.io.lseek(a.i(0), a.s(1), a.i(2)));
        t.define(20, "getpid", a -> ProcessSyscalls.pid());
        t.define(33, "access", a -> x.fs.faccessat(AT_FDCWD, a.p(0), a.i(1), 0));
        t.define(37, "kill", a -> x.signals.kill(a.i(0), a.i(1)));
        t.define(38, "rename", a -> x.fs.renameat2(AT_FDCWD, a.p(0), AT_FDCWD, a.p(1), 0));
        t.define(39, "mkdir", a -> x.fs.mkdirat(AT_FDCWD, a.p(0), a.i(1)));
        t.define(40, "rmdir", a -> x.fs.unlinkat(AT_FDCWD, a.p(0), FileSystemSyscalls.AT_REMOVEDIR));
        t.define(41, "dup", a -> x.io.dup(a.i(0)));
        t.define(42, "pipe", a -> x.io.pipe2(a.p(0), 0));
        t.define(45, "brk", a -> x.memory.brk(a.p(0)));
        t.define(54, "ioctl", a -> x.io.ioctl(a.i(0), a.i(1), a.p(2)));
        t.define(55, "fcntl", a -> x.io.fcntl(a.i(0), a.i(1), a.p(2)));
        t.define(60, "umask", a -> x.fs.umask(a.i(0)));
        t.define(63, "dup2", a -> x.io.dup2(a.i(0), a.i(1)));
        t.define(64, "getppid", a -> x.proc.getppid());
        t.define(75, "setrlimit", a -> x.proc.setrlimit(a.i(0), a.p(1)));
        t.define(78, "gettimeofday", a -> x.time.gettimeofday(a.p(0), a.p(1), 4));
        t.define(85, "readlink", a -> x.fs.readlinkat(AT_FDCWD, a.p(0), a.p(1), a.i(2)));
        t.define(90, "mmap", a -> x.memory.oldMmap(a.p(0)));
        t.define(91, "munmap", a -> x.memory.munmap(a.p(0), a.p(1)));
        t.define(92, "truncate", a -> x.fs.truncate(a.p(0), a.s(1)));
        t.define(93, "ftruncate", a -> x.io.ftruncate(a.i(0), a.s(1)));
        t.define(106, "stat", a -> x.stat.stat(a.p(0), a.p(1), Layout.STAT_I386, true));
        t.define(107, "lstat", a -> x.stat.stat(a.p(0), a.p(1), Layout.STAT_I386, false));
        t.define(108, "fstat", a -> x.stat.fstat(a.i(0), a.p(1), Layout.STAT_I386));
        t.define(116, "sysinfo", a -> x.proc.sysinfo(a.p(0)));
        t.define(118, "fsync", a -> x.io.fsync(a.i(0)));
        t.define(122, "uname", a -> x.proc.uname(a.p(0)));
        t.define(125, "mprotect", a -> x.memory.mprotect(a.p(0), a.p(1), a.i(2)));
        t.define(133, "fchdir", a -> x.fs.fchdir(a.i(0)));
        t.define(140, "_llseek", a -> x.io.llseek(a.i(0), a.p(1), a.p(2), a.p(3), a.i(4)));
        t.define(145, "readv", a -> x.io.readv(a.i(0), a.p(1), a.i(2)));
        t.define(146, "writev", a -> x.piped(x.io.writev(a.i(0), a.p(1), a.i(2))));
        t.define(148, "fdatasync", a -> x.io.fsync(a.i(0)));
        t.define(158, "sched_yield", a -> x.proc.schedYield());
        t.define(162, "nanosleep", a -> x.time.nanosleep(a.p(0), a.p(1), 4));
        t.define(163, "mremap", a -> x.memory.mremap(a.p(0), a.p(1), a.p(2), a.i(3), a.p(4)));
        t.define(172, "prctl", a -> x.proc.prctl(a.i(0), a.p(1)));
        t.define(174, "rt_sigaction", a -> x.signals.rtSigaction(a.i(0), a.p(1), a.p(2), a.p(3)));
        t.define(175, "rt_sigprocmask", a -> x.signals.rtSigprocmask(a.i(0), a.p(1), a.p(2), a.p(3)));
        t.define(180, "pread64", a -> x.io.pread(a.i(0), a.p(1), a.p(2), a.pair(3)));
        t.define(181, "pwrite64", a -> x.piped(x.io.pwrite(a.i(0), a.p(1), a.p(2), a.pair(3))));
        t.define(183, "getcwd", a -> x.fs.getcwd(a.p(0), a.p(1)));
        t.define(187, "sendfile", a -> x.piped(x.io.sendfile(a.i(0), a.i(1), a.p(2), a.p(3), 4)));
        t.define(191, "ugetrlimit", a -> x.proc.getrlimit(a.i(0), a.p(1)));
        t.define(192, "mmap2", a -> x.memory.mmap(a.p(0), a.p(1), a.i(2), a.i(3), a.i(4), a.p(5) << 12));
        t.define(193, "truncate64", a -> x.fs.truncate(a.p(0), a.pair(1)));
        t.define(194, "ftruncate64", a -> x.io.ftruncate(a.i(0), a.pair(1)));
        t.define(195, "stat64", a -> x.stat.stat(a.p(0), a.p(1), Layout.STAT64_I386, true));
        t.define(196, "lstat64", a -> x.stat.stat(a.p(0), a.p(1), Layout.STAT64_I386, false));
        t.define(197, "fstat64", a -> x.stat.fstat(a.i(0), a.p(1), Layout.STAT64_I386));
        t.define(199, "getuid32", a -> x.proc.uid());
        t.define(200, "getgid32", a -> x.proc.gid());
        t.define(201, "geteuid32", a -> x.proc.uid());
        t.define(202, "getegid32", a -> x.proc.gid());
        t.define(205, "getgroups32", a -> x.proc.getgroups(a.i(0), a.p(1)));
        t.define(209, "getresuid32", a -> x.proc.getResIds(a.p(0), a.p(1), a.p(2), x.proc.uid()));
        t.define(211, "getresgid32", a -> x.proc.getResIds(a.p(0), a.p(1), a.p(2), x.proc.gid()));
        t.define(213, "setuid32", a -> x.proc.setId(a.i(0), x.proc.uid()));
        t.define(214, "setgid32", a -> x.proc.setId(a.i(0), x.proc.gid()));
        t.define(219, "madvise", a -> x.memory.madvise(a.p(0), a.p(1), a.i(2)));
        t.define(220, "getdents64", a -> x.fs.getdents64(a.i(0), a.p(1), a.i(2) & 0xffffffffL));
        t.define(221, "fcntl64", a -> x.io.fcntl(a.i(0), a.i(1), a.p(2)));
        t.define(224, "gettid", a -> ProcessSyscalls.pid());
        t.define(238, "tkill", a -> x.signals.kill(a.i(0), a.i(1)));
        t.define(239, "sendfile64", a -> x.piped(x.io.sendfile(a.i(0), a.i(1), a.p(2), a.p(3), 8)));
        t.define(242, "sched_getaffinity", a -> x.proc.schedGetaffinity(a.i(0), a.p(1), a.p(2)));
        t.define(243, "set_thread_area", x.proc::setThreadArea);
        t.define(252, "exit_group", a -> x.proc.exit(a.i(0)));
        t.define(258, "set_tid_address", a -> x.proc.setTidAddress(a.p(0)));
        t.define(265, "clock_gettime", a -> x.time.clockGettime(a.i(0), a.p(1), 4));
        t.define(266, "clock_getres", a -> x.time.clockGetres(a.i(0), a.p(1), 4));
        t.define(267, "clock_nanosleep", a -> x.time.clockNanosleep(a.i(0), a.i(1), a.p(2), a.p(3), 4));
        t.define(270, "tgkill", a -> x.signals.kill(a.i(0), a.i(2)));
        t.define(295, "openat", a -> x.fs.openat(a.i(0), a.p(1), a.i(2), a.i(3)));
        t.define(296, "mkdirat", a -> x.fs.mkdirat(a.i(0), a.p(1), a.i(2)));
        t.define(300, "fstatat64", a -> x.stat.fstatat(a.i(0), a.p(1), a.p(2), a.i(3), Layout.STAT64_I386));
        t.define(301, "unlinkat", a -> x.fs.unlinkat(a.i(0), a.p(1), a.i(2)));
        t.define(303, "linkat", a -> x.fs.linkat(a.i(0), a.p(1), a.i(2), a.p(3), a.i(4)));
        t.define(304, "symlinkat", a -> x.fs.symlinkat(a.p(0), a.i(1), a.p(2)));
        t.define(302, "renameat", a -> x.fs.renameat2(a.i(0), a.p(1), a.i(2), a.p(3), 0));
        t.define(305, "readlinkat", a -> x.fs.readlinkat(a.i(0), a.p(1), a.p(2), a.i(3)));
        t.define(307, "faccessat", a -> x.fs.faccessat(a.i(0), a.p(1), a.i(2), 0));
        t.define(311, "set_robust_list", a -> x.proc.setRobustList(a.p(0), a.p(1)));
        t.define(330, "dup3", a -> x.io.dup3(a.i(0), a.i(1), a.i(2)));
        t.define(331, "pipe2", a -> x.io.pipe2(a.p(0), a.i(1)));
        t.define(340, "prlimit64", a -> x.proc.prlimit64(a.i(0), a.i(1), a.p(2), a.p(3)));
        t.define(353, "renameat2", a -> x.fs.renameat2(a.i(0), a.p(1), a.i(2), a.p(3), a.i(4)));
        t.define(355, "getrandom", a -> x.proc.getrandom(a.p(0), a.p(1), a.i(2)));
        t.define(383, "statx", a -> x.stat.statx(a.i(0), a.p(1), a.i(2), a.i(3), a.p(4)));
        t.define(384, "arch_prctl", x.proc::archPrctl);
        t.define(386, "rseq", a -> NO_RSEQ);
        t.define(403, "clock_gettime64", a -> x.time.clockGettime(a.i(0), a.p(1), 8));
        t.define(406, "clock_getres_time64", a -> x.time.clockGetres(a.i(0), a.p(1), 8));
        t.define(407, "clock_nanosleep_time64", a -> x.time.clockNanosleep(a.i(0), a.i(1), a.p(2), a.p(3), 8));
        t.define(439, "faccessat2", a -> x.fs.faccessat(a.i(0), a.p(1), a.i(2), a.i(3)));
        return t;
    }

    /**
     * Restartable sequences need the kernel to rewrite the guest's pc on preemption; not offered, as on kernels
     * before 4.18. glibc then keeps its thread-local fallbacks. Answered here so that it is not logged as unknown.
     */
    private static final long NO_RSEQ = -Errno.ENOSYS;

    /** creat(path, mode) is open(path, O_CREAT | O_WRONLY | O_TRUNC, mode). */
    private static final int CREAT_FLAGS = FileSystemSyscalls.O_CREAT | OpenFile.O_WRONLY | FileSystemSyscalls.O_TRUNC;
}
