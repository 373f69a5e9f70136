package dev.jx86.x86.lift;

import static dev.jx86.x86.decode.Mnemonic.*;

import dev.jx86.ir.IrBuilder;
import dev.jx86.ir.Type;
import dev.jx86.ir.Value;
import dev.jx86.runtime.abi.IntegerHelpers;
import dev.jx86.runtime.abi.Vectors;
import dev.jx86.x86.decode.Memory;
import dev.jx86.x86.decode.Register;

/**
 * Miscellaneous (SDM Vol. 1 7.3.15) and the processor-identity and timer instructions: LEA, the NOPs and hints, XLAT,
 * CPUID, RDTSC/RDTSCP. Hints (PAUSE, ENDBR, prefetches, cache flushes) do nothing: no cache is modelled. (CLFLUSH
 * on an unmapped address does not page-fault here; open.) The fences are lifted with the SSE state ({@code SseState}).
 * RDRAND, RDSEED and RDPID are #UD, as on a processor whose CPUID ({@code dev.jx86.runtime.abi.CpuidModel}) does not
 * report them.
 */
final class Miscellaneous implements Semantics {
    @Override
    public void register(HandlerTable t) {
        t.on(Miscellaneous::lea, LEA);
        t.on(
                c -> {},
                NOP,
                PAUSE,
                ENDBR32,
                ENDBR64,
                PREFETCH,
                PREFETCHW,
                PREFETCHWT1,
                PREFETCHNTA,
                PREFETCHT0,
                PREFETCHT1,
                PREFETCHT2,
                CLFLUSH,
                CLFLUSHOPT,
                CLWB,
                CLDEMOTE);
        t.on(Miscellaneous::xlat, XLAT);
        t.on(Miscellaneous::cpuid, CPUID);
        t.on(c -> rdtsc(c, false), RDTSC);
        t.on(c -> rdtsc(c, true), RDTSCP);
        t.on(c -> c.raise(Vectors.UD), RDRAND, RDSEED, RDPID);
    }

    /** LEA: the offset at the address size, truncated or zero-extended to the operand size; no segment base. */
    private static void lea(LiftContext c) {
        Value ea = c.effectiveAddress(c.memory(1));
        c.write(0, c.resize(ea, c.operandType()));
    }

    /** XLAT: AL = [seg:rBX + AL], the sum wrapped to the address size. */
    private static void xlat(LiftContext c) {
        IrBuilder b = c.ir();
        Memory m = c.memory(0);
        Type size = LiftContext.type(m.addressSize());
        Value offset = b.add(c.resize(c.read(m.base()), size), c.resize(c.read(Register.AL), size));
        Value address = c.withSegmentBase(m.segment(), c.resize(offset, Type.I64));
        c.write(Register.AL, c.load(Type.I8, address));
    }

    /** CPUID: the helper writes EAX, EBX, ECX, EDX (zero-extended) from leaf EAX, subleaf ECX. */
    private static void cpuid(LiftContext c) {
        c.call(IntegerHelpers.CPUID, c.read(Register.EAX), c.read(Register.ECX));
    }

    /** RDTSC: EDX:EAX = the time-stamp counter; RDTSCP also ECX = IA32_TSC_AUX (0: Linux's CPU 0, node 0). */
    private static void rdtsc(LiftContext c, boolean withAux) {
        Value tsc = c.call(IntegerHelpers.RDTSC);
        c.write(Register.EAX, c.resize(tsc, Type.I32));
        c.write(Register.EDX, c.ir().extract(Type.I32, tsc, 32));
        if (withAux) {
            c.write(Register.ECX, c.constant(Type.I32, 0));
        }
    }
}
