package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.RDSSPD;
import static dev.jx86.x86.decode.Mnemonic.RDSSPQ;
import static dev.jx86.x86.decode.Mnemonic.SYSCALL;
import static dev.jx86.x86.decode.Mnemonic.UD0;
import static dev.jx86.x86.decode.Mnemonic.UD1;
import static dev.jx86.x86.decode.Mnemonic.UD2;

import dev.jx86.ir.ExitReason;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.StateLayout;
import dev.jx86.runtime.abi.Vectors;

/**
 * System calls and the undefined-instruction opcodes. Privileged instructions (HLT, LGDT, MOV CR...) never reach a
 * handler in user mode: the lifter raises #GP(0) for them, as the processor does at CPL 3.
 */
final class SystemInstructions implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(SystemInstructions::syscall, SYSCALL);
        t.on(c -> c.raise(Vectors.UD), UD0, UD1, UD2);
        // Without shadow stacks (CET is not advertised) RDSSP is a hint NOP that leaves its register alone, which
        // is how glibc's setjmp/longjmp find out that shadow stacks are off; INCSSP, without a handler, is #UD.
        t.on(c -> {}, RDSSPD, RDSSPQ);
    }

    /**
     * SYSCALL in 64-bit mode: RCX gets the return address and R11 RFLAGS (the kernel's SYSRET restores both), then
     * the runtime services the call. Outside 64-bit mode user code cannot use it: #UD.
     */
    private static void syscall(LiftContext c) {
        if (!c.is64()) {
            c.raise(Vectors.UD);
            return;
        }
        Value rflags = c.ir().or(c.ir().flagsBits(c.flags()), c.get(Type.I64, StateLayout.RFLAGS));
        c.set(StateLayout.gpr(StateLayout.RCX), c.i64(c.next()));
        c.set(StateLayout.gpr(11), rflags);
        c.exit(ExitReason.SYSCALL, c.next());
    }
}
