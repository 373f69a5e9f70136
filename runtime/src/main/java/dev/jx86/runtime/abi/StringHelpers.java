package dev.jx86.runtime.abi;

import static dev.jx86.runtime.abi.Helpers.define;

import dev.jx86.ir.Effect;
import dev.jx86.ir.Type;
import java.util.List;
import java.util.Set;

/**
 * REP-prefixed string instructions run in bulk ({@link StringLoop}): each helper does up to {@link StringLoop#LIMIT}
 * iterations, leaves RCX/RSI/RDI (at the address size), and for LODS RAX and for CMPS/SCAS the flags, as the
 * completed iterations left them — also when it stops with a page fault — and returns 1 when the instruction is
 * complete, 0 when it must run again. Arguments: element size and address size in bytes, the source segment's base
 * where there is a source (the destination is always ES, whose base is 0 in user mode). Ids 200-299.
 *
 * <p>These helpers break {@link HelperFunction}'s rule that a faulting helper changes nothing, as the instruction
 * does: an interrupted REP string instruction is architecturally part-done.
 */
public final class StringHelpers {
    private StringHelpers() {}

    private static final Set<Effect> READS =
            Set.of(Effect.READS_STATE, Effect.WRITES_STATE, Effect.READS_MEMORY, Effect.MAY_FAULT);
    private static final Set<Effect> WRITES = Set.of(
            Effect.READS_STATE, Effect.WRITES_STATE, Effect.READS_MEMORY, Effect.WRITES_MEMORY, Effect.MAY_FAULT);

    /** {@code rep_movs(size, addressSize, sourceBase) -> done}. */
    public static final RuntimeHelper REP_MOVS = define(
            200,
            "rep_movs",
            List.of(Type.I32, Type.I32, Type.I64),
            Type.I1,
            WRITES,
            (cpu, a) -> new StringLoop(cpu, (int) a[0], (int) a[1], true, true).movs(a[2]));

    /** {@code rep_stos(size, addressSize) -> done}: stores AL/AX/EAX/RAX. */
    public static final RuntimeHelper REP_STOS = define(
            201,
            "rep_stos",
            List.of(Type.I32, Type.I32),
            Type.I1,
            WRITES,
            (cpu, a) -> new StringLoop(cpu, (int) a[0], (int) a[1], false, true).stos());

    /** {@code rep_lods(size, addressSize, sourceBase) -> done}: the accumulator gets the last element. */
    public static final RuntimeHelper REP_LODS = define(
            202,
            "rep_lods",
            List.of(Type.I32, Type.I32, Type.I64),
            Type.I1,
            READS,
            (cpu, a) -> new StringLoop(cpu, (int) a[0], (int) a[1], true, false).lods(a[2]));

    /** {@code rep_cmps(size, addressSize, sourceBase, repne) -> done}: REPE (repne 0) or REPNE (1) CMPS. */
    public static final RuntimeHelper REP_CMPS = define(
            203,
            "rep_cmps",
            List.of(Type.I32, Type.I32, Type.I64, Type.I1),
            Type.I1,
            READS,
            (cpu, a) -> new StringLoop(cpu, (int) a[0], (int) a[1], true, true).compare(a[2], false, a[3] != 0));

    /** {@code rep_scas(size, addressSize, repne) -> done}. */
    public static final RuntimeHelper REP_SCAS = define(
            204,
            "rep_scas",
            List.of(Type.I32, Type.I32, Type.I1),
            Type.I1,
            READS,
            (cpu, a) -> new StringLoop(cpu, (int) a[0], (int) a[1], false, true).compare(0, true, a[2] != 0));

    static List<RuntimeHelper> all() {
        return List.of(REP_MOVS, REP_STOS, REP_LODS, REP_CMPS, REP_SCAS);
    }
}
