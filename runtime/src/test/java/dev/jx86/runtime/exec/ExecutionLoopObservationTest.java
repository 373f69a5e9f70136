package dev.jx86.runtime.exec;

import static dev.jx86.runtime.exec.LoopFixtures.NO_MEMORY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.CpuMode;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.elf.Symbolizer;
import dev.jx86.runtime.exec.LoopFixtures.InterpretingCompiler;
import dev.jx86.runtime.exec.LoopFixtures.TableTranslator;
import dev.jx86.runtime.profile.CallStacks;
import dev.jx86.runtime.profile.ExitCount;
import dev.jx86.runtime.profile.ExitKind;
import dev.jx86.runtime.profile.Phase;
import dev.jx86.runtime.profile.Profile;
import dev.jx86.runtime.profile.RegionStats;
import dev.jx86.runtime.profile.TranslationStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the execution loop lets one observe of a run: the profile's counts and exits, and the JFR events. */
class ExecutionLoopObservationTest {
    @Test
    void aProfileCountsExecutionsInBothTiersAndTheExits() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x1000L, LoopFixtures::loopHead);
        tr.blocks.put(0x1020L, LoopFixtures::loopBody);
        tr.blocks.put(0x1010L, LoopFixtures::syscall);
        Tiering tiering = Tiering.mixed(new InterpretingCompiler(), 10).inForeground();
        ExecutionLoop loop = new ExecutionLoop(tr, CodeWatch.NONE, TranslationCache.DEFAULT_MAX_OPS, tiering);
        ProfileRecorder recorder = loop.recordProfile();
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 1000);
        assertThat(loop.run(cpu)).isEqualTo(new Stop.Syscall(0x1012));
        assertThat(recorder.phase()).isEqualTo(Phase.RUNTIME);
        Profile profile = recorder.profile(loop, cpu, CallStacks.NONE, Symbolizer.empty());

        Map<Long, TranslationStats> byPc = new HashMap<>();
        profile.translations().forEach(t -> byPc.put(t.pc(), t));
        assertThat(byPc.keySet()).containsExactlyInAnyOrder(0x1000L, 0x1020L, 0x1010L);
        // head and body ran 10 times each interpreted (the head got hot at its 10th), then the region was entered
        // at the head once and looped inside
        assertThat(byPc.get(0x1000L).interpretedExecutions()).isEqualTo(10);
        assertThat(byPc.get(0x1020L).interpretedExecutions()).isEqualTo(10);
        assertThat(byPc.get(0x1000L).compiled()).isTrue();
        assertThat(byPc.get(0x1000L).fate()).isEqualTo(TranslationStats.Fate.LIVE);
        assertThat(profile.regions()).hasSize(1);
        RegionStats region = profile.regions().getFirst();
        assertThat(region.blocks()).extracting(RegionStats.Member::pc).containsExactly(0x1000L, 0x1020L);
        assertThat(region.blocks()).extracting(RegionStats.Member::executions).containsExactly(990L, 989L);
        assertThat(byPc.get(0x1000L).interpretedExecutions()
                        + region.blocks().get(0).executions())
                .isEqualTo(1000);
        assertThat(byPc.get(0x1020L).interpretedExecutions()
                        + region.blocks().get(1).executions())
                .isEqualTo(999);

        assertThat(profile.exits())
                .filteredOn(e -> e.kind() == ExitKind.SYSCALL)
                .singleElement()
                .extracting(ExitCount::count)
                .isEqualTo(1L);
        assertThat(profile.exits())
                .filteredOn(e -> e.kind() == ExitKind.TRANSLATION)
                .singleElement()
                .extracting(ExitCount::count)
                .isEqualTo(3L);
        assertThat(profile.cache().dispatches()).isEqualTo(loop.statistics().blocks());
        assertThat(profile.cache().translations()).isEqualTo(3);
    }

    @Test
    void aProfileKeepsTheCountsOfInvalidatedTranslations() {
        TableTranslator tr = new TableTranslator();
        tr.blocks.put(0x1000L, LoopFixtures::countdown);
        tr.blocks.put(0x1010L, LoopFixtures::syscall);
        ExecutionLoop loop = new ExecutionLoop(tr);
        ProfileRecorder recorder = loop.recordProfile();
        Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 100);
        loop.run(cpu);
        loop.invalidate(0x1000, 0x2000);
        cpu.rip(0x1000);
        cpu.gpr(StateLayout.RAX, 50);
        loop.run(cpu);
        Profile profile = recorder.profile(loop, cpu, CallStacks.NONE, Symbolizer.empty());
        List<TranslationStats> head =
                profile.translations().stream().filter(t -> t.pc() == 0x1000).toList();
        assertThat(head)
                .extracting(TranslationStats::fate)
                .containsExactlyInAnyOrder(TranslationStats.Fate.INVALIDATED, TranslationStats.Fate.LIVE);
        assertThat(head.stream()
                        .mapToLong(TranslationStats::interpretedExecutions)
                        .sum())
                .isEqualTo(150);
        assertThat(profile.exits())
                .filteredOn(e -> e.kind() == ExitKind.CODE_WRITE)
                .singleElement()
                .extracting(ExitCount::count)
                .isEqualTo(1L);
        assertThat(profile.exits())
                .filteredOn(e -> e.kind() == ExitKind.SYSCALL)
                .singleElement()
                .satisfies(e -> assertThat(e.nanos()).isPositive());
    }

    /** The JFR events of the runtime, recorded in this JVM while the loop translates, invalidates and exits. */
    @Test
    void jfrEventsForTranslationsInvalidationsAndExits() throws java.io.IOException {
        List<String> seen = new ArrayList<>();
        try (var recording = new jdk.jfr.Recording()) {
            for (String name : List.of("dev.jx86.Translation", "dev.jx86.Invalidation", "dev.jx86.GuestExit")) {
                recording.enable(name).withoutThreshold();
            }
            recording.start();
            TableTranslator tr = new TableTranslator();
            tr.blocks.put(0x1000L, LoopFixtures::countdown);
            tr.blocks.put(0x1010L, LoopFixtures::syscall);
            ExecutionLoop loop = new ExecutionLoop(tr);
            Cpu cpu = new Cpu(NO_MEMORY, CpuMode.LONG_64);
            cpu.rip(0x1000);
            cpu.gpr(StateLayout.RAX, 10);
            loop.run(cpu); // a system call: the exit event lasts until the next run
            loop.invalidate(0x1000, 0x2000);
            cpu.rip(0x1000);
            cpu.gpr(StateLayout.RAX, 10);
            loop.run(cpu);
            recording.stop();
            java.nio.file.Path file = java.nio.file.Files.createTempFile("jx86", ".jfr");
            try {
                recording.dump(file);
                for (var event : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
                    String name = event.getEventType().getName();
                    seen.add(name
                            + (event.hasField("pc") ? " 0x" + Long.toHexString(event.getLong("pc")) : "")
                            + (event.hasField("reason") ? " " + event.getString("reason") : ""));
                }
            } finally {
                java.nio.file.Files.delete(file);
            }
        }
        assertThat(seen)
                .contains(
                        "dev.jx86.Translation 0x1000",
                        "dev.jx86.Translation 0x1010",
                        "dev.jx86.Invalidation",
                        "dev.jx86.GuestExit 0x1012 syscall");
        assertThat(seen.stream().filter(e -> e.equals("dev.jx86.Translation 0x1000")))
                .hasSize(2);
    }
}
