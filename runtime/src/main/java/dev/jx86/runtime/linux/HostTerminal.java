package dev.jx86.runtime.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Terminal ioctls on the JVM's standard streams, passed to the host's {@code ioctl} when the host is x86-64 Linux
 * (the kernel's termios and winsize structures are then the guest's, for both ABIs). Elsewhere, or when the
 * stream is not a terminal, the answer is ENOTTY, as Linux gives for a pipe or a file.
 */
final class HostTerminal {
    static final int TCGETS = 0x5401;
    static final int TCSETS = 0x5402;
    static final int TCSETSW = 0x5403;
    static final int TCSETSF = 0x5404;
    static final int TIOCGWINSZ = 0x5413;
    static final int TIOCSWINSZ = 0x5414;

    /** sizeof(struct termios) in the kernel ABI. */
    static final int TERMIOS_SIZE = 36;

    static final int WINSIZE_SIZE = 8;

    private static final MethodHandle IOCTL = bind();

    private HostTerminal() {}

    /** The size of the structure {@code request} reads or writes, or -1 for requests this class does not serve. */
    static int argumentSize(int request) {
        return switch (request) {
            case TCGETS, TCSETS, TCSETSW, TCSETSF -> TERMIOS_SIZE;
            case TIOCGWINSZ, TIOCSWINSZ -> WINSIZE_SIZE;
            default -> -1;
        };
    }

    /**
     * Runs {@code request} on host descriptor {@code fd} with {@code argument} as the structure (read for a set,
     * filled for a get); returns 0 or -errno.
     */
    static int ioctl(int fd, int request, byte[] argument) {
        if (IOCTL == null) {
            return -Errno.ENOTTY;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(Math.max(argument.length, 64));
            MemorySegment.copy(argument, 0, buffer, ValueLayout.JAVA_BYTE, 0, argument.length);
            int result = (int) IOCTL.invokeExact(fd, (long) request, buffer);
            if (result != 0) {
                return -Errno.ENOTTY;
            }
            MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, argument, 0, argument.length);
            return 0;
        } catch (Throwable e) {
            return -Errno.ENOTTY;
        }
    }

    @SuppressWarnings("restricted")
    private static MethodHandle bind() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.downcallHandle(
                    linker.defaultLookup().find("ioctl").orElseThrow(),
                    FunctionDescriptor.of(
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS),
                    Linker.Option.firstVariadicArg(2));
        } catch (RuntimeException | Error e) {
            return null;
        }
    }
}
