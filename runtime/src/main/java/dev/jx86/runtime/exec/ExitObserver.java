package dev.jx86.runtime.exec;

import dev.jx86.runtime.abi.Cpu;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.runtime.jfr.GuestExitEvent;
import dev.jx86.runtime.jfr.Recorder;
import dev.jx86.runtime.profile.ExitKind;

/**
 * Sees every return of the execution loop to its caller (a system call, a fault, HLT, a stop request) and the next
 * run: emits the JFR {@link GuestExitEvent} spanning the runtime's work in between, logs exceptions for
 * {@code -d int}, and tells a {@link ProfileRecorder} when one records. Once per exit, never per block.
 */
final class ExitObserver {
    private GuestExitEvent pending;
    private ProfileRecorder profile;

    void profile(ProfileRecorder recorder) {
        this.profile = recorder;
    }

    /** The loop runs guest code again. */
    void resumed() {
        if (pending != null) {
            pending.commit();
            pending = null;
        }
        if (profile != null) {
            profile.resumed();
        }
    }

    /** The loop returns {@code stop} with {@code cpu} in the state it leaves. */
    void exited(Stop stop, Cpu cpu) {
        ExitKind kind = kindOf(stop);
        if (stop instanceof Stop.Fault f && LogItem.INT.enabledAt(f.pc())) {
            LogItem.INT.log(
                    "exception {} (vector {}, error code {}, address 0x{}) at pc 0x{}\n{}",
                    Vectors.mnemonic(f.fault().vector()),
                    f.fault().vector(),
                    f.fault().errorCode(),
                    Long.toHexString(f.fault().address()),
                    Long.toHexString(f.pc()),
                    CpuStateText.of(cpu));
        }
        if (profile != null) {
            profile.exited(kind);
        }
        if (!Recorder.started()) {
            return;
        }
        var event = new GuestExitEvent();
        if (event.isEnabled()) {
            event.begin();
            event.reason = kind.text();
            event.pc = cpu.rip();
            event.number = stop instanceof Stop.Fault f ? f.fault().vector() : cpu.state[StateLayout.RAX];
            pending = event;
        }
    }

    static ExitKind kindOf(Stop stop) {
        return switch (stop) {
            case Stop.Syscall s -> ExitKind.SYSCALL;
            case Stop.Fault f -> f.fault().vector() == Vectors.PF ? ExitKind.PAGE_FAULT : ExitKind.EXCEPTION;
            case Stop.Halt h -> ExitKind.HALT;
            case Stop.Requested r -> ExitKind.STOP_REQUEST;
        };
    }
}
