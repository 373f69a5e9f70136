package dev.jx86.tools.cli;

import dev.jx86.backend.jvm.JvmBlockCompiler;
import dev.jx86.runtime.exec.Engine;
import dev.jx86.runtime.exec.ExecutionLoop;
import dev.jx86.runtime.exec.LogItem;
import dev.jx86.runtime.exec.Tiering;
import dev.jx86.runtime.exec.TranslationCache;
import dev.jx86.runtime.linux.LinuxProcess;
import dev.jx86.x86.lift.X86Translator;
import java.util.List;

/** The execution engine of each tier, wired to a process's memory: the one place that picks the parts. */
public final class Engines {
    /** The tiers {@code --tier} accepts: the interpreter, everything compiled, and interpret-then-compile. */
    public static final List<String> TIERS = List.of("0", "1", "mixed");

    private Engines() {}

    /** An engine for {@code tier} with the default hot threshold. */
    public static Engine create(String tier, LinuxProcess process) {
        return create(tier, Tiering.DEFAULT_THRESHOLD, false, process);
    }

    /**
     * An engine for {@code tier} that runs {@code process}'s code, compiling a block with its hot successors once
     * it ran {@code hotThreshold} times (tiers 1 and mixed), and with {@code verify} checking each compiled block
     * or region against the interpreter on its first run; throws for a tier that does not exist.
     */
    public static Engine create(String tier, int hotThreshold, boolean verify, LinuxProcess process) {
        Tiering tiering = switch (tier) {
            case "0" -> Tiering.interpreterOnly();
            case "1" -> Tiering.compileEveryBlock(new JvmBlockCompiler()).withHotThreshold(hotThreshold);
            case "mixed" -> Tiering.mixed(new JvmBlockCompiler(), hotThreshold);
            default -> throw new IllegalArgumentException("unknown --tier " + tier + "; tiers: " + TIERS);
        };
        if (verify && tiering.compiles()) {
            tiering = tiering.verified();
        }
        if (LogItem.NOCHAIN.enabled()) {
            tiering = tiering.withMaxRegionBlocks(1); // every block entered through the dispatcher, as -d exec shows
        }
        var loop = new ExecutionLoop(
                new X86Translator(),
                page -> process.space().markCode(page >>> 12),
                TranslationCache.DEFAULT_MAX_OPS,
                tiering);
        loop.names(pc -> process.symbols().describe(pc).orElse(""));
        return loop;
    }
}
