package dev.jx86.tools.cli;

import dev.jx86.runtime.exec.Engine;
import dev.jx86.runtime.exec.ExecutionLoop;
import dev.jx86.runtime.exec.TranslationCache;
import dev.jx86.runtime.linux.LinuxProcess;
import dev.jx86.x86.lift.X86Translator;
import java.util.List;

/** The execution engine of each tier, wired to a process's memory: the one place that picks the parts. */
public final class Engines {
    /** The tiers {@code --tier} accepts. */
    public static final List<String> TIERS = List.of("0");

    private Engines() {}

    /** An engine for {@code tier} that runs {@code process}'s code; throws for a tier that does not exist. */
    public static Engine create(String tier, LinuxProcess process) {
        if (!TIERS.contains(tier)) {
            throw new IllegalArgumentException(
                    "--tier " + tier + " is not available yet: only tier 0 (the interpreter)");
        }
        return new ExecutionLoop(
                new X86Translator(), page -> process.space().markCode(page >>> 12), TranslationCache.DEFAULT_MAX_OPS);
    }
}
