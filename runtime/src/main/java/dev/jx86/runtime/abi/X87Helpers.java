package dev.jx86.runtime.abi;

import static dev.jx86.runtime.abi.Helpers.define;

import dev.jx86.ir.Effect;
import dev.jx86.ir.Type;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Helpers of the x87 front end, ids 500-599 (docs/lifter-x87.md). Every x87 instruction but the few that only move
 * the control and status words is one call: the helper begins with the #MF check of waiting instructions, does the
 * exact 80-bit arithmetic ({@code dev.jx86.runtime.fpu}) on the register stack in the state and merges the
 * exception flags. Loads take their operand from an IR load; stores take the address and check the whole access
 * before changing anything, because an unmasked exception must leave memory unwritten. The hot helpers try
 * {@link X87FastPath} first.
 */
public final class X87Helpers {
    private X87Helpers() {}

    /** Reads and writes the state, may raise #MF. */
    private static final Set<Effect> STACK = EnumSet.of(Effect.READS_STATE, Effect.WRITES_STATE, Effect.MAY_FAULT);

    /**
     * The state slots the helpers without memory operands touch: the control, status and tag words and the registers.
     * Tier 1 keeps the other slots in its locals across their calls; those with memory operands synchronize the whole
     * state, as the memory system may read it.
     */
    private static final BitSet X87_STATE = x87State();

    private static BitSet x87State() {
        BitSet slots = new BitSet();
        slots.set(StateLayout.FPU_CONTROL);
        slots.set(StateLayout.FPU_STATUS);
        slots.set(StateLayout.FPU_TAG);
        slots.set(StateLayout.fpr(0), StateLayout.fpr(8));
        return slots;
    }

    private static final Set<Effect> STACK_AND_MEMORY = EnumSet.of(
            Effect.READS_STATE, Effect.WRITES_STATE, Effect.READS_MEMORY, Effect.WRITES_MEMORY, Effect.MAY_FAULT);

    /** {@code x87_wait()}: FWAIT (and FNOP): #MF if an unmasked exception is pending. */
    public static final RuntimeHelper WAIT = define(
            500,
            "x87_wait",
            List.of(),
            Type.VOID,
            EnumSet.of(Effect.READS_STATE, Effect.MAY_FAULT),
            X87_STATE,
            (cpu, a) -> {
                X87Stack.waitForExceptions(cpu);
                return 0;
            });

    /**
     * {@code x87_arith(op, dst, src, pop)}: ST(dst) = ST(dst) op ST(src), op the ModRM.reg of D8 (0 FADD, 1 FMUL, 4
     * FSUB, 5 FSUBR, 6 FDIV, 7 FDIVR), then a pop if {@code pop}.
     */
    public static final RuntimeHelper ARITH = define(
            501,
            "x87_arith",
            List.of(Type.I8, Type.I8, Type.I8, Type.I1),
            Type.VOID,
            STACK,
            X87_STATE,
            new X87FastPath.Arithmetic());

    /** {@code x87_arith_mem(op, format, bits)}: ST(0) = ST(0) op m ({@link X87MemoryFormat} ordinal). */
    public static final RuntimeHelper ARITH_MEMORY =
            define(502, "x87_arith_mem", List.of(Type.I8, Type.I8, Type.I64), Type.VOID, STACK, X87_STATE, (cpu, a) -> {
                X87Operations.arithmeticMemory(cpu, (int) a[0], X87MemoryFormat.of(a[1]), a[2]);
                return 0;
            });

    /**
     * {@code x87_compare(i, form, flags)}: FCOM/FUCOM/FCOMI/FUCOMI (and the popping forms) of ST(0) with ST(i); form
     * bit 0: unordered compare, bit 1: sets EFLAGS, bits 2-3: pops. Returns the status flags (EFLAGS layout) after it.
     */
    public static final RuntimeHelper COMPARE = define(
            503,
            "x87_compare",
            List.of(Type.I8, Type.I8, Type.I64),
            Type.I64,
            STACK,
            X87_STATE,
            new X87FastPath.Compare());

    /** {@code x87_compare_mem(format, bits, pop)}: FCOM/FCOMP m32fp/m64fp, FICOM/FICOMP m16int/m32int. */
    public static final RuntimeHelper COMPARE_MEMORY = define(
            504, "x87_compare_mem", List.of(Type.I8, Type.I64, Type.I1), Type.VOID, STACK, X87_STATE, (cpu, a) -> {
                X87Operations.compareMemory(cpu, X87MemoryFormat.of(a[0]), a[1], a[2] != 0);
                return 0;
            });

    /** {@code x87_load(format, bits, high)}: FLD/FILD/FBLD m; {@code high} holds bytes 8-9 of an 80-bit operand. */
    public static final RuntimeHelper LOAD = define(
            505, "x87_load", List.of(Type.I8, Type.I64, Type.I64), Type.VOID, STACK, X87_STATE, new X87FastPath.Load());

    /** {@code x87_load_reg(i)}: FLD ST(i). */
    public static final RuntimeHelper LOAD_REGISTER =
            define(506, "x87_load_reg", List.of(Type.I8), Type.VOID, STACK, X87_STATE, new X87FastPath.LoadRegister());

    /** {@code x87_store(format, address, pop, truncate)}: FST/FSTP/FIST/FISTP/FISTTP/FBSTP m. */
    public static final RuntimeHelper STORE = define(
            507, "x87_store", List.of(Type.I8, Type.I64, Type.I1, Type.I1), Type.VOID, STACK_AND_MEMORY, (cpu, a) -> {
                X87Operations.store(cpu, X87MemoryFormat.of(a[0]), a[1], a[2] != 0, a[3] != 0);
                return 0;
            });

