package dev.jx86.tools.cli;

import dev.jx86.runtime.exec.Engine;
import dev.jx86.runtime.exec.ExecutionLoop;
import dev.jx86.runtime.exec.LogFilter;
import dev.jx86.runtime.exec.LogItem;
import dev.jx86.runtime.exec.Tiering;
import dev.jx86.runtime.linux.LinuxProcess;
import dev.jx86.runtime.linux.ProcessOptions;
import dev.jx86.runtime.mem.TlbMemory;
import dev.jx86.tools.profile.ProfileReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jx86 run PROG ARGS...}: runs an x86 Linux program in user mode, like {@code qemu-x86_64}: its standard
 * streams are the JVM's, its exit status becomes jx86's, and jx86's own messages go to stderr only.
 */
@Command(
        name = "run",
        description = "Runs a static x86-64 or i386 Linux program (user mode, like qemu-x86_64).",
        mixinStandardHelpOptions = true)
class RunCommand implements Callable<Integer> {
    @Option(
            names = "--tier",
            defaultValue = "mixed",
            paramLabel = "TIER",
            description = "Execution tier: mixed = interpret, then compile hot code to JVM bytecode as regions in the"
                    + " background; 0 = IR interpreter only; 1 = every block compiled when first translated."
                    + " Default: mixed.")
    String tier;

    @Option(
            names = "--hot-threshold",
            defaultValue = "" + Tiering.DEFAULT_THRESHOLD,
            paramLabel = "N",
            description = "Executions after which a block is compiled with its hot successors as a region."
                    + " Default: ${DEFAULT-VALUE}.")
    int hotThreshold;

    @Option(
            names = "--verify",
            description = "Check the first run of every compiled block and region against the interpreter; report"
                    + " any difference (guest pc, state, memory, IR) and keep interpreting that code.")
    boolean verify;

    @Option(
            names = {"-L", "--sysroot"},
            paramLabel = "DIR",
            description = "Resolve the guest's absolute paths under DIR (like qemu -L).")
    Path sysroot;

    @Option(
            names = "-d",
            split = ",",
            paramLabel = "ITEM",
            description = "Log ITEM,... to stderr (or the -D file), as qemu -d: in_asm, op, op_opt, out_asm, exec, cpu,"
                    + " int, nochain, unimp, stats; '-d help' lists them.")
    List<String> logItems = new ArrayList<>();

    @Option(names = "-D", paramLabel = "FILE", description = "Write the -d log to FILE instead of stderr.")
    Path logFile;

    @Option(
            names = "-dfilter",
            paramLabel = "RANGES",
            description = "Log only guest code in RANGES (hex, comma-separated: START..LAST, START+LENGTH,"
                    + " END-LENGTH or ADDRESS), as qemu -dfilter.")
    String logFilter;

    @Option(
            names = "--profile",
            description = "Profile the run (as 'jx86 profile'): a report on stderr, or in the --json/--html files.")
    boolean profile;

    @Mixin
    ProfileOptions profileOptions = new ProfileOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROG", description = "The program to run.")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Its arguments.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (logItems.contains("help")) {
            for (LogItem item : LogItem.values()) {
                System.out.printf("%-8s %s%n", item.text(), item.description());
            }
            return 0;
        }
        configureLogging();
        if (!profiling() && profileOptions.toFiles()) {
            throw new IllegalArgumentException(
                    "--json and --html write a profile: add --profile, or use 'jx86 profile'");
        }
        if (program == null) {
            throw new IllegalArgumentException("no program to run; try 'jx86 run --help'");
        }
        if (Files.isDirectory(program)) {
            throw new IllegalArgumentException(program + ": is a directory");
        }
        if (!Engines.TIERS.contains(tier)) {
            throw new IllegalArgumentException(
                    "unknown --tier " + tier + "; tiers: " + String.join(", ", Engines.TIERS));
        }
        if (hotThreshold < 1) {
            throw new IllegalArgumentException("--hot-threshold must be at least 1");
        }
        boolean profiling = profiling();
        if (profiling) {
            profileOptions.check();
        }
        ProcessOptions options = ProcessOptions.defaults();
        if (sysroot != null) {
            options = options.withSysroot(sysroot);
        }
        List<String> argv = new ArrayList<>();
        argv.add(program.toString());
        argv.addAll(args);
        List<String> envp = new ArrayList<>();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            envp.add(e.getKey() + "=" + e.getValue());
        }
        LinuxProcess.Started started = LinuxProcess.start(program, argv, envp, options);
        try (LinuxProcess process = started.process()) {
            Engine engine = Engines.create(tier, hotThreshold, verify, process);
            Profiling session = profiling && engine instanceof ExecutionLoop loop
                    ? Profiling.start(loop, started, profileOptions)
                    : null;
            int status = -1;
            try {
                status = process.run(engine, started.cpu());
                return status;
            } finally {
                if (session != null) {
                    session.finish(new ProfileReport.Run(program.toString(), args, tier, status));
                }
                if (LogItem.STATS.enabled() && engine instanceof ExecutionLoop loop) {
                    LogItem.STATS.log("{}", loop.summary());
                }
                if (LogItem.STATS.enabled() && started.cpu().memory() instanceof TlbMemory tlb) {
                    LogItem.STATS.log("TLB misses (main thread) {}", tlb.misses());
                }
                engine.close();
            }
        }
    }

    /** Whether this run is profiled: {@code --profile}, or always for {@code jx86 profile}. */
    boolean profiling() {
        return profile;
    }

    /**
     * Turns on the -d items' loggers (slf4j-simple reads these properties when the first logger is made, so this
     * runs before anything logs) and sends the log to -D's file.
     */
    private void configureLogging() {
        for (String name : logItems) {
            boolean known = false;
            for (LogItem item : LogItem.values()) {
                known |= item.text().equals(name);
            }
            if (!known) {
                throw new IllegalArgumentException("unknown -d item '" + name + "'; try -d help");
            }
            System.setProperty("org.slf4j.simpleLogger.log." + LogItem.loggerName(name), "debug");
        }
        if (logFile != null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", logFile.toString());
        }
        if (logFilter != null) {
            LogItem.filter(LogFilter.parse(logFilter));
        }
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
    }
}
