package dev.jx86.runtime.abi;

import static dev.jx86.runtime.abi.Helpers.define;

import dev.jx86.ir.Effect;
import dev.jx86.ir.Type;
import java.util.List;
import java.util.Set;

/**
 * Helpers for the general-purpose integer instructions that the IR has no short form for: 128-by-64-bit division,
 * CRC-32C, PDEP/PEXT, the BCD adjustments, CPUID and the time-stamp counter. Ids 100-199.
 */
public final class IntegerHelpers {
    private IntegerHelpers() {}

    private static final List<Type> HI_LO_DIVISOR = List.of(Type.I64, Type.I64, Type.I64);
    private static final Set<Effect> FAULTS = Set.of(Effect.MAY_FAULT);

    /** {@code div128(hi, lo, d)}: the unsigned quotient of hi:lo by d; #DE on a zero divisor or overflow. */
    public static final RuntimeHelper DIV128 = define(
            100,
            "div128",
            HI_LO_DIVISOR,
            Type.I64,
            FAULTS,
            (cpu, a) -> IntegerArithmetic.divideUnsigned(a[0], a[1], a[2]));

    /** {@code idiv128(hi, lo, d)}: the signed quotient; #DE on a zero divisor or a quotient beyond 64 bits. */
    public static final RuntimeHelper IDIV128 = define(
            101,
            "idiv128",
            HI_LO_DIVISOR,
            Type.I64,
            FAULTS,
            (cpu, a) -> IntegerArithmetic.divideSigned(a[0], a[1], a[2]));

    /** {@code rem128(hi, lo, d)}: the unsigned remainder (0 where {@link #DIV128} faults). */
    public static final RuntimeHelper REM128 = define(
            102,
            "rem128",
            HI_LO_DIVISOR,
            Type.I64,
            Set.of(),
            (cpu, a) -> IntegerArithmetic.remainderUnsigned(a[0], a[1], a[2]));

    /** {@code irem128(hi, lo, d)}: the signed remainder, with the dividend's sign (0 where IDIV faults). */
    public static final RuntimeHelper IREM128 = define(
            103,
            "irem128",
            HI_LO_DIVISOR,
            Type.I64,
            Set.of(),
            (cpu, a) -> IntegerArithmetic.remainderSigned(a[0], a[1], a[2]));

    /** {@code crc32c(crc, data, bytes)}: CRC32's accumulation of the low {@code bytes} bytes of data. */
    public static final RuntimeHelper CRC32C = define(
            110,
            "crc32c",
            List.of(Type.I32, Type.I64, Type.I32),
            Type.I32,
            Set.of(),
            (cpu, a) -> IntegerArithmetic.crc32c(a[0], a[1], (int) a[2]));

    /** {@code pdep(src, mask)} (BMI2). */
    public static final RuntimeHelper PDEP = define(
            111,
            "pdep",
            List.of(Type.I64, Type.I64),
            Type.I64,
            Set.of(),
            (cpu, a) -> IntegerArithmetic.deposit(a[0], a[1]));

    /** {@code pext(src, mask)} (BMI2). */
    public static final RuntimeHelper PEXT = define(
            112,
            "pext",
            List.of(Type.I64, Type.I64),
            Type.I64,
            Set.of(),
            (cpu, a) -> IntegerArithmetic.extract(a[0], a[1]));

    private static final List<Type> AX_FLAGS_IMM = List.of(Type.I16, Type.I64, Type.I8);

    /**
     * {@code daa(ax, flags, imm)} and the other BCD adjustments: AX and the status flags (EFLAGS layout) in, new AX
     * in bits 0-15 and new flags from bit 16 out ({@link DecimalAdjust}); imm is AAM's and AAD's base.
     */
    public static final RuntimeHelper DAA =
            define(120, "daa", AX_FLAGS_IMM, Type.I64, Set.of(), (cpu, a) -> DecimalAdjust.daa(a[0], a[1]));

    public static final RuntimeHelper DAS =
            define(121, "das", AX_FLAGS_IMM, Type.I64, Set.of(), (cpu, a) -> DecimalAdjust.das(a[0], a[1]));

    public static final RuntimeHelper AAA =
            define(122, "aaa", AX_FLAGS_IMM, Type.I64, Set.of(), (cpu, a) -> DecimalAdjust.aaa(a[0], a[1]));

    public static final RuntimeHelper AAS =
            define(123, "aas", AX_FLAGS_IMM, Type.I64, Set.of(), (cpu, a) -> DecimalAdjust.aas(a[0], a[1]));

    /** AAM: #DE for a zero base. */
    public static final RuntimeHelper AAM =
            define(124, "aam", AX_FLAGS_IMM, Type.I64, FAULTS, (cpu, a) -> DecimalAdjust.aam(a[0], a[2]));

    public static final RuntimeHelper AAD =
            define(125, "aad", AX_FLAGS_IMM, Type.I64, Set.of(), (cpu, a) -> DecimalAdjust.aad(a[0], a[2]));

    /**
     * {@code cpuid(leaf, subleaf)}: writes RAX, RBX, RCX, RDX (zero-extended 32-bit values) from {@link CpuidModel}.
     */
    public static final RuntimeHelper CPUID =
            define(130, "cpuid", List.of(Type.I32, Type.I32), Type.VOID, Set.of(Effect.WRITES_STATE), (cpu, a) -> {
                int[] r = CpuidModel.query((int) a[0], (int) a[1]);
                cpu.gpr(StateLayout.RAX, r[0] & 0xffffffffL);
                cpu.gpr(StateLayout.RBX, r[1] & 0xffffffffL);
                cpu.gpr(StateLayout.RCX, r[2] & 0xffffffffL);
                cpu.gpr(StateLayout.RDX, r[3] & 0xffffffffL);
                return 0;
            });

    private static final long TSC_ORIGIN = System.nanoTime();

    /**
     * {@code rdtsc()}: a monotonic time-stamp counter at 1 GHz (nanoseconds since the runtime started). Not pure:
     * two reads must not be merged, so it declares READS_STATE.
     */
    public static final RuntimeHelper RDTSC = define(
            131, "rdtsc", List.of(), Type.I64, Set.of(Effect.READS_STATE), (cpu, a) -> System.nanoTime() - TSC_ORIGIN);

    static List<RuntimeHelper> all() {
        return List.of(
                DIV128, IDIV128, REM128, IREM128, CRC32C, PDEP, PEXT, DAA, DAS, AAA, AAS, AAM, AAD, CPUID, RDTSC);
    }
}
