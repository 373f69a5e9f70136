package dev.jx86.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jx86} command: runs x86 machine code on the JVM. Each subcommand is its own class. */
@Command(
        name = "jx86",
        mixinStandardHelpOptions = true,
        versionProvider = Jx86.Version.class,
        description = "Runs x86 machine code on the JVM.",
        subcommands = {DisasmCommand.class, RunCommand.class, ProfileCommand.class, CommandLine.HelpCommand.class})
public final class Jx86 implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Jx86());
        cli.setParameterExceptionHandler(Jx86::badUsage);
        // Everything after the guest program is the guest's: jx86 run PROG --its-own-flag
        cli.getSubcommands().get("run").setStopAtPositional(true);
        cli.getSubcommands().get("profile").setStopAtPositional(true);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("jx86: " + messageOf(e));
            return 1;
        });
        return cli;
    }

    /** A wrong flag or argument: one line saying what is wrong, and where to look. */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("jx86: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        return 2;
    }

    private static String messageOf(Exception e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> x.getFile() + ": no such file or directory";
            case java.nio.file.AccessDeniedException x -> x.getFile() + ": permission denied";
            case java.nio.file.FileSystemException x when x.getReason() != null -> x.getFile() + ": " + x.getReason();
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Jx86.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {
                "jx86 " + properties.getProperty("version", "unknown"),
                "JVM: ${java.vm.name} ${java.version}, ${os.name} ${os.arch}"
            };
        }
    }
}
