import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The command line of {@code scripts/bench-suite}: what to run, how often, and where to write the report. */
record Options(
        int runs,
        List<String> jx86Args,
        boolean qemu,
        boolean jx86,
        boolean quick,
        Path markdown,
        boolean list,
        int timeoutSeconds,
        Path cache,
        Pattern filter,
        List<String> commandLine) {

    static final String USAGE = """
            usage: scripts/bench-suite [options] [workload-name-regex]

            Runs the whole-process benchmark suite natively, under qemu-x86_64 and under jx86, interleaved
            (run 1 of every workload on every runner, then run 2, ...), checks that every runner prints the
            same standard output and exit status as the native run, and prints median wall times and ratios.

              --runs N            runs per workload and runner (default 5; --quick: 1)
              --jx86-args "ARGS"  options for 'jx86 run', e.g. "--tier 1"
              --no-qemu           do not run qemu-x86_64
              --no-jx86           do not run jx86 (native and qemu only, e.g. to size the workloads)
              --quick             small inputs and one run: a smoke test that every workload works and agrees
              --markdown FILE     also write the results as a Markdown table with machine, date and revision
              --timeout SECONDS   stop a run after this long and report TIMEOUT (default 900)
              --cache DIR         where generated inputs are kept (default ~/.cache/jx86/bench)
              --list              list the workloads and exit
              -h, --help          this text

            A workload whose output differs from the native run is reported as WRONG and not timed.
            """;

    static Options parse(String[] args) {
        int runs = -1;
        List<String> jx86Args = List.of();
        boolean qemu = true;
        boolean jx86 = true;
        boolean quick = false;
        Path markdown = null;
        boolean list = false;
        int timeout = 900;
        String cacheHome = System.getenv("XDG_CACHE_HOME");
        Path cache = (cacheHome != null && !cacheHome.isEmpty()
                        ? Path.of(cacheHome)
                        : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("jx86/bench");
        Pattern filter = Pattern.compile("");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--runs" -> runs = positive(a, value(args, ++i, a));
                case "--jx86-args" -> jx86Args = words(value(args, ++i, a));
                case "--no-qemu" -> qemu = false;
                case "--no-jx86" -> jx86 = false;
                case "--quick" -> quick = true;
                case "--markdown" -> markdown = Path.of(value(args, ++i, a));
                case "--timeout" -> timeout = positive(a, value(args, ++i, a));
                case "--cache" -> cache = Path.of(value(args, ++i, a));
                case "--list" -> list = true;
                case "-h", "--help" -> throw new UsageException(null);
                default -> {
                    if (a.startsWith("-")) throw new UsageException("unknown option " + a);
                    filter = Pattern.compile(a);
                }
            }
        }
        if (runs < 0) runs = quick ? 1 : 5;
        return new Options(
                runs, jx86Args, qemu, jx86, quick, markdown, list, timeout, cache, filter, List.of(args));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new UsageException(option + " needs a value");
        return args[i];
    }

    private static int positive(String option, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a positive number, not '" + text + "'");
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) if (!w.isEmpty()) words.add(w);
        return List.copyOf(words);
    }

    /** A command-line mistake: the message (or none, for --help) and then the usage text. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
