package dev.jx86.runtime.exec;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code jx86 run -d ITEM,...} can log, named as QEMU's {@code -d} names them. Each item is an slf4j logger
 * ({@code jx86.in_asm}, ...) that writes at DEBUG; the command line turns the chosen ones on. Items about guest code
 * obey {@code -dfilter} ({@link #filter(LogFilter)}).
 */
public enum LogItem {
    IN_ASM("guest instructions of each new translation"),
    OP("IR of each new translation, before the passes"),
    OP_OPT("IR of each new translation, after the passes"),
    OUT_ASM("bytecode of each class tier 1 compiles"),
    EXEC("every translation entered, with its guest pc"),
    CPU("the CPU state before every translation entered"),
    INT("exceptions and faults the guest takes, with the CPU state"),
    NOCHAIN("do not chain translations: every dispatch looks its block up; regions of one block"),
    UNIMP("system calls that are not implemented (each once)"),
    STATS("translation, tier-1 and dispatch statistics when the guest ends; each region as it is installed");

    private final String description;
    /** Made on first use, so that the command line can configure logging after looking the items up. */
    private transient Logger logger;

    private static volatile LogFilter filter = LogFilter.ALL;

    LogItem(String description) {
        this.description = description;
    }

    private Logger logger() {
        Logger l = logger;
        if (l == null) {
            l = LoggerFactory.getLogger(loggerName(name()));
            logger = l;
        }
        return l;
    }

    /** The item's name on the command line. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** The slf4j logger name of item {@code name} (enum constant name). */
    public static String loggerName(String name) {
        return "jx86." + name.toLowerCase(Locale.ROOT);
    }

    /** Logs a message of this item (slf4j {@code {}} placeholders), if the item is on. */
    public void log(String format, Object... arguments) {
        logger().debug(format, arguments);
    }

    public boolean enabled() {
        return logger().isDebugEnabled();
    }

    /** Whether the item is on for guest code at {@code pc} ({@code -dfilter}). */
    public boolean enabledAt(long pc) {
        return enabled() && filter.contains(pc);
    }

    /** Limits the items about guest code to the addresses {@code f} holds ({@code -dfilter}). */
    public static void filter(LogFilter f) {
        filter = f;
    }

    public static LogFilter filter() {
        return filter;
    }
}