    /** {@code x87_store_reg(i, pop)}: FST/FSTP ST(i). */
    public static final RuntimeHelper STORE_REGISTER = define(
            508,
            "x87_store_reg",
            List.of(Type.I8, Type.I1),
            Type.VOID,
            STACK,
            X87_STATE,
            new X87FastPath.StoreRegister());

    /** {@code x87_fxch(i)}: FXCH ST(i). */
    public static final RuntimeHelper EXCHANGE =
            define(509, "x87_fxch", List.of(Type.I8), Type.VOID, STACK, X87_STATE, new X87FastPath.Exchange());

    /** {@code x87_ffree(i, pop)}: FFREE ST(i), FFREEP ST(i). */
    public static final RuntimeHelper FREE =
            define(510, "x87_ffree", List.of(Type.I8, Type.I1), Type.VOID, STACK, X87_STATE, (cpu, a) -> {
                X87Operations.free(cpu, (int) a[0], a[1] != 0);
                return 0;
            });

    /** {@code x87_fcmov(condition, i)}: FCMOVcc ST(0), ST(i) with the condition evaluated by the lifter. */
    public static final RuntimeHelper CONDITIONAL_MOVE =
            define(511, "x87_fcmov", List.of(Type.I1, Type.I8), Type.VOID, STACK, X87_STATE, (cpu, a) -> {
                X87Operations.conditionalMove(cpu, a[0] != 0, (int) a[1]);
                return 0;
            });

    /**
     * {@code x87_fldcw(word)}: FLDCW. Waits first; a flag the new word unmasks becomes pending (ES set), so the next
     * waiting instruction raises #MF.
     */
    public static final RuntimeHelper LOAD_CONTROL =
            define(512, "x87_fldcw", List.of(Type.I16), Type.VOID, STACK, X87_STATE, (cpu, a) -> {
                X87Stack.waitForExceptions(cpu);
                cpu.state[StateLayout.FPU_CONTROL] = a[0] & 0xffff;
                long status = cpu.state[StateLayout.FPU_STATUS];
                boolean pending = (status & ~a[0] & 0x3f) != 0;
                cpu.state[StateLayout.FPU_STATUS] = pending ? status | 0x8080 : status & ~0x8080L;
                return 0;
            });

    /** {@code x87_fnstenv(address, wide)}: FNSTENV (28-byte image if {@code wide}, else 14), then all masked. */
    public static final RuntimeHelper STORE_ENVIRONMENT =
            define(513, "x87_fnstenv", List.of(Type.I64, Type.I1), Type.VOID, STACK_AND_MEMORY, (cpu, a) -> {
                X87Environment.storeEnvironment(cpu, a[0], a[1] != 0);
                return 0;
            });

    /** {@code x87_fldenv(address, wide)}: FLDENV. */
    public static final RuntimeHelper LOAD_ENVIRONMENT =
            define(514, "x87_fldenv", List.of(Type.I64, Type.I1), Type.VOID, STACK_AND_MEMORY, (cpu, a) -> {
                X87Stack.waitForExceptions(cpu);
                X87Environment.loadEnvironment(cpu, a[0], a[1] != 0);
                return 0;
            });

    /** {@code x87_fnsave(address, wide)}: FNSAVE (108 or 94 bytes), then FNINIT. */
    public static final RuntimeHelper SAVE =
            define(515, "x87_fnsave", List.of(Type.I64, Type.I1), Type.VOID, STACK_AND_MEMORY, (cpu, a) -> {
                X87Environment.save(cpu, a[0], a[1] != 0);
                return 0;
            });

    /** {@code x87_frstor(address, wide)}: FRSTOR. */
    public static final RuntimeHelper RESTORE =
            define(516, "x87_frstor", List.of(Type.I64, Type.I1), Type.VOID, STACK_AND_MEMORY, (cpu, a) -> {
                X87Stack.waitForExceptions(cpu);
                X87Environment.restore(cpu, a[0], a[1] != 0);
                return 0;
            });

    /** The first id of the {@link X87Function} helpers, one per function in declaration order. */
    private static final int FUNCTION_IDS = 530;

    private static final RuntimeHelper[] FUNCTIONS = functions();

    private static RuntimeHelper[] functions() {
        X87Function[] all = X87Function.values();
        RuntimeHelper[] helpers = new RuntimeHelper[all.length];
        for (X87Function f : all) {
            helpers[f.ordinal()] = define(
                    FUNCTION_IDS + f.ordinal(),
                    "x87_" + f.name().toLowerCase(java.util.Locale.ROOT),
                    List.of(),
                    Type.VOID,
                    STACK,
                    X87_STATE,
                    (cpu, a) -> {
                        X87Functions.run(cpu, f);
                        return 0;
                    });
        }
        return helpers;
    }

    /** The helper of an operand-less x87 instruction ({@code x87_fsin} for FSIN...). */
    public static RuntimeHelper function(X87Function f) {
        return FUNCTIONS[f.ordinal()];
    }

    static List<RuntimeHelper> all() {
        List<RuntimeHelper> all = new ArrayList<>(List.of(
                WAIT,
                ARITH,
                ARITH_MEMORY,
                COMPARE,
                COMPARE_MEMORY,
                LOAD,
                LOAD_REGISTER,
                STORE,
                STORE_REGISTER,
                EXCHANGE,
                FREE,
                CONDITIONAL_MOVE,
                LOAD_CONTROL,
                STORE_ENVIRONMENT,
                LOAD_ENVIRONMENT,
                SAVE,
                RESTORE));
        all.addAll(List.of(FUNCTIONS));
        return all;
    }
}
