package dev.jx86.tools.cli;

import dev.jx86.runtime.exec.ExecutionLoop;
import dev.jx86.runtime.exec.TranslationCache;
import dev.jx86.runtime.linux.LinuxProcess;
import dev.jx86.runtime.linux.ProcessOptions;
import dev.jx86.x86.lift.X86Translator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
final class RunCommand implements Callable<Integer> {
    @Option(
            names = "--tier",
            defaultValue = "0",
            paramLabel = "TIER",
            description = "Execution tier: 0 = IR interpreter (the JVM tier, 1 and mixed, comes next). Default: 0.")
    String tier;

    @Option(
            names = {"-L", "--sysroot"},
            paramLabel = "DIR",
            description = "Resolve the guest's absolute paths under DIR (like qemu -L).")
    Path sysroot;

    @Parameters(index = "0", paramLabel = "PROG", description = "The program to run.")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Its arguments.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!tier.equals("0")) {
            throw new IllegalArgumentException(
                    "--tier " + tier + " is not available yet: only tier 0 (the interpreter)");
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
            ExecutionLoop loop = new ExecutionLoop(
                    new X86Translator(),
                    page -> process.space().markCode(page >>> 12),
                    TranslationCache.DEFAULT_MAX_OPS);
            return process.run(loop, started.cpu());
        }
    }
}
